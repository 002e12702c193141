"""This laptop's display preferences: the UI language and the text size (issue 4 item 8),
and its print defaults (issue 12: which copies, the layout, the printer).

They belong to the laptop, not to the store: they are needed before anyone signs in (the
sign-in screen is already in the chosen language), and they hold nothing personal. So they
live in a small JSON file in the user's config folder (``platformdirs.user_config_dir``),
not in the encrypted store.

A damaged or hand-edited file must never stop the app from starting: whatever cannot be
read falls back to its default, the problem is logged once, and :func:`read` says what it
was so the window can show it.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

#: Language codes the app has translations for; Korean is the source language.
LANGUAGES = ("ko", "en")
#: Text sizes offered in the settings dialog, as a factor of the normal size.
TEXT_SCALES = (1.0, 1.25, 1.5)
MIN_TEXT_SCALE, MAX_TEXT_SCALE = 0.75, 2.0
LANG_ENV = "FIELDBUS_LANG"
#: Receipt layouts (``fieldbus.receipts.layout.LAYOUTS``) and the overrides of the print
#: settings for tests and deployments: environment > settings > default.
RECEIPT_LAYOUTS = ("a4", "roll80")
PRINTER_ENV, LAYOUT_ENV = "FIELDBUS_PRINTER", "FIELDBUS_RECEIPT_LAYOUT"
MAX_PRINTER_NAME = 200
FILE_NAME = "settings.json"

_reported: set[Path] = set()


@dataclass(frozen=True)
class Settings:
    language: str = "ko"
    text_scale: float = 1.0
    #: Printing (issue 12): after a save the citizen's copy, and the office copy (for the
    #: signature) too when set; the layout; the printer's name ("" = save a PDF file).
    print_office_copy: bool = False
    receipt_layout: str = "a4"
    printer: str = ""


def settings_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("fieldbus", appauthor=False)) / FILE_NAME


def read(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings in ``path`` and, when (part of) the file could not be used, why.

    A missing file is not a problem (first start). Unknown keys are ignored, so a newer
    version's file still opens; a bad value falls back to its default alone.
    """
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Settings(), f"{path}: cannot be read ({exc})"
    if not isinstance(raw, dict):
        return Settings(), f"{path}: not a JSON object"
    defaults = Settings()
    problems = []
    language = raw.get("language", defaults.language)
    if language not in LANGUAGES:
        problems.append(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        language = defaults.language
    scale = raw.get("text_scale", defaults.text_scale)
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) \
            or not MIN_TEXT_SCALE <= scale <= MAX_TEXT_SCALE:
        problems.append(f"text_scale {scale!r} is not a number from {MIN_TEXT_SCALE} to "
                        f"{MAX_TEXT_SCALE}")
        scale = defaults.text_scale
    settings = Settings(language=language, text_scale=float(scale))
    settings = _print_settings(raw, settings, problems)
    return settings, (f"{path}: " + "; ".join(problems)) if problems else None


def _print_settings(raw: dict, settings: Settings, problems: list[str]) -> Settings:
    """The print fields of ``raw`` over ``settings``, each bad one left at its default."""
    defaults = Settings()
    office = raw.get("print_office_copy", defaults.print_office_copy)
    if not isinstance(office, bool):
        problems.append(f"print_office_copy {office!r} is not true or false")
        office = defaults.print_office_copy
    layout = raw.get("receipt_layout", defaults.receipt_layout)
    if layout not in RECEIPT_LAYOUTS:
        problems.append(f"receipt_layout {layout!r} is not one of {', '.join(RECEIPT_LAYOUTS)}")
        layout = defaults.receipt_layout
    printer = raw.get("printer", defaults.printer)
    if not isinstance(printer, str) or len(printer) > MAX_PRINTER_NAME:
        problems.append(f"printer {printer!r} is not a printer's name")
        printer = defaults.printer
    return replace(settings, print_office_copy=office, receipt_layout=layout, printer=printer)


def load(path: Path | None = None) -> Settings:
    """The settings, with defaults for what is missing or damaged (logged once per file)."""
    path = path or settings_path()
    settings, problem = read(path)
    if problem and path not in _reported:
        _reported.add(path)
        log.warning("settings: using defaults for what could not be read: %s", problem)
    return settings


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` whole (a temporary file renamed over the old one): a crash
    mid-write leaves the previous file, never half of one."""
    if settings.language not in LANGUAGES:
        raise ValueError(f"unknown language {settings.language!r}")
    if not MIN_TEXT_SCALE <= settings.text_scale <= MAX_TEXT_SCALE:
        raise ValueError(f"text_scale {settings.text_scale!r} out of range")
    if settings.receipt_layout not in RECEIPT_LAYOUTS:
        raise ValueError(f"unknown receipt layout {settings.receipt_layout!r}")
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    _reported.discard(path)
    return path


def language(settings: Settings, environ=os.environ) -> str:
    """The language to start in: ``FIELDBUS_LANG`` (tests, screenshots) over the setting."""
    override = environ.get(LANG_ENV, "").strip().lower()
    return override if override in LANGUAGES else settings.language


def printer(settings: Settings, environ=os.environ) -> str:
    """The printer to print on: ``FIELDBUS_PRINTER`` over the setting ("" = a PDF file;
    ``default``: the system's default printer)."""
    return environ.get(PRINTER_ENV, "").strip() or settings.printer


def receipt_layout(settings: Settings, environ=os.environ) -> str:
    """The receipt layout: ``FIELDBUS_RECEIPT_LAYOUT`` (when it names one) over the
    setting."""
    override = environ.get(LAYOUT_ENV, "").strip().lower()
    return override if override in RECEIPT_LAYOUTS else settings.receipt_layout


#: The main window's last place (issue 12): a file of its own beside the settings, written
#: by the window at every close (the settings dialog never writes it).
WINDOW_FILE_NAME = "window.json"


@dataclass(frozen=True)
class WindowPlace:
    geometry: bytes  # what Qt's QWidget.saveGeometry() made
    frame: tuple[int, int, int, int]  # x, y, width, height on the desktop, frame included
    maximized: bool


def window_place_path() -> Path:
    return settings_path().with_name(WINDOW_FILE_NAME)


def load_window_place(path: Path | None = None) -> WindowPlace | None:
    """The window's last place, or None (first start; a damaged file, logged)."""
    path = path or window_place_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        x, y, width, height = (int(n) for n in raw["frame"])
        if not isinstance(raw["maximized"], bool):
            raise ValueError(f"maximized {raw['maximized']!r}")
        return WindowPlace(base64.b64decode(raw["geometry"], validate=True),
                           (x, y, width, height), raw["maximized"])
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        log.warning("settings: the window's last place cannot be read (%s): %s", path, exc)
        return None


def save_window_place(place: WindowPlace, path: Path | None = None) -> Path:
    """Write the window's place whole (a temporary file renamed over the old one)."""
    path = path or window_place_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({
        "geometry": base64.b64encode(place.geometry).decode("ascii"),
        "frame": list(place.frame), "maximized": place.maximized}) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path


def env_seconds(name: str, default: float, environ=os.environ) -> float:
    """A period from the environment (``FIELDBUS_IDLE_LOCK_SECONDS`` and the like) when it
    is a positive number, else ``default``: a typo must not turn a lock or a timer off."""
    try:
        value = float(environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default
