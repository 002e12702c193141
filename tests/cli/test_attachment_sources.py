"""Attachments are files the officer chose (issue 9 §5): ``fieldbus complaint add`` with
``attachments`` refuses what is not an ordinary file of the officer's — the process's own
environment, the store's folder, the keyring's and the config folder — and never hangs on
a device or a pipe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import sample

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def _add(cli, *paths: str | Path):
    return cli("complaint", "add", cli.write(sample("complaint-01.json")
                                             | {"attachments": [str(p) for p in paths]}))


def _refused(result, what: str = "attachments[0]") -> None:
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result
    assert result.err_lines[0].startswith(f"error: {what}"), result


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_the_process_environment_is_not_an_attachment(ready):
    """Attack: /proc/self/environ says size 0, then reads as the whole environment (the
    PIN in FIELDBUS_PIN among it); it was stored and synced."""
    _refused(_add(ready, "/proc/self/environ"))
    assert ready.receipts() == []


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_link_to_the_environment_is_judged_by_its_target(ready, tmp_path):
    link = tmp_path / "사진.jpg"
    link.symlink_to("/proc/self/environ")
    _refused(_add(ready, link))


def test_files_inside_the_data_folder_are_refused(ready, tmp_path):
    """Attack: the store's own files (its key file in development mode, its receipts)
    attached and synced to the hub."""
    inside = ready.data_dir / "receipts" / "접수증.pdf"
    inside.parent.mkdir(exist_ok=True)
    inside.write_bytes(b"%PDF-1.4 made-up receipt")
    _refused(_add(ready, inside))
    for name in os.listdir(ready.data_dir):
        if (ready.data_dir / name).is_file():
            _refused(_add(ready, ready.data_dir / name))
    # a way round through a link, or a copy of the store's folder elsewhere
    link = tmp_path / "link.pdf"
    link.symlink_to(inside)
    _refused(_add(ready, link))
    assert ready.receipts() == []


def test_keyring_and_config_folders_are_refused(ready):
    """Attack: the plain-text keyring file (development backend) attached."""
    import keyring.util.platform_
    import platformdirs

    places = [Path(keyring.util.platform_.data_root()) / "keyring_pass.cfg",
              Path(keyring.util.platform_.config_root()) / "keyringrc.cfg",
              Path(platformdirs.user_config_dir("fieldbus", appauthor=False)) / "settings.json",
              Path(platformdirs.user_data_dir("keyrings", appauthor=False)) / "login.keyring"]
    for place in places:
        place.parent.mkdir(parents=True, exist_ok=True)
        place.write_text("[fieldbus-store]\nmade-up = secret\n")
        _refused(_add(ready, place))
    assert ready.receipts() == []


def test_devices_pipes_and_folders_are_refused_without_reading(ready, tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)  # nobody writes: opening it for reading must not wait for a writer
    _refused(_add(ready, fifo))
    _refused(_add(ready, "/dev/zero"))  # would read for ever
    _refused(_add(ready, tmp_path))
    link = tmp_path / "zero.jpg"
    link.symlink_to("/dev/zero")
    _refused(_add(ready, link))


def test_an_ordinary_file_and_a_link_to_one_are_attached(ready, tmp_path):
    photo, other = tmp_path / "현장 사진.jpg", tmp_path / "원본.pdf"
    photo.write_bytes(b"\xff\xd8 made-up photo")
    other.write_bytes(b"%PDF-1.4 made-up")
    link = tmp_path / "바로가기.pdf"
    link.symlink_to(other)
    result = _add(ready, photo, link)
    assert result.code == 0, result
    shown = ready("complaint", "show", result.out.strip(), "--json")
    assert shown.code == 0, shown
    assert [(a["filename"], a["size"]) for a in shown.json()["attachments"]] == [
        ("현장 사진.jpg", photo.stat().st_size), ("바로가기.pdf", other.stat().st_size)]


def test_file_names_are_cleaned_and_their_rrns_masked(ready, tmp_path):
    named = tmp_path / "900101-1234567 진정서.pdf"
    named.write_bytes(b"%PDF-1.4 made-up")
    result = _add(ready, named)
    assert result.code == 0, result
    shown = ready("complaint", "show", result.out.strip(), "--json")
    assert [a["filename"] for a in shown.json()["attachments"]] == ["900101-1****** 진정서.pdf"]
    assert any(w.startswith("warning") and "attachments[0]" in w
               for w in result.err_lines), result
    escape = tmp_path / "사진\x1b[2J.jpg"
    escape.write_bytes(b"\xff\xd8")
    _refused(_add(ready, escape), "attachments[0].filename")
    bidi = tmp_path / "사진\u202egpj.exe"
    bidi.write_bytes(b"MZ")
    _refused(_add(ready, bidi), "attachments[0].filename")
