"""A citizen's personal details on screen: masked by default, revealed on purpose (issue 12).

A queue of citizens stands behind the officer, so a case's (or a counsel session's) detail
shows the masked form the receipt prints (김*수, 010-****-5678, the address up to its
읍·면·동). :class:`PersonalReveal` is the deliberate action that shows them in full: a
button "개인정보 보기" (Ctrl+Shift+P while the focus is in the screen), which first writes
an audit entry ``personal_data_revealed`` (the record, the officer, the reason) on the
store worker and only then lets the screen show the details. Where the rules ask for a
reason — a supervisor opening a sealed public-interest reporter's identity — a line asks
for it and nothing is revealed without one.

The details are hidden again after :data:`REVEAL_SECONDS`, when the screen (or the window:
the lock) leaves the screen, when another record is chosen, and by the same button.
Whoever shows them listens to :attr:`PersonalReveal.changed`. The window's lock calls
:func:`hide_all`.

Shared by the cases tab and the counsel detail (a screen package never imports another).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from fieldbus.domain.masking import mask_address, mask_email, mask_name, mask_phone
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.keys import shortcut

# How long revealed details stay on screen (seconds) before they are masked again.
REVEAL_SECONDS = 60
# The audit entry's action.
AUDIT_ACTION = "personal_data_revealed"
# The reason audited when the rules ask for none (the officer's own case or session).
PLAIN_REASON = "shown on screen"
SHORTCUT = "Ctrl+Shift+P"


def tr(text: str) -> str:
    return QCoreApplication.translate("personal", text)


def person_lines(person, *, revealed: bool) -> list[str]:
    """A person's name, phone, e-mail and address as shown: in full once revealed, else
    masked as on the receipt (no postcode, the address up to its area). Empty ones left
    out. ``person``: a record (``Petitioner``) or its JSON (a dict)."""
    if person is None:
        return []
    if isinstance(person, dict):
        field = person.get
    else:
        def field(name: str):
            return getattr(person, name, None)
    if revealed:
        address = " ".join(x for x in (field("postcode"), field("address")) if x)
        bits = [field("name"), field("phone"), field("email"), address]
    else:
        bits = [mask_name(field("name")), mask_phone(field("phone")),
                mask_email(field("email")), mask_address(field("address"))]
    return [b for b in bits if b]


@dataclass(frozen=True)
class Target:
    """What would be revealed: ``record_type`` 'complaint' or 'counsel_session', its id
    and its printed number; ``needs_reason`` when the rules ask why (a sealed reporter)."""

    record_type: str
    record_id: str
    number: str
    needs_reason: bool = False


def record_reveal(store, officer, target: Target, reason: str) -> None:
    """On the worker: the audit entry that comes before the details are shown."""
    key = "receipt_no" if target.record_type == "complaint" else "number"
    store.audit(officer, AUDIT_ACTION, record_type=target.record_type,
                record_id=target.record_id, reason=reason,
                details={key: target.number, "reason_asked": target.needs_reason})


class PersonalReveal(QWidget):
    """The reveal button (and, when a reason is asked, its line) for one screen's detail.

    ``host`` is the screen whose focus makes the shortcut work. :meth:`set_target` names
    what the detail shows (None: nothing to reveal; the button is hidden) and masks it."""

    # True once the audit entry is written (show in full); False when hidden again.
    changed = Signal(bool)

    def __init__(self, window, host: QWidget) -> None:
        super().__init__()
        self.window_ = window
        self.target: Target | None = None
        self.revealed = False
        self.last_reason: str | None = None
        self._generation = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(tr("개인정보 열람 사유"))
        self.reason.setPlaceholderText(tr("열람 사유를 적고 Enter (기록됨)"))
        self.reason.setMaxLength(200)
        self.reason.returnPressed.connect(self._reason_given)
        self.reason.hide()
        layout.addWidget(self.reason, 1)
        self.button = QPushButton()
        self.button.setAutoDefault(True)  # Enter as well as Space presses it
        self.button.clicked.connect(self.toggle)
        layout.addWidget(self.button)
        self.note = QLabel()
        self.note.setAccessibleName(tr("개인정보 보기 알림"))
        self.note.hide()
        layout.addWidget(self.note)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide_personal)
        shortcut(host, QKeySequence(SHORTCUT), self.toggle)
        shortcut(self.reason, Qt.Key.Key_Escape, self._cancel_reason)
        self._update()

    # -- what is shown -----------------------------------------------------------------

    def set_target(self, target: Target | None) -> None:
        """A new record on screen: masked, whatever was revealed before."""
        self.hide_personal()
        self.target = target
        self._cancel_reason()
        self.note.hide()
        self._update()

    def _update(self) -> None:
        revealed = self.revealed
        self.button.setText(tr("개인정보 가리기 ({0})").format(SHORTCUT) if revealed
                            else tr("개인정보 보기 ({0})").format(SHORTCUT))
        self.button.setAccessibleName(tr("개인정보 가리기") if revealed
                                      else tr("개인정보 보기"))
        self.setVisible(self.target is not None)

    # -- reveal and hide ---------------------------------------------------------------

    def toggle(self) -> None:
        if self.target is None:
            return
        if self.revealed:
            self.hide_personal()
        elif self.target.needs_reason:
            self.reason.show()
            self.reason.setFocus()
        else:
            self.reveal(PLAIN_REASON)

    def _reason_given(self) -> None:
        text = self.reason.text().strip()
        if not text:
            self.note.setText(tr("열람 사유를 적어 주십시오."))
            self.note.show()
            return
        self.reveal(text)

    def _cancel_reason(self) -> None:
        self.reason.clear()
        self.reason.hide()

    def reveal(self, reason: str) -> None:
        """Write the audit entry on the worker; show in full when it is written."""
        target, officer = self.target, getattr(self.window_, "officer", None)
        runner = self.window_.runner
        if target is None or officer is None or not runner.running:
            return
        if target.needs_reason and not reason.strip():
            return
        self._generation += 1
        generation = self._generation
        self.button.setEnabled(False)
        runner.run(StoreOp(lambda store: record_reveal(store, officer, target, reason))
                   .success(lambda _none: self._revealed(generation, reason))
                   .failure(lambda exc: self._failed(generation)))

    def _revealed(self, generation: int, reason: str) -> None:
        self.button.setEnabled(True)
        if generation != self._generation:
            return  # hidden (or another record chosen) while the entry was written
        self.revealed = True
        self.last_reason = reason
        self._cancel_reason()
        self.note.hide()
        self.timer.start(int(REVEAL_SECONDS * 1000))
        self._update()
        self.button.setFocus()
        self.changed.emit(True)

    def _failed(self, generation: int) -> None:
        self.button.setEnabled(True)
        if generation == self._generation:
            self.note.setText(tr("열람을 기록하지 못해 보여 드릴 수 없습니다."))
            self.note.show()

    def hide_personal(self) -> None:
        """Mask again (and drop a reveal still being recorded)."""
        self._generation += 1
        self.button.setEnabled(True)
        self.timer.stop()
        if self.revealed:
            self.revealed = False
            self._update()
            self.changed.emit(False)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)  # the tab was left, or the window locked or minimised
        self.hide_personal()


def hide_all(window: QWidget) -> None:
    """Mask every revealed detail in ``window`` (its lock)."""
    for reveal in window.findChildren(PersonalReveal):
        reveal.hide_personal()
