"""The main window: which screen shows when, and the store operations behind each one.

Start-up is an operation on the worker (``fieldbus.ui.shell.worker``): it finds out whether this
laptop has a store and reads who may sign in from its key slot file (nothing can be
decrypted before a PIN). No store → first-run setup; a store that will not open → the
error screen (its files untouched, never a fresh empty store); otherwise → sign-in, which
opens the store on the worker with the officer's PIN (docs/security.md §2). After sign-in the work area shows, with the officer and the outbox in
the status bar; after an idle period the window locks until the officer's PIN is given.

The work area (its tabs and their modules) is built only once the first screen is up: a
piece at a time in idle moments, or all at once when it is needed first (issue 4: the
window shows within twice a bare PySide6 window's start-up time).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import Officer
from fieldbus.ui.shell import messages
from fieldbus.ui.shell.sign_in import PinPrompt, SetupPage, StoreErrorPage
from fieldbus.ui.sync.controller import SyncController
from fieldbus.ui.shell.training_banner import TrainingBanner, status_label, training_title
from fieldbus.ui.shell.worker import StoreOp, StoreRunner
from fieldbus.ui.widgets.fonts import enlarge

if TYPE_CHECKING:  # the dialogs are imported when first opened, not at start-up
    from fieldbus.services.sync_status import SyncStatus
    from fieldbus.ui.shell.settings_dialog import SettingsDialog
    from fieldbus.ui.sync.panel import SyncPanel

DEFAULT_IDLE_SECONDS = 5 * 60
#: After the first screen shows, wait this long before building the work area in idle
#: moments: the screen paints first, and the store's opening on the worker goes on.
WORK_PAGE_IDLE_DELAY_MS = 300
log = logging.getLogger(__name__)
Part = TypeVar("Part", bound=QWidget)


class _WorkAreaPart(Generic[Part]):
    """A piece of the work area read from the window (``window.tabs``, ``window.intake_page``):
    the work area is built first if the idle build has not finished it, so a caller
    never finds it half made. The piece itself is kept as ``window._<name>``."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.attribute = f"_{name}"

    def __get__(self, window: Any, owner: type | None = None) -> Part:
        if window is None:
            return self  # type: ignore[return-value]  # read from the class
        window._ensure_work_page()
        return getattr(window, self.attribute)


@dataclass(frozen=True)
class Opened:
    """What the worker learnt about the store before sign-in (from its key slot file) or
    after setup."""

    officers: list[str]
    key_warning: str | None
    training: bool = False  # a training store (fieldbus.services.training): marked 교육용


def _look(data_dir: Path, *, training: bool = False) -> Opened | None:
    """Runs on the worker: who may sign in to the store in ``data_dir``, or None when there
    is none yet; nothing is decrypted (no PIN yet). ``training``: it must be a training
    store."""
    from fieldbus.store.store import Store
    from fieldbus.services.training import NotATrainingStore

    info = Store.signin_info(data_dir)
    if info is None:
        return None
    if training and not info.training:
        raise NotATrainingStore(f"{data_dir} holds a store that is not a training store; it "
                                "was left untouched")
    return Opened(officers=info.officers, key_warning=info.key_warning, training=info.training)


def _describe(store) -> Opened:
    return Opened(officers=store.slots.officer_names(), key_warning=store.key_place.warning(),
                  training=store.training)


def _open_signed_in(data_dir: Path, name: str, pin: str, *, training: bool):
    """Runs on the worker: the store, opened with ``name``'s PIN (unwrapping its key)."""
    from fieldbus.store.store import Store
    from fieldbus.services.training import open_training

    if training:
        return open_training(data_dir, officer=name, pin=pin)
    return Store.open(data_dir, officer=name, pin=pin)


def _signed_in(store) -> tuple[Officer, list[str]]:
    """After sign-in, destroy what the retention rule says is due (DESIGN.md §4): at every
    start, so a laptop that is rarely opened still forgets on time. A failing purge is
    logged and retried next start; it never keeps the officer out."""
    from fieldbus.store import retention

    try:
        retention.purge(store, store.officer)
    except Exception as exc:  # noqa: BLE001 - sign-in goes on; the purge runs next time
        log.warning("retention purge at start-up failed: %s",
                    getattr(exc, "code", type(exc).__name__))
    return store.officer, list(store.notices)


def _created(store) -> tuple[tuple[Officer, list[str]], Opened]:
    return (store.officer, list(store.notices)), _describe(store)


