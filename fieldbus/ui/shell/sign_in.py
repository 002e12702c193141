"""Screens before work starts: first-run setup, sign-in, the idle lock, a store that won't open.

They are thin: they collect what the person types and say what they were told. The main
window turns their requests into store operations (``fieldbus.ui.shell.worker``) and hands the
answers back; no screen here touches the store.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldbus.domain.records import ROLES
from fieldbus.ui.shell import messages


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.hide()
    return label


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                              | Qt.InputMethodHint.ImhSensitiveData)
    field.setAccessibleName(name)
    return field


class _Centered(QWidget):
    """A page whose content is a narrow column in the middle of the window."""

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.column = QWidget()
        self.column.setMaximumWidth(520)
        self.body = QVBoxLayout(self.column)
        # Stretch on both sides, not an alignment flag: an aligned widget gets its size
        # hint, too low for wrapped text, which squeezed the fields (worst with large text).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.column, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


#: The first officer's role at setup. Only a supervisor adds officers (docs/security.md
#: §3) and nobody else can add one later on this laptop: whoever sets it up must be one,
#: unless the laptop is for that one person alone.
FIRST_ROLE = "supervisor"


class SetupPage(_Centered):
    """First run: who uses this laptop, its device code, and a PIN (``fieldbus setup``).

    The role starts at :data:`FIRST_ROLE` and the line under it says what the choice means:
    with any other role nobody can add an officer to this laptop."""

    submitted = Signal(str, str, str, str)  # officer, device, role, pin
    training_requested = Signal(str, str, str)  # officer, role, pin: a training store instead

    def __init__(self, data_dir: str) -> None:
        super().__init__()
        self.heading = _title(self.tr("Fieldbus 처음 설정"))
        self.body.addWidget(self.heading)
        self.intro = QLabel(self.tr("이 노트북에서 처음 사용합니다. 담당자와 기기 코드를 등록하고 "
                                    "PIN을 정하십시오. 자료는 암호화되어 다음 폴더에 저장됩니다: "
                                    "{0}").format(data_dir))
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)

        form = QFormLayout()
        self.officer = QLineEdit()
        self.officer.setAccessibleName(self.tr("담당자 이름"))
        self.officer.setMaxLength(50)
        self.device = QLineEdit()
        self.device.setAccessibleName(self.tr("기기 코드"))
        self.device.setPlaceholderText(self.tr("예: B07A"))
        self.device.setMaxLength(6)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("역할"))
        for role in ROLES:
            self.role.addItem(messages.role_name(role), role)
        self.role.setCurrentIndex(self.role.findData(FIRST_ROLE))
        self.role_hint = QLabel()
        self.role_hint.setObjectName("setup-role-hint")
        self.role_hint.setAccessibleName(self.tr("역할 안내"))
        self.role_hint.setWordWrap(True)
        self.role.currentIndexChanged.connect(self._show_role_hint)
        self._show_role_hint()
        self.pin = _pin_field(self.tr("PIN"))
        self.pin.setPlaceholderText(self.tr("숫자 6~12자리"))
        self.pin_again = _pin_field(self.tr("PIN 확인"))
        self.errors = {
            "officer": _error_label("setup-officer-error"),
            "device": _error_label("setup-device-error"),
            "role": _error_label("setup-role-error"),
            "pin": _error_label("setup-pin-error"),
            "pin_again": _error_label("setup-pin-again-error"),
        }
        for label, field, key in (
            (self.tr("담당자 이름"), self.officer, "officer"),
            (self.tr("기기 코드"), self.device, "device"),
            (self.tr("역할"), self.role, "role"),
            (self.tr("PIN"), self.pin, "pin"),
            (self.tr("PIN 확인"), self.pin_again, "pin_again"),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            if field is self.role:
                box.addWidget(self.role_hint)
            box.addWidget(self.errors[key])
            form.addRow(label, box)
        self.body.addLayout(form)
        self.general_error = _error_label("setup-error")
        self.body.addWidget(self.general_error)
        self.create = QPushButton(self.tr("저장소 만들기"))
        self.create.setAccessibleName(self.tr("저장소 만들기"))
        self.create.setDefault(True)
        self.create.clicked.connect(self._submit)
        for field in (self.officer, self.device, self.pin, self.pin_again):
            field.returnPressed.connect(self._submit)
        self.body.addWidget(self.create)
        # The first-run choice of a training store (fieldbus.services.training): same name,
        # role and PIN, no device code; made-up cases, never synced.
        self.training_button = QPushButton(self.tr("교육용으로 시작"))
        self.training_button.setAccessibleName(self.tr("교육용으로 시작"))
        self.training_button.setToolTip(self.tr("연습용 사건이 들어 있는 교육용 저장소를 따로 "
                                                "만듭니다. 실제 민원은 받지 마십시오."))
        self.training_button.clicked.connect(self._submit_training)
        self.body.addWidget(self.training_button)
        self.setTabOrder(self.officer, self.device)
        self.setTabOrder(self.device, self.role)
        self.setTabOrder(self.role, self.pin)
        self.setTabOrder(self.pin, self.pin_again)
        self.setTabOrder(self.pin_again, self.create)
        self.setTabOrder(self.create, self.training_button)

    def _show_role_hint(self, *_: object) -> None:
        if self.role.currentData() == "supervisor":
            self.role_hint.setText(self.tr("처음 설정하는 사람은 관리자로 등록합니다. 관리자만 이 "
                                           "노트북에 다른 담당자를 추가할 수 있습니다."))
            self.role_hint.setStyleSheet("")
        else:
            self.role_hint.setText(self.tr("이 역할로는 다른 담당자를 추가할 수 없어, 이 노트북에는 "
                                           "담당자를 추가할 사람이 없게 됩니다. 혼자 쓰는 노트북만 "
                                           "이렇게 설정하십시오."))
            self.role_hint.setStyleSheet("color: #8a5a00;")

    def _ready(self) -> bool:
        if not self.create.isEnabled():
            return False
        self.clear_errors()
        if self.pin.text() != self.pin_again.text():
            self.show_error("pin_again", self.tr("두 PIN이 다릅니다."))
            return False
        return True

    def _submit(self) -> None:
        if self._ready():
            self.submitted.emit(self.officer.text(), self.device.text(),
                                self.role.currentData(), self.pin.text())

    def _submit_training(self) -> None:
        if self._ready():
            self.training_requested.emit(self.officer.text(), self.role.currentData(),
                                         self.pin.text())

    def set_training(self, data_dir: str, device: str) -> None:
        """This page now makes a training store: its fixed device code, its own folder."""
        self.heading.setText(self.tr("교육용 저장소 만들기"))
        self.intro.setText(self.tr("연습용 사건이 들어 있는 교육용 저장소를 만듭니다. 실제 민원은 "
                                   "받지 마십시오. 폴더: {0}").format(data_dir))
        self.device.setText(device)
        self.device.setEnabled(False)
        self.training_button.hide()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()

    def show_error(self, field: str, text: str) -> None:
        label = self.errors.get(field, self.general_error)
        label.setText(text)
        label.show()
        target = {"officer": self.officer, "device": self.device, "role": self.role,
                  "pin": self.pin, "pin_again": self.pin_again}.get(field)
        if target is not None:
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()

    def set_busy(self, busy: bool) -> None:
        self.create.setEnabled(not busy)
        self.training_button.setEnabled(not busy)
        self.create.setText(self.tr("만드는 중…") if busy else self.tr("저장소 만들기"))


class PinPrompt(_Centered):
    """Officer and PIN: the sign-in screen, and (with one fixed officer) the lock screen.

    A wrong PIN says so; the store's lock-out after repeated wrong PINs is shown as a
    countdown, and the button stays off until it ends.
    """

    submitted = Signal(str, str)  # officer name, pin

    def __init__(self, *, title: str, intro: str, button: str) -> None:
        super().__init__()
        self._button_text = button
        self.heading = _title(title)
        self.body.addWidget(self.heading)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        form = QFormLayout()
        self.officer = QComboBox()
        self.officer.setAccessibleName(self.tr("담당자"))
        self.officer_label = QLabel(self.tr("담당자"))
        form.addRow(self.officer_label, self.officer)
        self.pin = _pin_field(self.tr("PIN"))
        form.addRow(self.tr("PIN"), self.pin)
        self.body.addLayout(form)
        self.message = _error_label("pin-message")
        self.body.addWidget(self.message)
        self.button = QPushButton(button)
        self.button.setAccessibleName(button)
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        self.body.addWidget(self.button)
        self._busy = False
        self._locked_until = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_countdown)

    def set_officers(self, names: list[str], *, fixed: bool = False) -> None:
        current = self.officer.currentText()
        self.officer.clear()
        self.officer.addItems(names)
        if current in names:
            self.officer.setCurrentText(current)
        choosing = not fixed or len(names) > 1
        self.officer.setVisible(choosing)
        self.officer_label.setVisible(choosing)  # not isVisible(): false on a hidden page

    def reset(self) -> None:
        self.pin.clear()
        self.message.clear()
        self.message.hide()
        self.pin.setFocus()

    def _submit(self) -> None:
        if self._busy or self._locked_until > time.monotonic() or not self.officer.currentText():
            return
        self.submitted.emit(self.officer.currentText(), self.pin.text())

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_button()

    def wrong_pin(self) -> None:
        self.pin.clear()
        self.show_message(self.tr("PIN이 맞지 않습니다. 다시 입력하십시오. 여러 번 틀리면 "
                                  "잠시 로그인할 수 없습니다."))
        self.pin.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def locked_out(self, retry_after: float) -> None:
        self.pin.clear()
        self._locked_until = time.monotonic() + max(0.0, retry_after)
        self._update_countdown()
        self._tick.start()

    def _update_countdown(self) -> None:
        left = self._locked_until - time.monotonic()
        if left <= 0:
            self._tick.stop()
            self.show_message(self.tr("다시 입력할 수 있습니다."))
            self._update_button()
            self.pin.setFocus()
            return
        self.show_message(self.tr("PIN을 여러 번 잘못 입력했습니다. {0}초 후에 다시 시도할 수 "
                                  "있습니다.").format(math.ceil(left)))
        self._update_button()

    @property
    def counting_down(self) -> bool:
        return self._tick.isActive()

    def _update_button(self) -> None:
        locked = self._locked_until > time.monotonic()
        self.button.setEnabled(not self._busy and not locked)
        self.pin.setEnabled(not locked)


class StoreErrorPage(_Centered):
    """A store that cannot be opened: what happened and what to do, never a traceback."""

    retry = Signal()
    quit = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.heading = _title("")
        self.heading.setObjectName("store-error-title")
        self.body.addWidget(self.heading)
        self.advice = QLabel()
        self.advice.setObjectName("store-error-advice")
        self.advice.setWordWrap(True)
        self.body.addWidget(self.advice)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.where)
        self.detail = QLabel()
        self.detail.setObjectName("store-error-detail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.detail)
        self.retry_button = QPushButton(self.tr("다시 시도"))
        self.retry_button.setAccessibleName(self.tr("다시 시도"))
        self.retry_button.clicked.connect(self.retry)
        self.quit_button = QPushButton(self.tr("끝내기"))
        self.quit_button.setAccessibleName(self.tr("끝내기"))
        self.quit_button.clicked.connect(self.quit)
        self.body.addWidget(self.retry_button)
        self.body.addWidget(self.quit_button)
        for label, name in ((self.heading, self.tr("오류")), (self.advice, self.tr("해결 방법")),
                            (self.where, self.tr("저장소 위치")),
                            (self.detail, self.tr("자세한 내용"))):
            label.setAccessibleName(name)

    def show_problem(self, exc: Exception, data_dir: str) -> None:
        what, todo = messages.store_problem(exc)
        self.heading.setText(what)
        self.advice.setText(todo)
        self.where.setText(self.tr("저장소 폴더: {0}").format(data_dir))
        code = getattr(exc, "code", type(exc).__name__)
        self.detail.setText(self.tr("기술 정보 ({0}): {1}").format(code, exc))
