"""Writing a file that only its owner may read: whole or not at all, and 0600.

Receipt PDFs exported by the officer (they hold a citizen's complaint), the key slots and
the development mode's device token all go through :func:`write_private`: the file is
created readable by its owner only — before any byte is written, not chmod-ed afterwards
— fsynced, renamed over the target, and the rename made durable, so a power cut leaves
the old file or the new one, never a half-written or world-readable one.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (raises ``OSError``)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # the rename itself, durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
