"""``fieldbus-hub``: the central server and its admin commands.

Exit codes, as for the laptop's ``fieldbus``: 0 success; 2 invalid input or not found (one
line on stderr); 3 the database cannot be opened or reached; 1 anything else (also: the
``hub`` extra is not installed, said in one line). The database is ``--db URL`` (given
before the sub-command), else ``FIELDBUS_HUB_DB``, else a SQLite file in the user data
folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sync import protocol
from sync.controls import escape_controls, escape_json_controls
from sync.hub import __version__

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_STORE = 0, 1, 2, 3


class UsageError(Exception):
    """Invalid input or an unknown name (exit 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldbus-hub",
                                     description="The Fieldbus hub: the server laptops sync with")
    parser.add_argument("--version", action="version", version=f"fieldbus-hub {__version__}")
    parser.add_argument("--db", metavar="URL", help="sqlite:///FILE or postgresql://… "
                        "(else FIELDBUS_HUB_DB, else a SQLite file in the user data folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the hub")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--public-url", metavar="URL",
                       help="the address laptops print in QR codes (else the one they used)")
    serve.add_argument("--trusted-proxy", metavar="ADDRESSES", default="127.0.0.1,::1",
                       help="the TLS proxy in front, whose X-Forwarded-For/-Proto are believed "
                       "(comma-separated; default loopback only)")
    serve.add_argument("--device-blob-quota", metavar="MIB", type=int,
                       default=protocol.DEVICE_BLOB_QUOTA_BYTES // 2**20,
                       help="attachment MiB kept per device (default %(default)s)")
    serve.add_argument("--recovery-public-key", metavar="FILE", help="the centre's recovery "
                       "public key, sent to laptops at enrolment (else FIELDBUS_HUB_RECOVERY_KEY)")

    recovery = commands.add_parser("recovery-key", help="the centre's recovery key pair")
    generate = recovery.add_subparsers(dest="action", required=True, metavar="ACTION") \
        .add_parser("generate", help="make the key pair: keep the private key offline (IT); "
                    "give the public one to `serve --recovery-public-key`")
    generate.add_argument("--out", required=True, metavar="PRIVATE.pem",
                          help="the private key (written 0600, never over a file)")
    generate.add_argument("--public-out", required=True, metavar="PUBLIC.pem")

    user = commands.add_parser("user", help="people who sign in").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    add = user.add_parser("add", help="add a person; the password is read from stdin")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("officer", "counsel", "supervisor"))
    add.add_argument("--password-stdin", action="store_true", required=True)
    user.add_parser("disable", help="stop a person at once").add_argument("name")

    device = commands.add_parser("device", help="laptops: registered codes, enrolment, "
                                 "revocation").add_subparsers(dest="action", required=True,
                                                              metavar="ACTION")
    device.add_parser("add", help="register a device code, so that its laptop can enrol"
                      ).add_argument("code")
    device.add_parser("list", help="registered codes: enrolled or not, revoked or not"
                      ).add_argument("--json", action="store_true")
    device.add_parser("revoke", help="stop a laptop at once").add_argument("code")

    listing = commands.add_parser("cases", help="every case the hub holds")
    listing.add_argument("--json", action="store_true")
    commands.add_parser("visits", help="every visit the hub holds, with its cases"
                        ).add_argument("--json", action="store_true")
    commands.add_parser("audit-heads", help="each laptop's vouched audit head; flagged "
                        "laptops whose audit log was rewritten").add_argument(
                            "--json", action="store_true")

    commands.add_parser("purge", help="destroy the personal data retention says is due "
                        "(also at `serve` start and daily)").add_argument("--json",
                                                                         action="store_true")

    blob = commands.add_parser("attachment", help="write a stored attachment's bytes")
    blob.add_argument("sha256")
    blob.add_argument("--out", required=True, metavar="FILE")

    review = commands.add_parser("review", help="set a case's review state")
    review.add_argument("receipt_no")
    review.add_argument("--state", required=True, choices=("has_issues", "approved", "rejected"))
    review.add_argument("--note")
    review.add_argument("--epeople-no")
    return parser


def _engine(args: argparse.Namespace):
    from sync.hub.db import connect, default_url

    return connect(args.db or default_url())


