"""The store and the people who may open it: ``setup``, ``officer add|list|disable|role|pin``,
``recovery-key set`` and IT's ``recover``.

Grouped because each one creates, changes or restores a way into the store (an officer's
PIN, the centre's recovery slot); the rules themselves are the store's.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from fieldbus.cli.common import (
    EXIT_OK,
    Session,
    UsageError,
    add_command,
    print_json,
    read_pin,
    store_dir,
    training_notice,
)

ROLES = ("officer", "counsel", "supervisor")


def cmd_setup(args: argparse.Namespace) -> int:
    from fieldbus.store.store import Store, recovery_key_from

    if args.device is None and not args.training:
        raise UsageError("setup: --device is needed (this laptop's code, 2–6 of A–Z/0–9)")
    pin = read_pin(args, confirm=True)
    recovery = recovery_key_from(args.recovery_key)
    if args.training:
        from fieldbus.services.training import TRAINING_DEVICE, create_training

        if args.device is not None:
            print(f"note: a training store numbers its receipts {TRAINING_DEVICE}-…; "
                  f"--device {args.device} is not used", file=sys.stderr)
        store = create_training(store_dir(args), officer=args.officer, pin=pin, role=args.role,
                                recovery_key=recovery)
    else:
        store = Store.create(store_dir(args), device=args.device, officer=args.officer,
                             pin=pin, role=args.role, recovery_key=recovery)
    with store:
        training_notice(store)
        if store.key_place.warning():
            print(f"warning: {store.key_place.warning()}", file=sys.stderr)
        if store.slots.recovery_slot() is None and not store.training:
            print("note: no recovery key yet: it comes from the hub at enrolment, or give IT's "
                  "file with `fieldbus recovery-key set FILE`", file=sys.stderr)
        print(f"store created in {store.data_dir} for device {store.device}; "
              f"officer {args.officer} ({args.role})")
    return EXIT_OK


def _read_new_pin(args: argparse.Namespace) -> str:
    """A new PIN (``officer add``, ``officer pin``, ``recover``): FIELDBUS_NEW_PIN, else
    stdin with ``--new-pin-stdin`` (or ``--pin-stdin`` on ``officer add``), else a prompt."""
    return os.environ.get("FIELDBUS_NEW_PIN") or read_pin(
        argparse.Namespace(pin_stdin=args.new_pin_stdin), confirm=True)


def cmd_officer_add(args: argparse.Namespace) -> int:
    with Session(args) as s:
        if s.officer.role != "supervisor":  # before asking for the new PIN
            from fieldbus.domain.errors import PermissionDenied

            raise PermissionDenied("only a supervisor can add an officer: sign in as one "
                                   "with --officer")
        officer = s.store.add_officer(s.officer, name=args.name, role=args.role,
                                      pin=_read_new_pin(args))
        print(f"officer {officer.name} added ({officer.role})")
    return EXIT_OK


def cmd_officer_disable(args: argparse.Namespace) -> int:
    with Session(args) as s:
        officer = s.store.disable_officer(s.officer, args.name)
    print(f"officer {officer.name} disabled: they can no longer sign in here; their records "
          "and audit entries are kept")
    return EXIT_OK


def cmd_officer_role(args: argparse.Namespace) -> int:
    with Session(args) as s:
        officer = s.store.set_role(s.officer, args.name, args.role)
    print(f"officer {officer.name} is now {officer.role}")
    return EXIT_OK


def cmd_officer_pin(args: argparse.Namespace) -> int:
    with Session(args) as s:
        s.store.change_pin(s.officer, _read_new_pin(args))
    print(f"PIN changed for {s.officer.name}")
    return EXIT_OK


def cmd_recovery_key_set(args: argparse.Namespace) -> int:
    from fieldbus.store.store import recovery_key_from

    pem = recovery_key_from(args.file)
    with Session(args) as s:
        if s.officer.role != "supervisor":
            from fieldbus.domain.errors import PermissionDenied

            raise PermissionDenied("only a supervisor can set the recovery key")
        recipient = s.store.set_recovery_key(s.officer, pem or b"")
    print(f"recovery slot sealed to the centre's key {recipient}")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    """IT, on its own machine, with a copy of a laptop's data folder (docs/security.md)."""
    from fieldbus.store.store import Store

    try:
        private = Path(args.recovery_private_key).expanduser().read_bytes()
    except OSError as exc:
        raise UsageError(f"{args.recovery_private_key}: cannot read: {exc.strerror}") from None
    folder = Path(args.copy_dir).expanduser()
    officer = Store.recover(folder, private_key_pem=private, officer=args.name,
                            new_pin=_read_new_pin(args))
    print(f"officer {officer.name} has a new PIN in {folder}: copy the folder back to the "
          "laptop; the PIN binds to that laptop's keyring at the next sign-in")
    return EXIT_OK


