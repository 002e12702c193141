"""The ``fieldbus`` command line: the contract scripts and tests rely on.

Exit codes: 0 success; 2 invalid input or unknown record (one clear line on stderr,
nothing saved); 3 the store cannot be opened (missing, key, newer version, keyring);
4 sign-in refused or not allowed for this role; 5 the disk refused a write (nothing
reported saved is lost); 6 sync left records waiting for the hub; 1 anything else.
Start-up stays light: heavy modules are imported by the commands that need them.

This module owns the top-level parser and its global options, the mapping from errors to
exit codes, and the start without a sub-command (the window, or where the store is); each
command group's module registers its own sub-commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping

from fieldbus import __version__
from fieldbus.cli import complaints, counsel, officers, receipts, records, syncing, visits
from fieldbus.cli.common import (
    EXIT_AUTH,
    EXIT_DISK,
    EXIT_ERROR,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_STORE,
    UsageError,
    store_dir,
)


def display_available(environ: Mapping[str, str] = os.environ,
                      platform: str = sys.platform) -> bool:
    """Whether a window can be shown: always on Windows and macOS, with an X11 or Wayland
    display on Linux and the other Unixes."""
    if platform in ("win32", "darwin"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def cmd_status(args: argparse.Namespace) -> int:
    """No sub-command: the desktop app where there is a display, else where the store is
    and what to do next."""
    data_dir = store_dir(args)
    if display_available():
        from fieldbus.cli.display_check import unreachable_display

        gone = unreachable_display() if sys.platform.startswith("linux") else None
        if gone:
            print(f"error: {gone}", file=sys.stderr)
            return EXIT_ERROR
        from fieldbus.ui.shell.app import run  # Qt only now: other commands stay light

        return run(sys.argv[:1], data_dir=data_dir, training=args.training)
    from fieldbus.store.store import Store

    if not Store.exists(data_dir):
        print(f"Fieldbus {__version__}: no store yet in {data_dir}.")
        print("Create one: fieldbus --training setup --officer NAME" if args.training else
              "Create one: fieldbus setup --officer NAME --device CODE")
    else:
        print(f"Fieldbus {__version__}: store in {data_dir}.")
        print("No display here, so no window: start it from the desktop. "
              "Commands: fieldbus --help")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldbus", description="Fieldbus — 이동신문고 field intake")
    parser.add_argument("--version", action="version", version=f"fieldbus {__version__}")
    parser.add_argument("--data-dir", help="store folder (else FIELDBUS_DATA_DIR, else the "
                        "user data folder)")
    parser.add_argument("--officer", dest="signin_officer",
                        help="officer to sign in as (else FIELDBUS_OFFICER; the PIN comes "
                        "from FIELDBUS_PIN or a prompt)")
    parser.add_argument("--training", action="store_true",
                        help="use the training store (교육용): a separate folder beside the "
                        "real one, made-up cases, never enrolled or synced")
    parser.set_defaults(func=cmd_status)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # The order of these calls is the order ``fieldbus --help`` lists the commands in.
    officers.add_parsers(sub)  # setup, officer, recovery-key, recover
    visits.add_parsers(sub)
    complaints.add_parsers(sub)
    counsel.add_parsers(sub)  # counsel receipt included
    receipts.add_parsers(sub)  # receipt, handler
    records.add_parsers(sub)  # search, deadline
    syncing.add_parsers(sub)  # enrol, sync, purge
    records.add_audit_parsers(sub)  # audit
    return parser


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # the frozen build validates imports in a worker
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("limit",):
        if getattr(args, name, None) is not None and getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    try:
        from fieldbus.services.startup import check_rule_tables

        check_rule_tables()  # a malformed rule table stops every command, naming file and entry
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - every error becomes one line and a code
        return _report(exc)


def _report(exc: Exception) -> int:
    from fieldbus.domain.errors import (
        FieldbusError,
        NotFound,
        PermissionDenied,
        ValidationError,
    )

    wrong_printer = getattr(exc, "code", "") in ("printer_not_found", "page_size_unsupported",
                                                  "no_printer")
    if isinstance(exc, (ValidationError, NotFound)) or wrong_printer:  # before store imports
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    from fieldbus.store.errors import (
        SignInFailed,
        SignInLocked,
        StoreError,
        StoreWriteFailed,
    )
    from fieldbus.store.sqlcipher import DatabaseError, is_disk_error

    if isinstance(exc, (SignInFailed, SignInLocked, PermissionDenied)):
        code = EXIT_AUTH
    elif isinstance(exc, StoreWriteFailed) or (isinstance(exc, (DatabaseError, OSError))
                                               and is_disk_error(exc)):
        code = EXIT_DISK
    elif isinstance(exc, StoreError):
        code = EXIT_STORE
    elif isinstance(exc, FieldbusError):
        code = EXIT_ERROR
    else:
        if os.environ.get("FIELDBUS_DEBUG"):
            raise exc
        print(f"internal error ({type(exc).__name__}); run again with FIELDBUS_DEBUG=1 "
              "for details", file=sys.stderr)
        return EXIT_ERROR
    print(f"error: {exc}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
