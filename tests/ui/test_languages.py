"""English through Qt Linguist files, the settings dialog, and layouts with long text.

The .ts under ``resources/i18n`` must hold a finished English translation of every string
the UI sources have now, and the committed .qm must be what lrelease makes of it: a new
untranslated string fails here, with the command that fixes it.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)

from fieldbus.services import settings
from fieldbus.services.settings import Settings
from fieldbus.ui.shell import app as ui_app
from fieldbus.ui.shell import display
from tests.conftest import PIN, ROOT
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401

TS = ROOT / "resources" / "i18n" / "fieldbus_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
FIX = "run `bash scripts/update-translations.sh`, translate the new messages in " \
      "resources/i18n/fieldbus_en.ts, and run the script again"
PLACEHOLDER = re.compile(r"\{\d+\}")
HANGUL = re.compile("[\uac00-\ud7a3]")
ENGLISH_TABS = ["Today's visit", "Complaint intake", "Counsel sessions", "Cases"]


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → the finished translation, or None when unfinished."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation.get("type") is None and bool(translation.text)
            found[(name, message.findtext("source"))] = translation.text if done else None
    return found


@pytest.fixture
def language():
    """Switch the app's language (and text size); Korean and 100 % again afterwards."""
    def switch(code: str, scale: float = 1.0) -> None:
        assert display.install_language(code)
        display.apply_text_scale(scale)
    yield switch
    display.install_language("ko")
    display.apply_text_scale(1.0)


@pytest.fixture
def signed_in(qtbot, open_window, data_dir):  # noqa: F811
    def start():
        make_store(data_dir)
        window = open_window()
        window.resize(1280, 800)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        sign_in(qtbot, window.signin_page, PIN)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
        return window
    return start


# -- the translation files ------------------------------------------------------------------


