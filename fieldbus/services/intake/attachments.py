"""The files attached to the intake form, without Qt: checked when attached, kept in the
draft by path, checked again when the draft comes back and read for good when saving.

The rules are :mod:`fieldbus.services.intake.attachment_files`' (ordinary files of the officer's only,
20 MiB a file, 50 MiB together, clean names) and the count is the intake schema's
``maxItems``, so the form and ``fieldbus complaint add`` refuse the same files. Reading
and hashing happen off the GUI thread (the attachment box runs :func:`read` on a thread
pool; saving runs :func:`files_for_save` on the store worker). The draft keeps only a
file's path, size and SHA-256, never its bytes: the bytes are read again at save, and a
file that changed since it was attached is refused then.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fieldbus.services.intake import attachment_files
from fieldbus.services.intake.attachment_files import MAX_FILE_BYTES, MAX_TOTAL_BYTES
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import AttachmentFile
from sync.resources import resource_path


@cache
def max_files() -> int:
    """How many files one intake may carry (the intake schema's ``maxItems``)."""
    schema = json.loads(resource_path("schemas", "complaint-intake.schema.json")
                        .read_text(encoding="utf-8"))
    return int(schema["properties"]["attachments"]["maxItems"])


@dataclass(frozen=True)
class Attached:
    """A file on the form: where it is and what it was when attached."""

    path: str
    filename: str
    size: int
    sha256: str
    media_type: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: Any) -> Attached | None:
        """From a draft; None for an entry this version cannot read."""
        try:
            return cls(path=str(raw["path"]), filename=str(raw["filename"]),
                       size=int(raw["size"]), sha256=str(raw["sha256"]),
                       media_type=str(raw["media_type"]))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Refusal:
    """Why a file is not (or no longer) on the form; the UI says it in words.

    ``code``: ``file_size`` (over the per-file limit), ``total_size`` (would pass the
    total), ``too_many``, ``unreadable`` (missing, not a file, no permission),
    ``duplicate`` (the same content is attached already), ``missing`` / ``changed`` (a
    restored draft's file vanished or is no longer what was attached).
    """

    code: str
    filename: str
    size: int = 0


def read(path: str) -> Attached | Refusal:
    """Stat, size-check and hash one file (slow for a large file: not on the GUI thread).

    An oversize file is refused from its size alone, before any byte is read."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError:
        return Refusal("unreadable", p.name)
    if size > MAX_FILE_BYTES:
        return Refusal("file_size", p.name, size)
    try:
        file = attachment_files.load([str(p)], base_dir=p.parent)[0]
    except ValidationError as exc:
        return Refusal("file_size" if exc.code == "attachment_size" else "unreadable",
                       p.name, size)
    return Attached(path=str(p.absolute()), filename=file.filename, size=file.size,
                    sha256=file.sha256, media_type=file.media_type)


def refusal(new: Attached, kept: Sequence[Attached]) -> Refusal | None:
    """Whether ``new`` may join the files already on the form."""
    if any(k.sha256 == new.sha256 for k in kept):
        return Refusal("duplicate", new.filename, new.size)
    if len(kept) >= max_files():
        return Refusal("too_many", new.filename, new.size)
    if sum(k.size for k in kept) + new.size > MAX_TOTAL_BYTES:
        return Refusal("total_size", new.filename, new.size)
    return None


def from_draft(raw: Any) -> list[Attached]:
    return [a for a in (Attached.from_json(r) for r in (raw or ())) if a is not None]


def recheck(attached: Sequence[Attached]) -> tuple[list[Attached], list[Refusal]]:
    """The files of a restored draft that are still there as they were (by size; the
    content is compared when saving), and what became of the others."""
    kept, gone = [], []
    places = attachment_files.own_places() if attached else []
    for a in attached:
        try:
            info = os.stat(a.path)
        except OSError:
            gone.append(Refusal("missing", a.filename, a.size))
            continue
        size = info.st_size
        if not stat.S_ISREG(info.st_mode) or attachment_files.refused_place(a.path, places):
            # A draft is kept in the store, but it names a path: one that is not (or no
            # longer) a file of the officer's is taken off, as at attach time.
            gone.append(Refusal("unreadable", a.filename, size))
        elif size != a.size:
            gone.append(Refusal("changed", a.filename, size))
        else:
            kept.append(a)
    return kept, gone


def files_for_save(attached: Sequence[Attached]) -> tuple[AttachmentFile, ...]:
    """The files' bytes for the store, read again now (on the store worker) under the same
    rule as the command line; a file no longer what was attached is refused."""
    files = attachment_files.load([a.path for a in attached], base_dir=Path.cwd())
    for index, (a, file) in enumerate(zip(attached, files, strict=True)):
        if file.sha256 != a.sha256:
            raise ValidationError(f"attachments[{index}]", f"{a.filename} changed after it "
                                  "was attached", code="attachment_changed")
    return files
