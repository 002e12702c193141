"""What the window prints (issue 12, "Printing what the bus needs"): the copy, the layout
and the printer chosen on the after-save screen and at a reprint, with this laptop's
defaults in settings; printing off the GUI thread; a printer error that says what to do.

Real widgets over a real SQLCipher store on the real worker. What was printed is read back
from the PDF it produced with poppler (``pdftotext``, ``pdfinfo``). The one "printer" is a
``QPrinter`` writing a PDF file (no CUPS queue here), as in ``test_cli_printing``.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from fieldbus.domain.intake import parse_complaint, parse_counsel
from fieldbus.services import settings
from fieldbus.store import complaints, counsel
from fieldbus.store.store import Store
from fieldbus.ui.printing import printer as printing
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import (  # noqa: F401  (fixtures)
    OTHER_PIN,
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in,
)

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

MM = 72 / 25.4


def pdf_words(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_width_mm(path: Path) -> float:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    width = float(re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).group(1))
    return width / MM


def is_office_copy(path: Path) -> bool:
    text = squashed(pdf_words(path))
    return "기관보관용" in text and "민원인서명" in text and "민원인보관용" not in text


def is_citizen_copy(path: Path) -> bool:
    text = squashed(pdf_words(path))
    return "민원인보관용" in text and "기관보관용" not in text


def _saved_case(data_dir) -> str:
    """A store with 홍길동 and one saved case; its receipt number."""
    make_store(data_dir)
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        officer = store.sign_in("홍길동", PIN)
        draft, _ = parse_complaint(sample("complaint-01.json"), now=store.clock())
        return complaints.add(store, draft, officer).receipt_no


@pytest.fixture
def after_save(qtbot, open_window, data_dir, monkeypatch):
    """Start (or restart) the window signed in, on the screen shown after the case was
    saved: (window, the after-save screen, the number)."""
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    monkeypatch.delenv("FIELDBUS_RECEIPT_LAYOUT", raising=False)
    numbers: list[str] = []

    def start():
        if not numbers:
            numbers.append(_saved_case(data_dir))
        window = open_window()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        sign_in(qtbot, window.signin_page, PIN)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
        page = window.intake_page
        qtbot.waitUntil(lambda: not page.drafts.restoring)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page.views.setCurrentWidget(page.receipt_view)
        page.receipt_view.show_number(numbers[0])
        qtbot.waitUntil(page.receipt_view.print_button.hasFocus)
        return window, page.receipt_view, numbers[0]

    return start


def _enter_and_wait(qtbot, view, *, timeout=15_000) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.printing, timeout=timeout)


def _printed_pdfs(exports: Path) -> list[Path]:
    return sorted(exports.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns)


def _receipt_prints(data_dir) -> list[dict]:
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        rows = store.db.execute("SELECT details FROM audit WHERE action = 'receipt_printed' "
                                "ORDER BY seq").fetchall()
    return [json.loads(r[0]) for r in rows]


# -- the after-save screen ------------------------------------------------------------------


def test_the_office_copy_chosen_after_a_save_is_the_office_copy(qtbot, after_save, exports,
                                                                 data_dir):
    window, view, number = after_save()
    choices = view.choices
    assert choices.copy.currentData() == "citizen"  # the default: the citizen's copy
    choices.copy.setCurrentIndex(choices.copy.findData("office"))
    view.print_button.setFocus()
    _enter_and_wait(qtbot, view)
    [office] = _printed_pdfs(exports)
    assert is_office_copy(office), pdf_words(office)
    assert number in squashed(pdf_words(office))
    assert page_width_mm(office) == pytest.approx(210, abs=0.5)  # the office copy is A4
    window.shutdown()
    assert [(p["copy"], p["layout"]) for p in _receipt_prints(data_dir)] == [("office", "a4")]


def test_both_copies_are_printed_citizen_first(qtbot, after_save, exports):
    window, view, _number = after_save()
    view.choices.copy.setCurrentIndex(view.choices.copy.findData("both"))
    view.print_button.setFocus()
    _enter_and_wait(qtbot, view)
    citizen, office = _printed_pdfs(exports)
    assert is_citizen_copy(citizen) and is_office_copy(office)
    status = window.intake_page.status.text()
    assert citizen.name in status and office.name in status, status


def test_the_roll_layout_is_80_mm_wide(qtbot, after_save, exports):
    window, view, _number = after_save()
    view.choices.paper.setCurrentIndex(view.choices.paper.findData("roll80"))
    view.print_button.setFocus()
    _enter_and_wait(qtbot, view)
    [roll] = _printed_pdfs(exports)
    assert page_width_mm(roll) == pytest.approx(80, abs=0.5)
    assert is_citizen_copy(roll)


def test_the_defaults_set_in_settings_are_used_after_a_restart(qtbot, after_save, exports):
    window, view, _number = after_save()
    from fieldbus.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.office_copy.setChecked(True)
    dialog.receipt_layout.setCurrentIndex(dialog.receipt_layout.findData("roll80"))
    assert dialog.printer.currentData() == ""  # no printer chosen yet: save a PDF
    dialog.accept()
    stored = json.loads(settings.settings_path().read_text())
    assert stored["print_office_copy"] is True and stored["receipt_layout"] == "roll80"
    window.shutdown()

    window, view, _number = after_save()  # the next start reads the file again
    assert view.choices.copy.currentData() == "both"
    assert view.choices.paper.currentData() == "roll80"
    _enter_and_wait(qtbot, view)  # Enter: the defaults, one key
    citizen, office = _printed_pdfs(exports)
    assert is_citizen_copy(citizen) and page_width_mm(citizen) == pytest.approx(80, abs=0.5)
    assert is_office_copy(office) and page_width_mm(office) == pytest.approx(210, abs=0.5)


def test_the_environment_overrides_the_settings(monkeypatch, tmp_path):
    from fieldbus.ui.printing.choices import defaults

    chosen = settings.Settings(print_office_copy=True, receipt_layout="roll80", printer="창구")
    assert defaults(chosen, environ={}).printer == "창구"
    assert defaults(chosen, environ={}).layout == "roll80"
    assert defaults(chosen, environ={}).copies == ("citizen", "office")
    env = {"FIELDBUS_PRINTER": "배포용", "FIELDBUS_RECEIPT_LAYOUT": "a4"}
    assert defaults(chosen, environ=env).printer == "배포용"
    assert defaults(chosen, environ=env).layout == "a4"
    assert defaults(settings.Settings(), environ={}).printer == ""  # default: a PDF file
    assert defaults(settings.Settings(), environ={}).layout == "a4"


def test_print_settings_round_trip_and_bad_values_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    chosen = settings.Settings(print_office_copy=True, receipt_layout="roll80",
                               printer="HP LaserJet 창구")
    settings.save(chosen, path)
    assert settings.read(path) == (chosen, None)
    path.write_text(json.dumps({"receipt_layout": "a3", "print_office_copy": "yes",
                                "printer": 7}))
    loaded, problem = settings.read(path)
    assert (loaded.receipt_layout, loaded.print_office_copy, loaded.printer) == ("a4", False, "")
    assert "receipt_layout 'a3'" in problem and "print_office_copy" in problem \
        and "printer 7" in problem


def test_an_unknown_printer_says_what_to_do_and_the_case_stays_saved(qtbot, after_save,
                                                                      data_dir, exports):
    settings.save(settings.Settings(printer="창구프린터-없음"))
    window, view, number = after_save()
    _enter_and_wait(qtbot, view)
    line = view.print_message.text()
    assert "프린터 ‘창구프린터-없음’를 찾을 수 없습니다. 설정에서 프린터를 고르거나 " \
           "PDF로 저장하십시오." in line, line
    assert "저장되어 있습니다" in line and "재발행" in line, line  # the reprint path is named
    assert "\n" not in line and "Traceback" not in line and "no printer" not in line
    assert not _printed_pdfs(exports)
    window.shutdown()
    assert _receipt_prints(data_dir) == []  # a print that did not happen is not counted


def test_the_window_stays_responsive_while_printing(qtbot, after_save, monkeypatch, tmp_path):
    """A slow printer (half a second to take the job) on the worker: the GUI's timer keeps
    firing meanwhile, and the paper is the roll receipt, through Qt."""
    paper = tmp_path / "paper.pdf"
    spans: list[tuple[float, float, int]] = []
    real_print, real_printer_for = printing.print_pdf, printing.printer_for

    def pdf_printer(name, *, roll80, pdf=None):
        assert name == "창구프린터" and roll80
        made = real_printer_for(None, roll80=roll80, pdf=pdf)  # the roll page, on a PDF file
        made.setOutputFileName(str(paper))
        made.setResolution(150)
        return made

    def slow_print(pdf, target):
        start = time.monotonic()
        time.sleep(0.5)
        pages = real_print(pdf, target)
        spans.append((start, time.monotonic(), threading.get_ident()))
        return pages

    monkeypatch.setattr(printing, "printer_for", pdf_printer)
    monkeypatch.setattr(printing, "print_pdf", slow_print)
    settings.save(settings.Settings(printer="창구프린터", receipt_layout="roll80"))
    window, view, number = after_save()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    _enter_and_wait(qtbot, view)
    timer.stop()
    [(start, end, thread)] = spans
    assert thread != threading.get_ident()  # not on the GUI thread
    during = [t for t in ticks if start < t < end]
    assert len(during) >= 10, (len(during), end - start)
    assert paper.exists() and page_width_mm(paper) == pytest.approx(80, abs=0.5)
    assert "인쇄했습니다" in window.intake_page.status.text()


def test_choose_printer_opens_qts_dialog_and_remembers_the_choice(qtbot, after_save):
    from PySide6.QtPrintSupport import QPrintDialog

    settings.save(settings.Settings(printer="창구프린터-없음"))
    window, view, _number = after_save()
    assert "창구프린터-없음" in view.choices.printer_label.text()
    qtbot.mouseClick(view.choices.choose_printer, Qt.MouseButton.LeftButton)
    dialog = view.choices.findChild(QPrintDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    dialog.accept()  # no print queue here: Qt offers its PDF file "printer"
    qtbot.waitUntil(lambda: settings.load().printer == "")
    assert "PDF" in view.choices.printer_label.text()


# -- reprints ---------------------------------------------------------------------------


def test_the_case_list_reprints_the_office_copy(qtbot, after_save, exports):
    window, _view, number = after_save()
    window.tabs.setCurrentWidget(window.cases_page)
    page = window.cases_page
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1)
    page.table.setFocus()
    page.select_row(0)
    qtbot.waitUntil(page.reprint.isEnabled)
    choices = page.reprint_choices
    choices.copy.setCurrentIndex(choices.copy.findData("office"))
    qtbot.mouseClick(page.reprint, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "발행했습니다" in page.message.text(), timeout=15_000)
    [office] = _printed_pdfs(exports)
    assert is_office_copy(office)


def test_a_counsel_reprint_on_the_roll(qtbot, open_window, data_dir, exports, monkeypatch):
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    make_store(data_dir, "오세진")
    with Store.open(data_dir, officer="오세진", pin=OTHER_PIN) as store:
        draft, _ = parse_counsel(sample("counsel-01.json"), now=store.clock())
        number = counsel.add(store, draft, store.officer).number
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    combo = window.signin_page.officer
    combo.setCurrentIndex(combo.findText("오세진"))
    sign_in(qtbot, window.signin_page, OTHER_PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    window.tabs.setCurrentWidget(window.counsel_page)
    page = window.counsel_page
    page.views.setCurrentWidget(page.detail_view)
    detail = page.detail_view
    detail.show_session(number)
    qtbot.waitUntil(detail.reprint.isEnabled)
    assert not hasattr(detail.choices, "copy") or not detail.choices.copy.isVisible()
    detail.choices.paper.setCurrentIndex(detail.choices.paper.findData("roll80"))
    detail.reprint.setFocus()
    qtbot.keyClick(detail.reprint, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "발행했습니다" in detail.message.text(), timeout=15_000)
    assert page_width_mm(detail.last_pdf) == pytest.approx(80, abs=0.5)
    assert number in squashed(pdf_words(detail.last_pdf))


def test_no_printer_set_up_is_said_in_korean_with_what_to_do(qapp):
    from fieldbus.domain.errors import PrintFailed
    from fieldbus.ui.printing.choices import failure_reason

    line = failure_reason(PrintFailed("this laptop has no printer set up", code="no_printer"),
                          "default")
    assert line == ("이 노트북에 설정된 프린터가 없습니다. 시스템 설정에서 프린터를 추가하거나 "
                    "PDF로 저장하십시오.")
