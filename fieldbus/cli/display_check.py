"""Whether the display the session names answers, asked before Qt is: Qt's xcb and wayland
platforms abort the whole process (``qFatal``, a core dump and a page of plugin advice) when
``DISPLAY`` or ``WAYLAND_DISPLAY`` names a server that is not there, as it does on a laptop
whose desktop session ended under a terminal, or over ``ssh`` without X forwarding."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from pathlib import Path

#: How long a display's socket may take to accept; a local one answers at once.
CONNECT_SECONDS = 2.0


def unreachable_display(environ: Mapping[str, str] = os.environ) -> str | None:
    """``None`` when a window can be shown on the display the environment names (or Qt was
    told its platform, ``QT_QPA_PLATFORM``), else one line saying which display is gone."""
    if environ.get("QT_QPA_PLATFORM"):
        return None
    wayland = environ.get("WAYLAND_DISPLAY")
    if wayland:
        path = Path(wayland)
        if not path.is_absolute():
            path = Path(environ.get("XDG_RUNTIME_DIR", "/nonexistent")) / wayland
        if _answers(socket.AF_UNIX, str(path)):
            return None
    display = environ.get("DISPLAY")
    if display and _x11_answers(display):
        return None
    named = " and ".join(f"{name}={environ[name]}" for name in ("WAYLAND_DISPLAY", "DISPLAY")
                         if environ.get(name))
    return (f"the display this session names ({named}) does not answer, so no window can "
            "open: start Fieldbus from the desktop's menu, or use its commands (fieldbus --help)")


def _x11_answers(display: str) -> bool:
    match = re.fullmatch(r"(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?", display)
    if not match:
        return False
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        return (_answers(socket.AF_UNIX, f"/tmp/.X11-unix/X{number}")
                or _answers(socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}"))  # abstract (Linux)
    return _answers(socket.AF_INET, (host, 6000 + number))


def _answers(family: int, address) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(CONNECT_SECONDS)
            probe.connect(address)
        return True
    except (OSError, ValueError):
        return False
