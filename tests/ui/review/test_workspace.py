"""The supervisor's workspace in the app, against a real hub on loopback and real
SQLCipher stores: a day's cases from two buses worked through — returned, fixed by the
officer (``edited``), extended with consent, transferred, approved and forwarded in bulk,
신청번호 back from the simulated e-People — and every step on the officers' laptops after
their next sync. Also: only supervisors get the tab, a stale step is refused and the new
state shown, the last queue is readable offline with every step disabled, attachments
open in the app, the dashboard draws and saves, the export is neutralised and audited."""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
from dataclasses import replace

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from fieldbus.domain.records import AttachmentFile
from fieldbus.domain.serialize import complaint_json
from fieldbus.services import sync_link
from fieldbus.store import complaints, visits
from fieldbus.store.store import Store
from fieldbus.ui.review import case_view as case_view_module
from fieldbus.ui.review import page as page_module
from sync import deadlines
from tests.conftest import PIN
from tests.hub.epeople_sim import Simulator
from tests.hub.fixtures import PASSWORD
from tests.store.helpers import draft
from tests.sync.conftest import add_cases, fast
from tests.sync.conftest import make_laptop  # noqa: F401 - a fixture
from tests.ui.shell.test_app import open_window  # noqa: F401 - a fixture
from tests.ui.shell.test_app import sign_in_as

SUPERVISOR = "박관리"


def png(colour: str = "#1f5fa8") -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def with_photo(store, colour: str = "#1f5fa8") -> str:
    data = png(colour)
    case = replace(draft(store, title="가로등 고장 <b>사진</b>"), attachments=(
        AttachmentFile(filename="lamp.png", media_type="image/png", size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(), data=data),))
    return complaints.add(store, case, store.officer).receipt_no


@pytest.fixture
def buses(make_laptop, hub):
    """Two buses' day at the hub: B07A four cases (a suggestion, one with a photo), B08B
    two."""
    hub.add_user("boss", "supervisor")
    a, b = make_laptop("B07A"), make_laptop("B08B")
    for laptop, region in ((a, "경상북도 구미시"), (b, "전라남도 순천시")):
        visits.open_visit(laptop, laptop.officer, venue="행정복지센터", region=region)
    made = [c.receipt_no for c in add_cases(a, 2, files=False)]
    # A suggestion (건의): its second extension needs the citizen's consent.
    suggestion = complaints.add(a, draft(a, "complaint-03.json"), a.officer).receipt_no
    first = [made[0], suggestion, made[1], with_photo(a)]
    second = [c.receipt_no for c in add_cases(b, 2, files=False)]
    for laptop in (a, b):
        sync_link.run(laptop, laptop.officer, **fast())
    return {"B07A": (a, first), "B08B": (b, second)}


@pytest.fixture
def supervisor_dir(tmp_path):
    where = tmp_path / "centre"
    with Store.create(where, device="C001", officer=SUPERVISOR, pin=PIN, role="supervisor"):
        pass
    return where


@pytest.fixture
def workspace(qtbot, open_window, supervisor_dir, hub, buses):  # noqa: F811
    window = open_window(where=supervisor_dir)
    sign_in_as(qtbot, window, SUPERVISOR, PIN)
    page = window.review_page
    assert page is not None and window.tabs.indexOf(page) >= 0
    window.tabs.setCurrentWidget(page)
    page.sign_in.address.setText(hub.url)
    page.sign_in.user.setText("boss")
    page.sign_in.password.setText(PASSWORD)
    page.sign_in.button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=15_000)
    qtbot.waitUntil(lambda: page.case_view.file is not None, timeout=10_000)
    return page


def working_day_after(day, days):
    while days:
        day += _dt.timedelta(days=1)
        days -= deadlines.is_working_day(day)
    return day


def idle(qtbot, page):
    qtbot.waitUntil(lambda: page.tasks.busy == 0, timeout=15_000)


