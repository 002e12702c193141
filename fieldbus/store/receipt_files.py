"""Receipt PDFs that earlier versions left in the data folder's ``receipts/``.

Before issue 9 the app wrote every receipt it could not send to a printer into
``<data dir>/receipts/`` — outside the encrypted store, in plain text, with the whole
complaint. Nothing reads or names those files any more (a receipt is printed from memory
or saved where the officer chooses, ``fieldbus.ui.printing.receipt_delivery``), so the first start
of this version destroys them, whatever their case's retention: retention runs this at
every start, and it costs one ``stat`` once the folder is gone.

Each file is overwritten with zeros and synced before it is unlinked. On a journaling or
copy-on-write file system or an SSD the old blocks may survive that; full-disk
encryption is the defence there (docs/security.md §7).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

FOLDER = "receipts"
log = logging.getLogger("fieldbus")


def _shred(path: Path) -> None:
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    path.unlink()


def destroy_leftovers(data_dir: Path) -> int:
    """Destroy ``data_dir/receipts`` and every file in it; how many files. A file that
    cannot be removed is logged (by count, never by name: names are receipt numbers) and
    tried again at the next start."""
    folder = data_dir / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return 0
    done = failed = 0
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.is_symlink():
            continue
        try:
            _shred(path)
            done += 1
        except OSError:
            failed += 1
    if failed:
        log.warning("%d receipt file(s) left by an earlier version could not be removed "
                    "from the data folder; retried at the next start", failed)
    with contextlib.suppress(OSError):
        folder.rmdir()
    return done
