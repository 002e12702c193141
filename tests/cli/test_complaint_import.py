"""``fieldbus complaint import``: JSON Lines; good lines saved, bad ones named by number."""

from __future__ import annotations

import json
import re
import sys

import pytest

from tests.cli.conftest import COMPLAINT_SAMPLES, RECEIPT_RE, sample
from tests.conftest import PIN


def _line(name: str) -> str:
    return json.dumps(sample(name), ensure_ascii=False)


def _bad_kind() -> str:
    intake = sample("complaint-02.json")
    intake["kind"] = "complaint"
    return json.dumps(intake, ensure_ascii=False)


# Line numbers matter: bad lines are 4 (unknown kind) and 6 (malformed JSON); lines 3 and
# 8 are empty or blank and skipped without complaint.
MIXED = [
    _line("complaint-01.json"),   # 1
    _line("complaint-02.json"),   # 2
    "",                           # 3
    _bad_kind(),                  # 4
    _line("complaint-03.json"),   # 5
    '{"kind": "inquiry", "title"',  # 6
    _line("complaint-04.json"),   # 7
    "   ",                        # 8
    _line("complaint-05.json"),   # 9
    _line("complaint-06.json"),   # 10
]
GOOD_TITLES = [sample(n)["title"] for n in COMPLAINT_SAMPLES]


def _check_bad_lines_reported(result) -> None:
    assert result.code == 2, result
    assert "Traceback" not in result.err
    numbered = [line for line in result.err_lines
                if line.startswith("line ") and "warning:" not in line]
    assert [line.split(":")[0] for line in numbered] == ["line 4", "line 6"], result
    assert "kind" in numbered[0]
    assert "JSON" in numbered[1]
    assert not any(line.startswith(("line 3", "line 8")) for line in result.err_lines)


def test_import_saves_the_good_lines_and_reports_the_bad_ones(ready):
    result = ready("complaint", "import", ready.write("\n".join(MIXED) + "\n", "batch.jsonl"))
    _check_bad_lines_reported(result)
    receipts = result.out_lines
    assert len(receipts) == 6
    assert all(re.match(RECEIPT_RE, r) for r in receipts), receipts
    assert len(set(receipts)) == 6
    listed = ready("complaint", "list", "--json").json()
    assert sorted(item["receipt_no"] for item in listed) == sorted(receipts)
    assert sorted(item["title"] for item in listed) == sorted(GOOD_TITLES)


def test_import_json_prints_one_object_per_line(ready):
    result = ready("complaint", "import", ready.write("\n".join(MIXED), "batch.jsonl"), "--json")
    _check_bad_lines_reported(result)
    lines = result.out.splitlines()
    assert len(lines) == 6
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(o, dict) for o in objects)
    assert [o["title"] for o in objects] == GOOD_TITLES
    for o in objects:
        assert re.match(RECEIPT_RE, o["receipt_no"])
        assert o["sync_state"] == "pending"
    listed = {item["receipt_no"] for item in ready("complaint", "list", "--json").json()}
    assert listed == {o["receipt_no"] for o in objects}


def test_import_from_stdin(ready):
    result = ready("complaint", "import", "-", stdin="\n".join(MIXED) + "\n")
    _check_bad_lines_reported(result)
    assert len(result.out_lines) == 6
    assert len(ready.receipts()) == 6


def test_import_of_only_good_lines_is_exit_0(ready):
    text = "\r\n".join(_line(n) for n in COMPLAINT_SAMPLES) + "\r\n\r\n"
    result = ready("complaint", "import", ready.write("\ufeff" + text, "good.jsonl"))
    assert result.code == 0, result
    assert len(result.out_lines) == len(COMPLAINT_SAMPLES)
    assert result.err_lines == []
    assert sorted(ready.receipts()) == sorted(result.out_lines)


def test_an_empty_import_is_exit_0_and_saves_nothing(ready):
    result = ready("complaint", "import", ready.write("\n\n  \n", "empty.jsonl"))
    assert result.code == 0, result
    assert result.out == ""
    assert ready.receipts() == []


