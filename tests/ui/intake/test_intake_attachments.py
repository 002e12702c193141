"""Attachments and the petitioner's signature in the intake form, through the real window,
worker and SQLCipher store: what is drawn and attached reaches the store byte for byte and
the printed receipt; an oversize file is refused at once; a crash keeps both in the draft.

The store is read only after the window has been shut down.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from fieldbus.services.intake import draft as intake_draft
from fieldbus.services.intake.attachment_files import MAX_FILE_BYTES
from fieldbus.receipts.issue import print_complaint
from fieldbus.store import complaints
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401
from tests.ui.intake.test_intake import RECEIPT, fill_complaint_01, focused, key
from tests.ui.intake.test_intake import intake  # noqa: F401 - the fixture, used by start
from tests.ui.intake.test_signature_pad import draw_with_mouse, ink

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")


@pytest.fixture
def start(intake):  # noqa: F811
    """Opens a signed-in window on the test's store: (window, intake form)."""
    return intake


def a_file(folder, name: str, size: int, seed: int) -> tuple[str, str]:
    """A made-up file of ``size`` bytes; returns (path, sha256)."""
    data = hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1)
    path = folder / name
    path.write_bytes(data[:size])
    return str(path), hashlib.sha256(data[:size]).hexdigest()


def drop(widget, paths: list[str], at: QPoint | None = None) -> bool:
    """A file manager's drag and drop of ``paths`` onto ``widget``; whether it was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    pos = at or widget.rect().center()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def attached_names(page) -> list[str]:
    return [a.filename for a in page.attachments.files()]


def saved_number(qtbot, window, page) -> str:
    """Wait for the receipt screen after a save; close the window; the receipt number."""
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    number = page.receipt_label.text()
    assert RECEIPT.match(number), number
    close(qtbot, window)
    return number


def close(qtbot, window) -> None:
    """Shut the window down once the worker is idle (or, mid-intake, as a crash would)."""
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()


def saved(data_dir, number):
    """(complaint, {sha256: blob bytes}, signature PNG, office copy PDF) from the store."""
    pdfs = []
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        officer = store.sign_in("홍길동", PIN)
        complaint = complaints.get(store, number)
        blobs = {a.sha256: store.db.execute("SELECT data FROM blobs WHERE sha256 = ?",
                                            (a.sha256,)).fetchone()[0]
                 for a in complaint.attachments}
        signature = complaints.signature(store, complaint.id)
        print_complaint(store, officer, number, copy="office", deliver=pdfs.append)
    return complaint, blobs, signature, pdfs[0]


def test_a_signature_and_two_files_reach_the_store_and_the_receipt(qtbot, start, data_dir,
                                                                    tmp_path, monkeypatch):
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    photo, photo_sha = a_file(tmp_path, "현장사진.jpg", 3 * 2**20 + 17, seed=1)
    letter, letter_sha = a_file(tmp_path, "진정서.pdf", 48_000, seed=2)
    window, page = start()
    fill_complaint_01(qtbot, page)

    page.attachments.add_paths([photo])                       # the box's API (file picker)
    assert drop(page.attachments.list.viewport(), [letter])   # dropped from a file manager
    qtbot.waitUntil(lambda: not page.attachments.busy)
    assert attached_names(page) == ["현장사진.jpg", "진정서.pdf"]
    assert page.attachments.list.count() == 2
    assert not page.attachments.message.isVisible()
    canvas = page.signature.canvas
    draw_with_mouse(qtbot, canvas)
    assert page.values()["signature"]

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    number = page.receipt_label.text()
    assert RECEIPT.match(number), number
    # Cleared for the next citizen.
    assert page.attachments.files() == [] and page.signature.is_empty()
    assert intake_draft.is_blank(page.values())
    key(qtbot, Qt.Key.Key_Return)  # the citizen's receipt
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.form_view)
    citizen_pdf = page.last_receipt_pdf
    close(qtbot, window)

    complaint, blobs, signature, office_pdf = saved(data_dir, number)
    assert [(a.filename, a.sha256, a.media_type) for a in complaint.attachments] == [
        ("현장사진.jpg", photo_sha, "image/jpeg"), ("진정서.pdf", letter_sha, "application/pdf")]
    assert blobs == {photo_sha: Path(photo).read_bytes(), letter_sha: Path(letter).read_bytes()}
    image, dark = ink(signature)
    assert image.format == "PNG" and dark > 300
    office = PdfReader(io.BytesIO(office_pdf))
    images = [im for p in office.pages for im in p.images]
    assert len(images) == 1  # the signature, on the office copy
    printed = Image.open(io.BytesIO(images[0].data))
    assert printed.size == image.size
    assert "서명 없음" not in "".join(p.extract_text() for p in office.pages)
    assert sum(len(p.images) for p in PdfReader(citizen_pdf).pages) == 0  # never the citizen's


def test_a_file_over_the_limit_is_refused_at_once_and_never_stored(qtbot, start, data_dir,
                                                                    tmp_path):
    big = tmp_path / "사진.jpg"
    big.touch()
    os.truncate(big, MAX_FILE_BYTES + 3 * 2**20 + 400_000)  # sparse: 23.4 MB, no disk used
    small, small_sha = a_file(tmp_path, "영수증.png", 5_000, seed=3)
    window, page = start()
    fill_complaint_01(qtbot, page)

    page.attachments.add_paths([str(big), small])
    qtbot.waitUntil(lambda: not page.attachments.busy)
    message = page.attachments.message
    assert message.isVisible()
    assert "사진.jpg 파일은 23.4 MB입니다. 한 파일은 20 MB까지 첨부할 수 있습니다." \
        in message.text()
    assert attached_names(page) == ["영수증.png"]

    # The same content again, under another name, is attached once.
    copy = tmp_path / "영수증 사본.png"
    copy.write_bytes(Path(small).read_bytes())
    page.attachments.add_paths([str(copy)])
    qtbot.waitUntil(lambda: not page.attachments.busy)
    assert attached_names(page) == ["영수증.png"]
    assert "이미 첨부되어 있습니다" in message.text()

    page.save()
    number = saved_number(qtbot, window, page)
    complaint, blobs, signature, office_pdf = saved(data_dir, number)
    assert [a.sha256 for a in complaint.attachments] == [small_sha]
    assert list(blobs) == [small_sha]
    assert signature is None
    assert "서명없음" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(office_pdf))
                                .pages).replace(" ", "")
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert store.db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1


def test_a_crash_keeps_the_files_and_the_signature_in_the_draft(qtbot, start, data_dir,
                                                                 tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDBUS_DRAFT_SECONDS", "0.05")
    kept, kept_sha = a_file(tmp_path, "민원 첨부.hwp", 70_000, seed=4)
    lost, _ = a_file(tmp_path, "지도.png", 9_000, seed=5)
    window, page = start()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    page.fields["title"].setText("마을 진입로 포장 요청")
    page.attachments.add_paths([kept, lost])
    qtbot.waitUntil(lambda: len(page.attachments.files()) == 2)
    draw_with_mouse(qtbot, page.signature.canvas)
    signature = page.signature.png()
    qtbot.waitUntil(lambda: page.drafts.snapshot == page.values() and page.drafts.saved >= 1)
    close(qtbot, window)  # a crash: nothing saved, the form not cleared
    os.remove(lost)   # and meanwhile a file was deleted

    window2, page2 = start()
    qtbot.waitUntil(lambda: page2.fields["title"].text() == "마을 진입로 포장 요청")
    assert [(a.filename, a.sha256) for a in page2.attachments.files()] == [
        ("민원 첨부.hwp", kept_sha)]
    message = page2.attachments.message
    assert message.isVisible() and "지도.png" in message.text() and "찾을 수 없어" in \
        message.text()
    assert page2.signature.png() == signature
    assert page2.banner.isVisible()

    # The restored form saves like any other.
    page2.set_values(page2.values() | {
        "name": "김영수", "consent": True, "kind": "grievance", "agency": "구미시청",
        "region": "경상북도 구미시", "body": "진입로가 비만 오면 진흙탕이 됩니다.",
        "outcome": "filed"})
    assert page2.signature.png() == signature and len(page2.attachments.files()) == 1
    page2.save()
    number = saved_number(qtbot, window2, page2)
    complaint, _blobs, stored_signature, _pdf = saved(data_dir, number)
    assert [a.sha256 for a in complaint.attachments] == [kept_sha]
    assert stored_signature == signature


def test_a_file_changed_after_it_was_attached_is_refused_when_saving(qtbot, start, data_dir,
                                                                     tmp_path):
    path, _ = a_file(tmp_path, "진술서.txt", 2_000, seed=6)
    window, page = start()
    page.set_values(intake_draft.empty_values() | {
        "anonymous": True, "kind": "inquiry", "agency": "보건복지부",
        "region": "경상북도 구미시", "title": "기초연금 문의", "body": "신청 방법을 묻습니다.",
        "outcome": "resolved_on_site"})
    page.attachments.add_paths([path])
    qtbot.waitUntil(lambda: len(page.attachments.files()) == 1)
    with open(path, "ab") as f:
        f.write(b"appended later")
    page.save()
    qtbot.waitUntil(lambda: page.attachments.message.isVisible())
    assert "진술서.txt 파일이 첨부한 뒤 바뀌었거나 없어졌습니다" in page.attachments.message.text()
    assert page.views.currentWidget() is page.form_view
    close(qtbot, window)
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert complaints.recent(store) == []


def test_anonymous_intake_takes_no_signature(qtbot, start, data_dir):
    window, page = start()
    draw_with_mouse(qtbot, page.signature.canvas)
    page.set_values(page.values() | {
        "anonymous": True, "kind": "inquiry", "agency": "보건복지부",
        "region": "경상북도 구미시", "title": "기초연금 문의", "body": "신청 방법을 묻습니다.",
        "outcome": "resolved_on_site"})
    assert not page.signature.isEnabled()
    page.save()
    number = saved_number(qtbot, window, page)
    _complaint, _blobs, signature, _pdf = saved(data_dir, number)
    assert signature is None


def test_keyboard_only_the_files_and_the_pad_are_tab_stops_and_saving_needs_no_signature(
        qtbot, start, data_dir, monkeypatch):
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    window, page = start()
    fill_complaint_01(qtbot, page)  # ends on the outcome; referred_to is disabled
    order = []
    for _ in range(7):
        key(qtbot, Qt.Key.Key_Tab)
        order.append(focused())
    # The intake guidance (시행령 제6조④: documents missing only when incomplete; the
    # report's fields only for a report), then the files and the pad. Undo and clear are
    # disabled while the pad is empty, so Tab skips them.
    procedure = page.fields["procedure"]
    assert order[:3] == [page.fields["documents"], procedure, page.fields["site_check"]] or \
        order[1].parent() is procedure
    assert order[3:] == [page.attachments.list, page.attachments.add_button,
                         page.signature.canvas, page.save_button]
    assert all(w.accessibleName() for w in order)
    key(qtbot, Qt.Key.Key_Space)  # the save button
    number = saved_number(qtbot, window, page)
    complaint, blobs, signature, _pdf = saved(data_dir, number)
    assert complaint.attachments == () and blobs == {} and signature is None


def test_files_dropped_anywhere_on_the_form_are_attached(qtbot, start, tmp_path):
    path, sha = a_file(tmp_path, "녹취록.txt", 1_234, seed=7)
    window, page = start()
    assert drop(page, [path])
    qtbot.waitUntil(lambda: not page.attachments.busy)
    assert [(a.filename, a.sha256, a.size) for a in page.attachments.files()] == [
        ("녹취록.txt", sha, 1_234)]
    # Delete on the list takes the selected file off.
    page.attachments.list.setCurrentRow(0)
    page.attachments.list.setFocus()
    key(qtbot, Qt.Key.Key_Delete)
    assert page.attachments.files() == []
    qtbot.waitUntil(lambda: window.runner.pending == 0)
