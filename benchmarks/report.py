"""What every benchmark report starts with (where and when it was measured) and how it is
written (printed, and to ``--out`` when given)."""

from __future__ import annotations

import os
import platform
from datetime import datetime
from pathlib import Path

from sync.deadlines import KST


def measured_on() -> str:
    machine = (f"{platform.node()} — {platform.machine()}, {os.cpu_count()} cores, "
               f"{platform.platform()}, Python {platform.python_version()}")
    return f"Measured {datetime.now(KST):%Y-%m-%d %H:%M} KST on {machine}."


def write(lines: list[str], out: Path | None) -> None:
    text = "\n".join(lines) + "\n"
    print(text)
    if out:
        out.write_text(text, encoding="utf-8")
