"""``fieldbus-hub``: the central server and its admin commands.

Exit codes, as for the laptop's ``fieldbus``: 0 success; 2 invalid input or not found (one
line on stderr); 3 the database cannot be opened or reached; 1 anything else. The
database is ``--db URL`` (given before the sub-command), else ``FIELDBUS_HUB_DB``, else a
SQLite file in the user data folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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

    user = commands.add_parser("user", help="people who sign in").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    add = user.add_parser("add", help="add a person; the password is read from stdin")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("officer", "counsel", "supervisor"))
    add.add_argument("--password-stdin", action="store_true", required=True)
    user.add_parser("disable", help="stop a person at once").add_argument("name")

    device = commands.add_parser("device", help="enrolled laptops").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    device.add_parser("revoke", help="stop a laptop at once").add_argument("code")

    listing = commands.add_parser("cases", help="every case the hub holds")
    listing.add_argument("--json", action="store_true")

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

    app = create_app(args.db, engine=_engine(args), public_url=args.public_url)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # uvicorn's own access log prints query strings (QR codes): ours does not.
    uvicorn.run(app, host=args.host, port=args.port, access_log=False,
                timeout_graceful_shutdown=10, log_level="info")
    return EXIT_OK


def _cases(args: argparse.Namespace) -> int:
    from sync.hub.cases import list_cases

    found = list_cases(_engine(args))
    if args.json:
        for entry in found:
            entry.pop("content")
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    for entry in found:
        print(f"{entry['receipt_no']}  {entry['device']}  {entry['review_state']:<10}  "
              f"{entry['status'] or '-':<10}  {entry['title'] or ''}")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from sync.hub import auth, blobs, feed

    if args.command == "serve":
        return _serve(args)
    if args.command == "cases":
        return _cases(args)
    if args.command == "user" and args.action == "add":
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError("--password-stdin: no password on standard input")
        auth.add_user(_engine(args), args.name, args.role, password)
        print(f"user {args.name} added ({args.role})", file=sys.stderr)
    elif args.command == "user":
        auth.disable_user(_engine(args), args.name)
        print(f"user {args.name} disabled", file=sys.stderr)
    elif args.command == "device":
        auth.revoke_device(_engine(args), args.code)
        print(f"device {args.code} revoked", file=sys.stderr)
    elif args.command == "attachment":
        data = blobs.read(_engine(args), args.sha256.lower())
        if data is None:
            raise UsageError(f"the hub does not hold attachment {args.sha256}")
        Path(args.out).write_bytes(data)
    elif args.command == "review":
        change = feed.review(_engine(args), receipt_no=args.receipt_no, state=args.state,
                             note=args.note, epeople_no=args.epeople_no, actor="cli")
        print(f"{change['receipt_no']}: {change['review_state']}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from sync.hub.db import StoreUnavailable
    from sync.hub.migrations import SchemaTooNew

    try:
        return _run(args)
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
