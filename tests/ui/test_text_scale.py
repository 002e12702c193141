"""Larger text means every text (issue 12, "Fit the laptop").

The text size (100 / 125 / 150 %) scales the application font; every text the officer
reads must follow it, on every screen: setup, sign-in, the lock, each tab, the case detail,
the after-save screen, the sync panel, the settings dialog, the 교육용 banner, the status
bar's warning, the error, warning and hint lines under the fields. The walk below goes to
each of them, with those lines showing, and measures the font of every visible text widget
(labels, buttons, fields, text boxes and their rich text, tables and their headers, tabs,
group titles, the menu bar) against the font at 100 %.

Two ways to arrive at large text: the laptop starts with it (the settings file), and the
officer changes it in the settings dialog on a running window, whose widgets were all
built and styled at 100 % (the way that left styled lines small).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui's Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from fieldbus.services.intake import draft as intake_draft
from fieldbus.ui.shell import display
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard|propagateSizeHints\(\))$")

WRONG_PIN = "999999"


@pytest.fixture
def base(qapp):
    """The application font's size at 100 %; 100 % again afterwards."""
    display.apply_text_scale(1.0)
    yield qapp.font().pointSizeF()
    display.apply_text_scale(1.0)


def points(font: QFont) -> float:
    if font.pointSizeF() > 0:
        return font.pointSizeF()
    dpi = QApplication.primaryScreen().logicalDotsPerInchY()
    return font.pixelSize() * 72.0 / dpi


def _fragment_sizes(doc: QTextDocument) -> list[tuple[str, float]]:
    sizes = []
    block = doc.begin()
    while block.isValid():
        for item in block:
            fragment = item.fragment()
            if fragment.text().strip():
                sizes.append((fragment.text(), points(fragment.charFormat().font())))
        block = block.next()
    return sizes


def rich_text_unscaled(doc: QTextDocument, scale: float, least: float) -> list[str]:
    """Pieces of rich text whose size does not follow the widget's font (an absolute
    ``font-size`` in pt or px): the same document with a default font ``scale`` times
    smaller must show each piece ``least`` times smaller, as a relative size (<small>,
    <h3>) does."""
    smaller = doc.clone()
    font = QFont(doc.defaultFont())
    font.setPointSizeF(points(font) / scale)
    smaller.setDefaultFont(font)
    return [f"rich text {text[:30]!r} ({big:.1f} pt, {small:.1f} pt at 100 %)"
            for (text, big), (_, small) in zip(_fragment_sizes(doc), _fragment_sizes(smaller))
            if big < small * least]


def _label_document(label: QLabel) -> QTextDocument | None:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return None
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(text)
    return doc


def _shows_text(widget: QWidget) -> bool:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return bool(widget.text()) and (not isinstance(widget, QLabel)
                                        or widget.pixmap().isNull())
    if isinstance(widget, QLineEdit):
        return bool(widget.text() or widget.placeholderText())
    if isinstance(widget, QTextEdit):
        return bool(widget.toPlainText() or widget.placeholderText())
    if isinstance(widget, QPlainTextEdit):
        return bool(widget.toPlainText() or widget.placeholderText())
    if isinstance(widget, QGroupBox):
        return bool(widget.title())
    if isinstance(widget, QAbstractItemView):
        model = widget.model()
        return model is not None and model.rowCount() > 0
    return isinstance(widget, (QComboBox, QHeaderView, QTabBar, QMenuBar))


def small_texts(root: QWidget, base: float, scale: float) -> list[str]:
    """Visible texts under ``root`` smaller than ``scale`` times ``base`` points (less a
    fifth of the step, for rounding: 1.4 × at 150 %, 1.2 × at 125 %)."""
    least = 1 + (scale - 1) * 0.8
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not _shows_text(widget):
            continue
        what = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        size = points(widget.font())
        if size < base * least:
            found.append(f"{what}: {size:.1f} pt < {base * least:.1f} pt")
        doc = None
        if isinstance(widget, QLabel):
            doc = _label_document(widget)
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            doc = widget.document()
        if doc is not None:
            found.extend(f"{what}: {problem}" for problem in rich_text_unscaled(doc, scale, least))
    return found


# -- the walk ---------------------------------------------------------------------------


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    qtbot.wait(30)


def complaint_values() -> dict:
    data = sample("complaint-01.json")
    who = data["petitioner"]
    return intake_draft.empty_values() | {
        "name": who["name"], "phone": who["phone"], "address": who["address"],
        "postcode": who["postcode"], "birth_year": str(who["birth_year"]), "consent": True,
        **{k: data[k] for k in ("kind", "agency", "region", "title", "body", "channel",
                                "disclosure", "notify_by", "outcome")}}


def before_sign_in(qtbot, window, setup_window):
    """The setup screen with an error showing, the sign-in screen after a wrong PIN."""
    setup = setup_window.setup_page
    setup.show_error("pin", "PIN은 숫자 6~12자리여야 합니다.")
    setup.show_error("", "저장소를 만들지 못했습니다.")  # the general line
    qtbot.wait(30)  # a new application font reaches the widgets through the event loop
    yield "setup", setup_window
    if window.officer is None:
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        sign_in(qtbot, window.signin_page, WRONG_PIN)
        qtbot.waitUntil(lambda: window.signin_page.message.isVisible())
    else:  # signed in already: the sign-in screen as it would show again
        window.pages.setCurrentWidget(window.signin_page)
        qtbot.wait(30)
    yield "sign-in", window