def open_case(qtbot, page, receipt_no):
    # After a refresh the queue's first page may still be on its way.
    qtbot.waitUntil(lambda: page.model.row_of(receipt_no) is not None, timeout=10_000)
    row = page.model.row_of(receipt_no)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.case_view.file is not None
                    and page.case_view.file.receipt_no == receipt_no
                    and page.tasks.busy == 0, timeout=10_000)
    return page.case_view.file


def step(qtbot, page, monkeypatch, action, **fields):
    """Take ``action`` on the open case through its button, the form answered."""
    monkeypatch.setattr(case_view_module, "ask_step", lambda parent, a, cases=1: fields)
    before = page.case_view.file
    page.case_view.buttons[action].click()
    qtbot.waitUntil(lambda: page.tasks.busy == 0 and page.case_view.file is not None
                    and page.case_view.file is not before, timeout=10_000)
    return page.case_view.file


def test_only_supervisors_get_the_review_tab(qtbot, open_window, data_dir):  # noqa: F811
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN):
        pass
    window = open_window()
    sign_in_as(qtbot, window, "홍길동", PIN)
    assert window.review_page is None
    assert all(window.tabs.tabText(i) != "검토" for i in range(window.tabs.count()))


def test_a_day_of_two_buses_worked_through(qtbot, workspace, buses, hub, monkeypatch):
    page = workspace
    (a, first), (b, second) = buses["B07A"], buses["B08B"]
    # Return one for a supplement; the officer fixes it; the fix arrives as 보완 제출.
    open_case(qtbot, page, first[0])
    shown = step(qtbot, page, monkeypatch, "return", note="주소를 확인해 주십시오.")
    assert shown.case["review_state"] == "has_issues"
    # The row says so at once, in place: the list keeps its place and its selection.
    row = page.model.row_of(first[0])
    assert page.model.data(page.model.index(row, 1)) == "보완 요청"
    assert page.table.currentIndex().row() == row
    assert page.case_view.history.item(page.case_view.history.count() - 1).text() \
        .startswith(shown.history[-1]["at"][:4])
    sync_link.run(a, a.officer, **fast())
    complaints.edit(a, first[0], {"title": "주소 고침"}, a.officer)
    sync_link.run(a, a.officer, **fast())
    page.refresh.click()
    qtbot.waitUntil(lambda: page.case_view.file is not None and
                    page.case_view.file.case["review_state"] == "edited", timeout=10_000)

    # Extend one: a second extension without the citizen's consent is refused.
    file = open_case(qtbot, page, first[1])
    due = _dt.date.fromisoformat(file.case["deadline_due"][:10])
    later = [working_day_after(due, n).isoformat() for n in (5, 10)]
    step(qtbot, page, monkeypatch, "extend", new_deadline=later[0], note="현장 확인 필요")
    refused = step(qtbot, page, monkeypatch, "extend", new_deadline=later[1],
                   note="추가 확인")
    assert refused.case["extensions"] == 1 and "거절" in page.status.text()
    extended = step(qtbot, page, monkeypatch, "extend", new_deadline=later[1],
                    note="추가 확인", citizen_consent=True)
    assert extended.case["extensions"] == 2
    assert extended.case["deadline_due"][:10] == later[1]

    # Transfer one to the agency it belongs to.
    open_case(qtbot, page, second[0])
    moved = step(qtbot, page, monkeypatch, "transfer", agency="경상북도청", note="도 소관")
    assert moved.case["agency"] == "경상북도청" and moved.case["transferred_at"]

    # Approve and forward the rest in bulk: each case checked and recorded.
    rest = [first[2], first[3], second[1]]
    answers = {"approve": {}, "forward": {"agency": "구미시청"}}
    monkeypatch.setattr(page_module, "ask_step", lambda parent, a, cases=1: answers[a])
    for action in ("approve", "forward"):
        page.table.clearSelection()
        for receipt in rest:
            page.table.selectionModel().select(
                page.model.index(page.model.row_of(receipt), 0),
                page.table.selectionModel().SelectionFlag.Select
                | page.table.selectionModel().SelectionFlag.Rows)
        assert sorted(r for r, _ in page.selected()) == sorted(rest)
        page.bulk_buttons[action].click()
        qtbot.waitUntil(lambda: page.tasks.busy == 0 and "3건 완료" in page.status.text()
                        and page.model.rowCount() == 6, timeout=15_000)

    # e-People gives each forwarded case its number.
    from sync.hub.db import connect
    from sync.hub.epeople import queue
    from sync.hub.epeople.api import ApiConnector

    simulator = Simulator().start()
    engine = connect(hub.db_url)
    connector = ApiConnector(simulator.url, simulator.state.token, timeout=2.0)
    try:
        # The transferred case goes to its agency through e-People too.
        assert queue.run_due(engine, connector) == {"registered": 4}
    finally:
        connector.close()
        engine.dispose()
        simulator.stop()
    numbers = {}
    for receipt in [*rest, second[0]]:
        numbers[receipt] = open_case(qtbot, page, receipt).case["epeople_no"]
        assert numbers[receipt].startswith("1AA-")
    assert len(set(numbers.values())) == 4

    # Each officer's laptop shows every step and the new deadlines after its next sync.
    for laptop in (a, b):
        sync_link.run(laptop, laptop.officer, **fast())

    def on_laptop(store, receipt):
        return complaint_json(complaints.get(store, receipt), viewer=store.officer,
                              reveal=False)

    assert on_laptop(a, first[0])["review"]["state"] == "edited"
    assert on_laptop(a, first[1])["current_deadline"][:10] == later[1]
    for store, receipt in ((a, first[2]), (a, first[3]), (b, second[1]), (b, second[0])):
        shown = on_laptop(store, receipt)
        assert shown["review"]["state"] == "forwarded"
        assert shown["epeople_no"] == numbers[receipt]


