"""The review queue's current filter as a CSV or Excel list, for a supervisor's report.

The export is a list, not the record: a row says which case, where it stands and who
handles it — never the complaint's body. The cases come from the hub
(``GET /api/v1/cases``, :func:`sync.hub.cases._entry`); the caller
(:meth:`fieldbus.services.review_desk.ReviewDesk.export`) reads the whole filter and
audits the export with its reason.

Every cell is text somebody typed on a laptop, so it is made safe for a spreadsheet
before it is written (OWASP "CSV Injection"): a cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a line break (carriage return or line feed) is prefixed with
``'`` so Excel or LibreOffice shows it instead of evaluating it (``=HYPERLINK(...)``
would otherwise be a live link, and older Excel ran DDE commands), and control
characters other than tab and newline —
a terminal escape, a bidi override that reorders what the reader sees — are removed. In
the workbook every cell is also stored as a string, never a formula.

A public-interest reporter's identity is sealed (공익신고자 보호법 제12조): a case whose
petitioner the hub sealed, or any ``report``, shows ``(비공개)`` as name and contact
unless the supervisor chose to include them (and said why, in the audited reason).
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from sync.deadlines import KST

COLUMNS: tuple[tuple[str, str], ...] = (
    ("receipt_no", "접수번호"),
    ("kind", "종류"),
    ("device", "버스"),
    ("region", "지역"),
    ("title", "제목"),
    ("petitioner", "민원인"),
    ("contact", "연락처"),
    ("review_state", "검토 상태"),
    ("received_at", "접수 일시"),
    ("deadline_due", "처리 기한"),
    ("agency", "처리 기관"),
    ("epeople_no", "신청번호"),
    ("handler", "처리담당자"),
)
SEALED = "(비공개)"
SHEET_TITLE = "검토 대기열"

#: The words of the review workspace (fieldbus/ui/review/case_words.py), repeated here
#: because services never import the UI: a printed list and the screen say the same.
KINDS = {"inquiry": "질의", "suggestion": "건의", "grievance": "고충",
         "report": "부패·공익신고", "passive_admin": "소극행정신고", "other": "기타"}
COUNSEL = "국선대리인 상담"
STATES = {None: "검토 전", "received": "검토 중", "has_issues": "보완 요청",
          "edited": "보완 제출", "approved": "승인", "rejected": "반려",
          "forwarded": "기관 전달", "closed": "처리 완료"}

#: C0 controls but tab and newline, DEL, C1, the line/paragraph separators, bidi controls.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: What makes a spreadsheet read a cell as a formula (OWASP), and a line feed: a carriage
#: return is kept as a line break, and a cell that began with one stays quoted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Excel's most characters in one cell, and its rows in one sheet (with the header).
_XLSX_CELL_MAX = 32_767
_XLSX_ROWS_MAX = 1_048_576


class ExportRefused(ValueError):
    """The export cannot be written (no such folder, no permission, too many rows for
    Excel): a user error; ``str()`` is the one line to show."""


def cell(value: Any) -> str:
    """``value`` as safe spreadsheet text (see the module's text)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(cases: Iterable[dict], *, include_sealed: bool) -> list[list[str]]:
    """One row of :data:`COLUMNS` per case, every cell made safe; no header."""
    return [[cell(value) for value in _values(case, include_sealed)] for case in cases]


def header() -> list[str]:
    return [title for _, title in COLUMNS]


def write_csv(path: Path, cases: Iterable[dict], *, include_sealed: bool) -> int:
    """UTF-8 with a byte order mark (Excel then reads Hangul right), header first; the
    number of case rows written."""
    table = rows(cases, include_sealed=include_sealed)

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
            out.writerow(header())
            out.writerows(table)

    _atomic(path, write)
    return len(table)


def write_xlsx(path: Path, cases: Iterable[dict], *, include_sealed: bool) -> int:
    """An Excel workbook of one sheet, every cell a string: bold frozen header, columns
    as wide as their text; the number of case rows written."""
    table = rows(cases, include_sealed=include_sealed)
    if len(table) + 1 > _XLSX_ROWS_MAX:
        raise ExportRefused(f"{len(table)} cases are more than one Excel sheet holds "
                            f"({_XLSX_ROWS_MAX - 1}); narrow the filter or export to CSV")
    _atomic(path, lambda target: _workbook(table).save(target))
    return len(table)


# -- one case's values ---------------------------------------------------------------------

def _values(case: dict, include_sealed: bool) -> list[Any]:
    person = case.get("petitioner")
    person = person if isinstance(person, dict) else {}
    sealed = bool(person.get("sealed")) or case.get("kind") == "report"
    shown = include_sealed and not person.get("sealed")
    name = person.get("name")
    contact = person.get("phone") or person.get("email")
    if sealed and not shown:
        name = contact = SEALED
    values = {
        "receipt_no": case.get("receipt_no"),
        "kind": COUNSEL if case.get("type") == "counsel"
        else KINDS.get(case.get("kind"), case.get("kind")),
        "device": case.get("device"),
        "region": case.get("region"),
        "title": case.get("title"),
        "petitioner": name,
        "contact": contact,
        "review_state": STATES.get(case.get("review_state"), case.get("review_state")),
        "received_at": _moment(case.get("received_at")),
        "deadline_due": _moment(case.get("deadline_due")),
        "agency": case.get("agency"),
        "epeople_no": case.get("epeople_no"),
        "handler": _handler(case.get("handler")),
    }
    return [values[key] for key, _ in COLUMNS]


def _moment(iso: Any) -> Any:
    """A hub time as the centre reads it, in KST (``2026-11-26 10:30``); a date, or text
    that is not a time, as it is."""
    if not isinstance(iso, str) or len(iso) <= 10:
        return iso
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone(KST)
    return when.strftime("%Y-%m-%d %H:%M")


def _handler(handler: Any) -> Any:
    """소속 성명 (연락처): the official the case was assigned to."""
    if not isinstance(handler, dict):
        return handler
    who = " ".join(str(handler[key]) for key in ("org", "name") if handler.get(key))
    phone = handler.get("phone")
    return f"{who} ({phone})" if phone else who


# -- files ---------------------------------------------------------------------------------

def _workbook(table: list[list[str]]) -> Any:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)  # rows streamed: an export may hold 100,000 cases
    sheet = book.create_sheet(SHEET_TITLE)
    for index, width in enumerate(_widths([header(), *table]), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def text(value: str, font: Font | None = None) -> Any:
        item = WriteOnlyCell(sheet, value=value[:_XLSX_CELL_MAX])
        item.data_type = "s"  # a string whatever it looks like: never a formula or error
        if font is not None:
            item.font = font
        return item

    sheet.append([text(title, bold) for title in header()])
    for row in table:
        sheet.append([text(value) for value in row])
    return book


def _widths(table: list[list[str]], *, sample: int = 1_000) -> list[float]:
    """Each column as wide as its widest text among the first rows (a Hangul syllable
    takes two widths), within 8 and 50."""
    widest = [0] * len(COLUMNS)
    for row in table[:sample]:
        for index, value in enumerate(row):
            line = max(value.split("\n"), key=len) if value else ""
            width = sum(2 if ord(char) >= 0x1100 else 1 for char in line)
            widest[index] = max(widest[index], width)
    return [min(max(width + 2, 8), 50) for width in widest]


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside ``path``: a failed export leaves no half
    file, and an older export at ``path`` stays whole until the new one is complete. The
    file is the owner's only (``mkstemp``'s 0600): it holds personal data."""
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportRefused(f"cannot write in {path.parent}: {exc.strerror}") from None
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise ExportRefused(f"cannot write {path}: {exc.strerror}") from None
    finally:
        temporary.unlink(missing_ok=True)