def cmd_officer_list(args: argparse.Namespace) -> int:
    with Session(args) as s:
        officers = s.store.list_officers()
    if args.json:
        print_json([{"name": o.name, "role": o.role} for o in officers])
    else:
        for o in officers:
            print(f"{o.name}\t{o.role}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """``setup``, ``officer …``, ``recovery-key …`` and ``recover``, in that order."""
    p = add_command(sub, "setup", cmd_setup, "create the encrypted store on this laptop")
    p.add_argument("--officer", required=True, help="the first officer's name")
    p.add_argument("--device", help="this laptop's code, 2–6 of A–Z/0–9 (EDU… is reserved "
                   "for training; with --training the code is EDU)")
    p.add_argument("--role", default="officer", choices=ROLES)
    p.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    p.add_argument("--recovery-key", metavar="PUB.pem", help="the centre's recovery public "
                   "key from IT (else FIELDBUS_RECOVERY_KEY, else the hub's at enrolment)")

    officer = sub.add_parser("officer", help="officers on this laptop")
    osub = officer.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = add_command(osub, "add", cmd_officer_add, "add an officer (a supervisor signed in)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--pin-stdin", dest="new_pin_stdin", action="store_true",
                   help="read the new officer's PIN from stdin (else FIELDBUS_NEW_PIN)")
    add_command(osub, "list", cmd_officer_list, "list officers", json_flag=True)
    p = add_command(osub, "disable", cmd_officer_disable, "stop an officer signing in here; "
                    "their records and audit stay (a supervisor signed in)")
    p.add_argument("name")
    p = add_command(osub, "role", cmd_officer_role, "change an officer's role (a supervisor "
                    "signed in)")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    p = add_command(osub, "pin", cmd_officer_pin, "change your own PIN (6 to 12 digits)")
    _new_pin_stdin(p)

    recovery = sub.add_parser("recovery-key", help="the centre's recovery key (IT)")
    rsub = recovery.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = add_command(rsub, "set", cmd_recovery_key_set, "seal the store's key to the centre's "
                    "recovery public key from IT (a supervisor signed in)")
    p.add_argument("file", metavar="PUB.pem")
    p = add_command(sub, "recover", cmd_recover, "IT only, on its own machine with a copy of a "
                    "laptop's data folder: give an officer a new PIN with the recovery private "
                    "key")
    p.add_argument("--data-dir", dest="copy_dir", required=True, metavar="DIR",
                   help="a COPY of the laptop's data folder, on IT's machine")
    p.add_argument("--recovery-private-key", required=True, metavar="FILE")
    p.add_argument("--officer", dest="name", required=True, help="who gets the new PIN")
    _new_pin_stdin(p)


def _new_pin_stdin(p: argparse.ArgumentParser) -> None:
    p.add_argument("--new-pin-stdin", action="store_true",
                   help="read the new PIN from stdin (else FIELDBUS_NEW_PIN, else a prompt)")
