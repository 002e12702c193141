"""The choice box of the forms (issue 12, "Choosing safely"): a combo box that never lets
the keyboard pick what the officer was not shown.

A plain QComboBox that starts empty opens its list with the first row *current* but not
highlighted, so Down ×3 lands on the fourth choice (a 고충 saved as 부패·공익신고, which
changes its deadline and seals the reporter). Here:

- a box with a placeholder starts empty (the officer must choose), and Delete empties it
  again; a box without one starts at its first choice, as before;
- in the open list the row the keys move from is always the row shown highlighted: an
  empty box's list shows none, Down goes to the first, Up to the last, and Enter with
  nothing highlighted chooses nothing;
- typing chooses — in the closed box at once, in the open list by moving the highlight
  (Enter takes it): by the start of a name, by its initial consonants (초성: ㄱㅊ → 고충),
  or by any part of it (신고 → 부패·공익신고); letters typed within a short pause add up,
  Backspace takes the last one back. Hangul comes through the input method, as it is
  being composed;
- the mouse wheel does not change a box the officer is not in (the form scrolls instead).

Matching by 초성 is written here rather than taken from a library: a precomposed syllable's
initial consonant is arithmetic on its code point (U+AC00 + (초성 × 21 + 중성) × 28 +
종성), a few lines, and a dependency (``jamo``, ``hangul-utils``) would be pinned in
``pyproject.toml`` and shipped to every laptop for them. It lives in this module, not in
``fieldbus.domain``, because it is how a screen is typed into, not a rule of a record.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

#: The 19 initial consonants, in the order of the syllable block (and of U+1100…U+1112).
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLES = 11172  # 가 U+AC00 … 힣 U+D7A3: 19 × 21 × 28
_PER_INITIAL = 21 * 28


def _syllable(ch: str) -> int | None:
    """``ch``'s offset in the syllable block, None for anything else."""
    n = ord(ch) - 0xAC00
    return n if 0 <= n < _SYLLABLES else None


