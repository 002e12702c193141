"""The frozen laptop build (``bash scripts/build.sh``: the PyInstaller folder and the .deb),
run as a managed laptop runs it: no venv, no Python on PATH, no Korean system font.

The build is made once per run when it is missing or older than what it is built from, so
``pytest tests/frozen`` alone is enough; in CI it is always made from the clean clone.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import fieldbus
from tests.conftest import PIN, ROOT

DIST = ROOT / "dist"
FOLDER = DIST / "fieldbus"
PROGRAM = FOLDER / "fieldbus"
DEB = DIST / f"fieldbus_{fieldbus.__version__}_amd64.deb"
#: What the build is made from: a change to any of these makes it stale.
SOURCES = ("fieldbus", "sync", "resources", "packaging", "build.spec", "pyproject.toml",
           "requirements/build.txt", "scripts/build.sh", "scripts/frozen_main.py")
#: A fontconfig that knows no font folder: a laptop with no Korean (or any) system font.
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        newest = max([newest, *(f.stat().st_mtime for f in files
                                if f.is_file() and "__pycache__" not in f.parts)])
    return newest


@pytest.fixture(scope="session")
def frozen_build() -> Path:
    """The built folder, (re)built first if it is missing or stale. A failed build fails
    the tests that need it, with the build's own output."""
    if not (PROGRAM.exists() and DEB.exists()
            and min(PROGRAM.stat().st_mtime, DEB.stat().st_mtime) > _newest_source()):
        done = subprocess.run(["bash", str(ROOT / "scripts" / "build.sh")], cwd=ROOT,
                              capture_output=True, text=True, timeout=1800)
        assert done.returncode == 0, f"scripts/build.sh failed:\n{done.stdout}\n{done.stderr}"
    return FOLDER


@pytest.fixture
def laptop(tmp_path) -> dict[str, str]:
    """The environment of a managed laptop's session, built from nothing (never this test
    process's: no venv, no PYTHONPATH): a home folder, C.UTF-8, no system fonts, no
    keyring service (no D-Bus session), no display, the development key-file switch on
    (a test turns it off to see the no-keyring message)."""
    home = tmp_path / "home"
    home.mkdir()
    fonts = tmp_path / "fonts.conf"
    fonts.write_text(NO_FONTS.format(cache=tmp_path / "fontcache"), encoding="utf-8")
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "FONTCONFIG_FILE": str(fonts), "FIELDBUS_DATA_DIR": str(tmp_path / "data"),
            "FIELDBUS_PIN": PIN, "FIELDBUS_ALLOW_INSECURE_KEYRING": "1",
            # the laptop's print system knows no printer (no CUPS server answers here)
            "CUPS_SERVER": str(tmp_path / "no-cups.sock")}


def frozen(program: Path, *args, env: dict[str, str], stdin: str = "",
           timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the frozen ``fieldbus`` with exactly ``env``; text in and out."""
    return subprocess.run([str(program), *map(str, args)], input=stdin, capture_output=True,
                          text=True, env=env, timeout=timeout)


def messages(proc: subprocess.CompletedProcess) -> list[str]:
    """What the program said on stderr, without the development key-file notices."""
    return [line for line in proc.stderr.splitlines()
            if line.strip() and not line.startswith(("warning: insecure key storage",
                                                      "note: no recovery key"))]


def window_threads(pid: int) -> set[str]:
    """The names of a running process's threads (Linux): the window's store worker is
    ``fieldbus-store`` once the window has started."""
    names = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            names.add((task / "comm").read_text().strip())
        except OSError:
            pass
    return names


@contextmanager
def open_window(program: Path, env: dict[str, str], wait: float = 60) -> Iterator:
    """Start the window offscreen and wait for its store worker; the process, killed at
    the end if it is still running."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":fieldbus-test"}
    proc = subprocess.Popen([str(program)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and proc.poll() is None \
            and "fieldbus-store" not in window_threads(proc.pid):
        time.sleep(0.1)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()  # and its pipes closed


def unprivileged() -> list[str]:
    """A prefix running a command as ``nobody`` when the tests run as root (CI), so that a
    read-only folder is read-only to it; nothing when they already run as a user."""
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] \
        if os.geteuid() == 0 else []
