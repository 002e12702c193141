"""A killed process, a full disk or a read-only data dir loses nothing reported saved.

These run the real command line in a subprocess against a real store: a receipt number
printed by ``fieldbus complaint import`` is a promise that the case is on disk.
"""

from __future__ import annotations

import ctypes
import json
import os
import pwd
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# receipts are printed a committed batch at a time
from fieldbus.services.intake.importer import BATCH
from fieldbus.store import complaints
from fieldbus.store.errors import StoreWriteFailed
from fieldbus.store.sqlcipher import IntegrityError, is_disk_error
from fieldbus.store.store import DB_FILE, Store
from tests.conftest import PIN, SAMPLES, cli_env, sample
from tests.store.helpers import count, draft

CLI = [sys.executable, "-m", "fieldbus.cli"]
TIMEOUT = 60


def _make_store(data_dir: Path) -> None:
    Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN).close()


def _write_lines(path: Path, n: int) -> Path:
    base = sample("complaint-01.json")
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            base["title"] = f"마을 진입로 포장 요청 {i:05d}"
            handle.write(json.dumps(base, ensure_ascii=False) + "\n")
    return path


def _check_store(data_dir: Path, printed: list[str]) -> int:
    """Every printed receipt is in the store, the store is whole; returns the case count."""
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.db.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')")
        saved = {r[0] for r in store.db.execute("SELECT receipt_no FROM complaints")}
        missing = [n for n in printed if n not in saved]
        assert not missing, f"{len(missing)} printed receipt(s) lost, e.g. {missing[:3]}"
        report = store.verify_audit()
        assert report.ok, report
        total = len(saved)
        # whole batches or nothing; each with its outbox row and its audit entry
        assert total % BATCH == 0
        assert count(store, "outbox") == total
        assert count(store, "audit", "action = 'complaint_created'") == total
        assert count(store, "complaints_fts") == total
        return total


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def _add_one_more(data_dir: Path) -> str:
    """The store takes new cases afterwards."""
    result = subprocess.run([*CLI, "complaint", "add", str(SAMPLES / "complaint-02.json")],
                            env=cli_env(data_dir), capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


# -- a killed process ------------------------------------------------------------------------


def test_kill_9_during_an_import_loses_no_printed_receipt(data_dir, tmp_path):
    _make_store(data_dir)
    lines = _write_lines(tmp_path / "cases.jsonl", 20_000)
    with (tmp_path / "stderr.txt").open("w") as stderr:
        # its own process group: the kill takes the import and any worker it started
        proc = subprocess.Popen([*CLI, "complaint", "import", str(lines)],
                                env=cli_env(data_dir), stdout=subprocess.PIPE, stderr=stderr,
                                text=True, start_new_session=True)
        printed: list[str] = []
        try:
            for line in proc.stdout:
                printed.append(line.strip())
                if len(printed) >= 2 * BATCH + BATCH // 2:  # in the middle of the third batch
                    break
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(TIMEOUT)
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL, "the import ended before it could be killed"
    assert len(printed) >= 2 * BATCH

    total = _check_store(data_dir, printed)
    assert total < 20_000

    number = _add_one_more(data_dir)  # the numbering carries on after the last saved case
    assert number.split("-")[2] == f"{total + 1:04d}"


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_stops_the_import_cleanly_and_keeps_what_was_printed(data_dir, tmp_path):
    _make_store(data_dir)
    lines = _write_lines(tmp_path / "cases.jsonl", 5_000)
    limit = (data_dir / DB_FILE).stat().st_size + 3_000_000  # room for a few batches

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run([*CLI, "complaint", "import", str(lines)], env=cli_env(data_dir),
                            capture_output=True, text=True, preexec_fn=small_disk,
                            timeout=TIMEOUT)

    assert result.returncode == 5, result.stderr  # the CLI's code for "the disk refused"
    error = _one_error_line(result.stderr)
    assert "disk" in error
    printed = result.stdout.split()
    assert BATCH <= len(printed) < 5_000, "the limit did not stop the import part-way"
    assert _check_store(data_dir, printed) == len(printed)
    _add_one_more(data_dir)


def test_a_full_disk_in_process_is_a_store_write_failure_and_keeps_nothing(cstore):
    complaints.add(cstore, draft(cstore), cstore.officer)
    pages = cstore.db.execute("PRAGMA page_count").fetchone()[0]
    cstore.db.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: "full"
    before = (count(cstore, "complaints"), count(cstore, "outbox"), count(cstore, "audit"))

    with pytest.raises(StoreWriteFailed, match="was not saved"):
        complaints.add_many(cstore, [draft(cstore, body="가" * 15000) for _ in range(20)],
                            cstore.officer)

    assert (count(cstore, "complaints"), count(cstore, "outbox"), count(cstore, "audit")) == before
    assert not cstore.db.conn.in_transaction
    cstore.db.execute("PRAGMA max_page_count = 1073741823")
    saved = complaints.add(cstore, draft(cstore), cstore.officer)
    assert saved.receipt_no.split("-")[2] == "0002"
    assert cstore.verify_audit().ok


def test_a_constraint_is_not_mistaken_for_a_full_disk(cstore):
    """Disk errors are told apart by SQLite's result code, not by words in a message."""
    cstore.db.execute("CREATE TEMP TRIGGER t BEFORE INSERT ON main.outbox "
                      "BEGIN SELECT RAISE(ABORT, 'disk full, database locked, read-only'); END")
    with pytest.raises(IntegrityError) as caught:
        complaints.add(cstore, draft(cstore), cstore.officer)
    assert not is_disk_error(caught.value)


# -- a read-only data dir --------------------------------------------------------------------

_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_file_permission_override() -> None:
    """Stay root but lose the capabilities that let root write where modes forbid it."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _become_nobody() -> None:
    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)


def _reader_who_cannot_write(base: Path, readable: Path, forbidden: Path):
    """A ``preexec_fn`` under which ``readable`` can be read but ``forbidden`` not written.

    Tests run as root in CI, and root ignores file modes. Running as ``nobody`` needs an
    interpreter ``nobody`` may execute (not so when Python lives under /root); staying
    root without CAP_DAC_OVERRIDE works wherever root holds CAP_SETPCAP. Each way is
    checked with a probe before it is trusted.
    """
    if os.geteuid() != 0:
        return None
    probe = ("import sys\nopen(sys.argv[1]).read()\nprint('read')\n"
             "open(sys.argv[2], 'w')\n")
    tried = []
    for name, preexec in (("without CAP_DAC_OVERRIDE", _drop_file_permission_override),
                          ("as nobody", _become_nobody)):
        if preexec is _become_nobody:
            nobody = pwd.getpwnam("nobody")
            for path in (base, *base.rglob("*")):
                os.chown(path, nobody.pw_uid, nobody.pw_gid, follow_symlinks=False)
        try:
            result = subprocess.run(
                [sys.executable, "-c", probe, str(readable), str(forbidden)],
                capture_output=True, text=True, preexec_fn=preexec, timeout=TIMEOUT)
        except (OSError, subprocess.SubprocessError) as exc:
            tried.append(f"{name}: {exc}")
            continue
        if result.stdout.strip() == "read" and "PermissionError" in result.stderr:
            return preexec
        tried.append(f"{name}: probe gave {result.returncode} {result.stderr[-200:]!r}")
    pytest.skip("cannot run a process that reads but cannot write the data dir: "
                + "; ".join(tried))


@pytest.fixture
def shared_base(monkeypatch):
    """A folder in /tmp others may traverse (pytest's own tmp folders are 0700 to root),
    with HOME inside it; made writable again and removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="fieldbus-readonly-"))
    base.chmod(0o755)
    home = base / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    yield base
    subprocess.run(["chmod", "-R", "u+w", str(base)], check=False)
    shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_data_dir_refuses_clearly_and_loses_nothing(shared_base, tmp_path):
    data_dir = shared_base / "store"
    _make_store(data_dir)
    first = _add_one_more(data_dir)
    lines = _write_lines(shared_base / "cases.jsonl", 3)
    subprocess.run(["chmod", "-R", "a-w", str(data_dir)], check=True)
    preexec = _reader_who_cannot_write(shared_base, data_dir / "store.json",
                                       data_dir / "probe")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}

    for args in (["complaint", "add", str(SAMPLES / "complaint-03.json")],
                 ["complaint", "import", str(lines)]):
        result = subprocess.run([*CLI, *args], env=cli_env(data_dir), capture_output=True,
                                text=True, preexec_fn=preexec, timeout=TIMEOUT)
        assert result.returncode not in (0, 1), result.stderr  # a known failure, not a crash
        error = _one_error_line(result.stderr)
        assert "read" in error.lower() or "cannot open" in error.lower(), error
        assert result.stdout == ""  # no receipt printed for a case that was not saved

    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
    subprocess.run(["chmod", "-R", "u+w", str(data_dir)], check=True)
    if os.geteuid() == 0:
        for path in (shared_base, *shared_base.rglob("*")):
            os.chown(path, 0, 0, follow_symlinks=False)
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert [c.receipt_no for c in complaints.recent(store)] == [first]
        assert store.verify_audit().ok
    assert _add_one_more(data_dir).split("-")[2] == "0002"


def test_setup_in_a_read_only_place_refuses_clearly_and_creates_nothing(shared_base):
    parent = shared_base / "readonly"
    parent.mkdir()
    (parent / "readme.txt").write_text("not ours")
    parent.chmod(0o555)
    preexec = _reader_who_cannot_write(shared_base, parent / "readme.txt", parent / "probe")
    for data_dir in (parent, parent / "store"):
        result = subprocess.run(
            [*CLI, "--data-dir", str(data_dir), "setup", "--officer", "홍길동", "--device",
             "B07A"], env=cli_env(data_dir), capture_output=True, text=True,
            preexec_fn=preexec, timeout=TIMEOUT)
        assert result.returncode == 5, result.stderr
        error = _one_error_line(result.stderr)
        assert "cannot create the store" in error and "Permission denied" in error
        assert sorted(p.name for p in parent.iterdir()) == ["readme.txt"]
