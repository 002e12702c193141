"""The UI language and the text size, applied to the running ``QApplication``.

Korean is the source language: with ``ko`` only Qt's own Korean strings (standard buttons,
context menus) are loaded; with ``en`` the app's ``resources/i18n/fieldbus_en.qm``.
The text size scales the application font; widgets that set an explicit point size of
their own (titles, the big receipt number) are scaled by the same factor, so "larger text"
means every text, not only the ones that inherit the app font.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from sync.resources import resource_path
from fieldbus.services.settings import LANGUAGES

_LANGUAGE = "fieldbus_language"
_BASE_SIZE = "fieldbus_base_point_size"
_SCALE = "fieldbus_text_scale"
_SIZE_RESOLVED = 0x0002  # QFont::SizeResolved: the size was set, not inherited
_translators: list[QTranslator] = []


class FieldbusTranslator(QTranslator):
    """A translator that also looks in the empty context.

    The modules' ``tr`` helpers call ``QCoreApplication.translate("intake", …)`` through a
    function, which lupdate cannot see through: it files those strings under the empty
    context. Looking there second finds them without a context table kept by hand.
    """

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102
        text = super().translate(context, source_text, disambiguation, n)
        if not text and context:
            text = super().translate("", source_text, disambiguation, n)
        return text or None  # None (a null string): "not here", so Qt keeps the source


def translation_file(language: str) -> str:
    return str(resource_path("i18n", f"fieldbus_{language}.qm"))


def install_language(language: str) -> bool:
    """Replace the translators installed before with those for ``language``.

    Widgets built afterwards are in that language; ones already built keep their text.
    Returns False (and stays in Korean) when the translation cannot be loaded.
    """
    app = QApplication.instance()
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    loaded = True
    if language == "ko":
        qt_own = QTranslator(app)  # Qt's standard buttons and menus; optional
        if qt_own.load(QLocale(QLocale.Language.Korean), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt_own)
    else:
        ours = FieldbusTranslator(app)
        loaded = ours.load(translation_file(language))
        if loaded:
            _translators.append(ours)
        else:
            language = "ko"
    for translator in _translators:
        app.installTranslator(translator)
    app.setProperty(_LANGUAGE, language)
    return loaded


def current_language() -> str:
    app = QApplication.instance()
    return (app.property(_LANGUAGE) if app is not None else None) or "ko"


def text_scale() -> float:
    app = QApplication.instance()
    return float((app.property(_SCALE) if app is not None else None) or 1.0)


def apply_text_scale(scale: float) -> None:
    """Make every text ``scale`` times the normal size, at once, in every open window."""
    app = QApplication.instance()
    base = app.property(_BASE_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_SIZE, base)
    ratio = scale / text_scale()
    font = QFont(app.font())
    font.setPointSizeF(float(base) * scale)
    app.setFont(font)
    app.setProperty(_SCALE, float(scale))
    if ratio == 1.0:
        return
    widgets = app.allWidgets()
    for widget in widgets:
        own = widget.font()
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and own.pointSizeF() > 0 \
                and own.resolveMask() & _SIZE_RESOLVED:
            own.setPointSizeF(own.pointSizeF() * ratio)
            widget.setFont(own)
    for widget in widgets:
        restyle(widget)


def restyle(widget) -> None:
    """Give a widget with a style sheet of its own the font it would inherit now.

    Qt passes a new application font on to a widget with its own style sheet (an error
    line's colour, a banner's background) only through a parent that has a style sheet
    too; under a plain parent the line kept the font it was styled with, so at 150 % the
    errors, hints, banners and the status bar's warning stayed at 100 %. Styling it again
    takes the font from its parent, as every other widget does."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet) and widget.styleSheet():
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