def work_screens(qtbot, window):
    """Every tab with its error and hint lines showing, the case detail, the after-save
    screen, the sync panel, the settings dialog, the status bar with its warning."""
    window._mark_training()  # as over a training store: banner and status mark
    window.pages.setCurrentWidget(window.work_page)
    assert window.key_warning_label.isVisible()  # the development keyring's warning

    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    settle(qtbot, window)
    visit.open_visit()  # nothing typed: every field says what it needs
    settle(qtbot, window)
    assert any(label.isVisible() for label in visit.errors.values())
    yield "visit", window

    intake = window.intake_page
    window.tabs.setCurrentWidget(intake)
    qtbot.waitUntil(lambda: not intake.drafts.restoring)
    intake.clear()
    intake.fields["body"].setPlainText("주민등록번호 801231-1234567 을 적었습니다")
    intake.save()  # refused: every problem shows under its field
    intake.banner.setText("저장하지 않은 접수 내용이 있어 되살렸습니다.")
    intake.banner.show()
    settle(qtbot, window)
    assert any(label.isVisible() for label in intake.errors.values())
    assert any(label.isVisible() for label in intake.warnings.values())
    yield "intake (problems)", window

    intake.set_values(complaint_values())
    intake.save()
    qtbot.waitUntil(lambda: intake.views.currentWidget() is intake.receipt_view)
    settle(qtbot, window)
    yield "intake (saved)", window
    intake.receipt_view.skip()
    qtbot.waitUntil(lambda: intake.views.currentWidget() is intake.form_view)

    counsel = window.counsel_page
    window.tabs.setCurrentWidget(counsel)
    settle(qtbot, window)
    counsel.save()
    settle(qtbot, window)
    yield "counsel", window

    cases = window.cases_page
    window.tabs.setCurrentWidget(cases)
    qtbot.waitUntil(lambda: cases.model.complete and cases.model.rowCount() >= 1)
    cases.select_row(0)
    qtbot.waitUntil(lambda: cases.shown_receipt is not None)
    settle(qtbot, window)
    yield "cases", window

    panel = window.open_sync_panel()
    qtbot.waitUntil(panel.isVisible)
    settle(qtbot, window)
    yield "sync panel", panel
    panel.reject()
    qtbot.waitUntil(lambda: window.sync_panel is None)

    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    yield "settings", dialog
    dialog.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None)


def lock_screen(qtbot, window):
    window.lock()
    sign_in(qtbot, window.lock_page, WRONG_PIN)
    qtbot.waitUntil(lambda: window.lock_page.message.isVisible())
    yield "lock", window
    sign_in(qtbot, window.lock_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)


@pytest.fixture
def windows(qtbot, open_window, data_dir, tmp_path):  # noqa: F811
    """(the window over a store, a window over an empty folder: the setup screen)."""
    def start():
        make_store(data_dir)
        window = open_window()
        window.resize(1366, 740)
        setup_window = open_window(where=tmp_path / "empty")
        setup_window.resize(1366, 740)
        qtbot.waitUntil(lambda: setup_window.pages.currentWidget() is setup_window.setup_page)
        return window, setup_window
    return start


def sign_in_now(qtbot, window):
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)


def walk(qtbot, window, setup_window, base, scale) -> dict[str, list[str]]:
    problems = {}
    screens = [before_sign_in(qtbot, window, setup_window)]
    for steps in screens:
        for name, root in steps:
            problems[name] = small_texts(root, base, scale)
    if window.officer is None:
        sign_in_now(qtbot, window)
    for steps in (work_screens(qtbot, window), lock_screen(qtbot, window)):
        for name, root in steps:
            problems[name] = small_texts(root, base, scale)
    return {name: found for name, found in problems.items() if found}


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_every_text_is_large_when_the_laptop_starts_with_large_text(
        qtbot, windows, base, scale):
    display.apply_text_scale(scale)
    window, setup_window = windows()
    assert walk(qtbot, window, setup_window, base, scale) == {}


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_every_text_grows_when_the_officer_changes_the_text_size(qtbot, windows, base, scale):
    window, setup_window = windows()
    # At 100 % first: every screen built, styled and shown, its lines showing.
    assert walk(qtbot, window, setup_window, base, 1.0) == {}
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(scale))
    dialog.accept()
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert display.text_scale() == scale
    assert walk(qtbot, window, setup_window, base, scale) == {}


def test_the_check_sees_a_fixed_size_and_an_absolute_size_in_rich_text(qtbot, base):
    display.apply_text_scale(1.5)
    root = QWidget()
    qtbot.addWidget(root)
    fixed = QLabel("고정 크기", root)
    fixed.setStyleSheet("font-size: 9pt; color: #b00020;")
    rich = QLabel("<b>상대 크기</b> <small>작게</small> <span style='font-size:12px'>픽셀</span>",
                  root)
    rich.move(0, 40)
    root.show()
    found = small_texts(root, base, 1.5)
    assert len(found) == 2, found
    assert found[0].startswith("QLabel") and "9.0 pt" in found[0]
    assert "'픽셀'" in found[1]
