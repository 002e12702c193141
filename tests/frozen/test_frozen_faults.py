"""What a managed laptop does to the frozen build, and the one clear line it answers with:
no keyring service, an install folder it cannot write, a data folder from a newer version,
a resource file gone, no printer, no display. Never a traceback or a crash."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.frozen.conftest import PROGRAM, frozen, messages, unprivileged


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}: {proc.stderr}"


def setup(laptop) -> None:
    proc = frozen(PROGRAM, "setup", "--officer", "홍길동", "--device", "B07A", env=laptop)
    assert proc.returncode == 0, proc


def test_with_no_keyring_service_setup_says_what_to_install(frozen_build, laptop):
    laptop.pop("FIELDBUS_ALLOW_INSECURE_KEYRING")  # a real laptop: no development switch

    proc = frozen(PROGRAM, "setup", "--officer", "홍길동", "--device", "B07A", env=laptop)

    no_traceback(proc)
    assert proc.returncode == 3
    assert messages(proc) == [
        "error: no OS keyring is available; install and unlock a keyring (GNOME Keyring/"
        "KWallet on Linux, the system keychain on macOS and Windows), or for development "
        "only set FIELDBUS_ALLOW_INSECURE_KEYRING=1"]
    data = Path(laptop["FIELDBUS_DATA_DIR"])
    assert not data.exists() or not any(data.iterdir())  # no half-made store


@pytest.fixture
def read_only_install(frozen_build):
    """A copy of the build that nobody may write, as /opt is to an officer; run as
    ``nobody`` when the tests run as root (root writes anywhere)."""
    place = Path(tempfile.mkdtemp(prefix="fieldbus-ro-"))
    os.chmod(place, 0o755)
    shutil.copytree(frozen_build, place / "fieldbus", symlinks=True)
    for path in [place / "fieldbus", *(place / "fieldbus").rglob("*")]:
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
                       | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
                       | (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH if path.is_dir()
                          or mode & stat.S_IXUSR else 0))
    yield place / "fieldbus"
    for path in [place, *place.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(place)


def test_the_build_runs_from_a_folder_it_cannot_write(read_only_install, laptop, tmp_path):
    user_home = Path(tempfile.mkdtemp(prefix="fieldbus-home-"))
    try:
        if os.geteuid() == 0:
            os.chown(user_home, 65534, 65534)
        os.chmod(user_home, 0o700)
        env = {**laptop, "HOME": str(user_home), "FIELDBUS_DATA_DIR": str(user_home / "data")}
        intake = user_home / "complaint.json"
        intake.write_text(json.dumps(sample("complaint-01.json"), ensure_ascii=False), "utf-8")
        if os.geteuid() == 0:
            os.chown(intake, 65534, 65534)
        program = [*unprivileged(), str(read_only_install / "fieldbus")]
        before = sorted(p.relative_to(read_only_install).as_posix()
                        for p in read_only_install.rglob("*"))

        def run(*args):
            proc = subprocess.run([*program, *args], capture_output=True, text=True, env=env,
                                  timeout=120)
            no_traceback(proc)
            assert proc.returncode == 0, proc
            return proc.stdout

        assert os.access(read_only_install, os.W_OK) is False or os.geteuid() == 0
        run("setup", "--officer", "홍길동", "--device", "B07A")
        number = run("complaint", "add", intake).strip()
        run("receipt", number, "--out", user_home / "receipt.pdf")
        assert (user_home / "receipt.pdf").stat().st_size > 10_000
        after = sorted(p.relative_to(read_only_install).as_posix()
                       for p in read_only_install.rglob("*"))
        assert after == before  # nothing was written beside the program
    finally:
        shutil.rmtree(user_home)


def test_a_data_folder_from_a_newer_version_is_refused_and_left_untouched(frozen_build,
                                                                          laptop):
    setup(laptop)
    data = Path(laptop["FIELDBUS_DATA_DIR"])
    from fieldbus.store import schema

    with Store.open(data, officer="홍길동", pin=PIN) as store:
        store.db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}

    proc = frozen(PROGRAM, "complaint", "list", env=laptop)

    no_traceback(proc)
    assert proc.returncode == 3
    (line,) = messages(proc)
    assert line.startswith("error: this store was written by a newer Fieldbus (schema "
                           f"{schema.SCHEMA_VERSION + 1}") and "install the newer version" in line
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("gone", ["fonts/NanumGothic.ttf", "schemas/complaint-intake.schema.json",
                                  "rules/deadlines.json", "i18n/fieldbus_en.qm"])
def test_a_missing_resource_file_is_named_at_the_start(frozen_build, laptop, tmp_path, gone):
    copy = tmp_path / "fieldbus"
    shutil.copytree(frozen_build, copy, symlinks=True)
    (copy / "_internal" / "resources" / gone).unlink()

    for args in (["complaint", "list"], []):  # a command, and the window (with a display)
        env = {**laptop, "QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":1"} if not args else laptop
        proc = frozen(copy / "fieldbus", *args, env=env, timeout=60)
        no_traceback(proc)
        assert proc.returncode == 1
        assert messages(proc) == [f"error: resources/{gone} is missing: this installation is "
                                  "damaged; reinstall Fieldbus (IT: apt install --reinstall "
                                  "fieldbus)"]


def test_with_no_printer_a_receipt_says_so_and_points_to_the_pdf(frozen_build, laptop,
                                                                  tmp_path):
    setup(laptop)
    intake = tmp_path / "complaint.json"
    intake.write_text(json.dumps(sample("complaint-01.json"), ensure_ascii=False), "utf-8")
    number = frozen(PROGRAM, "complaint", "add", intake, env=laptop).stdout.strip()

    proc = frozen(PROGRAM, "receipt", number, "--printer", "default", env=laptop)

    no_traceback(proc)
    assert proc.returncode == 2
    assert messages(proc) == ["error: this laptop has no printer set up: add it in the "
                              "system's printer settings, or save the receipt as a PDF (--out)"]


def test_with_no_display_the_program_says_where_the_store_is(frozen_build, laptop):
    setup(laptop)

    proc = frozen(PROGRAM, env=laptop)

    no_traceback(proc)
    assert proc.returncode == 0
    assert "No display here, so no window" in proc.stdout and laptop["FIELDBUS_DATA_DIR"] in proc.stdout


@pytest.mark.parametrize("display", [{"DISPLAY": ":97"}, {"WAYLAND_DISPLAY": "wayland-9"}],
                         ids=["x11", "wayland"])
def test_a_display_that_is_gone_is_one_line_not_a_crash(frozen_build, laptop, tmp_path,
                                                        display):
    setup(laptop)

    proc = frozen(PROGRAM, env={**laptop, **display, "XDG_RUNTIME_DIR": str(tmp_path)})

    no_traceback(proc)
    assert proc.returncode == 1  # Qt itself would abort (SIGABRT) with a page of advice
    (line,) = messages(proc)
    assert line.startswith("error: the display this session names") and "qt.qpa" not in proc.stderr
