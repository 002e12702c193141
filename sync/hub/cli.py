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
    serve.add_argument("--public-rate", metavar="RATE", default=protocol.PUBLIC_RATE,
                       help="how often one client may open the public pages before a 429, "
                       "e.g. 60/minute (default %(default)s)")
    serve.add_argument("--recovery-public-key", metavar="FILE", help="the centre's recovery "
                       "public key, sent to laptops at enrolment (else FIELDBUS_HUB_RECOVERY_KEY)")
    _epeople_link(serve)

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

    epeople = commands.add_parser("epeople", help="the hand-off of forwarded cases to e-People")
    steps = epeople.add_subparsers(dest="epeople_command", required=True)
    export = steps.add_parser("export", help="write the queued cases into one batch file for "
                              "an operator to register (audited)")
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--by", required=True, metavar="USER")
    _epeople_link(steps.add_parser("run", help="send the due cases through the e-People API "
                                   "once, and bring its news in"))
    record_no = steps.add_parser("record", help="record the 신청번호 e-People gave a case")
    record_no.add_argument("receipt_no")
    record_no.add_argument("epeople_no", metavar="1AA-YYMM-NNNNNNN")
    record_no.add_argument("--by", required=True, metavar="USER")
    steps.add_parser("retry", help="send a failed case again").add_argument("receipt_no")
    steps.add_parser("queue", help="list the hand-off: state, tries, last error").add_argument(
        "--json", action="store_true")

    told = commands.add_parser("notices", help="the notices owed to petitioners: send the due "
                               "ones, list them")
    told_steps = told.add_subparsers(dest="notices_command", required=True)
    send = told_steps.add_parser("run", help="queue the progress notices whose period has "
                                 "come, then send what is due: files in --folder for staff "
                                 "to send (SMS text, e-mail, letter PDF), e-mail by --smtp")
    send.add_argument("--folder", required=True, metavar="DIR")
    send.add_argument("--smtp", metavar="HOST:PORT", help="send e-mail through this server")
    send.add_argument("--smtp-from", metavar="ADDRESS", default="noreply@localhost")
    send.add_argument("--smtp-starttls", action="store_true")
    told_steps.add_parser("queue", help="list the notices: kind, channel, state, tries, "
                          "last error").add_argument("--json", action="store_true")

    blob = commands.add_parser("attachment", help="write a stored attachment's bytes")
    blob.add_argument("sha256")
    blob.add_argument("--out", required=True, metavar="FILE")

    review = commands.add_parser(
        "review", help="take a review step on a case (return, approve, reject, forward, "
        "extend, transfer, assign, close)")
    review.add_argument("receipt_no")
    which = review.add_mutually_exclusive_group(required=True)
    which.add_argument("--action", choices=protocol.REVIEW_ACTIONS)
    which.add_argument("--state", choices=("has_issues", "approved", "rejected"),
                       help="the first command's way: has_issues = return, approved = "
                       "approve, rejected = reject")
    review.add_argument("--by", metavar="USER", help="the supervisor taking the step (a hub "
                        "user with the supervisor role; needed with --action)")
    review.add_argument("--note")
    review.add_argument("--agency")
    review.add_argument("--epeople-no")
    review.add_argument("--new-deadline", metavar="YYYY-MM-DD")
    review.add_argument("--citizen-consent", action="store_true",
                        help="the citizen consented to a second extension")
    review.add_argument("--handler-org")
    review.add_argument("--handler-name")
    review.add_argument("--handler-phone")
    review.add_argument("--answered-on", metavar="YYYY-MM-DD")
    review.add_argument("--if-match", type=int, metavar="VERSION",
                        help="refuse the step unless the case is at this version")
    review.add_argument("--json", action="store_true", help="print the change as JSON")
    return parser


def _engine(args: argparse.Namespace):
    from sync.hub.db import connect, default_url

    return connect(args.db or default_url())


def _epeople_link(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--epeople-url", metavar="URL", default=os.environ.get(
        "FIELDBUS_EPEOPLE_URL"), help="e-People's API, when one is granted (else "
        "FIELDBUS_EPEOPLE_URL; without one, forwarded cases wait for `epeople export`)")
    parser.add_argument("--epeople-token-file", metavar="FILE", default=os.environ.get(
        "FIELDBUS_EPEOPLE_TOKEN_FILE"), help="the API's token (else FIELDBUS_EPEOPLE_TOKEN_FILE)")


def _epeople_connector(args: argparse.Namespace):
    if not args.epeople_url:
        return None
    from sync.hub.epeople.api import ApiConnector

    if not args.epeople_token_file:
        raise UsageError("--epeople-token-file is needed with --epeople-url")
    try:
        token = Path(args.epeople_token_file).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UsageError(f"cannot read the e-People token: {exc.strerror}") from None
    return ApiConnector(args.epeople_url, token)


def _rate(text: str) -> str:
    from limits import parse

    try:
        parse(text)
    except ValueError:
        raise UsageError(f"--public-rate {text!r} is not a rate such as 60/minute") from None
    return text


def _supervisor(engine, name: str) -> str:
    from sync.hub import auth

    user = auth.find_user(engine, name)
    if user is None or user["disabled"] or user["role"] != "supervisor":
        raise UsageError(f"{name} is not an active supervisor on this hub")
    return name


