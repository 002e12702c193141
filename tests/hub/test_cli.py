"""``fieldbus-hub`` as a real process: admin commands, exit codes, choosing the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hub.fixtures import PASSWORD, ROOT, hub_cli
from tests.hub.helpers import complaint, number, push, record

SQLITE_ONLY = pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)


def _hub(*args: str, input: str | None = None, env: dict | None = None):
    return subprocess.run([sys.executable, "-m", "sync.hub.cli", *args], input=input,
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, **(env or {})})


def test_version_and_usage():
    done = _hub("--version")
    assert done.returncode == 0 and done.stdout.strip() == "fieldbus-hub 0.1.0"
    assert _hub("user", "add", "kim", "--role", "boss", "--password-stdin").returncode == 2


def test_user_and_device_commands_say_what_is_wrong_in_one_line(hub_db_url):
    add = hub_cli(hub_db_url, "user", "add", "kim", "--role", "officer", "--password-stdin",
                  input=PASSWORD + "\n")
    assert add.returncode == 0, add.stderr
    for args, input, words in [
        (("user", "add", "kim", "--role", "officer", "--password-stdin"), PASSWORD + "\n",
         "exists already"),
        (("user", "add", "lee", "--role", "officer", "--password-stdin"), "", "no password"),
        (("user", "add", "lee", "--role", "officer", "--password-stdin"), "short\n",
         "at least 8"),
        (("user", "disable", "nobody"), None, "no user"),
        (("device", "revoke", "ZZ9"), None, "no device"),
        (("attachment", "0" * 64, "--out", "/dev/null"), None, "does not hold"),
    ]:
        done = hub_cli(hub_db_url, *args, input=input)
        assert done.returncode == 2, (args, done.stderr)
        assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1, args
    assert hub_cli(hub_db_url, "user", "disable", "kim").returncode == 0


def test_an_unreachable_database_is_exit_3():
    done = hub_cli("postgresql://nobody@127.0.0.1:1/none", "cases")
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert _hub("--db", "mysql://x/y", "cases").returncode == 3


def test_the_database_comes_from_db_then_env_then_the_user_data_folder(tmp_path):
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert _hub("cases").returncode == 0
    assert (data_home / "fieldbus-hub" / "hub.sqlite3").is_file()
    env_db = tmp_path / "env.sqlite3"
    assert _hub("cases", env={"FIELDBUS_HUB_DB": f"sqlite:///{env_db}"}).returncode == 0
    assert env_db.is_file()


@SQLITE_ONLY
def test_cases_json_lists_every_case_with_its_fields(bus):
    push(bus.url, bus.device_token, [record("r1", complaint(1)), record("r2", complaint(2))])
    done = bus.hub.cli("cases", "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [c["receipt_no"] for c in listed] == [number("B07A", 1), number("B07A", 2)]
    first = listed[0]
    assert {"receipt_no", "title", "body", "petitioner", "attachments", "review_state",
            "status", "device", "received_at", "synced_at"} <= set(first)
    assert first["petitioner"]["name"] == "김영수" and first["device"] == "B07A"
    assert first["review_state"] == "received" and first["attachments"] == []
    text = bus.hub.cli("cases")
    assert text.returncode == 0 and number("B07A", 2) in text.stdout