def test_every_ui_string_has_a_finished_english_translation(tmp_path):
    fresh = tmp_path / "now.ts"
    sources = sorted(str(p) for p in (ROOT / "fieldbus" / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-source-language", "ko",
                    "-target-language", "en", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    now = messages(fresh)
    assert len(now) > 300  # lupdate did find the UI's strings
    committed = messages(TS)
    missing = sorted(key for key in now if not committed.get(key))
    assert missing == [], f"{len(missing)} UI strings have no English yet: {FIX}"


#: Korean that is meant to stay Korean in every language: the language's own name in the
#: language list, and text the case list measures its column widths with.
NOT_FOR_TRANSLATION = {
    ("shell/settings_dialog.py", "한국어"),
    *(("cases/page.py", sample) for sample in (
        "소극행정신고W", "마을 진입로 포장 요청 (재)", "남궁*수W", "기관 전달W", "보완 제출W",
        "동기화 대기W", "2026-11-26 (지남)W")),
}
UI = ROOT / "fieldbus" / "ui"
MARKERS = ("tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP")


def untranslatable(path: Path) -> list[str]:
    """Hangul string literals that lupdate cannot see: not the text of a ``tr()``,
    ``translate()`` or ``QT_TR_NOOP()`` call (docstrings aside)."""
    where = path.relative_to(UI).as_posix() if path.is_relative_to(UI) else path.name
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and HANGUL.search(node.value)) or isinstance(parent.get(node), ast.Expr) \
                or (where, node.value) in NOT_FOR_TRANSLATION:
            continue
        call = parent.get(node)
        while call is not None and not isinstance(call, ast.Call):
            call = parent.get(call)
        func = getattr(call, "func", None)
        name = getattr(func, "attr", None) or getattr(func, "id", None)
        if name not in MARKERS:
            found.append(f"{where}:{node.lineno} {node.value!r}")
    return found


def test_every_korean_string_in_the_ui_goes_through_tr():
    found = [hit for path in sorted((ROOT / "fieldbus" / "ui").rglob("*.py"))
             for hit in untranslatable(path)]
    assert found == [], "wrap these in tr() (or QT_TR_NOOP() where tr() comes later)"


def test_the_korean_string_check_sees_a_bare_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""문서."""\nA = tr("저장")\nB = QT_TR_NOOP("취소")\nC = f("끝내기")\n')
    assert untranslatable(sample) == ["sample.py:4 '끝내기'"]


def test_translations_keep_the_placeholders():
    wrong = [(source, text) for (_, source), text in messages(TS).items()
             if text and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))]
    assert wrong == []


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    made = tmp_path / "made.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(made)],
                   check=True, capture_output=True)
    assert made.read_bytes() == QM.read_bytes(), f"fieldbus_en.qm is stale: {FIX}"


def test_module_tr_helpers_find_their_english(qapp, language):
    language("en")
    assert QCoreApplication.translate("intake", "민원 종류") == "Kind of complaint"
    assert QCoreApplication.translate("messages", "관리자") == "Supervisor"
    assert QCoreApplication.translate("intake", "없는 문장") == "없는 문장"  # source kept
    language("ko")
    assert QCoreApplication.translate("intake", "민원 종류") == "민원 종류"


# -- choosing the language --------------------------------------------------------------


def test_in_english_the_signed_in_window_shows_english_tabs(qtbot, signed_in, language):
    language("en")
    window = signed_in()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ENGLISH_TABS
    assert window.windowTitle().startswith("Mobile complaint bus intake — Fieldbus")
    assert window.intake_page.fields["kind"].accessibleName() == "Kind of complaint"
    korean = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        korean[window.tabs.tabText(index)] = [
            text for w in window.tabs.currentWidget().findChildren(QWidget)
            if isinstance(w, (QLabel, QAbstractButton)) and w.isVisible()
            and HANGUL.search(text := w.text())
            and not text.startswith("Basis: ")]  # the statute, quoted from resources/rules
    assert korean == {tab: [] for tab in ENGLISH_TABS}


def test_korean_is_the_default(qtbot, signed_in):
    window = signed_in()
    assert window.tabs.tabText(1) == "민원 접수"


def test_start_up_takes_the_language_and_text_size_from_the_settings_file(
        qapp, monkeypatch, language):
    base = qapp.font().pointSizeF()
    settings.save(Settings(language="en", text_scale=1.25))
    monkeypatch.delenv("FIELDBUS_LANG", raising=False)
    ui_app.prepare_application()
    assert display.current_language() == "en"
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.25)
    monkeypatch.setenv("FIELDBUS_LANG", "ko")  # tests and screenshots override it
    ui_app.prepare_application()
    assert display.current_language() == "ko"


def test_a_damaged_settings_file_still_starts_in_korean(qapp, language):
    settings.settings_path().parent.mkdir(parents=True)
    settings.settings_path().write_text("{ damaged")
    ui_app.prepare_application()
    assert display.current_language() == "ko"
    assert display.text_scale() == 1.0


# -- the settings dialog --------------------------------------------------------------------


def test_settings_from_the_sign_in_screen_by_keyboard(
        qtbot, open_window, data_dir, language):  # noqa: F811
    make_store(data_dir)
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    heading = window.signin_page.heading.font().pointSizeF()
    body = window.signin_page.intro.font().pointSizeF()
    assert window.settings_action in window.menuBar().actions()
    assert not window.sync_action.isEnabled()  # nothing to show before sign-in
    qtbot.keyClick(window.signin_page.pin, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.settings_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert not dialog.note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.note.isVisible() and "다음에 시작할 때 적용됩니다" in dialog.note.text()
    qtbot.waitUntil(lambda: clipped(dialog) == [])
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(1.5))
    qtbot.keyClick(dialog.text_size, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    saved = json.loads(settings.settings_path().read_text())
    assert (saved["language"], saved["text_scale"]) == ("en", 1.5)
    # Text size at once, titles with their own size included; language at the next start.
    qtbot.waitUntil(lambda: window.signin_page.intro.font().pointSizeF() == body * 1.5)
    assert window.signin_page.heading.font().pointSizeF() == pytest.approx(heading * 1.5)
    assert window.signin_page.button.text() == "로그인"


def test_changing_settings_keeps_an_unsaved_intake(qtbot, signed_in, language):
    window = signed_in()
    page = window.intake_page
    qtbot.waitUntil(lambda: not page.drafts.restoring)
    page.fields["title"].setText("마을 진입로 포장 요청")
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(1.25))
    dialog.accept()
    assert page.fields["title"].text() == "마을 진입로 포장 요청"
    assert window.pages.currentWidget() is window.work_page
    assert settings.load() == Settings(language="en", text_scale=1.25)


def test_the_idle_lock_closes_the_settings_dialog(qtbot, signed_in, language):
    window = signed_in()
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    window.lock()
    assert window.locked and window.settings_dialog is None and not dialog.isVisible()


def test_the_dialog_says_when_the_settings_file_was_damaged(
        qtbot, open_window, data_dir, language):  # noqa: F811
    settings.settings_path().parent.mkdir(parents=True)
    settings.settings_path().write_text("[]")
    window = open_window()
    dialog = window.open_settings()
    assert dialog.note.isVisible() and "기본값" in dialog.note.text()
    dialog.reject()


def test_a_settings_file_that_cannot_be_written_keeps_the_dialog_open(
        qtbot, open_window, language, tmp_path):  # noqa: F811
    from fieldbus.ui.shell.settings_dialog import SettingsDialog

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    window = open_window()
    dialog = SettingsDialog(window, path=blocked / "settings.json")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "저장하지 못했습니다" in dialog.note.text()


# -- layout with long English and large text --------------------------------------------------


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons, fields, group titles and tabs whose text does not fit.

    A one-line label or a button needs its size hint's width; a word-wrapped label the
    height its text takes at its width; a field or button at least its minimum height; a
    form in a scroll area must not need scrolling sideways.
    """
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        metrics = QFontMetrics(widget.font())
        inner = isinstance(widget.parent(), (QComboBox, QAbstractSpinBox))  # their editor
        if isinstance(widget, (QLineEdit, QComboBox, QAbstractButton)) and not inner \
                and widget.height() < widget.minimumSizeHint().height():
            found.append(f"{type(widget).__name__} {widget.accessibleName()!r} (squeezed)")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            found.append(f"scroll area {widget.accessibleName()!r} (scrolls sideways)")
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height() + 1:
                    found.append(f"label {widget.text()!r} (wrapped, too low)")
            elif widget.sizeHint().width() > widget.width() + 1:
                found.append(f"label {widget.text()!r}")
        elif isinstance(widget, QAbstractButton) and widget.text() \
                and widget.sizeHint().width() > widget.width() + 1:
            found.append(f"button {widget.text()!r}")
        elif isinstance(widget, QGroupBox) and widget.title() \
                and metrics.horizontalAdvance(widget.title()) > widget.width():
            found.append(f"group {widget.title()!r}")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if metrics.horizontalAdvance(widget.tabText(i)) > widget.tabRect(i).width():
                    found.append(f"tab {widget.tabText(i)!r}")
    return found


def walk_tabs(qtbot, window) -> dict[str, list[str]]:
    problems = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        qtbot.wait(50)  # let the layouts settle
        problems[window.tabs.tabText(index)] = clipped(window)
    return problems


@pytest.mark.parametrize(("code", "scale"), [("en", 1.0), ("en", 1.5), ("ko", 1.5)])
def test_no_text_is_clipped_on_any_tab(qtbot, signed_in, language, code, scale):
    language(code, scale)
    window = signed_in()
    problems = walk_tabs(qtbot, window)
    assert {tab: found for tab, found in problems.items() if found} == {}


def test_the_clipping_check_sees_a_clipped_label(qtbot, signed_in, language):
    language("en", 1.5)
    window = signed_in()
    label = next(w for w in window.visit_page.findChildren(QLabel)
                 if w.text() == "Complaints taken")
    label.setMaximumWidth(30)
    anonymous = window.intake_page.fields["anonymous"]
    anonymous.setText(anonymous.text() * 6)  # a checkbox cannot wrap: the form widens
    window.intake_page.fields["title"].setMaximumHeight(8)
    problems = walk_tabs(qtbot, window)
    assert problems["Today's visit"] == ["label 'Complaints taken'"]
    assert sorted(problems["Complaint intake"]) == [
        "QLineEdit 'Title' (squeezed)", "scroll area 'Complaint intake form' (scrolls sideways)"]


@pytest.mark.parametrize(("code", "scale"), [("en", 1.5), ("ko", 1.5)])
def test_no_text_is_clipped_before_sign_in(
        qtbot, open_window, data_dir, language, code, scale):  # noqa: F811
    language(code, scale)
    window = open_window()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.setup_page)
    qtbot.wait(50)
    assert clipped(window) == []
    make_store(data_dir)
    window.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    qtbot.wait(50)
    assert clipped(window) == []


# A 1366×768 laptop: at 150 % display scaling (QT_SCALE_FACTOR=1.5) Qt lays out 910×512
# pixels, less a panel; with large text at 100 % scaling, 1366×768 less a panel.
@pytest.mark.parametrize(("code", "scale", "screen"), [
    ("ko", 1.0, (910, 480)), ("en", 1.0, (910, 480)),
    ("ko", 1.5, (1366, 720)), ("en", 1.5, (1366, 720))])
def test_the_window_fits_a_laptop_screen(qtbot, signed_in, language, code, scale, screen):
    language(code, scale)
    window = signed_in()
    needs = window.minimumSizeHint()
    assert needs.width() <= screen[0] and needs.height() <= screen[1], needs
