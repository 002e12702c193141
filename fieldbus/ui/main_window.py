"""The main window: which screen shows when, and the store operations behind each one.

Start-up is an operation on the worker (``fieldbus.ui.worker``): it finds out whether this
laptop has a store, opens it, and lists its officers. No store → first-run setup; a store
that will not open → the error screen (its files untouched, never a fresh empty store);
otherwise → sign-in. After sign-in the work area shows, with the officer and the outbox in
the status bar; after an idle period the window locks until the officer's PIN is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import Officer
from fieldbus.ui import messages
from fieldbus.ui.cases_page import build_cases_page
from fieldbus.ui.counsel_page import build_counsel_page
from fieldbus.ui.identity import PinPrompt, SetupPage, StoreErrorPage
from fieldbus.ui.intake_page import build_intake_page
from fieldbus.ui.visit_page import build_visit_page
from fieldbus.ui.worker import StoreOp, StoreRunner

DEFAULT_IDLE_SECONDS = 5 * 60
OUTBOX_REFRESH_MS = 30_000


@dataclass(frozen=True)
class Opened:
    """What start-up learnt on the worker about the store it opened."""

    officers: list[str]
    key_warning: str | None


def _open_existing(data_dir: Path):
    """Runs on the worker: the store in ``data_dir``, or None when there is none yet."""
    from fieldbus.store.store import Store

    if not Store.exists(data_dir):
        return None
    return Store.open(data_dir)


def _describe(store) -> Opened:
    return Opened(officers=[o.name for o in store.list_officers()],
                  key_warning=store.key_place.warning())


def _create_and_sign_in(store, officer: str, pin: str) -> tuple[Officer, Opened]:
    from fieldbus.store.officers import validate_name

    return store.sign_in(validate_name(officer), pin), _describe(store)


def _pending(store) -> int:
    from fieldbus.store.outbox import pending_count

    return pending_count(store.db)


class IdleWatch(QObject):
    """Fires ``idle`` when no key, mouse or touch input reached the app for ``seconds``."""

    idle = Signal()
    _INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                        QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
                        QEvent.Type.TabletPress})

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(seconds * 1000)))
        self._timer.timeout.connect(self.idle)
        self._installed = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in self._INPUT and self._timer.isActive():
            self._timer.start()
        return False


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, *, idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.officer: Officer | None = None
        self.pending: int | None = None
        self.setWindowTitle(self.tr("Fieldbus — 이동신문고 현장 접수"))
        self.resize(1000, 700)

        self.runner = StoreRunner(self)
        self.runner.unhandled.connect(self._unhandled)

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.loading = QLabel(self.tr("저장소를 여는 중…"))
        self.loading.setAccessibleName(self.tr("불러오는 중"))
        self.setup_page = SetupPage(str(self.data_dir))
        self.setup_page.submitted.connect(self._create_store)
        self.signin_page = PinPrompt(title=self.tr("로그인"),
                                     intro=self.tr("담당자를 고르고 PIN을 입력하십시오."),
                                     button=self.tr("로그인"))
        self.signin_page.submitted.connect(self._sign_in)
        self.lock_page = PinPrompt(title=self.tr("화면이 잠겼습니다"),
                                   intro=self.tr("한동안 사용하지 않아 화면을 잠갔습니다. "
                                                 "계속하려면 PIN을 입력하십시오."),
                                   button=self.tr("잠금 해제"))
        self.lock_page.submitted.connect(self._unlock)
        self.error_page = StoreErrorPage()
        self.error_page.retry.connect(self.start)
        self.error_page.quit.connect(self.close)
        self.work_page = self._build_work_page()
        for page in (self.loading, self.setup_page, self.signin_page, self.lock_page,
                     self.error_page, self.work_page):
            self.pages.addWidget(page)

        self.officer_label = QLabel()
        self.officer_label.setAccessibleName(self.tr("로그인한 담당자"))
        self.outbox_label = QLabel()
        self.outbox_label.setAccessibleName(self.tr("동기화 상태"))
        self.key_warning_label = QLabel()
        self.key_warning_label.setAccessibleName(self.tr("보안 경고"))
        self.key_warning_label.setStyleSheet("color: #b00020;")
        self.key_warning_label.hide()
        bar = self.statusBar()
        bar.addWidget(self.officer_label)
        bar.addWidget(self.key_warning_label, 1)
        bar.addPermanentWidget(self.outbox_label)
        bar.hide()

        self.idle = IdleWatch(idle_seconds, self)
        self.idle.idle.connect(self.lock)
        self.outbox_timer = QTimer(self)
        self.outbox_timer.setInterval(OUTBOX_REFRESH_MS)
        self.outbox_timer.timeout.connect(self.refresh_outbox)
        self.lock_action = QAction(self.tr("화면 잠그기"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.triggered.connect(self.lock)
        self.lock_action.setEnabled(False)
        self.addAction(self.lock_action)

    def _build_work_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.welcome = QLabel()
        self.welcome.setAccessibleName(self.tr("환영 인사"))
        font = self.welcome.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.welcome.setFont(font)
        layout.addWidget(self.welcome)
        # Each tab's page lives in its own module and gets the window, for its runner
        # (the store worker) and the signed-in officer.
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("작업 영역"))
        self.visit_page = build_visit_page(self)
        self.intake_page = build_intake_page(self)
        self.counsel_page = build_counsel_page(self)
        self.cases_page = build_cases_page(self)
        self.tabs.addTab(self.visit_page, self.tr("오늘의 방문"))
        self.tabs.addTab(self.intake_page, self.tr("민원 접수"))
        self.tabs.addTab(self.counsel_page, self.tr("국선대리인 상담"))
        self.tabs.addTab(self.cases_page, self.tr("사건 목록"))
        self.tabs.setCurrentWidget(self.intake_page)
        layout.addWidget(self.tabs, 1)
        return page

    # -- start-up ----------------------------------------------------------------------

    def start(self) -> None:
        """Open the store on the worker and show the screen that fits what was found."""
        self.pages.setCurrentWidget(self.loading)
        data_dir = self.data_dir
        op = StoreOp.opening(lambda: _open_existing(data_dir), then=_describe)
        self.runner.run(op.success(self._opened).failure(self._cannot_open))

    def _opened(self, opened: Opened | None) -> None:
        if opened is None:
            self.pages.setCurrentWidget(self.setup_page)
            self.setup_page.officer.setFocus()
            return
        self._show_key_warning(opened.key_warning)
        self.signin_page.set_officers(opened.officers)
        self.pages.setCurrentWidget(self.signin_page)
        self.signin_page.reset()

    def _cannot_open(self, exc: Exception) -> None:
        self.error_page.show_problem(exc, str(self.data_dir))
        self.pages.setCurrentWidget(self.error_page)

    def _show_key_warning(self, warning: str | None) -> None:
        if warning:
            self.key_warning_label.setText(self.tr("개발용 설정: 저장소 키가 안전한 키링이 아닌 "
                                                   "곳에 있습니다. 버스 노트북에서는 쓰지 "
                                                   "마십시오."))
            self.key_warning_label.setToolTip(warning)
            self.key_warning_label.show()
        else:
            self.key_warning_label.hide()

    # -- first run -----------------------------------------------------------------------

    def _create_store(self, officer: str, device: str, role: str, pin: str) -> None:
        from fieldbus.store.store import Store

        data_dir = self.data_dir
        self.setup_page.set_busy(True)
        op = StoreOp.opening(
            lambda: Store.create(data_dir, device=device, officer=officer, pin=pin, role=role),
            then=lambda store: _create_and_sign_in(store, officer, pin))
        self.runner.run(op.success(self._created).failure(self._setup_failed))

    def _created(self, result: tuple[Officer, Opened]) -> None:
        self.setup_page.set_busy(False)
        officer, opened = result
        self._show_key_warning(opened.key_warning)
        self.signin_page.set_officers(opened.officers)
        self._signed_in(officer)

    def _setup_failed(self, exc: Exception) -> None:
        self.setup_page.set_busy(False)
        if isinstance(exc, ValidationError):
            self.setup_page.show_error(exc.field, messages.field_error(exc))
        else:
            self._cannot_open(exc)

    # -- sign-in and lock ----------------------------------------------------------------

    def _sign_in(self, name: str, pin: str) -> None:
        self.signin_page.set_busy(True)
        op = StoreOp(lambda store: store.sign_in(name, pin))
        self.runner.run(op.success(self._sign_in_ok).failure(
            lambda exc: self._refused(self.signin_page, exc)))

    def _sign_in_ok(self, officer: Officer) -> None:
        self.signin_page.set_busy(False)
        self._signed_in(officer)

    def _refused(self, prompt: PinPrompt, exc: Exception) -> None:
        from fieldbus.store.errors import SignInFailed, SignInLocked

        prompt.set_busy(False)
        if isinstance(exc, SignInLocked):
            prompt.locked_out(exc.retry_after)
        elif isinstance(exc, SignInFailed):
            prompt.wrong_pin()
        else:
            what, todo = messages.store_problem(exc)
            prompt.show_message(f"{what} {todo}")

    def _signed_in(self, officer: Officer) -> None:
        self.officer = officer
        self.officer_label.setText(self.tr("{0} ({1})").format(
            officer.name, messages.role_name(officer.role)))
        self.welcome.setText(self.tr("{0}님, 안녕하십니까.").format(officer.name))
        self.outbox_label.setText("")
        self.pages.setCurrentWidget(self.work_page)
        self.statusBar().show()
        self.lock_action.setEnabled(True)
        self.idle.start()
        self.outbox_timer.start()
        self.refresh_outbox()

    def refresh_outbox(self) -> None:
        if self.officer is None or not self.runner.running:
            return
        self.runner.run(StoreOp(_pending).success(self._show_pending).failure(
            lambda exc: self.outbox_label.setText(self.tr("동기화 대기: 알 수 없음"))))

    def _show_pending(self, count: int) -> None:
        self.pending = count
        if count:
            self.outbox_label.setText(self.tr("동기화 대기 {0}건").format(count))
        else:
            self.outbox_label.setText(self.tr("동기화할 것 없음"))

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def lock(self) -> None:
        """Hide everything (the work page keeps its state) until the PIN is given."""
        if self.officer is None or self.locked:
            return
        self.idle.stop()
        self.outbox_timer.stop()
        self.lock_action.setEnabled(False)
        self.statusBar().hide()
        self.lock_page.set_officers([self.officer.name], fixed=True)
        self.pages.setCurrentWidget(self.lock_page)
        self.lock_page.reset()

    def _unlock(self, name: str, pin: str) -> None:
        self.lock_page.set_busy(True)
        op = StoreOp(lambda store: store.sign_in(name, pin))
        self.runner.run(op.success(self._unlocked).failure(
            lambda exc: self._refused(self.lock_page, exc)))

    def _unlocked(self, officer: Officer) -> None:
        self.lock_page.set_busy(False)
        self.lock_page.reset()
        self._signed_in(officer)

    # -- faults and the end --------------------------------------------------------------

    def _unhandled(self, exc: Exception) -> None:
        self.statusBar().show()
        self.statusBar().showMessage(messages.unexpected(), 15_000)

    def shutdown(self) -> None:
        """Stop timers, close the store on its thread and end that thread. Idempotent."""
        self.idle.stop()
        self.outbox_timer.stop()
        self.runner.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.shutdown()
        super().closeEvent(event)
