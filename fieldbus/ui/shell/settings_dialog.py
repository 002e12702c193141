"""The settings dialog: the UI language and the text size for this laptop.

Text size applies at once, in every open window. A language change is saved and takes
effect at the next start: rebuilding the forms live would drop what an officer is typing,
and no setting is worth an unsaved complaint — the dialog says so before it is confirmed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services import settings
from fieldbus.services.settings import Settings
from fieldbus.ui.shell import display

#: Each language under its own name, so it can be found whatever the UI is in.
LANGUAGE_NAMES = (("한국어", "ko"), ("English", "en"))


def tr(text: str) -> str:
    return QCoreApplication.translate("settings", text)


class SettingsDialog(QDialog):
    saved = Signal(object)  # the Settings written

    def __init__(self, parent: QWidget | None = None, *, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("설정"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self._path = path
        stored, problem = settings.read(path)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setAccessibleName(tr("화면 언어"))
        for name, code in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(stored.language))
        form.addRow(tr("화면 언어"), self.language)
        self.text_size = QComboBox()
        self.text_size.setAccessibleName(tr("글자 크기"))
        for name, scale in ((tr("보통 (100%)"), 1.0), (tr("크게 (125%)"), 1.25),
                            (tr("아주 크게 (150%)"), 1.5)):
            self.text_size.addItem(name, scale)
        if self.text_size.findData(stored.text_scale) < 0:  # set by hand in the file
            self.text_size.addItem(f"{stored.text_scale:.0%}", stored.text_scale)
        self.text_size.setCurrentIndex(self.text_size.findData(stored.text_scale))
        form.addRow(tr("글자 크기"), self.text_size)
        layout.addLayout(form)
        self.note = QLabel()
        self.note.setObjectName("settings-note")
        self.note.setAccessibleName(tr("설정 안내"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5300;")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("적용"))
        ok.setAccessibleName(tr("적용"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("취소"))
        cancel.setAccessibleName(tr("취소"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._update_note)
        self._problem = tr("설정 파일을 읽지 못한 부분이 있어 기본값을 썼습니다. 적용하면 "
                           "새로 저장합니다.") if problem else ""
        self._update_note()

    def chosen(self) -> Settings:
        return Settings(language=self.language.currentData(),
                        text_scale=float(self.text_size.currentData()))

    def _update_note(self) -> None:
        lines = [self._problem] if self._problem else []
        if self.language.currentData() != display.current_language():
            lines.append(tr("언어는 다음에 시작할 때 적용됩니다. 작성 중인 내용은 그대로 "
                            "남습니다."))
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))
        self.adjustSize()  # a wrapped note needs the dialog to grow, not to be cut off

    def accept(self) -> None:
        chosen = self.chosen()
        try:
            settings.save(chosen, self._path)
        except OSError as exc:
            self.note.setText(tr("설정을 저장하지 못했습니다: {0}").format(exc.strerror or exc))
            self.note.show()
            return
        display.apply_text_scale(chosen.text_scale)
        self.saved.emit(chosen)
        super().accept()
