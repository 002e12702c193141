"""This laptop's display preferences: the UI language and the text size (issue 4 item 8).

They belong to the laptop, not to the store: they are needed before anyone signs in (the
sign-in screen is already in the chosen language), and they hold nothing personal. So they
live in a small JSON file in the user's config folder (``platformdirs.user_config_dir``),
not in the encrypted store.

A damaged or hand-edited file must never stop the app from starting: whatever cannot be
read falls back to its default, the problem is logged once, and :func:`read` says what it
was so the window can show it.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: Language codes the app has translations for; Korean is the source language.
LANGUAGES = ("ko", "en")
#: Text sizes offered in the settings dialog, as a factor of the normal size.
TEXT_SCALES = (1.0, 1.25, 1.5)
MIN_TEXT_SCALE, MAX_TEXT_SCALE = 0.75, 2.0
LANG_ENV = "FIELDBUS_LANG"
FILE_NAME = "settings.json"

_reported: set[Path] = set()


@dataclass(frozen=True)
class Settings:
    language: str = "ko"
    text_scale: float = 1.0


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
    return settings, (f"{path}: " + "; ".join(problems)) if problems else None


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


def env_seconds(name: str, default: float, environ=os.environ) -> float:
    """A period from the environment (``FIELDBUS_IDLE_LOCK_SECONDS`` and the like) when it
    is a positive number, else ``default``: a typo must not turn a lock or a timer off."""
    try:
        value = float(environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default