def test_a_stale_step_is_refused_and_the_new_state_shown(qtbot, workspace, buses, hub,
                                                        monkeypatch):
    page = workspace
    _, first = buses["B07A"]
    open_case(qtbot, page, first[0])
    # Another supervisor approves it a moment before.
    assert hub.cli("review", first[0], "--action", "approve", "--by", "boss").returncode == 0
    shown = step(qtbot, page, monkeypatch, "reject", note="중복 민원")
    assert "다른 관리자" in page.status.text()
    assert shown.case["review_state"] == "approved"
    assert "reject" not in shown.allowed_actions
    assert not page.case_view.buttons["reject"].isEnabled()


def test_the_case_is_shown_as_text_and_its_photo_opens(qtbot, workspace, buses,
                                                      monkeypatch):
    page = workspace
    _, first = buses["B07A"]
    open_case(qtbot, page, first[3])
    record = page.case_view.record.toPlainText()
    assert "가로등 고장 <b>사진</b>" in record  # markup shown, not applied
    opened = []
    monkeypatch.setattr(case_view_module, "show_attachment",
                        lambda parent, name, media_type, data: opened.append((name, data)))
    item = page.case_view.attachments.item(0)
    page.case_view.attachments.itemActivated.emit(item)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0] == ("lamp.png", png())
    viewer = case_view_module.AttachmentViewer("lamp.png", "image/png", opened[0][1])
    assert viewer.pixmap is not None and viewer.pixmap.width() == 40
    pdf = _pdf()
    viewer = case_view_module.AttachmentViewer("scan.pdf", "application/pdf", pdf)
    assert viewer.document is not None and viewer.document.pageCount() == 1


def _pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    out = BytesIO()
    sheet = canvas.Canvas(out)
    sheet.drawString(72, 720, "scan")
    sheet.save()
    return out.getvalue()


