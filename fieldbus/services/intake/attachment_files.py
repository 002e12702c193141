"""Reading the files an intake attaches: only ordinary files the officer chose, checked
now, at attach time, on every path (``complaint add``, ``complaint import``, the form's
attachment box, a restored draft, the read at save).

What is stored is synced to the hub and kept for years, so an attachment must be a file
of the officer's, never something the laptop holds for itself (docs/security.md §5):

* **An ordinary file, judged on the opened file.** The real path is resolved (a link the
  officer picked is judged by its target), opened without following a link in its last
  part and without waiting (a pipe with no writer would block), and ``fstat`` on the open
  descriptor must say *regular file*: devices (``/dev/zero`` reads for ever), pipes,
  sockets and folders are refused. Where the system can say which file a descriptor is
  (``/proc/self/fd``), that path is checked again, so a link swapped in between does not
  count.
* **Not from the system or from Fieldbus's own places.** ``/proc`` (``/proc/self/environ``
  says size 0, then reads as the process's environment), ``/sys`` and ``/dev``; any store
  folder (a folder holding ``fieldbus.db`` or ``store.json``, wherever it is, and the
  default and ``FIELDBUS_DATA_DIR`` folders with their training siblings); the config
  folder; and the keyring's files (the ``keyring`` library's data and config folders, the
  backend's own file, GNOME keyrings, KWallet, macOS keychains).
* **Size on the bytes read.** A file larger than :data:`MAX_FILE_BYTES` is refused from
  its metadata before any byte is read, and reading stops one byte past the limit
  whatever the metadata said; :data:`MAX_TOTAL_BYTES` holds for the files together.
* **A clean name.** The file name is cleaned like any other text (``clean_text``: NFC, no
  control or bidi characters, at most 255 characters) and resident registration numbers
  in it are masked, with a warning.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import AttachmentFile, IntakeWarning
from fieldbus.domain.rrn import mask_rrns
from fieldbus.domain.text import clean_text

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_NAME = 255
#: Files that mark a folder as a Fieldbus store (``fieldbus/store/store.py``).
STORE_MARKERS = ("fieldbus.db", "store.json")
_SYSTEM = (Path("/proc"), Path("/sys"), Path("/dev"))
_CHUNK = 1 << 20
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def own_places() -> list[tuple[Path, str]]:
    """Fieldbus's and the keyring's folders and files (resolved), with what each is."""
    return [(_resolved(place), what) for place, what in _places()]


def _places() -> Iterator[tuple[Path, str]]:
    import platformdirs

    data = [Path(platformdirs.user_data_dir("fieldbus", appauthor=False))]
    if os.environ.get("FIELDBUS_DATA_DIR"):
        data.append(Path(os.environ["FIELDBUS_DATA_DIR"]).expanduser())
    for folder in data:
        yield folder, "the data folder"
        yield folder.with_name(folder.name + "-training"), "the training data folder"
    yield Path(platformdirs.user_config_dir("fieldbus", appauthor=False)), "the config folder"
    keyrings = [Path(platformdirs.user_data_dir(name, appauthor=False))
                for name in ("python_keyring", "keyrings", "kwalletd")]
    keyrings += [Path(platformdirs.user_config_dir(name, appauthor=False))
                 for name in ("python_keyring", "keyrings")]
    keyrings.append(Path.home() / "Library" / "Keychains")
    try:
        import keyring
        import keyring.util.platform_ as keyring_places

        keyrings += [Path(keyring_places.data_root()), Path(keyring_places.config_root())]
        backend = keyring.get_keyring()
        for one in (backend, *getattr(backend, "backends", ())):
            file_path = getattr(one, "file_path", None)
            if isinstance(file_path, (str, os.PathLike)):
                keyrings.append(Path(file_path))
    except Exception:  # no keyring, or a backend that cannot start: the folders above stay
        pass
    for place in keyrings:
        yield place, "the keyring's folder"


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()


def refused_place(path: str | os.PathLike[str],
                  places: list[tuple[Path, str]] | None = None) -> str | None:
    """Why ``path`` (resolved) is somewhere attachments never come from, or None.
    ``places``: :func:`own_places`, when the caller checks several files."""
    real = _resolved(Path(path))
    if sys.platform != "win32":
        for root in _SYSTEM:
            if real.is_relative_to(root):
                return f"is in {root}, not a file of the officer's"
    for place, what in own_places() if places is None else places:
        if real == place or real.is_relative_to(place):
            return f"is in {what}"
    for folder in real.parents:
        if any(os.path.lexists(folder / marker) for marker in STORE_MARKERS):
            return "is in a Fieldbus data folder"
    return None


def _opened_path(fd: int) -> str | None:
    """The path of the file open on ``fd``, where the system tells (Linux)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def _refuse(field: str, raw: str, why: str) -> ValidationError:
    return ValidationError(field, f"{raw} {why}", code="attachment")