def initials(text: str) -> str:
    """``text`` with each Hangul syllable replaced by its initial consonant (고충 → ㄱㅊ)."""
    return "".join(CHOSEONG[n // _PER_INITIAL] if (n := _syllable(c)) is not None else c
                   for c in text)


def _letters(text: str) -> list[str]:
    """What is compared: letters and digits, case folded (spaces and ``·`` do not count); a
    lone conjoining initial (U+1100…) as the compatibility consonant an IME commits."""
    out = []
    for c in unicodedata.normalize("NFC", text).casefold():
        if 0x1100 <= ord(c) <= 0x1112:
            c = CHOSEONG[ord(c) - 0x1100]
        if c.isalnum():
            out.append(c)
    return out


def _same(typed: str, shown: str, *, last: bool) -> bool:
    if typed == shown:
        return True
    n = _syllable(shown)
    if n is None:
        return False
    if typed in CHOSEONG:
        return CHOSEONG[n // _PER_INITIAL] == typed
    m = _syllable(typed)
    # The last syllable may still be being composed: 고 on its way to 공.
    return last and m is not None and m % 28 == 0 and m // 28 == n // 28


def _at(typed: list[str], name: list[str], start: int) -> bool:
    return all(_same(t, name[start + i], last=i == len(typed) - 1)
               for i, t in enumerate(typed))


def find_choice(typed: str, names: Sequence[str], *,
                usable: Callable[[int], bool] = lambda _i: True) -> int:
    """The index of the first usable name that starts with ``typed`` — letter by letter, a
    consonant standing for any syllable it begins — else of the first that holds it
    further in; -1 for none."""
    query = _letters(typed)
    if not query:
        return -1
    candidates = [(i, _letters(name)) for i, name in enumerate(names) if usable(i)]
    for i, name in candidates:
        if len(name) >= len(query) and _at(query, name, 0):
            return i
    for i, name in candidates:
        if any(_at(query, name, start) for start in range(1, len(name) - len(query) + 1)):
            return i
    return -1


_DOWN = (Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Home)
_UP = (Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_End)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ChoiceBox(QComboBox):
    """``(words, code)`` choices; with a ``placeholder`` nothing is chosen at first."""

    def __init__(self, choices: Iterable[tuple[str, str]] = (), *,
                 placeholder: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for text, code in choices:
            self.addItem(text, code)
        if placeholder is not None:
            self.setPlaceholderText(placeholder)
            self.setCurrentIndex(-1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not by the wheel
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        #: Letters typed within this pause add up to one search.
        self.search_pause_ms = max(QApplication.keyboardInputInterval(), 1000)
        self._typed = ""
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._forget)
        view = self.view()  # makes the popup, whose own filter is then called after ours
        view.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        view.installEventFilter(self)
        view.selectionModel().currentChanged.connect(self._current_moved)

    def code(self) -> str:
        """The code of the choice shown, "" while none is."""
        return self.currentData() if self.currentIndex() >= 0 else ""

    # -- typing ------------------------------------------------------------------------

    def _forget(self) -> None:
        self._typed = ""

    def _usable(self, row: int) -> bool:
        index = self.model().index(row, self.modelColumn(), self.rootModelIndex())
        return bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)

    def _find(self, typed: str) -> int:
        names = [self.itemText(i) for i in range(self.count())]
        return find_choice(typed, names, usable=self._usable)

    def _type(self, commit: str, composing: str = "", *, back: bool = False) -> int | None:
        """Add to what was typed; the row it finds, None when nothing was typed."""
        if back:
            self._typed = self._typed[:-1]
        self._typed += commit
        query = self._typed + composing
        self._pause.start(self.search_pause_ms)
        if not query:
            return None
        row = self._find(query)
        if row < 0:
            QApplication.beep()
        return row

    @staticmethod
    def _typing(event: QKeyEvent) -> str:
        """The text a key press types (not a shortcut's)."""
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.AltModifier
                                    | Qt.KeyboardModifier.MetaModifier)
        text = event.text()
        return text if text and not mods and text.isprintable() else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = self._typing(event)
        if text and (text.strip() or self._typed):  # a first space opens the list
            row = self._type(text)
            if row is not None and row >= 0:
                self.setCurrentIndex(row)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and self._typed:
            row = self._type("", back=True)
            if row is not None and row >= 0:
                self.setCurrentIndex(row)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and self.placeholderText():
            self.setCurrentIndex(-1)
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt API)
        row = self._type(event.commitString(), event.preeditString())
        if row is not None and row >= 0:
            self.setCurrentIndex(row)
        event.accept()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.view().isVisible():
            self._forget()
        super().focusOutEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.hasFocus():
            event.ignore()  # to the scroll area: the form scrolls, the choice stays
            return
        super().wheelEvent(event)

    # -- the open list -----------------------------------------------------------------

    def showPopup(self) -> None:  # noqa: N802 (Qt API)
        self._forget()
        super().showPopup()
        if self.currentIndex() < 0:
            # Nothing chosen: nothing current either (Qt would make the first row
            # current without showing it).
            self.view().selectionModel().clear()

    def _current_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row made current without being highlighted (Qt does so when the list takes
        the focus) is made not current: the keys move from what is shown."""
        model = self.view().selectionModel()
        if current.isValid() and not model.isSelected(current):
            model.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _highlight(self, row: int) -> None:
        view = self.view()
        index = self.model().index(row, self.modelColumn(), self.rootModelIndex())
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(index)

    def _edge(self, first: bool) -> int:
        rows = range(self.count()) if first else range(self.count() - 1, -1, -1)
        return next((row for row in rows if self._usable(row)), -1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is not self.view():
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.InputMethod:
            row = self._type(event.commitString(), event.preeditString())
            if row is not None and row >= 0:
                self._highlight(row)
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        shown = self.view().selectionModel().hasSelection()
        key = event.key()
        if not shown and (key in _DOWN or key in _UP):
            row = self._edge(first=key in _DOWN)
            if row >= 0:
                self._highlight(row)
            return True
        if not shown and key in _ENTER:
            self.hidePopup()  # nothing shown, nothing chosen
            return True
        text = self._typing(event)
        if text and (text.strip() or self._typed):
            row = self._type(text)
            if row is not None and row >= 0:
                self._highlight(row)
            return True
        if key == Qt.Key.Key_Backspace and self._typed:
            row = self._type("", back=True)
            if row is not None and row >= 0:
                self._highlight(row)
            return True
        return False
