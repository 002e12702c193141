"""What every command shares: exit codes, the usage error, the signed-in :class:`Session`,
and reading PINs and JSON and printing JSON and warnings the same way everywhere.

Why one module: a command group module holds only its commands, and every command says
"wrong input" or "PIN please" in the same words. Nothing heavy is imported at module level:
``fieldbus --version`` and ``fieldbus deadline`` never load the database, reportlab or Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbus.services.paths import data_dir

if TYPE_CHECKING:
    from fieldbus.domain.records import IntakeWarning, Officer
    from fieldbus.store.store import Store

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_STORE, EXIT_AUTH, EXIT_DISK = 0, 1, 2, 3, 4, 5
EXIT_PENDING = 6  # sync: records are still waiting for the hub (unreachable, or some left)


class UsageError(Exception):
    """A problem with how the command was called (exit 2)."""


def store_dir(args: argparse.Namespace) -> Path:
    """The store folder the global options name; with ``--training``, the training store
    beside it (the rule is :func:`fieldbus.services.paths.data_dir`, shared with the app)."""
    return data_dir(args.data_dir, training=getattr(args, "training", False))


def training_notice(store: Store) -> None:
    if store.training:
        print(f"training store (교육용, made-up cases, never synced): {store.data_dir}",
              file=sys.stderr)


def read_pin(args: argparse.Namespace, *, confirm: bool = False) -> str:
    if getattr(args, "pin_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--pin-stdin: no PIN on standard input")
        return line.strip()
    if os.environ.get("FIELDBUS_PIN"):
        return os.environ["FIELDBUS_PIN"].strip()
    if sys.stdin.isatty():
        import getpass

        pin = getpass.getpass("PIN: ")
        if confirm and getpass.getpass("PIN again: ") != pin:
            raise UsageError("the two PINs differ")
        return pin
    raise UsageError("a PIN is needed: set FIELDBUS_PIN or use --pin-stdin")


def read_json_text(source: str) -> tuple[str, Path]:
    """The text of FILE or ``-`` (stdin), and the folder relative paths are read from."""
    if source == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig"), Path.cwd()
        except UnicodeDecodeError:
            raise UsageError("-: not UTF-8 text") from None
    path = Path(source)
    try:
        return path.read_bytes().decode("utf-8-sig"), path.resolve().parent
    except OSError as exc:
        raise UsageError(f"{source}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{source}: not UTF-8 text") from None


def parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{where}: not valid JSON (line {exc.lineno} column {exc.colno}: "
                         f"{exc.msg})") from None
    except RecursionError:
        raise UsageError(f"{where}: the JSON is nested too deeply") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_warnings(warnings: Iterable[IntakeWarning]) -> None:
    for warning in warnings:
        print(f"warning: {warning.field}: {warning.message}", file=sys.stderr)


class Session:
    """An open store and the officer signed in to it, for one command.

    Opening needs the officer's PIN (``--officer``/``FIELDBUS_OFFICER``, ``FIELDBUS_PIN``
    or a prompt): the store's key is unwrapped with it (docs/security.md §2)."""

    def __init__(self, args: argparse.Namespace) -> None:
        from fieldbus.store.store import Store

        name = args.signin_officer or os.environ.get("FIELDBUS_OFFICER") or None
        pin = read_pin(args)
        if getattr(args, "training", False):
            from fieldbus.services.training import open_training

            self.store = open_training(store_dir(args), officer=name, pin=pin)
        else:
            self.store = Store.open(store_dir(args), officer=name, pin=pin)
        self.officer = self.store.officer
        training_notice(self.store)
        if self.store.key_place.warning():
            print(f"warning: {self.store.key_place.warning()}", file=sys.stderr)
        for notice in self.store.notices:
            print(f"note: {notice}", file=sys.stderr)
        if getattr(args, "command", None) != "purge":  # `purge` reports what it purges
            try:
                _purge_due(self.store, self.officer)
            except BaseException:
                self.store.close()
                raise

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def _purge_due(store: Store, officer: Officer) -> None:
    """Retention at every start (cheap when nothing is due); a failure only warns."""
    from fieldbus.store import retention
    from fieldbus.store.errors import StoreWriteFailed

    try:
        purged = retention.purge(store, officer)
    except StoreWriteFailed as exc:
        print(f"warning: retention could not run now: {exc}", file=sys.stderr)
        return
    if purged:
        print(f"retention: personal data of {len(purged)} case(s) acknowledged by the hub "
              f"more than {retention.rule().days} days ago was destroyed", file=sys.stderr)


def now() -> datetime:
    from sync.deadlines import KST

    return datetime.now(KST)


def add_command(parent: argparse._SubParsersAction, name: str,
                func: Callable[[argparse.Namespace], int], help_text: str, *,
                json_flag: bool = False) -> argparse.ArgumentParser:
    """One sub-command whose help line and description are the same text, run by ``func``;
    ``json_flag`` gives it the usual ``--json``."""
    p = parent.add_parser(name, help=help_text, description=help_text)
    p.set_defaults(func=func)
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON")
    return p


def add_reason(p: argparse.ArgumentParser) -> None:
    """``--reason`` of a command that opens one record in full: the audit log keeps why."""
    p.add_argument("--reason", default="cli show", help="why it is looked at (audited)")
