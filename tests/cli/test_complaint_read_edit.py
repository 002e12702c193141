"""``complaint show``, ``complaint list`` and ``complaint edit`` (JSON Merge Patch)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldbus.domain.receipt_numbers import ALPHABET, format_receipt_no
from tests.cli.conftest import COMPLAINT_SAMPLES, DEVICE, sample
from tests.conftest import PIN


@pytest.fixture
def filled(ready):
    """Every sample added, oldest first; ``filled.numbers[name]`` is its receipt number."""
    ready.numbers = {name: ready.add(name).out.strip() for name in COMPLAINT_SAMPLES}
    return ready


def _other_check(receipt: str) -> str:
    """The same number with a different (wrong) check character."""
    wrong = next(c for c in ALPHABET if c != receipt[-1])
    return receipt[:-1] + wrong


# -- show -----------------------------------------------------------------------------


def test_show_prints_the_case(filled):
    receipt = filled.numbers["complaint-01.json"]
    result = filled("complaint", "show", receipt)
    assert result.code == 0, result
    intake = sample("complaint-01.json")
    assert receipt in result.out
    assert intake["title"] in result.out
    assert intake["body"] in result.out
    assert intake["agency"] in result.out
    assert "김영수" in result.out  # show reveals the petitioner (and is audited)


def test_show_json(filled):
    receipt = filled.numbers["complaint-03.json"]
    result = filled("complaint", "show", receipt, "--json")
    assert result.code == 0, result
    data = result.json()
    intake = sample("complaint-03.json")
    assert data["receipt_no"] == receipt
    for key in ("kind", "title", "body", "agency", "region", "channel", "disclosure",
                "notify_by", "outcome"):
        assert data[key] == intake[key], key
    assert data["petitioner"]["email"] == "minho.lee@example.com"
    assert data["sync_state"] == "pending" and data["review"] is None


def test_show_accepts_the_number_as_people_type_it(filled):
    receipt = filled.numbers["complaint-02.json"]
    for typed in (receipt.lower(), f"  {receipt} ", receipt.replace("-", ""),
                  receipt.replace("-", "－")):
        result = filled("complaint", "show", typed, "--json")
        assert result.code == 0, (typed, result)
        assert result.json()["receipt_no"] == receipt


def test_show_of_an_unknown_well_formed_number_is_exit_2(filled):
    unknown = format_receipt_no(DEVICE, date(2026, 1, 2), 4321)
    result = filled("complaint", "show", unknown)
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1 and unknown in result.err_lines[0]


def test_show_of_a_mistyped_check_character_is_exit_2_and_says_so(filled):
    receipt = filled.numbers["complaint-01.json"]
    result = filled("complaint", "show", _other_check(receipt))
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1
    line = result.err_lines[0].lower()
    assert "check character" in line and "mistyped" in line


def test_show_of_swapped_neighbours_is_caught(filled):
    receipt = filled.numbers["complaint-01.json"]  # e.g. B07A-261127-0001-X
    digits = receipt.split("-")[2]
    swapped = digits[:2] + digits[3] + digits[2]  # 0001 -> 0010
    mistyped = receipt.replace(f"-{digits}-", f"-{swapped}-")
    result = filled("complaint", "show", mistyped)
    assert result.code == 2, result
    assert "mistyped" in result.err


@pytest.mark.parametrize("text", ["nonsense", "B07A-261127-0001", "B07A-261131-0001-A", ""])
def test_show_of_something_that_is_not_a_receipt_number_is_exit_2(filled, text):
    result = filled("complaint", "show", text)
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "receipt" in result.err_lines[0]


# -- list -----------------------------------------------------------------------------


def test_list_shows_every_case_newest_first_with_masked_contacts(filled):
    result = filled("complaint", "list", "--json")
    assert result.code == 0, result
    items = result.json()
    expected = [filled.numbers[n] for n in reversed(COMPLAINT_SAMPLES)]
    assert [i["receipt_no"] for i in items] == expected
    first = next(i for i in items if i["receipt_no"] == filled.numbers["complaint-01.json"])
    assert first["petitioner"]["name"] == "김*수"
    assert first["petitioner"]["phone"] == "010-****-6789"
    plain = filled("complaint", "list")
    assert plain.code == 0
    assert [line.split("\t")[0] for line in plain.out_lines] == expected
    assert "김영수" not in plain.out


def test_list_limit(filled):
    result = filled("complaint", "list", "--json", "--limit", "2")
    assert result.code == 0, result
    assert [i["receipt_no"] for i in result.json()] == [
        filled.numbers[n] for n in reversed(COMPLAINT_SAMPLES)][:2]
    plain = filled("complaint", "list", "--limit", "3")
    assert len(plain.out_lines) == 3


@pytest.mark.parametrize("limit", ["0", "-1", "two"])
def test_list_bad_limit_is_exit_2(filled, limit):
    result = filled("complaint", "list", "--limit", limit)
    assert result.code == 2, result
    assert "limit" in result.err


@pytest.mark.parametrize("status,samples", [
    ("received", ["complaint-01.json", "complaint-03.json", "complaint-05.json"]),
    ("resolved", ["complaint-02.json", "complaint-04.json"]),
    ("referred", ["complaint-06.json"]),
    ("closed", []),
])
def test_list_status(filled, status, samples):
    result = filled("complaint", "list", "--json", "--status", status)
    assert result.code == 0, result
    items = result.json()
    assert {i["receipt_no"] for i in items} == {filled.numbers[n] for n in samples}
    assert all(i["status"] == status for i in items)


def test_list_status_and_limit_together(filled):
    result = filled("complaint", "list", "--json", "--status", "received", "--limit", "1")
    assert [i["receipt_no"] for i in result.json()] == [filled.numbers["complaint-05.json"]]


def test_list_unknown_status_is_exit_2(filled):
    result = filled("complaint", "list", "--status", "done")
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "status" in result.err_lines[0]


def test_list_of_an_empty_store(ready):
    assert ready("complaint", "list").out == ""
    assert ready("complaint", "list", "--json").json() == []


# -- edit -----------------------------------------------------------------------------


def _show(cli, receipt) -> dict:
    result = cli("complaint", "show", receipt, "--json")
    assert result.code == 0, result
    return result.json()


def test_edit_changes_the_title(filled):
    receipt = filled.numbers["complaint-01.json"]
    before = _show(filled, receipt)
    result = filled("complaint", "edit", receipt, filled.write({"title": "마을 진입로 포장 재요청"}))
    assert result.code == 0, result
    assert receipt in result.out and "version 2" in result.out
    after = _show(filled, receipt)
    assert after["title"] == "마을 진입로 포장 재요청"
    assert after["version"] == before["version"] + 1
    assert after["sync_state"] == "pending"
    for key in ("body", "petitioner", "received_at", "deadline", "receipt_no", "kind"):
        assert after[key] == before[key], key
    # The search index follows the edit.
    found = filled("search", "재요청", "--json").json()
    assert [c["receipt_no"] for c in found] == [receipt]


def test_edit_null_removes_a_nested_field_and_objects_merge(filled):
    receipt = filled.numbers["complaint-03.json"]
    before = _show(filled, receipt)
    assert before["petitioner"]["email"] == "minho.lee@example.com"
    patch = {"notify_by": "sms", "petitioner": {"email": None}}
    result = filled("complaint", "edit", receipt, filled.write(patch))
    assert result.code == 0, result
    after = _show(filled, receipt)
    assert after["petitioner"]["email"] is None
    assert after["notify_by"] == "sms"
    for key in ("name", "phone", "address", "postcode", "birth_year"):  # merged, not replaced
        assert after["petitioner"][key] == before["petitioner"][key], key


def test_edit_from_stdin(filled):
    receipt = filled.numbers["complaint-02.json"]
    result = filled("complaint", "edit", receipt, "-", stdin='{"agency": "국민연금공단"}')
    assert result.code == 0, result
    assert _show(filled, receipt)["agency"] == "국민연금공단"


def test_edit_that_changes_the_kind_recomputes_the_deadline(filled):
    receipt = filled.numbers["complaint-02.json"]  # inquiry: 7 days
    before = _show(filled, receipt)
    assert filled("complaint", "edit", receipt, filled.write({"kind": "suggestion"})).code == 0
    after = _show(filled, receipt)  # suggestion: 14 days from the same moment of receipt
    assert after["kind"] == "suggestion"
    assert after["received_at"] == before["received_at"]
    assert after["deadline"] > before["deadline"]
    assert after["deadline_rule"] == "suggestion"


def test_an_edit_that_changes_nothing_keeps_the_version(filled):
    receipt = filled.numbers["complaint-01.json"]
    result = filled("complaint", "edit", receipt, filled.write({"title": "마을 진입로 포장 요청"}))
    assert result.code == 0, result
    assert _show(filled, receipt)["version"] == 1


def test_edit_rrn_is_masked_with_a_warning(filled):
    receipt = filled.numbers["complaint-01.json"]
    result = filled("complaint", "edit", receipt, filled.write({"body": "번호 900101-2345678"}))
    assert result.code == 0, result
    assert any("resident registration" in line for line in result.err_lines)
    assert _show(filled, receipt)["body"] == "번호 900101-2******"


BAD_PATCHES = [
    ("removes-notify-target", "complaint-03.json", {"petitioner": {"email": None}}, "notify_by"),
    ("removes-required-title", "complaint-01.json", {"title": None}, "title"),
    ("unknown-kind", "complaint-01.json", {"kind": "complaint"}, "kind"),
    ("unknown-field", "complaint-01.json", {"urgency": "high"}, "urgency"),
    ("nul-in-body", "complaint-01.json", {"body": "a\x00b"}, "body"),
    ("title-too-long", "complaint-01.json", {"title": "가" * 201}, "title"),
    ("invalid-phone", "complaint-01.json", {"petitioner": {"phone": "010-12"}}, "petitioner.phone"),
    ("referred-without-referred-to", "complaint-01.json", {"outcome": "referred"}, "referred_to"),
    ("receipt-no-is-frozen", "complaint-01.json", {"receipt_no": "X"}, "receipt_no"),
    ("received-at-is-frozen", "complaint-01.json",
     {"received_at": "2026-01-01T00:00:00+09:00"}, "received_at"),
    ("not-an-object", "complaint-01.json", ["title"], "object"),
    ("wrong-type", "complaint-01.json", {"consent": {"personal_info": "yes"}},
     "consent.personal_info"),
]


@pytest.mark.parametrize("name,patch,field", [b[1:] for b in BAD_PATCHES],
                         ids=[b[0] for b in BAD_PATCHES])
def test_an_edit_that_makes_the_record_invalid_is_exit_2_and_changes_nothing(
        filled, name, patch, field):
    receipt = filled.numbers[name]
    before = _show(filled, receipt)
    listed = filled("complaint", "list", "--json").json()
    result = filled("complaint", "edit", receipt, filled.write(patch))
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1, result
    assert field in result.err_lines[0]
    assert "Traceback" not in result.err
    assert _show(filled, receipt) == before
    assert filled("complaint", "list", "--json").json() == listed


def test_edit_with_malformed_json_is_exit_2(filled):
    receipt = filled.numbers["complaint-01.json"]
    before = _show(filled, receipt)
    for raw in (b'{"title": ', b'{"title": "\xff"}', b"[" * 100_000):
        result = filled("complaint", "edit", receipt, filled.write(raw))
        assert result.code == 2, result
        assert len(result.err_lines) == 1, result
    assert _show(filled, receipt) == before


def test_edit_of_an_unknown_or_mistyped_receipt_is_exit_2(filled):
    patch = filled.write({"title": "새 제목"})
    unknown = format_receipt_no(DEVICE, date(2026, 1, 2), 4321)
    assert filled("complaint", "edit", unknown, patch).code == 2
    mistyped = filled("complaint", "edit", _other_check(filled.numbers["complaint-01.json"]),
                      patch)
    assert mistyped.code == 2
    assert "mistyped" in mistyped.err
    assert all(c["title"] != "새 제목" for c in filled("complaint", "list", "--json").json())


def test_edits_are_audited(filled):
    receipt = filled.numbers["complaint-01.json"]
    filled("complaint", "edit", receipt, filled.write({"title": "새 제목"}))
    from fieldbus.store.store import Store

    with Store.open(filled.data_dir, officer="홍길동", pin=PIN) as store:
        rows = store.db.execute("SELECT action, details FROM audit WHERE action = "
                                "'complaint_edited'").fetchall()
    assert len(rows) == 1
    assert json.loads(rows[0][1])["fields"] == ["title"]
    assert "새 제목" not in rows[0][1]  # the audit holds field names, not values