def test_offline_the_last_queue_is_readable_and_steps_disabled(qtbot, workspace, hub):
    page = workspace
    file = page.case_view.file
    hub.stop()
    try:
        page.refresh.click()
        qtbot.waitUntil(lambda: page.banner.isVisible() and page.tasks.busy == 0,
                        timeout=15_000)
        assert "오프라인" in page.banner.text()
        assert page.model.rowCount() == 6
        assert not any(b.isEnabled() for b in page.bulk_buttons.values())
        assert not page.export_button.isEnabled()
        qtbot.waitUntil(lambda: page.case_view.file is not None
                        and page.case_view.file.offline is not None, timeout=10_000)
        assert page.case_view.file.receipt_no == file.receipt_no
        assert not any(b.isEnabled() for b in page.case_view.buttons.values())
    finally:
        hub.start()


def test_the_dashboard_draws_and_saves(qtbot, workspace, tmp_path, monkeypatch, hub):
    page = workspace
    from fieldbus.ui.review import dashboard as dashboard_module

    page.inner.setCurrentWidget(page.dashboard_holder)
    board = page.dashboard
    qtbot.waitUntil(lambda: board.summary is not None, timeout=15_000)
    assert board.summary["total"] == 6
    visits = board.charts["by_state"]
    assert sum(visits.values) == 6
    out = tmp_path / "board.png"
    monkeypatch.setattr(dashboard_module, "choose_png_path", lambda parent, name: out)
    assert board.save_png() == out
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 300
    # Offline, the last counts of this filter are drawn again, said to be a copy.
    hub.stop()
    try:
        board.summary = None
        page.filters.changed.emit()
        qtbot.waitUntil(lambda: board.summary is not None, timeout=15_000)
        assert board.summary.get("offline") and "오프라인" in board.status.text()
    finally:
        hub.start()


