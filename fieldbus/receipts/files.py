"""Writing a receipt PDF where the officer asked for it: whole or not at all, and 0600.

A receipt holds a citizen's complaint (the office copy, their name, contact and
signature), so the file is created readable by its owner only — before any byte is
written, not chmod-ed afterwards — and fsynced before it replaces the target. This is the
only way the laptop writes a receipt to disk: ``fieldbus receipt --out`` and the window's
"save as PDF" (when no printer is set) are explicit exports by the officer; printing
renders in memory (``fieldbus.ui.printing``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

MODE = 0o600


def write_private(path: Path, pdf: bytes) -> None:
    """Write ``pdf`` to ``path`` atomically with mode 0600 (raises ``OSError``)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