@pytest.mark.parametrize("bad,words", [
    (b'{"kind": "inquiry", "title": "\xff\xfe"}', ["UTF-8"]),
    (json.dumps(sample("complaint-01.json") | {"title": "a\x00b"}).encode(), ["title"]),
    (json.dumps(sample("complaint-01.json") | {"urgency": 1}).encode(), ["urgency"]),
    (b"[1, 2, 3]", ["object"]),
    (b"[" * 50_000, ["JSON"]),
], ids=["not-utf8", "nul-in-title", "unknown-field", "not-an-object", "deeply-nested"])
def test_each_kind_of_bad_line_is_reported_with_its_number(ready, bad, words):
    raw = b"\n".join([_line("complaint-01.json").encode(), bad,
                      _line("complaint-02.json").encode()])
    result = ready("complaint", "import", ready.write(raw, "batch.jsonl"))
    assert result.code == 2, result
    assert "Traceback" not in result.err
    numbered = [line for line in result.err_lines if line.startswith("line ")]
    assert len(numbered) == 1, result
    assert numbered[0].startswith("line 2:")
    for word in words:
        assert word in numbered[0]
    assert len(result.out_lines) == 2
    assert len(ready.receipts()) == 2


def test_warnings_name_their_line(ready):
    intake = sample("complaint-02.json")
    intake["body"] += " 900101-1234567"
    text = "\n".join([_line("complaint-01.json"), json.dumps(intake, ensure_ascii=False)])
    result = ready("complaint", "import", ready.write(text, "batch.jsonl"))
    assert result.code == 0, result
    warnings = [line for line in result.err_lines if "resident registration" in line]
    assert len(warnings) == 1 and warnings[0].startswith("line 2:")
    bodies = [c["body"] for c in ready("complaint", "list", "--json").json()]
    assert not any("1234567" in b for b in bodies)


def test_import_of_a_missing_file_is_exit_2(ready, tmp_path):
    result = ready("complaint", "import", tmp_path / "nope.jsonl")
    assert result.code == 2, result
    assert any("nope.jsonl" in line for line in result.err_lines)


def _small_batches(monkeypatch, size: int) -> None:
    """Commit every ``size`` lines (the batch size is the importer's)."""
    from fieldbus.services.intake import importer

    monkeypatch.setattr(importer, "BATCH", size)


def test_import_commits_in_batches_and_numbers_every_line(ready, monkeypatch):
    _small_batches(monkeypatch, 2)
    lines = [_line(COMPLAINT_SAMPLES[i % len(COMPLAINT_SAMPLES)]) for i in range(7)]
    lines.insert(3, "{oops")
    result = ready("complaint", "import", ready.write("\n".join(lines), "batch.jsonl"))
    assert result.code == 2, result
    assert [line.split(":")[0] for line in result.err_lines if line.startswith("line ")] \
        == ["line 4"]
    assert len(result.out_lines) == 7
    assert sorted(ready.receipts()) == sorted(result.out_lines)


def test_a_receipt_is_printed_only_once_its_batch_is_committed(ready, monkeypatch):
    """Another connection must already see every receipt number at the moment it is printed."""
    import io

    from fieldbus.store.store import Store

    _small_batches(monkeypatch, 2)
    observer = Store.open(ready.data_dir, officer="홍길동", pin=PIN)
    seen: list[tuple[str, bool]] = []

    class Probe(io.StringIO):
        def write(self, text: str) -> int:
            for receipt in re.findall(r"[A-Z0-9]{2,6}-\d{6}-\d{4}-[0-9A-Z]", text):
                row = observer.db.execute("SELECT 1 FROM complaints WHERE receipt_no = ?",
                                          (receipt,)).fetchone()
                seen.append((receipt, row is not None))
            return super().write(text)

    monkeypatch.setattr(sys, "stdout", Probe())
    try:
        text = "\n".join(_line(COMPLAINT_SAMPLES[i % len(COMPLAINT_SAMPLES)]) for i in range(5))
        result = ready("complaint", "import", ready.write(text, "batch.jsonl"))
    finally:
        observer.close()
    assert result.code == 0, result
    assert len(seen) == 5
    assert all(committed for _, committed in seen), seen


def test_a_large_import_reports_the_same_lines(ready):
    """A file past the size where validation moves to a second process, if there is one."""
    lines = []
    for i in range(1, 131):
        intake = sample(COMPLAINT_SAMPLES[i % len(COMPLAINT_SAMPLES)])
        intake["body"] = f"{i}번 " + "마을진입로가 비만 오면 진흙탕이 됩니다. " * 150
        lines.append(json.dumps(intake, ensure_ascii=False))
    lines[49] = _bad_kind()
    lines[99] = "{not json"
    path = ready.write("\n".join(lines) + "\n", "large.jsonl")
    assert path.stat().st_size > 1 << 20
    result = ready("complaint", "import", path)
    assert result.code == 2, result
    assert [line.split(":")[0] for line in result.err_lines if line.startswith("line ")] \
        == ["line 50", "line 100"]
    assert len(result.out_lines) == 128
    assert sorted(ready.receipts()) == sorted(result.out_lines)
