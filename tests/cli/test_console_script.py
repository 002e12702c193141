"""The real ``fieldbus`` console script in a subprocess: what only a real process shows.

No traceback for a user error, ``--version``, and a light start-up (a command that does
not touch the store or print a receipt imports neither Qt, reportlab nor the database).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import fieldbus
from tests.conftest import PIN, cli_env, sample

SCRIPT = Path(sys.executable).parent / "fieldbus"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "fieldbus.cli"]
HEAVY = ("PySide6", "reportlab", "sqlite_utils", "sqlcipher3")
KEY_WARNING = "warning: insecure key storage in use"


def run(args, env, stdin: bytes = b"", command=COMMAND) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *map(str, args)], input=stdin, capture_output=True,
                          env=env, timeout=60)


def text(stream: bytes) -> str:
    return stream.decode("utf-8")


def error_lines(proc) -> list[str]:
    return [line for line in text(proc.stderr).splitlines()
            if line.strip() and not line.startswith(KEY_WARNING)]


@pytest.mark.parametrize("command", [COMMAND, [sys.executable, "-m", "fieldbus.cli"]],
                         ids=["console-script", "python-m"])
def test_version(command, data_dir):
    proc = run(["--version"], cli_env(data_dir), command=command)
    assert proc.returncode == 0, proc
    assert text(proc.stdout).strip() == f"fieldbus {fieldbus.__version__}"
    assert proc.stderr == b""
    assert not data_dir.exists()


def test_no_command_says_what_to_do(data_dir):
    proc = run([], cli_env(data_dir))
    assert proc.returncode == 0, proc
    assert "fieldbus setup" in text(proc.stdout)
    assert not data_dir.exists()


_PROBE = r"""
import json, sys
import fieldbus.cli.main
try:
    code = fieldbus.cli.main.main(json.loads(sys.argv[1]))
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def _probe(argv: list[str], data_dir, heavy=HEAVY) -> dict:
    proc = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(argv), json.dumps(heavy)],
                          capture_output=True, env=cli_env(data_dir), timeout=60)
    return json.loads(text(proc.stderr).splitlines()[-1])


@pytest.mark.parametrize("argv", [
    ["--version"],
    ["--help"],
    ["deadline", "inquiry", "--received", "2026-11-26T10:00+09:00"],
    ["deadline", "other", "--received", "2026-11-26T16:00+09:00", "--json"],
], ids=["version", "help", "deadline", "deadline-json"])
def test_start_up_stays_light(argv, data_dir):
    result = _probe(argv, data_dir)
    assert result["code"] == 0
    assert result["heavy"] == [], f"{argv} imported {result['heavy']}"


def test_a_mistyped_deadline_kind_stays_light_too(data_dir):
    result = _probe(["deadline", "inquiri", "--received", "2026-11-26T10:00+09:00"], data_dir)
    assert result["code"] == 2
    assert result["heavy"] == []


def test_commands_over_the_store_import_no_qt_or_reportlab(tmp_path, data_dir):
    env = cli_env(data_dir)
    assert run(["setup", "--officer", "홍길동", "--device", "B07A"], env).returncode == 0
    for argv in (["complaint", "list", "--json"], ["search", "진입로"], ["audit", "verify"],
                 ["handler", "show"]):
        result = _probe(argv, data_dir, heavy=("PySide6", "reportlab"))
        assert result["code"] == 0, argv
        assert result["heavy"] == [], argv


