"""The review queue's export: both formats read back with Hangul intact, formula
injection neutralised, controls removed, sealed reporters kept sealed unless asked."""

from __future__ import annotations

import csv
import stat
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from fieldbus.services import review_export
from fieldbus.services.review_export import COLUMNS, SEALED, ExportRefused

ATTACKS = ['=HYPERLINK("http://evil")', "+1", "-2+3", "@SUM(A1)"]


def _case(number: int, **changes: Any) -> dict[str, Any]:
    """One case as GET /api/v1/cases returns it (sync/hub/cases.py _entry); made up."""
    case = {
        "id": f"c-{number}", "type": "complaint", "receipt_no": f"B07A-20261126-{number:04d}",
        "device": "B07A", "version": 1, "kind": "grievance", "region": "경상북도 구미시",
        "title": "마을 진입로 포장 요청", "body": "진흙탕이 되어 어르신들이 다니기 어렵습니다",
        "petitioner": {"name": "가나다", "type": "individual", "phone": "010-1111-2222",
                       "address": "경상북도 구미시 선산읍 어딘가길 1"},
        "attachments": [], "review_state": "received", "review_note": None,
        "status": "received", "epeople_no": None,
        "received_at": "2026-11-26T01:30:00.000+00:00", "synced_at": "2026-11-26T01:40:00+00:00",
        "content": {}, "case_version": 1, "deadline_due": "2026-12-10T18:00:00+09:00",
        "deadline_rule": "grievance", "paused_since": None, "extensions": 0,
        "agency": "구미시청", "handler": None, "forwarded_at": None, "transferred_at": None,
        "closed_at": None, "answered_on": None,
    }
    case.update(changes)
    return case


def _cases() -> list[dict[str, Any]]:
    attacks = [_case(10 + i, title=text) for i, text in enumerate(ATTACKS)]
    return [
        _case(1, epeople_no="1AA-2611-0000123", review_state="forwarded",
              handler={"org": "구미시 도로과", "name": "최담당", "phone": "054-480-0000"}),
        _case(2, kind="report", title="보조금 부정수급 신고",
              petitioner={"name": "라마바", "phone": "010-3333-4444"}),
        _case(3, kind="report", petitioner={"sealed": True}),
        _case(4, title="\x1b[31m빨간 제목\x1b[0m", region="구미\u202e시"),
        _case(5, petitioner={"name": "=cmd|' /C calc'!A0", "phone": "-010"}),
        *attacks,
    ]


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _xlsx(path: Path) -> tuple[list[list[str]], Any]:
    book = load_workbook(path)
    sheet = book.active
    cells = [list(row) for row in sheet.iter_rows()]
    assert all(c.data_type == "s" for row in cells for c in row if c.value is not None)
    assert not any(c.data_type == "f" for row in cells for c in row)
    return [[c.value or "" for c in row] for row in cells], sheet


def _by_receipt(table: list[list[str]]) -> dict[str, dict[str, str]]:
    titles = table[0]
    return {row[0]: dict(zip(titles, row)) for row in table[1:]}


@pytest.fixture(params=["csv", "xlsx"])
def exported(request, tmp_path):
    """(format, read back) for a writer of each format: the table and rows written."""
    fmt = request.param
    write = review_export.write_csv if fmt == "csv" else review_export.write_xlsx

    def run(cases: list[dict], *, include_sealed: bool = False):
        path = tmp_path / f"queue.{fmt}"
        written = write(path, cases, include_sealed=include_sealed)
        table = _csv(path) if fmt == "csv" else _xlsx(path)[0]
        return table, written

    return fmt, run


def test_the_list_reads_back_with_its_hangul_and_no_body(exported):
    _, run = exported
    table, written = run(_cases())
    assert written == len(_cases()) and len(table) == written + 1
    assert table[0] == [title for _, title in COLUMNS]
    assert table[0][:5] == ["접수번호", "종류", "버스", "지역", "제목"]
    row = _by_receipt(table)["B07A-20261126-0001"]
    assert row == {"접수번호": "B07A-20261126-0001", "종류": "고충", "버스": "B07A",
                   "지역": "경상북도 구미시", "제목": "마을 진입로 포장 요청",
                   "민원인": "가나다", "연락처": "010-1111-2222", "검토 상태": "기관 전달",
                   "접수 일시": "2026-11-26 10:30", "처리 기한": "2026-12-10 18:00",
                   "처리 기관": "구미시청", "신청번호": "1AA-2611-0000123",
                   "처리담당자": "구미시 도로과 최담당 (054-480-0000)"}
    everything = repr(table)
    assert "진흙탕" not in everything and "어딘가길" not in everything  # neither body nor address