def _serve(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from sync.hub.app import create_app
    from sync.hub.recovery import ENV, RecoveryKeyError, load_public

    from sync.hub.retention import rule

    for kind in ("complaint", "counsel"):
        rule(kind)  # a broken hub-retention.json stops the start, not a purge at 3 a.m.
    where = args.recovery_public_key or os.environ.get(ENV)
    try:
        recovery = load_public(where) if where else None
    except RecoveryKeyError as exc:
        raise UsageError(str(exc)) from None
    engine = _engine(args)
    app = create_app(args.db, engine=engine, public_url=args.public_url,
                     recovery_public_key=recovery,
                     device_blob_quota=args.device_blob_quota * 2**20)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    from sync.hub.retention import Daily

    retention = Daily(engine)  # purges what is due now, then once a day
    try:
        # uvicorn's own access log prints query strings (QR codes): ours does not.
        uvicorn.run(app, host=args.host, port=args.port, access_log=False,
                    timeout_graceful_shutdown=10, log_level="info",
                    forwarded_allow_ips=args.trusted_proxy)
    finally:
        retention.stop()
    return EXIT_OK


def _purge(args: argparse.Namespace) -> int:
    from sync.hub.retention import purge, rule

    purged = purge(_engine(args), actor="cli")
    if args.json:
        print(json.dumps({"purged": purged}))
    elif purged:
        print(f"purged {len(purged)}: " + " ".join(purged))
    else:
        print(f"nothing due: finished cases keep personal data {rule().years} years "
              "from 1 January after they finished")
    return EXIT_OK


def _cases(args: argparse.Namespace) -> int:
    from sync.hub.cases import list_cases
    from sync.hub.read_audit import record_reads

    engine = _engine(args)
    found = list_cases(engine)
    record_reads(engine, "cli", "case_read", [e["receipt_no"] or e["id"] for e in found])
    # Devices' text reaches the admin's terminal: no control character as it came (a
    # pushed title could retitle or clear it), even from records older than the rule.
    if args.json:
        for entry in found:
            entry.pop("content")
        return _print_json(found)
    for entry in found:
        print(escape_controls(
            f"{entry['receipt_no']}  {entry['device']}  {entry['review_state']:<10}  "
            f"{entry['status'] or '-':<10}  {entry['title'] or ''}"))
    return EXIT_OK


def _devices(args: argparse.Namespace) -> int:
    from sync.hub.audit_heads import list_heads
    from sync.hub.auth import list_devices

    engine = _engine(args)
    found = list_devices(engine)
    flagged = {head["device"] for head in list_heads(engine) if head["flagged"]}
    for entry in found:  # a laptop whose audit log no longer extends what the hub vouched
        entry["audit_flagged"] = entry["code"] in flagged
    if args.json:
        json.dump(found, sys.stdout, indent=2)
        print()
        return EXIT_OK
    for entry in found:
        enrolled = f"enrolled {entry['enrolled_at']}" if entry["enrolled"] else "not enrolled"
        print(f"{entry['code']:<6}  registered {entry['registered_at']}  {enrolled}"
              f"{'  revoked' if entry['revoked'] else ''}"
              f"{'  AUDIT FLAGGED (fieldbus-hub audit-heads)' if entry['audit_flagged'] else ''}")
    return EXIT_OK


def _print_json(found: object) -> int:
    """Devices' text as JSON for the admin's terminal, with no control character as it came
    (a pushed title could retitle or clear it), even from records older than the rule."""
    print(escape_json_controls(json.dumps(found, ensure_ascii=False, indent=2)))
    return EXIT_OK


def _visits(args: argparse.Namespace) -> int:
    from sync.hub.visits import list_visits

    found = list_visits(_engine(args))
    if args.json:
        return _print_json(found)
    for visit in found:
        closed = f"closed {visit['closed_at']}" if visit["closed_at"] else "open"
        numbers = " ".join(c["receipt_no"] or c["id"] for c in visit["cases"])
        print(escape_controls(f"{visit['date']}  {visit['device']}  {visit['venue']} "
                              f"({visit['region']})  {closed}  {len(visit['cases'])} case(s)"
                              f"{': ' + numbers if numbers else ''}"))
    return EXIT_OK


def _audit_heads(args: argparse.Namespace) -> int:
    from sync.hub.audit_heads import list_heads

    found = list_heads(_engine(args))
    if args.json:
        return _print_json(found)
    for head in found:
        vouched = (f"vouched up to #{head['vouched_seq']} on {head['vouched_at']}"
                   if head["vouched_seq"] is not None else "nothing vouched yet")
        flag = f"  FLAGGED {head['flagged_at']}: {head['problem']}" if head["flagged"] else ""
        print(escape_controls(f"{head['device']:<6}  {vouched}{flag}"))
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from sync.hub import auth, blobs, feed

    if args.command == "serve":
        return _serve(args)
    if args.command == "purge":
        return _purge(args)
    if args.command == "recovery-key":
        from sync.hub.recovery import generate

        try:
            fingerprint = generate(Path(args.out), Path(args.public_out))
        except FileExistsError as exc:
            raise UsageError(f"{exc.filename} exists already: not overwritten") from None
        print(f"recovery key {fingerprint}: private key in {args.out} (keep it offline, never "
              f"on a laptop), public key in {args.public_out}", file=sys.stderr)
        return EXIT_OK
    if args.command == "cases":
        return _cases(args)
    if args.command == "visits":
        return _visits(args)
    if args.command == "audit-heads":
        return _audit_heads(args)
    if args.command == "user" and args.action == "add":
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError("--password-stdin: no password on standard input")
        auth.add_user(_engine(args), args.name, args.role, password)
        print(f"user {args.name} added ({args.role})", file=sys.stderr)
    elif args.command == "user":
        auth.disable_user(_engine(args), args.name)
        print(f"user {args.name} disabled", file=sys.stderr)
    elif args.command == "device" and args.action == "add":
        code, added = auth.register_device(_engine(args), args.code)
        print(f"device {code} registered: its laptop can enrol now" if added else
              f"device {code} was registered already", file=sys.stderr)
    elif args.command == "device" and args.action == "list":
        return _devices(args)
    elif args.command == "device":
        auth.revoke_device(_engine(args), args.code)
        print(f"device {args.code} revoked", file=sys.stderr)
    elif args.command == "attachment":
        from sync.hub.read_audit import record_reads

        engine = _engine(args)
        data = blobs.read(engine, args.sha256.lower())
        if data is None:
            raise UsageError(f"the hub does not hold attachment {args.sha256}")
        Path(args.out).write_bytes(data)
        record_reads(engine, "cli", "attachment_read", [args.sha256.lower()])
    elif args.command == "review":
        change = feed.review(_engine(args), receipt_no=args.receipt_no, state=args.state,
                             note=args.note, epeople_no=args.epeople_no, actor="cli")
        print(f"{change['receipt_no']}: {change['review_state']}", file=sys.stderr)
    return EXIT_OK


#: The modules of the ``hub`` extra (pyproject.toml). ``fieldbus`` on a laptop installs
#: the console script without them: it must say what to install, not show a traceback.
HUB_EXTRA = frozenset({"fastapi", "starlette", "uvicorn", "sqlalchemy", "pydantic",
                       "psycopg"})
NEEDS_HUB_EXTRA = "fieldbus-hub needs the hub extra: pip install 'fieldbus[hub]'"


def _not_installed(exc: ModuleNotFoundError) -> int:
    if (exc.name or "").partition(".")[0] in HUB_EXTRA:
        print(NEEDS_HUB_EXTRA, file=sys.stderr)
    else:
        print(f"fieldbus-hub: {exc}", file=sys.stderr)
    return EXIT_ERROR


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        from sync.hub.db import StoreUnavailable
        from sync.hub.migrations import SchemaTooNew
    except ModuleNotFoundError as exc:
        return _not_installed(exc)

    try:
        return _run(args)
    except ModuleNotFoundError as exc:
        return _not_installed(exc)
    except (UsageError, ValueError, LookupError) as exc:
        print(f"fieldbus-hub: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (StoreUnavailable, SchemaTooNew) as exc:
        print(f"fieldbus-hub: {exc}", file=sys.stderr)
        return EXIT_STORE
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:  # one line, never a traceback
        import sqlalchemy

        if isinstance(exc, sqlalchemy.exc.OperationalError):
            print("fieldbus-hub: the hub database is unavailable", file=sys.stderr)
            return EXIT_STORE
        print(f"fieldbus-hub: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