def _unlocked(store, name: str, pin: str) -> tuple[Officer, list[str]]:
    return store.sign_in(name, pin), list(store.notices)


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


class StatusBar(QStatusBar):
    """One message at a time on the left of the status bar.

    A passing message (``showMessage``: a restored draft, a short PIN, a fault) hides the
    officer's name and the development-mode warning until it ends, and they come back
    after. QStatusBar does this itself only while it is on screen: a message shown while
    the bar was hidden (before sign-in is finished, under the lock) left both labels drawn
    under it once the bar showed again. ``lines`` are those labels, each with whether it is
    wanted at all (:meth:`want`), so a message never decides for good what shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wanted: dict[QWidget, bool] = {}
        self.messageChanged.connect(self._arrange)

    def add_line(self, widget: QWidget, stretch: int = 0, *, wanted: bool = True) -> None:
        self.addWidget(widget, stretch)
        self._wanted[widget] = wanted
        self._arrange()

    def want(self, widget: QWidget, wanted: bool) -> None:
        self._wanted[widget] = wanted
        self._arrange()

    def _arrange(self, *_: object) -> None:
        message = bool(self.currentMessage())
        for widget, wanted in self._wanted.items():
            widget.setVisible(wanted and not message)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._arrange()


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, *, idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 training: bool = False, parent: QWidget | None = None) -> None:
        """``training``: ``data_dir`` is a training store's folder (``fieldbus --training``)."""
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.training = False  # set by _mark_training: the 교육용 marks are showing
        self.officer: Officer | None = None
        self.pending: int | None = None
        # Set by the app's own start (fieldbus.ui.shell.app.run), not by tests that make many
        # windows in one process (frozen garbage cycles are never collected).
        self.freeze_gc_when_built = False
        # Ends with the application's display name: the window manager's title bar then
        # shows it once (Qt appends " — Fieldbus" to titles that do not end with it).
        self.setWindowTitle(self.tr("이동신문고 현장 접수 — Fieldbus"))
        self.resize(1000, 700)  # the size it comes back to from maximised, the first time

        self.runner = StoreRunner(self)
        self.runner.unhandled.connect(self._unhandled)

        self.pages = QStackedWidget()
        # The 교육용 banner sits above the page stack, so every screen shows it.
        self.training_banner = TrainingBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.training_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.loading = QLabel(self.tr("저장소를 여는 중…"))
        self.loading.setAccessibleName(self.tr("불러오는 중"))
        self.setup_page = SetupPage(str(self.data_dir))
        self.setup_page.submitted.connect(self._create_store)
        self.setup_page.training_requested.connect(self._start_training)
        self.signin_page = PinPrompt(title=self.tr("로그인"),
                                     intro=self.tr("담당자를 고르고 PIN을 입력하십시오."),
                                     button=self.tr("로그인"))
        self.signin_page.submitted.connect(self._sign_in)
        self.lock_page = PinPrompt(title=self.tr("화면이 잠겼습니다"), intro="",
                                   button=self.tr("잠금 해제"))
        self.lock_page.submitted.connect(self._unlock)
        self.error_page = StoreErrorPage()
        self.error_page.retry.connect(self.start)
        self.error_page.quit.connect(self.close)
        for page in (self.loading, self.setup_page, self.signin_page, self.lock_page,
                     self.error_page):
            self.pages.addWidget(page)
        # The work area: built by _work_page_steps, see work_page.
        self._work_page: QWidget | None = None
        self._review_page: Any = None
        self._work_steps: Iterator[None] | None = None
        self._work_timer = QTimer(self)  # drives the idle build, one piece per tick
        self._work_timer.setSingleShot(True)
        self._work_timer.timeout.connect(self._work_page_idle_step)
        self._work_idle_build = False
        self._open_timer = QTimer(self)  # start(): the store opens once the loop runs
        self._open_timer.setSingleShot(True)
        self._open_timer.timeout.connect(self._open_store)

        self.officer_label = QLabel()
        self.officer_label.setAccessibleName(self.tr("로그인한 담당자"))
        # The sync line is a button: it opens the panel that says what waits and why.
        self.outbox_label = QToolButton()
        self.outbox_label.setAutoRaise(True)
        self.outbox_label.setAccessibleName(self.tr("동기화 상태"))
        self.outbox_label.setToolTip(self.tr("동기화 현황 보기 (Ctrl+Shift+Y)"))
        self.outbox_label.clicked.connect(self.open_sync_panel)
        self.sync = SyncController(self)
        self.sync.changed.connect(self._show_sync)
        self.sync_panel: SyncPanel | None = None
        self.sync_status: SyncStatus | None = None  # None until the controller first says
        self.key_warning_label = QLabel()
        self.key_warning_label.setAccessibleName(self.tr("보안 경고"))
        self.key_warning_label.setStyleSheet("color: #b00020;")
        bar = StatusBar()
        self.setStatusBar(bar)
        bar.add_line(self.officer_label)
        bar.add_line(self.key_warning_label, 1, wanted=False)
        bar.addPermanentWidget(self.outbox_label)
        self.training_label = status_label()
        bar.addPermanentWidget(self.training_label)
        bar.hide()

        self.idle = IdleWatch(idle_seconds, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.lock_action = QAction(self.tr("화면 잠그기"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.triggered.connect(lambda: self.lock())
        self.lock_action.setEnabled(False)
        self.addAction(self.lock_action)
        if training:
            self._mark_training()
        # Language and text size, from every screen (sign-in included): the menu bar.
        self.settings_dialog: SettingsDialog | None = None
        self.settings_action = QAction(self.tr("설정(&S)…"), self)
        self.settings_action.setShortcut(QKeySequence(self.tr("Ctrl+,")))
        self.settings_action.triggered.connect(self.open_settings)
        self.addAction(self.settings_action)
        self.menuBar().setAccessibleName(self.tr("메뉴"))
        self.menuBar().addAction(self.settings_action)
        self.sync_action = QAction(self.tr("동기화(&Y)…"), self)
        self.sync_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Y")))
        self.sync_action.triggered.connect(self.open_sync_panel)
        self.sync_action.setEnabled(False)
        self.addAction(self.sync_action)
        self.menuBar().addAction(self.sync_action)

    @property
    def status_bar(self) -> StatusBar:
        bar = self.statusBar()
        assert isinstance(bar, StatusBar)
        return bar

    def open_settings(self) -> SettingsDialog:
        """The settings dialog, window-modal; the forms behind it keep what is typed."""
        from fieldbus.ui.shell.settings_dialog import SettingsDialog

        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(self)
            self.settings_dialog.finished.connect(self._settings_closed)
            self.settings_dialog.open()
        return self.settings_dialog

    def _settings_closed(self) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- the work area, built lazily ----------------------------------------------------

    @property
    def work_page(self) -> QWidget:
        """The work area (welcome line and tabs), built now if it is not yet."""
        return self._ensure_work_page()

    tabs = _WorkAreaPart[QTabWidget]()
    welcome = _WorkAreaPart[QLabel]()
    visit_page = _WorkAreaPart[QWidget]()
    intake_page = _WorkAreaPart[QWidget]()
    counsel_page = _WorkAreaPart[QWidget]()
    cases_page = _WorkAreaPart[QWidget]()

    def _ensure_work_page(self) -> QWidget:
        if self._work_page is None:
            for _ in self._work_page_steps_once():
                pass
        assert self._work_page is not None
        return self._work_page

    def _work_page_steps_once(self) -> Iterator[None]:
        """The one build of the work area, shared by the idle build and ``work_page``
        (which finishes what the idle build began)."""
        if self._work_steps is None:
            self._work_steps = self._work_page_steps()
        return self._work_steps

    def _work_page_steps(self) -> Iterator[None]:
        """Build the work area, yielding between pieces (an import, a tab) so that the
        idle build never holds the GUI thread long; the tab modules are imported here,
        not at start-up, which needs only the sign-in screens."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self._welcome = QLabel()
        self._welcome.setAccessibleName(self.tr("환영 인사"))
        enlarge(self._welcome, 1.5)
        layout.addWidget(self._welcome)
        # Each tab's page lives in its own module and gets the window, for its runner
        # (the store worker) and the signed-in officer.
        self._tabs = QTabWidget()
        self._tabs.setAccessibleName(self.tr("작업 영역"))
        self._tabs.tabBar().setAccessibleName(self.tr("작업 탭"))
        yield
        from fieldbus.ui.visit.page import build_visit_page
        self._visit_page = yield from self._tab(build_visit_page, self.tr("오늘의 방문"))
        self._tell_visit_page(self.sync_status)
        import fieldbus.domain.phones  # noqa: F401 - the intake's heaviest import, alone
        yield
        from fieldbus.ui.intake.page import build_intake_page
        self._intake_page = yield from self._tab(build_intake_page, self.tr("민원 접수"))
        from fieldbus.ui.counsel.page import build_counsel_page
        self._counsel_page = yield from self._tab(build_counsel_page, self.tr("국선대리인 상담"))
        from fieldbus.ui.cases.page import build_cases_page
        self._cases_page = yield from self._tab(build_cases_page, self.tr("사건 목록"))
        self._tabs.setCurrentWidget(self._intake_page)
        layout.addWidget(self._tabs, 1)
        # Style each tab now, a tab a step, rather than all at once when it first shows
        # (the polish of a big form is tens of milliseconds on the GUI thread).
        for tab in (self._intake_page, self._visit_page, self._counsel_page,
                    self._cases_page):
            yield
            tab.ensurePolished()
        self.pages.addWidget(page)
        self._work_page = page
        if self.freeze_gc_when_built:
            # The pages live as long as the app: move them (and start-up's objects) out of
            # the collector's reach, so a generation-2 pass on the store worker (it holds
            # the interpreter lock) walks only what came since: shorter GUI-thread pauses.
            gc.freeze()

    def _tab(self, build: Callable[[MainWindow], QWidget],
             title: str) -> Generator[None, None, QWidget]:
        """The work area's build steps for one tab, its module just imported: the page
        built (a step of its own) and added as tab ``title``; returns the page."""
        yield
        page = build(self)
        self._tabs.addTab(page, title)
        yield
        return page

    def _build_work_page_when_idle(self) -> None:
        """Start the idle build of the work area (once): a piece per timer tick."""
        if self._work_idle_build or self._work_page is not None:
            return
        self._work_idle_build = True
        self._work_timer.start(WORK_PAGE_IDLE_DELAY_MS)

    def _work_page_idle_step(self) -> None:
        if self._work_page is not None:
            return  # needed earlier, and built then
        try:
            next(self._work_page_steps_once())
        except StopIteration:
            return
        self._work_timer.start(0)

    # -- start-up ----------------------------------------------------------------------

    def start(self) -> None:
        """Open the store on the worker and show the screen that fits what was found.

        Before the window is on screen the opening goes to the worker from the event
        loop, after the window's first paint: the worker's imports (the store's
        libraries) would otherwise hold the interpreter lock while it is painted."""
        self.pages.setCurrentWidget(self.loading)
        if self.isVisible():
            self._open_store()
        else:
            self._open_timer.start(0)

    def _open_store(self) -> None:
        data_dir, training = self.data_dir, self.training
        op = StoreOp.detached(lambda: _look(data_dir, training=training))
        self.runner.run(op.success(self._opened).failure(self._cannot_open))

    def _opened(self, opened: Opened | None) -> None:
        if opened is not None and opened.training:
            self._mark_training()  # also when a training folder was given as --data-dir
        self._build_work_page_when_idle()
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
            self.key_warning_label.setText(self.tr("개발용 설정: OS 키링 없이 PIN만으로 저장소를 "
                                                   "보호합니다. 버스 노트북에서는 쓰지 "
                                                   "마십시오."))
            self.key_warning_label.setToolTip(warning)
        self.status_bar.want(self.key_warning_label, bool(warning))

    # -- first run -----------------------------------------------------------------------

    def _create_store(self, officer: str, device: str, role: str, pin: str) -> None:
        from fieldbus.store.store import Store
        from fieldbus.services.training import create_training

        data_dir, training = self.data_dir, self.training
        self.setup_page.set_busy(True)
        op = StoreOp.opening(
            lambda: create_training(data_dir, officer=officer, pin=pin, role=role) if training
            else Store.create(data_dir, device=device, officer=officer, pin=pin, role=role),
            then=_created)
        self.runner.run(op.success(self._created).failure(self._setup_failed))

    # -- training (fieldbus.services.training) ----------------------------------------------

    def _mark_training(self) -> None:
        """Show the 교육용 marks from now on: title, banner on every screen, status bar."""
        from fieldbus.services.training import TRAINING_DEVICE

        if not self.training:
            self.setWindowTitle(training_title(self.windowTitle()))
        self.training = True
        self.training_banner.show()
        self.training_label.show()
        self.setup_page.set_training(str(self.data_dir), TRAINING_DEVICE)

    def _start_training(self, officer: str, role: str, pin: str) -> None:
        """The first-run choice: the training store beside this folder, made and filled
        with made-up cases now with the name and PIN typed (or, when one is there
        already, its sign-in); this window stays in training mode."""
        from fieldbus.services.training import training_dir

        self.data_dir = training_dir(self.data_dir)
        self._mark_training()
        self._create_store(officer, "", role, pin)

    def _created(self, result: tuple[tuple[Officer, list[str]], Opened]) -> None:
        self.setup_page.set_busy(False)
        signed_in, opened = result
        self._show_key_warning(opened.key_warning)
        self.signin_page.set_officers(opened.officers)
        self._signed_in(signed_in)

    def _setup_failed(self, exc: Exception) -> None:
        from fieldbus.store.errors import StoreExists

        self.setup_page.set_busy(False)
        if self.training and isinstance(exc, StoreExists):
            self.start()  # the training store was made before: its sign-in
            return
        if isinstance(exc, ValidationError):
            self.setup_page.show_error(exc.field, messages.field_error(exc))
        else:
            self._cannot_open(exc)

    # -- sign-in and lock ----------------------------------------------------------------

    def _sign_in(self, name: str, pin: str) -> None:
        """Open the store with this officer's PIN, on the worker: the PIN unwraps the key."""
        self.signin_page.set_busy(True)
        data_dir, training = self.data_dir, self.training
        op = StoreOp.opening(lambda: _open_signed_in(data_dir, name, pin, training=training),
                             then=_signed_in)
        self.runner.run(op.success(self._sign_in_ok).failure(
            lambda exc: self._refused(self.signin_page, exc)))

    def _sign_in_ok(self, signed_in: tuple[Officer, list[str]]) -> None:
        self.signin_page.set_busy(False)
        self._signed_in(signed_in)

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

    def _signed_in(self, signed_in: tuple[Officer, list[str]]) -> None:
        officer, notices = signed_in
        self.officer = officer
        self.officer_label.setText(self.tr("{0} ({1})").format(
            officer.name, messages.role_name(officer.role)))
        self.welcome.setText(self.tr("{0}님, 안녕하십니까.").format(officer.name))
        self.outbox_label.setText("")
        self.pages.setCurrentWidget(self.work_page)
        self.statusBar().show()
        self.lock_action.setEnabled(True)
        self.sync_action.setEnabled(True)
        self.idle.start()
        self.sync.start(officer)
        self._show_review(officer.role == "supervisor")
        if notices:  # a PIN shorter than today's rule (fieldbus.store.officers)
            self.statusBar().showMessage(
                self.tr("PIN이 6자리보다 짧습니다. 관리자에게 알리거나 `fieldbus officer pin` "
                        "명령으로 6자리 이상의 새 PIN을 정하십시오."), 60_000)

    def _show_review(self, wanted: bool) -> None:
        """The 검토 tab, for supervisors only (built the first time one signs in)."""
        if wanted and self._review_page is None:
            from fieldbus.ui.review.page import build_review_page

            self._review_page = build_review_page(self)
        page = self._review_page
        if page is None:
            return
        index = self._tabs.indexOf(page)
        if wanted and index < 0:
            self._tabs.addTab(page, self.tr("검토"))
        elif not wanted and index >= 0:
            page.sign_out()
            self._tabs.removeTab(index)

    @property
    def review_page(self) -> QWidget | None:
        return self._review_page

    def refresh_outbox(self) -> None:
        """A form saved something: send it soon. (The counts follow by themselves: every
        screen follows the store runner's ``changed``, see ``fieldbus.ui.shell.worker``.)"""
        self.sync.nudge()

    def _show_sync(self, status: SyncStatus) -> None:
        from fieldbus.ui.sync.panel import colour, explanation, headline

        self.pending = status.pending
        self.sync_status = status
        self.outbox_label.setText(headline(status))
        self.outbox_label.setToolTip(explanation(status))
        self.outbox_label.setStyleSheet(f"color: {colour(status)};" if colour(status) else "")
        self._tell_visit_page(status)

    def _tell_visit_page(self, status: SyncStatus | None) -> None:
        """The visit tab's waiting list says what becomes of what waits in this state."""
        waiting = getattr(getattr(self, "_visit_page", None), "waiting", None)
        if status is not None and waiting is not None:
            waiting.set_sync(status)

    def open_sync_panel(self) -> SyncPanel | None:
        if self.officer is None or self.locked:
            return None
        from fieldbus.ui.sync.panel import SyncPanel

        if self.sync_panel is None:
            self.sync_panel = SyncPanel(self, self.sync)
            self.sync_panel.finished.connect(self._sync_panel_closed)
            self.sync_panel.open()
        return self.sync_panel

    def _sync_panel_closed(self) -> None:
        panel, self.sync_panel = self.sync_panel, None
        if panel is not None:
            self.sync.changed.disconnect(panel.show_status)
            panel.deleteLater()

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def lock(self, *, idle: bool = False) -> None:
        """Hide everything (the work page keeps its state) until the PIN is given.
        ``idle``: the idle period ran out; else the officer locked it (Ctrl+L, the menu)."""
        if self.officer is None or self.locked:
            return
        if idle:
            self.lock_page.intro.setText(self.tr("한동안 사용하지 않아 화면을 잠갔습니다. "
                                                 "계속하려면 PIN을 입력하십시오."))
        else:
            self.lock_page.intro.setText(self.tr("{0}님이 화면을 잠갔습니다. 계속하려면 PIN을 "
                                                 "입력하십시오.").format(self.officer.name))
        self.idle.stop()
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        if self.sync_panel is not None:
            self.sync_panel.reject()
        self.lock_action.setEnabled(False)
        self.sync_action.setEnabled(False)
        self.statusBar().hide()
        self.lock_page.set_officers([self.officer.name], fixed=True)
        from fieldbus.ui.widgets.personal import hide_all
        hide_all(self)  # revealed personal details are masked again, not kept for the unlock
        self.pages.setCurrentWidget(self.lock_page)
        self.lock_page.reset()

    def _unlock(self, name: str, pin: str) -> None:
        """The PIN is checked against the officer's key slot, on the worker."""
        self.lock_page.set_busy(True)
        op = StoreOp(lambda store: _unlocked(store, name, pin))
        self.runner.run(op.success(self._unlocked).failure(
            lambda exc: self._refused(self.lock_page, exc)))

    def _unlocked(self, signed_in: tuple[Officer, list[str]]) -> None:
        self.lock_page.set_busy(False)
        self.lock_page.reset()
        self._signed_in(signed_in)

    # -- faults and the end --------------------------------------------------------------

    def _unhandled(self, exc: Exception) -> None:
        self.statusBar().show()
        self.statusBar().showMessage(messages.unexpected(), 15_000)

    def shutdown(self) -> None:
        """Stop timers, close the store on its thread and end that thread. Idempotent."""
        self.idle.stop()
        self._open_timer.stop()
        self._work_timer.stop()
        self.sync.stop()
        if self._review_page is not None:
            self._review_page.shutdown()
        self.runner.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self._save_place()
        self.shutdown()
        super().closeEvent(event)

    # -- the window's place on the screen (issue 12) --------------------------------------

    def show_in_place(self) -> None:
        """Show the window where the officer left it last time (``fieldbus.services.
        settings.load_window_place``); maximised the first time, and when that place is on
        no screen now (the monitor it was on is gone) or its file cannot be read."""
        from fieldbus.services import settings

        place = settings.load_window_place()
        if place is not None and _on_a_screen(QRect(*place.frame)) \
                and self.restoreGeometry(QByteArray(place.geometry)):
            if place.maximized:
                self.showMaximized()
            else:
                self.show()
            return
        self.showMaximized()

    def _save_place(self) -> None:
        """Remember where the window is (at its close); a failure is logged, never kept
        the window open."""
        from fieldbus.services import settings

        if not self.isVisible():
            return
        frame = self.frameGeometry()
        place = settings.WindowPlace(
            geometry=bytes(self.saveGeometry().data()),
            frame=(frame.x(), frame.y(), frame.width(), frame.height()),
            maximized=self.isMaximized())
        try:
            settings.save_window_place(place)
        except OSError as exc:
            log.warning("the window's place was not saved: %s", exc)


def _on_a_screen(frame: QRect) -> bool:
    """The middle of ``frame`` is on a screen that can hold it (not on a monitor since
    unplugged, nor wider than the screen left)."""
    screen = QGuiApplication.screenAt(frame.center())
    if screen is None:
        return False
    room = screen.availableGeometry()
    return frame.width() <= room.width() + 16 and frame.height() <= room.height() + 16