def test_formula_cells_come_back_as_quoted_text(exported):
    _, run = exported
    rows = _by_receipt(run(_cases())[0])
    for i, attack in enumerate(ATTACKS):
        assert rows[f"B07A-20261126-{10 + i:04d}"]["제목"] == "'" + attack
    odd = rows["B07A-20261126-0005"]
    assert odd["민원인"] == "'=cmd|' /C calc'!A0" and odd["연락처"] == "'-010"


def test_the_workbook_holds_no_formula_and_looks_like_a_list(tmp_path):
    path = tmp_path / "queue.xlsx"
    assert review_export.write_xlsx(path, _cases(), include_sealed=False) == len(_cases())
    _, sheet = _xlsx(path)  # every cell a string, none a formula
    assert sheet.title == "검토 대기열"
    assert sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1]) and not sheet["A2"].font.bold
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLM"]
    assert all(8 <= width <= 50 for width in widths)
    assert widths[4] > widths[2]  # the title wider than the bus code


def test_a_sealed_reporter_shows_as_sealed_unless_asked(exported):
    _, run = exported
    rows = _by_receipt(run(_cases())[0])
    for number in ("0002", "0003"):
        assert rows[f"B07A-20261126-{number}"]["민원인"] == SEALED
        assert rows[f"B07A-20261126-{number}"]["연락처"] == SEALED
    assert "라마바" not in repr(rows) and "010-3333-4444" not in repr(rows)

    rows = _by_receipt(run(_cases(), include_sealed=True)[0])
    assert rows["B07A-20261126-0002"]["민원인"] == "라마바"
    assert rows["B07A-20261126-0002"]["연락처"] == "010-3333-4444"
    # what the hub sealed is not on this laptop at all: still sealed
    assert rows["B07A-20261126-0003"]["민원인"] == SEALED


def test_control_characters_are_removed(exported):
    _, run = exported
    row = _by_receipt(run(_cases())[0])["B07A-20261126-0004"]
    assert row["제목"] == "[31m빨간 제목[0m" and row["지역"] == "구미시"
    assert "\x1b" not in repr(run(_cases())[0])


def test_cells_are_made_safe_one_by_one():
    cell = review_export.cell
    assert cell(None) == "" and cell(7) == "7"
    assert cell("\t=1+1") == "'\t=1+1"
    assert cell("\r=1+1") == "'\n=1+1"  # a carriage return is a line break, still quoted
    assert cell("줄\r\n바꿈") == "줄\n바꿈"
    assert cell("a=1") == "a=1" and cell("010-1234-5678") == "010-1234-5678"
    assert cell("\x00\x07가\x7f\x85") == "가"


def test_counsel_sessions_and_missing_values_export_blank(exported):
    _, run = exported
    counsel = _case(6, type="counsel", receipt_no="C-B07A-20261126-0001", kind=None,
                    petitioner=None, review_state=None, deadline_due=None, agency=None)
    row = _by_receipt(run([counsel])[0])["C-B07A-20261126-0001"]
    assert row["종류"] == "국선대리인 상담" and row["검토 상태"] == "검토 전"
    assert row["민원인"] == row["연락처"] == row["처리 기한"] == row["처리담당자"] == ""


def test_an_empty_filter_gives_the_header_alone(exported):
    _, run = exported
    table, written = run([])
    assert written == 0 and table == [[title for _, title in COLUMNS]]


def test_the_file_is_the_owners_and_a_failure_leaves_nothing(tmp_path):
    path = tmp_path / "queue.csv"
    review_export.write_csv(path, _cases(), include_sealed=False)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["queue.csv"]

    with pytest.raises(ExportRefused) as info:
        review_export.write_xlsx(tmp_path / "no-such-folder" / "queue.xlsx", _cases(),
                                 include_sealed=False)
    assert "\n" not in str(info.value) and "no-such-folder" in str(info.value)
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    with pytest.raises(ExportRefused):
        review_export.write_csv(folder, _cases(), include_sealed=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.csv", "queue.csv"]


def test_the_csv_starts_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "queue.csv"
    review_export.write_csv(path, [_case(1)], include_sealed=False)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + "접수번호".encode())
    assert raw.count(b"\xef\xbb\xbf") == 1