def _read(path: Path, raw: str, field: str, places: list[tuple[Path, str]]) -> bytes:
    """The bytes of the ordinary file at ``path``, read under the rules above."""
    why = refused_place(path, places)
    if why is not None:
        raise _refuse(field, raw, why)
    fd = os.open(_resolved(path), _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(field, raw, "is not a file")
        opened = _opened_path(fd)
        if opened is not None and opened.startswith("/"):
            why = refused_place(opened, places)
            if why is not None:
                raise _refuse(field, raw, why)
        if info.st_size > MAX_FILE_BYTES:
            raise _too_big(field, raw, info.st_size)
        data = read_at_most(fd, MAX_FILE_BYTES)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(field, raw, len(data), grew=True)
    return data


def read_at_most(fd: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes from ``fd``: one byte more than allowed is enough to
    know a file is too big, whatever its metadata said (or however fast it grows)."""
    chunks, got = [], 0
    while got <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _too_big(field: str, raw: str, size: int, *, grew: bool = False) -> ValidationError:
    amount = f"more than {MAX_FILE_BYTES // 2**20} MiB" if grew else f"{size / 2**20:.1f} MiB"
    return ValidationError(field, f"{raw} is {amount}; the limit is "
                           f"{MAX_FILE_BYTES // 2**20} MiB", code="attachment_size")


def file_name(name: str, field: str, warnings: list[IntakeWarning] | None = None) -> str:
    """A file's name as it is kept: cleaned like other text, registration numbers masked."""
    cleaned = clean_text(name, field=f"{field}.filename", max_len=MAX_NAME)
    assert cleaned is not None  # required: clean_text raises for an empty name
    masked, count = mask_rrns(cleaned)
    if count and warnings is not None:
        warnings.append(IntakeWarning(
            f"{field}.filename", "rrn_masked",
            f"{count} resident registration number(s) masked: they must not be stored"))
    return masked


def load(paths: list[str], *, base_dir: Path,
         warnings: list[IntakeWarning] | None = None) -> tuple[AttachmentFile, ...]:
    """Read the files ``paths`` names (relative ones from ``base_dir``); raises
    :class:`ValidationError` naming the first file refused. Warnings about file names
    (a masked registration number) are added to ``warnings``."""
    files, total = [], 0
    places = own_places() if paths else []
    for index, raw in enumerate(paths):
        field = f"attachments[{index}]"
        path = Path(raw)
        if not path.is_absolute():
            path = base_dir / path
        try:
            data = _read(path, raw, field, places)
        except OSError as exc:
            if exc.errno == getattr(os, "ELOOP", None):  # a link swapped in after resolving
                raise _refuse(field, raw, "is not a file") from None
            raise ValidationError(field, f"cannot read {raw}: {exc.strerror}",
                                  code="attachment") from None
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise ValidationError(field, f"attachments together exceed "
                                  f"{MAX_TOTAL_BYTES // 2**20} MiB", code="attachment_size")
        name = file_name(path.name, field, warnings)
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        files.append(AttachmentFile(filename=name, media_type=media_type, size=len(data),
                                    sha256=hashlib.sha256(data).hexdigest(), data=data))
    return tuple(files)