def test_the_export_is_neutralised_and_audited(qtbot, workspace, buses, tmp_path,
                                             monkeypatch, supervisor_dir):
    page = workspace
    out = tmp_path / "queue.csv"
    monkeypatch.setattr(page_module, "ask_export", lambda parent, count: ("주간 보고", False))
    monkeypatch.setattr(page_module, "choose_export_path", lambda parent, name: out)
    page.export_button.click()
    qtbot.waitUntil(lambda: "내보냈습니다" in page.status.text(), timeout=15_000)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 7
    idle(qtbot, page)
    audited = page.window_.runner  # the audit entry, read through the store's own worker
    found = []
    page.tasks.run(lambda: audited.call(lambda store: store.db.execute(
        "SELECT reason FROM audit WHERE action = 'review_exported'").fetchall()),
        found.append, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert found[0] == [("주간 보고",)]


def test_a_keyboard_shortcut_takes_a_step(qtbot, workspace, monkeypatch):
    page = workspace
    asked = []
    monkeypatch.setattr(case_view_module, "ask_step",
                        lambda parent, action, cases=1: asked.append(action))
    page.case_view.record.setFocus()
    qtbot.keyClick(page.case_view.record, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["approve"]


def test_the_offline_copies_can_be_destroyed(qtbot, workspace, hub):
    page = workspace
    page.sign_out()
    page.sign_in.forget_button.click()
    qtbot.waitUntil(lambda: "지웠습니다" in page.sign_in.message.text(), timeout=10_000)
    hub.stop()
    try:
        page.sign_in.offline_button.click()
        qtbot.waitUntil(lambda: page.tasks.busy == 0, timeout=10_000)
        assert page.model.rowCount() == 0
        assert "받아 둔 적이 없습니다" in page.status.text()
    finally:
        hub.start()


def test_a_kept_conflict_is_merged_field_by_field(qtbot, workspace, hub, monkeypatch):
    """A laptop's edit from an older version, kept by the hub as a conflict: the supervisor
    takes the laptop's title and keeps the hub's body."""
    from tests.hub.helpers import complaint, push, record

    page = workspace
    token = hub.enrol("B09C", "kim")["token"]
    content = complaint(1, device="B09C")
    for version, base, changes in ((1, None, {}), (2, 1, {"body": "허브의 판"}),
                                   (2, 1, {"title": "노트북의 제목", "body": "노트북의 본문"})):
        push(hub.url, token, [record("c1", {**content, **changes}, version, base)],
             device="B09C")
    page.refresh.click()
    qtbot.waitUntil(lambda: page.model.row_of(content["receipt_no"]) is not None,
                    timeout=10_000)
    view = page.case_view
    open_case(qtbot, page, content["receipt_no"])
    assert view.conflicts.count() == 1 and view.merge.isEnabled()
    offered = []

    def choose(parent, held, theirs):
        offered.append(sorted(k for k in set(held) | set(theirs)
                              if held.get(k) != theirs.get(k)))
        return {"title": "laptop", "body": "hub"}

    monkeypatch.setattr(case_view_module, "ask_merge", choose)
    before = view.file
    view.merge.click()
    qtbot.waitUntil(lambda: page.tasks.busy == 0 and view.file is not before, timeout=10_000)
    assert offered == [["body", "title"]]
    assert (view.file.case["title"], view.file.case["body"]) == ("노트북의 제목", "허브의 판")
    assert view.conflicts.count() == 0
    assert view.file.history[-1]["action"] == "conflict_resolved"
    dialog = case_view_module.MergeDialog({"title": "가", "body": "나"},
                                          {"title": "다", "body": "나"})
    assert list(dialog.choices) == ["title"] and dialog.fields() == {"title": "hub"}


def test_the_queue_filters_by_visit_and_received_dates(qtbot, workspace):
    page = workspace
    bar = page.filters
    qtbot.waitUntil(lambda: bar.visit.count() == 3, timeout=10_000)  # all, two visits
    counts = []
    for index in (1, 2):
        bar.visit.setCurrentIndex(index)
        qtbot.waitUntil(lambda: page.tasks.busy == 0 and not page.model.loading,
                        timeout=10_000)
        counts.append(page.model.rowCount())
    assert sorted(counts) == [2, 4]
    bar.visit.setCurrentIndex(0)
    tomorrow = deadlines.kst_today() + _dt.timedelta(days=1)
    bar.received_from.setDate(tomorrow)
    bar.changed.emit()
    qtbot.waitUntil(lambda: page.tasks.busy == 0 and page.model.rowCount() == 0,
                    timeout=10_000)
    bar.received_from.setDate(bar.received_from.minimumDate())
    bar.received_to.setDate(tomorrow)
    bar.changed.emit()
    qtbot.waitUntil(lambda: page.tasks.busy == 0 and page.model.rowCount() == 6,
                    timeout=10_000)


def test_a_case_whose_files_are_still_arriving_says_so(qtbot, workspace, buses, hub):
    """Protocol 2: the case reached the hub before its photo (the link let no upload
    through); the supervisor sees "첨부 수신 중" in the queue and the case, and the photo
    cannot be opened until it arrives — then it can."""
    from tests.sync.conftest import sync_through
    from tests.sync.faults import Proxy, uploads_cut

    page = workspace
    laptop, _ = buses["B07A"]
    number = with_photo(laptop, "#a81f1f")  # a photo the hub has not seen
    proxy = Proxy(hub.url, fault=uploads_cut)
    proxy.start()
    try:
        assert sync_through(laptop, proxy).files_pending == 1
    finally:
        proxy.stop()
    page.refresh.click()
    qtbot.waitUntil(lambda: page.model.row_of(number) is not None, timeout=15_000)
    idle(qtbot, page)
    row = page.model.row_of(number)
    assert "첨부 수신 중" in page.model.index(row, 1).data()
    open_case(qtbot, page, number)
    assert "첨부 수신 중 1건" in page.case_view.header.text()
    item = page.case_view.attachments.item(0)
    assert "첨부 수신 중" in item.text() and not item.flags() & Qt.ItemFlag.ItemIsEnabled

    assert sync_link.run(laptop, laptop.officer, **fast()).files_pending == 0
    page.refresh.click()
    idle(qtbot, page)
    open_case(qtbot, page, number)
    assert "첨부 수신 중" not in page.case_view.header.text()
    assert page.case_view.attachments.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