def _epeople(args: argparse.Namespace) -> int:
    from sync.hub.epeople import queue
    from sync.hub.epeople.connector import Refused

    engine = _engine(args)
    if args.epeople_command == "export":
        from sync.hub.epeople.export import export_batch

        done = export_batch(engine, Path(args.out), actor=_supervisor(engine, args.by))
        print("nothing waits for e-People" if done is None else
              f"{done[1]} case(s) in {done[0]} — register them, then "
              "`fieldbus-hub epeople record RECEIPT 1AA-YYMM-NNNNNNN --by USER`",
              file=sys.stderr)
    elif args.epeople_command == "run":
        connector = _epeople_connector(args)
        if connector is None:
            raise UsageError("no e-People API configured (--epeople-url, FIELDBUS_EPEOPLE_URL)")
        tally = queue.run_due(engine, connector)
        changed = queue.poll_statuses(engine, connector)
        print(", ".join(f"{k} {v}" for k, v in sorted(tally.items())) or "nothing due",
              f"— {changed} status change(s)", file=sys.stderr)
    elif args.epeople_command == "record":
        try:
            outcome = queue.record_number(engine, args.receipt_no, args.epeople_no,
                                          actor=_supervisor(engine, args.by))
        except Refused as exc:
            raise UsageError(str(exc)) from None
        print(f"{args.receipt_no}: {outcome.replace('_', ' ')}", file=sys.stderr)
    elif args.epeople_command == "retry":
        queue.retry(engine, args.receipt_no)
    else:
        found = queue.listing(engine)
        if args.json:
            return _print_json(found)
        for item in found:
            print(escape_controls(
                f"{item['receipt_no']}  {item['state']:<8}  {item['agency']}  "
                f"tries {item['attempts']}  {item['epeople_no'] or '-'}"
                + (f"  next {item['next_at']}" if item["state"] == "queued" else "")
                + (f"  last error: {item['last_error']}" if item["last_error"] else "")))
    return EXIT_OK


def _notices(args: argparse.Namespace) -> int:
    from sync.hub import notice_senders, notices

    engine = _engine(args)
    if args.notices_command == "run":
        folder = notice_senders.FolderSender(Path(args.folder))
        senders: dict = {"sms": folder, "email": folder, "post": folder}
        if args.smtp:
            host, _, port = args.smtp.rpartition(":")
            if not host or not port.isdigit():
                raise UsageError("--smtp is HOST:PORT")
            senders["email"] = notice_senders.SmtpSender(host, int(port), args.smtp_from,
                                                         starttls=args.smtp_starttls)
        queued = notices.schedule_progress(engine)
        tally = notices.run_due(engine, senders)
        print(", ".join(f"{k} {v}" for k, v in sorted(tally.items())) or "nothing due",
              f"— {queued} progress notice(s) queued", file=sys.stderr)
        return EXIT_OK
    found = notices.listing(engine)
    if args.json:
        return _print_json(found)
    for item in found:
        print(escape_controls(
            f"{item['receipt_no']}  {item['kind']:<9}  {item['channel'] or '-':<5}  "
            f"{item['state']:<7}  tries {item['attempts']}"
            + (f"  ({item['reason']})" if item["reason"] else "")
            + (f"  last error: {item['last_error']}" if item["last_error"] else "")))
    return EXIT_OK


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
                     device_blob_quota=args.device_blob_quota * 2**20,
                     epeople=_epeople_connector(args), public_rate=_rate(args.public_rate))
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


def _review(args: argparse.Namespace) -> int:
    """One review step from the hub's own machine, for scripted work: the same checks as
    the API; ``--by`` names the supervisor it is recorded for."""
    from sync.hub import workflow

    engine = _engine(args)
    if args.action and not args.by:
        raise UsageError("--by USER is needed: the supervisor the step is recorded for")
    actor, role = "cli", "supervisor"
    if args.by:
        actor = _supervisor(engine, args.by)
    handler = {key: value for key, value in (("org", args.handler_org),
               ("name", args.handler_name), ("phone", args.handler_phone)) if value}
    step = workflow.Step(action=args.action or workflow.LEGACY_STATES[args.state],
                         note=args.note, agency=args.agency, epeople_no=args.epeople_no,
                         new_deadline=args.new_deadline, handler=handler or None,
                         citizen_consent=args.citizen_consent or None,
                         answered_on=args.answered_on, if_match=args.if_match)
    change = workflow.take(engine, args.receipt_no, step, actor=actor, role=role)
    if args.json:
        return _print_json(change)
    print(escape_controls(f"{change['receipt_no']}: {change['review_state']} (version "
                          f"{change['case_version']}"
                          + (f", deadline {change['deadline_due']}" if change['deadline_due']
                             else "") + ")"), file=sys.stderr)
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
    from sync.hub import auth, blobs

    if args.command == "serve":
        return _serve(args)
    if args.command == "purge":
        return _purge(args)
    if args.command == "notices":
        return _notices(args)
    if args.command == "epeople":
        return _epeople(args)
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
        return _review(args)
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
