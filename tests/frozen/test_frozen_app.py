"""The frozen laptop build does a bus's day by itself: no venv, no Python on PATH, no
system font, a real hub on loopback, the window offscreen.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
from pathlib import Path


import fieldbus
from tests.conftest import ROOT, sample
from tests.frozen.conftest import PROGRAM, frozen, open_window, window_threads
from tests.hub.fixtures import PASSWORD

#: Installed at the centre or used by the tests, never on a laptop.
NOT_ON_A_LAPTOP = ("fastapi", "starlette", "uvicorn", "SQLAlchemy", "psycopg", "kiwipiepy",
                   "pygal", "limits", "tuspy", "aiohttp", "selenium", "schemathesis",
                   "pytest", "hypothesis", "pypdf", "keyrings.alt", "pyinstaller")


def locked(lock: Path) -> dict[str, str]:
    """Name (normalised) → version of every package a lock file pins."""
    pins = re.findall(r"^([A-Za-z0-9._-]+)==([^\s;]+)", lock.read_text(encoding="utf-8"), re.M)
    return {normal(name): version for name, version in pins}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_frozen_build_says_its_version_and_records_the_exact_versions_inside(
        frozen_build, laptop):
    proc = frozen(PROGRAM, "--version", env=laptop)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"fieldbus {fieldbus.__version__}\n", "")

    record = json.loads((frozen_build / "_internal" / "fieldbus-build.json").read_text("utf-8"))
    packages = {normal(name): version for name, version in record["packages"].items()}
    assert record["fieldbus"] == fieldbus.__version__
    # Every package inside is one the laptop's lock pins, at exactly that version.
    pins = locked(ROOT / "requirements" / "build.txt")
    assert {"pyside6-essentials", "sqlcipher3", "reportlab", "httpx", "keyring"} <= set(packages)
    assert all(pins[name] == version for name, version in packages.items()
               if name != "fieldbus"), packages
    assert not {normal(name) for name in NOT_ON_A_LAPTOP} & set(packages)
    inside = {path.name for path in (frozen_build / "_internal").iterdir()}
    assert not {"fastapi", "kiwipiepy", "tuspy", "aiohttp"} & inside
    assert not (frozen_build / "_internal" / "sync" / "hub").exists()


def test_the_folder_leaves_out_what_a_laptop_never_loads(frozen_build):
    qt = frozen_build / "_internal" / "PySide6" / "Qt"
    languages = {path.stem.rsplit("_", 1)[-1] for path in (qt / "translations").glob("*.qm")}
    assert languages == {"ko", "en"}
    plugins = {path.name for path in (qt / "plugins").rglob("*.so")}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so",
            "libcupsprintersupport.so"} <= plugins
    assert not {"libqgtk3.so", "libqvnc.so", "libqlinuxfb.so"} & plugins
    # Nothing left in the folder needs a library that was left out with the GTK3 theme.
    left_out = {"libgtk-3.so.0", "libgdk-3.so.0", "libcairo.so.2", "libpango-1.0.so.0"}
    binaries = [p for p in (frozen_build / "_internal").rglob("*.so*") if p.is_file()]
    assert not left_out & {p.name for p in binaries}
    needed = set()
    for chunk in range(0, len(binaries), 100):
        dynamic = subprocess.run(["readelf", "-d", *map(str, binaries[chunk:chunk + 100])],
                                 capture_output=True, text=True).stdout
        needed |= set(re.findall(r"Shared library: \[(.+?)\]", dynamic))
    assert not needed & left_out


def test_a_day_on_the_frozen_build_from_setup_to_sync(frozen_build, laptop, hub, tmp_path):
    hub.add_user("kim", "officer")
    hub.register("B07A")

    def ok(*args, stdin: str = "") -> str:
        proc = frozen(PROGRAM, *args, env=laptop, stdin=stdin)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc
        return proc.stdout

    assert "store created" in ok("setup", "--officer", "홍길동", "--device", "B07A")
    assert "visit opened" in ok("visit", "open", "--venue", "선산읍 행정복지센터",
                                "--region", "경상북도 구미시")
    intake = tmp_path / "complaint.json"
    intake.write_text(json.dumps(sample("complaint-01.json"), ensure_ascii=False), "utf-8")
    number = ok("complaint", "add", intake).strip()
    assert re.fullmatch(r"B07A-\d{6}-0001-[0-9A-Z]", number)

    # The receipt: Hangul from the bundled font, the only fonts there are on this "laptop".
    receipt = tmp_path / "receipt.pdf"
    ok("receipt", number, "--out", receipt)
    text = subprocess.run(["pdftotext", str(receipt), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "민원 접수증" in text and number in text
    fonts = subprocess.run(["pdffonts", str(receipt)], capture_output=True, text=True,
                           check=True).stdout
    assert "NanumGothic" in fonts

    assert "enrolled" in ok("enrol", "--hub", hub.url, "--user", "kim", "--password-stdin",
                            stdin=PASSWORD + "\n").lower()
    assert "visit closed" in ok("visit", "close")
    assert json.loads(ok("sync", "--json")) == {  # the visit and its complaint
        "pushed": 2, "pulled": 0, "pending": 0, "quarantined": 0, "files_pending": 0}
    at_hub = hub.cli("cases", "--json")
    assert at_hub.returncode == 0 and number in at_hub.stdout


def test_the_window_opens_offscreen_and_closes_cleanly_when_the_session_ends(
        frozen_build, laptop):
    assert frozen(PROGRAM, "setup", "--officer", "홍길동", "--device", "B07A",
                  env=laptop).returncode == 0
    with open_window(PROGRAM, laptop) as window:
        assert window.poll() is None, window.communicate()
        assert "fieldbus-store" in window_threads(window.pid)  # the store worker is up
        window.send_signal(signal.SIGTERM)  # a log-out or shutdown
        out, err = window.communicate(timeout=60)
        assert window.returncode == 0, err
        assert "Traceback" not in err and not [
            line for line in err.splitlines()
            if line.strip() and "propagateSizeHints" not in line
            and not line.startswith(("warning: insecure key storage", "note: no recovery"))]
        # It closed as its close button closes it: its place on the screen was kept.
        place = Path(laptop["HOME"]) / ".config" / "fieldbus" / "window.json"
        assert place.is_file()
