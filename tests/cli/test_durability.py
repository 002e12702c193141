"""What was reported saved stays saved: a full disk (exit 5) and a killed process."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess

import pytest

from tests.cli.conftest import COMPLAINT_SAMPLES, RECEIPT_RE, sample
from tests.cli.test_console_script import COMMAND
from tests.conftest import cli_env


@pytest.fixture
def full_disk(monkeypatch):
    """From now on the database may not grow: SQLite answers SQLITE_FULL, as on a full disk."""
    import fieldbus.store.store as store_module

    real_connect = store_module.connect

    def connect(path, key):
        db = real_connect(path, key)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    def enable():
        monkeypatch.setattr(store_module, "connect", connect)

    def disable():
        monkeypatch.setattr(store_module, "connect", real_connect)

    return enable, disable


def _big(name: str = "complaint-01.json") -> dict:
    intake = sample(name)
    intake["body"] = "마을진입로가 비만 오면 진흙탕이 됩니다. " * 800  # needs new pages
    return intake


def test_a_full_disk_is_exit_5_and_nothing_is_saved(ready, full_disk):
    enable, disable = full_disk
    ready.add("complaint-02.json")
    before = ready.receipts()
    enable()
    result = ready("complaint", "add", ready.write(_big()))
    disable()
    assert result.code == 5, result
    assert result.out == ""
    assert len(result.err_lines) == 1, result
    assert "Traceback" not in result.err
    assert ready.receipts() == before
    assert ready("audit", "verify").code == 0


def test_a_full_disk_during_import_keeps_what_was_reported(ready, full_disk, monkeypatch):
    from fieldbus.services.intake import importer

    monkeypatch.setattr(importer, "BATCH", 2)
    enable, disable = full_disk
    small = [json.dumps(sample(n), ensure_ascii=False) for n in COMPLAINT_SAMPLES[:2]]
    big = [json.dumps(_big(), ensure_ascii=False) for _ in range(4)]
    enable()
    result = ready("complaint", "import", ready.write("\n".join(small + big), "batch.jsonl"))
    disable()
    assert result.code == 5, result
    assert "Traceback" not in result.err
    reported = result.out_lines
    assert len(reported) <= 2
    assert sorted(ready.receipts()) == sorted(reported)


def test_a_killed_import_loses_nothing_it_reported(tmp_path, data_dir):
    """SIGKILL the whole process group mid-import: every printed receipt is in the store."""
    env = cli_env(data_dir)
    setup = subprocess.run([*COMMAND, "setup", "--officer", "홍길동", "--device", "B07A"],
                           env=env, capture_output=True, timeout=60)
    assert setup.returncode == 0, setup
    lines = [json.dumps(sample(COMPLAINT_SAMPLES[i % len(COMPLAINT_SAMPLES)]),
                        ensure_ascii=False) for i in range(30_000)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    reported: list[str] = []
    with subprocess.Popen([*COMMAND, "complaint", "import", str(path)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          start_new_session=True) as proc:
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:
                reported.append(raw.decode().strip())
                if len(reported) >= 1000:
                    break
        finally:
            if proc.poll() is None:  # its own session: the validation worker dies with it
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
    assert len(reported) >= 1000, "the import finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    assert all(re.match(RECEIPT_RE, r) for r in reported)

    listed = subprocess.run([*COMMAND, "complaint", "list", "--json"], env=env,
                            capture_output=True, timeout=60)
    assert listed.returncode == 0, listed
    saved = {c["receipt_no"] for c in json.loads(listed.stdout)}
    assert set(reported) <= saved
    verify = subprocess.run([*COMMAND, "audit", "verify"], env=env, capture_output=True,
                            timeout=60)
    assert verify.returncode == 0, verify