def test_user_errors_never_show_a_traceback(tmp_path, data_dir):
    env = cli_env(data_dir)
    missing = run(["complaint", "list"], env)
    assert missing.returncode == 3, missing
    assert len(error_lines(missing)) == 1

    setup = run(["setup", "--officer", "홍길동", "--device", "B07A", "--pin-stdin"],
                {**env, "FIELDBUS_PIN": ""}, stdin=f"{PIN}\n".encode())
    assert setup.returncode == 0, setup
    again = run(["setup", "--officer", "홍길동", "--device", "B07A"], env)
    assert again.returncode == 3, again

    good = tmp_path / "good.json"
    good.write_text(json.dumps(sample("complaint-01.json"), ensure_ascii=False), encoding="utf-8")
    added = run(["complaint", "add", good], env)
    assert added.returncode == 0, added
    receipt = text(added.stdout).strip()

    bad_intake = sample("complaint-01.json") | {"title": "a\u0000b"}
    malformed = tmp_path / "malformed.json"
    malformed.write_text('{"kind": ', encoding="utf-8")
    cases = [
        (["complaint", "add", "-"], json.dumps(bad_intake).encode(), env, 2),
        (["complaint", "add", malformed], b"", env, 2),
        (["complaint", "add", "-"], b"\xff\xfe{}", env, 2),
        (["complaint", "add", "-"], b"[" * 100_000, env, 2),
        (["complaint", "add", tmp_path / "nope.json"], b"", env, 2),
        (["complaint", "show", receipt[:-1] + ("A" if receipt[-1] != "A" else "B")], b"", env, 2),
        (["complaint", "list"], b"", {**env, "FIELDBUS_PIN": "0000"}, 4),
        (["--officer", "없는사람", "complaint", "list"], b"", env, 4),
        (["deadline", "inquiry", "--received", "2999-01-01T00:00+09:00"], b"", env, 2),
        (["visit", "close"], b"", env, 2),
        (["receipt", receipt, "--out", tmp_path / "no-folder" / "r.pdf"], b"", env, 2),
        (["receipt", receipt[:-1] + ("A" if receipt[-1] != "A" else "B"), "--out",
          tmp_path / "r.pdf"], b"", env, 2),
    ]
    for argv, stdin, case_env, code in cases:
        proc = run(argv, case_env, stdin=stdin)
        assert proc.returncode == code, (argv, proc)
        assert b"Traceback" not in proc.stderr, (argv, proc)
        assert len(error_lines(proc)) == 1, (argv, proc)
        assert error_lines(proc)[0].startswith("error: "), (argv, proc)

    listed = run(["complaint", "list", "--json"], env)
    assert [c["receipt_no"] for c in json.loads(listed.stdout)] == [receipt]


def test_usage_errors_are_exit_2_without_a_traceback(data_dir):
    env = cli_env(data_dir)
    for argv in (["complaint"], ["frobnicate"], ["complaint", "list", "--limit", "0"],
                 ["deadline", "inquiry"]):
        proc = run(argv, env)
        assert proc.returncode == 2, (argv, proc)
        assert b"Traceback" not in proc.stderr
        assert b"usage:" in proc.stderr


def test_with_no_printer_set_up_printing_says_so_in_one_line_and_records_nothing(data_dir,
                                                                                 tmp_path):
    # A process of its own: printing makes the Qt application a test process must not get.
    # The laptop's print system knows no printer: CUPS is asked on a socket with no server.
    env = cli_env(data_dir, CUPS_SERVER=str(tmp_path / "no-cups.sock"))
    assert run(["setup", "--officer", "홍길동", "--device", "B07A"], env).returncode == 0
    intake = tmp_path / "complaint.json"
    intake.write_text(json.dumps(sample("complaint-01.json"), ensure_ascii=False), "utf-8")
    number = text(run(["complaint", "add", intake], env).stdout).strip()
    audit = text(run(["audit", "verify"], env).stdout)
    assert "audit chain holds" in audit

    proc = run(["receipt", number, "--printer", "default"], env)

    assert proc.returncode == 2, proc
    assert error_lines(proc) == ["error: this laptop has no printer set up: add it in the "
                                 "system's printer settings, or save the receipt as a PDF "
                                 "(--out)"]
    assert text(run(["audit", "verify"], env).stdout) == audit  # no entry: nothing printed
