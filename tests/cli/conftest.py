"""Helpers for the command-line tests: run ``fieldbus.cli.main.main`` in this process.

Running in-process keeps the suite fast; ``test_console_script.py`` runs the real console
script in a subprocess for what only a real process can show (no traceback, start-up
imports, ``--version``).
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PIN, SAMPLES, sample

RECEIPT_RE = r"^[A-Z0-9]{2,6}-\d{6}-\d{4}-[0-9A-Z]$"
DEVICE = "B07A"
OFFICER = "홍길동"
COMPLAINT_SAMPLES = sorted(p.name for p in SAMPLES.glob("complaint-*.json"))
# The development key file is announced on every start (tests allow it on purpose).
_KEY_WARNING = "warning: insecure key storage in use"

__all__ = ["COMPLAINT_SAMPLES", "DEVICE", "OFFICER", "PIN", "RECEIPT_RE", "Cli", "Result",
           "sample"]


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        """Lines on stderr, without the development key-file notice."""
        return [line for line in self.err.splitlines()
                if line.strip() and not line.startswith(_KEY_WARNING)]

    @property
    def out_lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line.strip()]

    def json(self) -> Any:
        return json.loads(self.out)

    def __str__(self) -> str:  # shown by pytest when an assertion fails
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


class Cli:
    """``cli("complaint", "list", "--json")`` runs one command and captures what it says."""

    def __init__(self, capsys, monkeypatch, data_dir: Path, tmp_path: Path) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.data_dir = data_dir
        self.tmp_path = tmp_path
        self._files = 0
        monkeypatch.setenv("FIELDBUS_DATA_DIR", str(data_dir))
        monkeypatch.setenv("FIELDBUS_PIN", PIN)

    def __call__(self, *argv: str, stdin: bytes | str | None = None,
                 env: dict[str, str | None] | None = None) -> Result:
        from fieldbus.cli.main import main

        self.capsys.readouterr()  # drop anything printed before
        with self.monkeypatch.context() as m:
            for name, value in (env or {}).items():
                if value is None:
                    m.delenv(name, raising=False)
                else:
                    m.setenv(name, value)
            data = (stdin.encode("utf-8") if isinstance(stdin, str) else stdin) or b""
            m.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
            try:
                code = main([str(a) for a in argv])
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else 1
        out, err = self.capsys.readouterr()
        return Result(code, out, err)

    def write(self, content: Any, name: str | None = None) -> Path:
        """A file holding ``content``: bytes as given, str as UTF-8, anything else as JSON."""
        self._files += 1
        path = self.tmp_path / (name or f"input-{self._files}.json")
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            try:
                path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
            except UnicodeEncodeError:  # a lone surrogate: only a \u escape can carry it
                path.write_text(json.dumps(content), encoding="utf-8")
        return path

    def setup(self, device: str = DEVICE, officer: str = OFFICER, *extra: str) -> Result:
        result = self("setup", "--officer", officer, "--device", device, *extra)
        assert result.code == 0, result
        return result

    def add(self, data: dict | str, *extra: str) -> Result:
        """Add one complaint from a sample name or an intake object; must succeed."""
        if isinstance(data, str):
            data = sample(data)
        result = self("complaint", "add", self.write(data), *extra)
        assert result.code == 0, result
        return result

    def receipts(self) -> list[str]:
        """Every complaint on the laptop, newest first (``complaint list --json``)."""
        result = self("complaint", "list", "--json")
        assert result.code == 0, result
        return [item["receipt_no"] for item in result.json()]


@pytest.fixture(autouse=True)
def _cheap_pin_hashes(monkeypatch):
    """Real argon2, but with minimal cost, for PIN hashes (only stores made before key
    slots have them; the key slots' cost is ``tests.conftest._cheap_key_slots``')."""
    from argon2 import PasswordHasher

    from fieldbus.store import officers

    monkeypatch.setattr(officers, "_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@pytest.fixture
def cli(capsys, monkeypatch, data_dir, tmp_path) -> Cli:
    """A command line pointed at an empty data folder (no store yet)."""
    return Cli(capsys, monkeypatch, data_dir, tmp_path)


@pytest.fixture
def ready(cli) -> Cli:
    """A command line over a fresh store: device B07A, officer 홍길동 with PIN ``PIN``."""
    cli.setup()
    return cli
