"""The .deb of ``scripts/build.sh``: what it says it is, installed by dpkg into an empty
root, and started from there; its menu entry valid, its icon where the entry names it."""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

import fieldbus
from tests.frozen.conftest import DEB, frozen, open_window

DESKTOP = f"usr/share/applications/{fieldbus.APP_ID}.desktop"


@pytest.fixture(scope="module")
def installed(frozen_build, tmp_path_factory) -> Path:
    """A root holding nothing but an empty dpkg database, with the package installed by
    dpkg itself (its system dependencies are the host's: ``--force-depends``)."""
    root = tmp_path_factory.mktemp("root")
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/log"):
        (root / folder).mkdir(parents=True)
    for name in ("status", "available"):
        (root / "var/lib/dpkg" / name).touch()
    done = dpkg(f"--root={root}", "--force-depends", "--force-not-root", "-i", str(DEB))
    assert done.returncode == 0, done.stderr
    return root


def dpkg(*args: str) -> subprocess.CompletedProcess:
    """dpkg as root's shell runs it: it refuses to start without ldconfig and
    start-stop-daemon on PATH, which live in the sbin folders."""
    path = os.environ.get("PATH", "/usr/bin:/bin") + ":/usr/local/sbin:/usr/sbin:/sbin"
    return subprocess.run(["dpkg", *args], capture_output=True, text=True,
                          env={**os.environ, "PATH": path})


def field(name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(DEB), name], capture_output=True,
                          text=True, check=True).stdout.strip()


def test_the_package_says_what_it_is_and_what_it_needs(frozen_build):
    assert DEB.name == f"fieldbus_{fieldbus.__version__}_amd64.deb"
    assert field("Package") == "fieldbus" and field("Version") == fieldbus.__version__
    assert field("Architecture") == "amd64"
    depends = [d.strip() for d in field("Depends").split(",")]
    assert depends[0].startswith("libc6 (>= 2.") and "libegl1" in depends
    # Every dependency is a package this Debian's apt can install: the .deb installs here.
    simulated = subprocess.run(["apt-get", "install", "--simulate", "--no-install-recommends",
                                str(DEB.resolve())], capture_output=True, text=True)
    assert simulated.returncode == 0, simulated.stderr
    assert "Inst fieldbus" in simulated.stdout


def test_dpkg_installs_the_program_its_command_its_menu_entry_and_icon(installed):
    program = installed / "opt" / "fieldbus" / "fieldbus"
    assert program.is_file() and os.access(program, os.X_OK)
    assert os.readlink(installed / "usr" / "bin" / "fieldbus") == "/opt/fieldbus/fieldbus"
    status = dpkg(f"--root={installed}", "--status", "fieldbus").stdout
    assert "Status: install ok installed" in status

    entry = installed / DESKTOP
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    else:
        pytest.fail("desktop-file-validate is missing: apt install desktop-file-utils "
                    "(scripts/test.sh installs it)")
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(entry, encoding="utf-8")
    section = desktop["Desktop Entry"]
    assert section["Exec"] == "fieldbus" and "Office" in section["Categories"].split(";")
    assert section["Icon"] == fieldbus.APP_ID and section["Name"] == fieldbus.APP_NAME
    icons = installed / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{fieldbus.APP_ID}.svg").is_file()
    png = (icons / "256x256" / "apps" / f"{fieldbus.APP_ID}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (256, 256)  # the IHDR chunk's size


def test_the_installed_program_starts_and_opens_its_window(installed, laptop):
    program = installed / "opt" / "fieldbus" / "fieldbus"
    assert frozen(program, "--version", env=laptop).stdout == f"fieldbus {fieldbus.__version__}\n"
    assert frozen(program, "setup", "--officer", "홍길동", "--device", "B07A",
                  env=laptop).returncode == 0
    with open_window(program, laptop) as window:
        assert window.poll() is None, window.communicate()
        window.send_signal(signal.SIGTERM)
        window.communicate(timeout=60)
        assert window.returncode == 0


def test_removing_the_package_leaves_the_officers_data(installed, laptop):
    program = installed / "opt" / "fieldbus" / "fieldbus"
    data = installed / "home" / "officer" / ".local" / "share" / "fieldbus"
    assert frozen(program, "setup", "--officer", "홍길동", "--device", "B07A",
                  env={**laptop, "FIELDBUS_DATA_DIR": str(data)}).returncode == 0

    done = dpkg(f"--root={installed}", "--force-not-root", "--remove", "fieldbus")

    assert done.returncode == 0, done.stderr
    assert not (installed / "opt" / "fieldbus").exists()
    assert not (installed / DESKTOP).exists()
    assert any(data.iterdir())  # the store is the officers', not the package's
