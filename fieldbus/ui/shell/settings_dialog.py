"""The settings dialog: the UI language and the text size for this laptop, and its print
defaults (issue 12): the office copy after a save too, the layout, the printer (Qt's list
of printers, or a PDF file). ``FIELDBUS_PRINTER`` / ``FIELDBUS_RECEIPT_LAYOUT`` override
the last two (environment > settings > default); the dialog says so when they are set.

Text size applies at once, in every open window. A language change is saved and takes
effect at the next start: rebuilding the forms live would drop what an officer is typing,
and no setting is worth an unsaved complaint — the dialog says so before it is confirmed.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
        self._stored = stored
        self._add_print_rows(form, stored)
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
        return replace(self._stored, language=self.language.currentData(),
                       text_scale=float(self.text_size.currentData()),
                       print_office_copy=self.office_copy.isChecked(),
                       receipt_layout=self.receipt_layout.currentData(),
                       printer=self.printer.currentData())

    def _add_print_rows(self, form: QFormLayout, stored: Settings) -> None:
        """What is printed after a save, on which paper and printer (issue 12)."""
        from PySide6.QtPrintSupport import QPrinterInfo

        self.office_copy = QCheckBox(tr("기관 보관용 (서명)도 인쇄"))
        self.office_copy.setAccessibleName(tr("저장 후 기관 보관용도 인쇄"))
        self.office_copy.setToolTip(tr("민원인 보관용은 언제나 인쇄합니다. 기관 보관용은 "
                                       "A4로 인쇄합니다."))
        self.office_copy.setChecked(stored.print_office_copy)
        form.addRow(tr("저장 후 인쇄"), self.office_copy)
        self.receipt_layout = QComboBox()
        self.receipt_layout.setAccessibleName(tr("접수증 용지"))
        for name, code in ((tr("A4"), "a4"), (tr("80 mm 롤"), "roll80")):
            self.receipt_layout.addItem(name, code)
        self.receipt_layout.setCurrentIndex(
            max(0, self.receipt_layout.findData(stored.receipt_layout)))
        form.addRow(tr("접수증 용지"), self.receipt_layout)
        self.printer = QComboBox()
        self.printer.setAccessibleName(tr("프린터"))
        self.printer.addItem(tr("PDF 파일로 저장"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if stored.printer and self.printer.findData(stored.printer) < 0:
            self.printer.addItem(tr("{0} (찾을 수 없음)").format(stored.printer), stored.printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(stored.printer)))
        form.addRow(tr("프린터"), self.printer)
        overrides = [name for name in (settings.PRINTER_ENV, settings.LAYOUT_ENV)
                     if os.environ.get(name, "").strip()]
        self._print_override = tr("{0}이(가) 설정되어 있어 이 컴퓨터에서는 그 값이 "
                                  "우선합니다.").format(", ".join(overrides)) if overrides else ""

    def _update_note(self) -> None:
        lines = [self._problem] if self._problem else []
        if self._print_override:
            lines.append(self._print_override)
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
