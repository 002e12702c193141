"""The agency box shared by the intake and counsel forms and the case editor: the table
under ``resources/rules/agencies.json``, found by any part of a name (구미 → 구미시청)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from fieldbus.services.intake import draft as intake_draft


def agency_combo(edited: Callable[[str], None] | None = None) -> QComboBox:
    """An editable box of the agencies; ``edited("agency")`` is called as it changes."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for agency in intake_draft.agencies():
        combo.addItem(agency.name, agency.code)
    combo.setCurrentIndex(-1)
    combo.setEditText("")
    combo.lineEdit().setPlaceholderText(
        QCoreApplication.translate("agency", "기관 이름 일부를 입력하면 찾아 줍니다"))
    combo.lineEdit().setMaxLength(100)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    if edited is not None:
        combo.editTextChanged.connect(lambda _t: edited("agency"))
    return combo
