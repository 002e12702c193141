"""Reading the files an intake attaches: checked for size now, at attach time.

An oversize file is refused while the citizen is still at the desk, not discovered
later when the laptop tries to send it.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import AttachmentFile

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024


def load(paths: list[str], *, base_dir: Path) -> tuple[AttachmentFile, ...]:
    files, total = [], 0
    for index, raw in enumerate(paths):
        field = f"attachments[{index}]"
        path = Path(raw)
        if not path.is_absolute():
            path = base_dir / path
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise ValidationError(field, f"{raw} is not a file", code="attachment")
            if size > MAX_FILE_BYTES:
                raise ValidationError(field, f"{raw} is {size / 2**20:.1f} MiB; the limit is "
                                      f"{MAX_FILE_BYTES // 2**20} MiB", code="attachment_size")
            total += size
            if total > MAX_TOTAL_BYTES:
                raise ValidationError(field, f"attachments together exceed "
                                      f"{MAX_TOTAL_BYTES // 2**20} MiB", code="attachment_size")
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(field, f"cannot read {raw}: {exc.strerror}",
                                  code="attachment") from None
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        files.append(AttachmentFile(filename=path.name, media_type=media_type, size=len(data),
                                    sha256=hashlib.sha256(data).hexdigest(), data=data))
    return tuple(files)
