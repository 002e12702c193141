"""The ``fieldbus`` command line: the contract scripts and tests rely on.

Exit codes: 0 success; 2 invalid input or unknown record (one clear line on stderr,
nothing saved); 3 the store cannot be opened (missing, key, newer version, keyring);
4 sign-in refused or not allowed for this role; 5 the disk refused a write (nothing
reported saved is lost); 6 sync left records waiting for the hub; 1 anything else.
Start-up stays light: heavy modules are imported by the commands that need them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from fieldbus import __version__

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_STORE, EXIT_AUTH, EXIT_DISK = 0, 1, 2, 3, 4, 5
EXIT_PENDING = 6  # sync: records are still waiting for the hub (unreachable, or some left)


class UsageError(Exception):
    """A problem with how the command was called (exit 2)."""


def _data_dir(args: argparse.Namespace) -> Path:
    """The store folder; with ``--training``, the training store beside it."""
    if args.data_dir:
        found = Path(args.data_dir).expanduser()
    elif os.environ.get("FIELDBUS_DATA_DIR"):
        found = Path(os.environ["FIELDBUS_DATA_DIR"]).expanduser()
    else:
        import platformdirs

        found = Path(platformdirs.user_data_dir("fieldbus", appauthor=False))
    if getattr(args, "training", False):
        from fieldbus.services.training import training_dir

        return training_dir(found)
    return found


def _training_notice(store) -> None:
    if store.training:
        print(f"training store (교육용, made-up cases, never synced): {store.data_dir}",
              file=sys.stderr)


def _read_pin(args: argparse.Namespace, *, confirm: bool = False) -> str:
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


def _read_json_text(source: str) -> tuple[str, Path]:
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


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{where}: not valid JSON (line {exc.lineno} column {exc.colno}: "
                         f"{exc.msg})") from None
    except RecursionError:
        raise UsageError(f"{where}: the JSON is nested too deeply") from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _warn(warnings) -> None:
    for warning in warnings:
        print(f"warning: {warning.field}: {warning.message}", file=sys.stderr)


class Session:
    """An open store and the officer signed in to it, for one command.

    Opening needs the officer's PIN (``--officer``/``FIELDBUS_OFFICER``, ``FIELDBUS_PIN``
    or a prompt): the store's key is unwrapped with it (docs/security.md §2)."""

    def __init__(self, args: argparse.Namespace) -> None:
        from fieldbus.store.store import Store

        name = args.signin_officer or os.environ.get("FIELDBUS_OFFICER") or None
        pin = _read_pin(args)
        if getattr(args, "training", False):
            from fieldbus.services.training import open_training

            self.store = open_training(_data_dir(args), officer=name, pin=pin)
        else:
            self.store = Store.open(_data_dir(args), officer=name, pin=pin)
        self.officer = self.store.officer
        _training_notice(self.store)
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


def _purge_due(store, officer) -> None:
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


def _now():
    from datetime import datetime

    from fieldbus.domain.deadlines import KST

    return datetime.now(KST)


# -- commands -------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace) -> int:
    from fieldbus.store.store import Store, recovery_key_from

    if args.device is None and not args.training:
        raise UsageError("setup: --device is needed (this laptop's code, 2–6 of A–Z/0–9)")
    pin = _read_pin(args, confirm=True)
    recovery = recovery_key_from(args.recovery_key)
    if args.training:
        from fieldbus.services.training import TRAINING_DEVICE, create_training

        if args.device is not None:
            print(f"note: a training store numbers its receipts {TRAINING_DEVICE}-…; "
                  f"--device {args.device} is not used", file=sys.stderr)
        store = create_training(_data_dir(args), officer=args.officer, pin=pin, role=args.role,
                                recovery_key=recovery)
    else:
        store = Store.create(_data_dir(args), device=args.device, officer=args.officer,
                             pin=pin, role=args.role, recovery_key=recovery)
    with store:
        _training_notice(store)
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
    return os.environ.get("FIELDBUS_NEW_PIN") or _read_pin(
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
        _print_json([{"name": o.name, "role": o.role} for o in officers])
    else:
        for o in officers:
            print(f"{o.name}\t{o.role}")
    return EXIT_OK


def cmd_visit_open(args: argparse.Namespace) -> int:
    from fieldbus.domain.intake import parse_date
    from fieldbus.store import visits

    day = parse_date(args.date, field="date") if args.date else None
    with Session(args) as s:
        visit = visits.open_visit(s.store, s.officer, venue=args.venue, region=args.region,
                                  day=day, team=tuple(args.team or ()))
    if args.json:
        from fieldbus.domain.serialize import visit_json

        _print_json(visit_json(visit))
    else:
        print(f"visit opened: {visit.day.isoformat()} {visit.venue} ({visit.region})")
    return EXIT_OK


def cmd_visit_close(args: argparse.Namespace) -> int:
    from fieldbus.store import visits

    with Session(args) as s:
        visit = visits.close_visit(s.store, s.officer)
    print(f"visit closed: {visit.day.isoformat()} {visit.venue}")
    return EXIT_OK


def cmd_complaint_add(args: argparse.Namespace) -> int:
    from fieldbus.domain.serialize import complaint_json
    from fieldbus.services.intake.importer import draft_from
    from fieldbus.store import complaints

    text, base_dir = _read_json_text(args.file)
    draft, warnings = draft_from(_parse_json(text, args.file), base_dir=base_dir, now=_now())
    with Session(args) as s:
        complaint = complaints.add(s.store, draft, s.officer)
        _warn(warnings)
        if args.json:
            _print_json(complaint_json(complaint, viewer=s.officer, reveal=True))
        else:
            print(complaint.receipt_no)
    return EXIT_OK


def cmd_complaint_import(args: argparse.Namespace) -> int:
    """JSON Lines; a receipt number is printed only once its batch is committed."""
    from fieldbus.services.intake import importer
    from fieldbus.domain.serialize import complaint_json

    path = None if args.file == "-" else Path(args.file)
    try:
        stream = sys.stdin.buffer if path is None else path.open("rb")
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read: {exc.strerror}") from None
    base_dir = Path.cwd() if path is None else path.resolve().parent

    with importer.validation_worker(importer.worth_a_worker(path)) as worker, \
            Session(args) as s, stream:
        def saved(batch) -> None:
            for complaint in batch:
                if args.json:
                    sys.stdout.write(json.dumps(complaint_json(
                        complaint, viewer=s.officer, reveal=False), ensure_ascii=False) + "\n")
                else:
                    sys.stdout.write(complaint.receipt_no + "\n")
            sys.stdout.flush()

        def problem(number: int, message: str) -> None:
            print(f"line {number}: {message}", file=sys.stderr)

        report = importer.import_lines(s.store, s.officer, stream, base_dir=base_dir,
                                       worker=worker, on_saved=saved, on_problem=problem)
    if report.bad:
        print(f"{report.bad} line(s) were not imported", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _print_complaint(data: dict) -> None:
    petitioner = data["petitioner"] or {}
    lines = [
        ("receipt", data["receipt_no"]),
        ("kind", data["kind"]),
        ("title", data["title"]),
        ("agency", data["agency"]),
        ("region", data["region"]),
        ("received", data["received_at"]),
        ("deadline", data["deadline"]),
        ("status", data["status"]),
        ("sync", data["sync_state"]),
        ("review", (data["review"] or {}).get("state") or "-"),
        ("petitioner", "sealed" if petitioner.get("sealed") else
         " ".join(str(petitioner.get(k)) for k in ("name", "phone") if petitioner.get(k))
         or "anonymous"),
    ]
    for label, value in lines:
        print(f"{label:<11} {value}")
    print()
    print(data["body"])


def cmd_complaint_show(args: argparse.Namespace) -> int:
    from fieldbus.domain.serialize import complaint_json
    from fieldbus.store import complaints

    with Session(args) as s:
        complaint = complaints.view(s.store, args.receipt, s.officer, reason=args.reason)
        data = complaint_json(complaint, viewer=s.officer, reveal=True)
    if args.json:
        _print_json(data)
    else:
        _print_complaint(data)
    return EXIT_OK


def _list_complaints(found, args, officer) -> None:
    from fieldbus.domain.serialize import complaint_json

    items = [complaint_json(c, viewer=officer, reveal=False) for c in found]
    if args.json:
        _print_json(items)
        return
    for item in items:
        name = (item["petitioner"] or {}).get("name") or "-"
        print(f"{item['receipt_no']}\t{item['received_at'][:16]}\t{item['kind']}\t"
              f"{item['status']}\t{item['sync_state']}\t{name}\t{item['title']}")


def cmd_complaint_list(args: argparse.Namespace) -> int:
    from fieldbus.domain.errors import ValidationError
    from fieldbus.domain.records import STATUSES
    from fieldbus.store import complaints

    if args.status is not None and args.status not in STATUSES:
        raise ValidationError("status", f"must be one of {', '.join(STATUSES)}", code="status")
    with Session(args) as s:
        found = complaints.listing(s.store, s.officer, limit=args.limit, status=args.status)
        _list_complaints(found, args, s.officer)
    return EXIT_OK


def cmd_complaint_edit(args: argparse.Namespace) -> int:
    from fieldbus.store import complaints

    text, _ = _read_json_text(args.file)
    patch = _parse_json(text, args.file)
    with Session(args) as s:
        complaint, warnings = complaints.edit(s.store, args.receipt, patch, s.officer)
    _warn(warnings)
    print(f"{complaint.receipt_no} version {complaint.version}")
    return EXIT_OK


def cmd_counsel_add(args: argparse.Namespace) -> int:
    from fieldbus.domain.intake import parse_counsel
    from fieldbus.domain.serialize import counsel_json
    from fieldbus.store import counsel

    text, _ = _read_json_text(args.file)
    now = _now()
    draft, warnings = parse_counsel(_parse_json(text, args.file), now=now)
    with Session(args) as s:
        session = counsel.add(s.store, draft, s.officer)
        _warn(warnings)
        data = counsel_json(session, viewer=s.officer, reveal=True, today=now.date())
    if args.json:
        _print_json(data)
    else:
        print(session.number)
        _deadline_notice(data)
    return EXIT_OK


def _deadline_notice(data: dict) -> None:
    status = data.get("appeal_status")
    if status == "past":
        print(f"warning: the appeal deadline {data['appeal_deadline']} has passed",
              file=sys.stderr)
    elif status == "near":
        print(f"warning: the appeal deadline {data['appeal_deadline']} is in "
              f"{data['appeal_days_left']} day(s)", file=sys.stderr)


def cmd_counsel_show(args: argparse.Namespace) -> int:
    from fieldbus.domain.serialize import counsel_json
    from fieldbus.store import counsel

    with Session(args) as s:
        session = counsel.view(s.store, args.id, s.officer, reason=args.reason)
        data = counsel_json(session, viewer=s.officer, reveal=True, today=_now().date())
    if args.json:
        _print_json(data)
        return EXIT_OK
    print(f"session     {data['id']}")
    print(f"appellant   {data['appellant']['name']}")
    print(f"disposition {data['disposition']['title']} ({data['disposition']['agency']}, "
          f"{data['disposition']['disposed_on']})")
    print(f"deadline    {data['appeal_deadline']} ({data['appeal_days_left']} days left)")
    print(f"counsel     {data['counsel']['name']} ({data['counsel']['qualification']})")
    print(f"outcome     {data['outcome']}")
    if data["notes"] is not None:
        print(f"\n{data['notes']}")
    elif data["notes_withheld"]:
        print("\n(advice notes: counsel and supervisors only)")
    _deadline_notice(data)
    return EXIT_OK


def cmd_counsel_list(args: argparse.Namespace) -> int:
    from fieldbus.domain.serialize import counsel_json
    from fieldbus.store import counsel

    today = _now().date()
    with Session(args) as s:
        items = [counsel_json(x, viewer=s.officer, reveal=False, today=today)
                 for x in counsel.listing(s.store, s.officer, limit=args.limit)]
    if args.json:
        _print_json(items)
    else:
        for item in items:
            print(f"{item['id']}\t{item['appeal_deadline']}\t{item['appeal_status']}\t"
                  f"{item['appellant']['name']}\t{item['disposition']['title']}")
    return EXIT_OK


def _pdf_file(path: Path):
    """Deliver a PDF to ``path`` whole or not at all, readable by its owner only (0600:
    it is the complaint in plain text). An unwritable path is a usage error, raised inside
    the print's transaction, so the print is neither counted nor audited."""

    def deliver(pdf: bytes) -> None:
        from fieldbus.store.private_files import write_private

        try:
            write_private(path, pdf)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write: {exc.strerror}") from None

    return deliver


def _printed(printed, where: str) -> None:
    what = f"{printed.layout} {printed.copy} copy, {printed.pages} page(s)"
    if printed.issue.reissue:
        what += f", reissue (print {printed.issue.number})"
    print(f"{printed.number}: {where} ({what})")
    if printed.substituted:
        import unicodedata

        codes = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip()
                          for c in dict.fromkeys(printed.substituted))
        print(f"warning: {len(printed.substituted)} character(s) that no receipt font has "
              f"were printed as their code: {codes}", file=sys.stderr)


def _delivery(args: argparse.Namespace):
    """Where a receipt goes: a PDF file, or a printer through Qt (imported only then)."""
    if args.printer is None:
        return _pdf_file(Path(args.out)), args.out
    from fieldbus.ui.printing.printer import deliver_to_printer

    name = None if args.printer == "default" else args.printer
    return deliver_to_printer(name, roll80=args.layout == "roll80"), f"printer {args.printer}"


def cmd_receipt(args: argparse.Namespace) -> int:
    from fieldbus.receipts.issue import print_complaint

    deliver, where = _delivery(args)
    with Session(args) as s:
        printed = print_complaint(s.store, s.officer, args.receipt, layout=args.layout,
                                  copy=args.copy, deliver=deliver)
    _printed(printed, where)
    return EXIT_OK


def cmd_counsel_receipt(args: argparse.Namespace) -> int:
    from fieldbus.receipts.issue import print_counsel

    deliver, where = _delivery(args)
    with Session(args) as s:
        printed = print_counsel(s.store, s.officer, args.id, layout=args.layout,
                                deliver=deliver)
    _printed(printed, where)
    return EXIT_OK


def _print_handler(handler) -> None:
    print(" · ".join(filter(None, (handler.org, handler.name, handler.phone))))


def cmd_handler_show(args: argparse.Namespace) -> int:
    from fieldbus.store import handler

    with Session(args) as s:
        _print_handler(handler.get(s.store))
    return EXIT_OK


def cmd_handler_set(args: argparse.Namespace) -> int:
    from fieldbus.store import handler

    with Session(args) as s:
        _print_handler(handler.set_handler(s.store, s.officer, org=args.org, name=args.name,
                                           phone=args.phone))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from fieldbus.store import search

    with Session(args) as s:
        found = search.search(s.store, args.text, s.officer, limit=args.limit)
        _list_complaints(found, args, s.officer)
    return EXIT_OK


def cmd_deadline(args: argparse.Namespace) -> int:
    """``--received``: a receipt that happened (never in the future); ``--from``: the
    calculator for a planned day, any day the holiday tables cover."""
    from fieldbus.domain.deadlines import planned_deadline, statutory_deadline
    from fieldbus.domain.errors import ValidationError
    from fieldbus.domain.intake import parse_datetime

    if args.plan_from is not None:
        deadline = planned_deadline(args.kind, _planned_start(args.plan_from))
    else:
        try:
            received = parse_datetime(args.received, field="received", now=_now())
        except ValidationError as exc:
            if exc.code != "future":
                raise
            raise ValidationError("received", "is in the future: a receipt time has "
                                  "passed; for a planned day use --from", code="future") from None
        deadline = statutory_deadline(args.kind, received)
    if args.json:
        data = {
            "kind": args.kind, "rule": deadline.rule.rule, "period": deadline.rule.period,
            "unit": deadline.rule.unit, "received_at": deadline.received_at.isoformat(),
            "deadline": deadline.text, "due": deadline.due.isoformat(),
            "basis": deadline.rule.basis,
        }
        if args.plan_from is not None:
            data["planned"] = True
        _print_json(data)
    else:
        print(deadline.text)
    return EXIT_OK


def _planned_start(text: str):
    """``--from``: a day (from its start, KST) or an ISO 8601 moment (no offset: KST)."""
    from datetime import datetime

    from fieldbus.domain.deadlines import KST
    from fieldbus.domain.errors import ValidationError

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("from", "is not an ISO 8601 day or moment", code="datetime") \
            from None
    return moment.replace(tzinfo=KST) if moment.tzinfo is None else moment.astimezone(KST)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from fieldbus.store import sync as store_sync

    with Session(args) as s:
        report = s.store.verify_audit()
        vouched = store_sync.vouched(s.store)
    if not report.ok:
        print(f"audit chain broken at entry {report.first_bad}: {report.problem}",
              file=sys.stderr)
        return EXIT_ERROR
    if vouched is not None and vouched.hub_flag:
        print(f"audit chain flagged by the hub: {vouched.hub_flag}", file=sys.stderr)
        return EXIT_ERROR
    if vouched is not None and not vouched.holds:
        print(f"audit chain differs from what the hub vouched for: entry #{vouched.seq} no "
              f"longer has the hash the hub vouched for on {vouched.at[:10]} (the history "
              "was rewritten)", file=sys.stderr)
        return EXIT_ERROR
    print(f"audit chain holds: {report.entries} entries; " + (
        f"the hub vouched for entries up to #{vouched.seq} on {vouched.at[:10]}"
        if vouched is not None else "no hub has vouched for it yet"))
    return EXIT_OK


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise UsageError("--password-stdin: no password on standard input")
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"hub password for {args.user}: ")
    raise UsageError("a password is needed: use --password-stdin")


def _sync_failure(exc) -> int:
    from sync.client import HubRefused, TokenRefused

    print(f"error: {exc}", file=sys.stderr)
    return EXIT_AUTH if isinstance(exc, (TokenRefused, HubRefused)) else EXIT_PENDING


def cmd_enrol(args: argparse.Namespace) -> int:
    from fieldbus.services import sync_link
    from sync.client import SyncError

    with Session(args) as s:
        password = _read_password(args)
        try:
            answer = sync_link.enrol(s.store, s.officer, hub_url=args.hub, username=args.user,
                                     password=password, ca_bundle=args.ca_bundle)
        except SyncError as exc:
            return _sync_failure(exc)
    print(f"enrolled device {answer['device']} with the hub {args.hub}; receipts' QR codes "
          f"point to {answer['public_url']}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from fieldbus.services import sync_link

    with Session(args) as s:
        result = sync_link.run(s.store, s.officer)
    counts = result.counts()
    if args.json:
        print(json.dumps(counts))
    else:
        print(", ".join(f"{k} {v}" for k, v in counts.items()))
    if result.error:
        print(f"error: {result.error}", file=sys.stderr)
        if result.error_code == "token_refused":
            return EXIT_AUTH
    if counts["quarantined"]:
        print(f"{counts['quarantined']} record(s) were refused by the hub and set aside: "
              "someone must look at them", file=sys.stderr)
    if result.audit_flag:
        print(f"warning: the hub flagged this laptop's audit log: {result.audit_flag}",
              file=sys.stderr)
    return EXIT_PENDING if result.error or counts["pending"] else EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from fieldbus.store import retention

    with Session(args) as s:
        purged = retention.purge(s.store, s.officer)
    if args.json:
        print(json.dumps({"purged": purged}))
    else:
        print(f"nothing due: cases keep personal data {retention.rule().days} days "
              "after the hub acknowledged them" if not purged else
              f"purged {len(purged)}: " + " ".join(purged))
    return EXIT_OK


def display_available(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether a window can be shown: always on Windows and macOS, with an X11 or Wayland
    display on Linux and the other Unixes."""
    if platform in ("win32", "darwin"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def cmd_status(args: argparse.Namespace) -> int:
    """No sub-command: the desktop app where there is a display, else where the store is
    and what to do next."""
    data_dir = _data_dir(args)
    if display_available():
        from fieldbus.ui.shell.app import run  # Qt only now: other commands stay light

        return run(sys.argv[:1], data_dir=data_dir, training=args.training)
    from fieldbus.store.store import Store

    if not Store.exists(data_dir):
        print(f"Fieldbus {__version__}: no store yet in {data_dir}.")
        print("Create one: fieldbus --training setup --officer NAME" if args.training else
              "Create one: fieldbus setup --officer NAME --device CODE")
    else:
        print(f"Fieldbus {__version__}: store in {data_dir}.")
        print("Commands: fieldbus --help")
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------


def _destination(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="FILE.pdf", help="save the PDF")
    where.add_argument("--printer", metavar="NAME",
                       help="print on this printer ('default' for the system's default)")


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

    def command(parent, name: str, func, help_text: str, *, json_flag: bool = False):
        p = parent.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    p = command(sub, "setup", cmd_setup, "create the encrypted store on this laptop")
    p.add_argument("--officer", required=True, help="the first officer's name")
    p.add_argument("--device", help="this laptop's code, 2–6 of A–Z/0–9 (EDU… is reserved "
                   "for training; with --training the code is EDU)")
    p.add_argument("--role", default="officer", choices=("officer", "counsel", "supervisor"))
    p.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    p.add_argument("--recovery-key", metavar="PUB.pem", help="the centre's recovery public "
                   "key from IT (else FIELDBUS_RECOVERY_KEY, else the hub's at enrolment)")

    officer = sub.add_parser("officer", help="officers on this laptop")
    osub = officer.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = command(osub, "add", cmd_officer_add, "add an officer (a supervisor signed in)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("officer", "counsel", "supervisor"))
    p.add_argument("--pin-stdin", dest="new_pin_stdin", action="store_true",
                   help="read the new officer's PIN from stdin (else FIELDBUS_NEW_PIN)")
    command(osub, "list", cmd_officer_list, "list officers", json_flag=True)
    p = command(osub, "disable", cmd_officer_disable, "stop an officer signing in here; "
                "their records and audit stay (a supervisor signed in)")
    p.add_argument("name")
    p = command(osub, "role", cmd_officer_role, "change an officer's role (a supervisor "
                "signed in)")
    p.add_argument("name")
    p.add_argument("role", choices=("officer", "counsel", "supervisor"))
    p = command(osub, "pin", cmd_officer_pin, "change your own PIN (6 to 12 digits)")
    p.add_argument("--new-pin-stdin", action="store_true",
                   help="read the new PIN from stdin (else FIELDBUS_NEW_PIN, else a prompt)")

    recovery = sub.add_parser("recovery-key", help="the centre's recovery key (IT)")
    rsub = recovery.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = command(rsub, "set", cmd_recovery_key_set, "seal the store's key to the centre's "
                "recovery public key from IT (a supervisor signed in)")
    p.add_argument("file", metavar="PUB.pem")
    p = command(sub, "recover", cmd_recover, "IT only, on its own machine with a copy of a "
                "laptop's data folder: give an officer a new PIN with the recovery private key")
    p.add_argument("--data-dir", dest="copy_dir", required=True, metavar="DIR",
                   help="a COPY of the laptop's data folder, on IT's machine")
    p.add_argument("--recovery-private-key", required=True, metavar="FILE")
    p.add_argument("--officer", dest="name", required=True, help="who gets the new PIN")
    p.add_argument("--new-pin-stdin", action="store_true",
                   help="read the new PIN from stdin (else FIELDBUS_NEW_PIN, else a prompt)")

    visit = sub.add_parser("visit", help="the bus's visit to a town")
    vsub = visit.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = command(vsub, "open", cmd_visit_open, "open today's visit", json_flag=True)
    p.add_argument("--venue", required=True)
    p.add_argument("--region", required=True)
    p.add_argument("--date", help="YYYY-MM-DD (default today)")
    p.add_argument("--team", action="append", help="a team member (repeat)")
    command(vsub, "close", cmd_visit_close, "close the open visit")

    complaint = sub.add_parser("complaint", help="complaints (민원)")
    csub = complaint.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = command(csub, "add", cmd_complaint_add, "take one complaint (intake JSON)", json_flag=True)
    p.add_argument("file", metavar="FILE|-")
    p = command(csub, "import", cmd_complaint_import, "take complaints from JSON Lines",
                json_flag=True)
    p.add_argument("file", metavar="FILE|-")
    p = command(csub, "show", cmd_complaint_show, "show one complaint (audited)", json_flag=True)
    p.add_argument("receipt")
    p.add_argument("--reason", default="cli show", help="why it is looked at (audited)")
    p = command(csub, "list", cmd_complaint_list, "list complaints, newest first", json_flag=True)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--status")
    p = command(csub, "edit", cmd_complaint_edit, "change a complaint (JSON Merge Patch)")
    p.add_argument("receipt")
    p.add_argument("file", metavar="FILE|-")

    counsel = sub.add_parser("counsel", help="state-appointed counsel sessions")
    ksub = counsel.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = command(ksub, "add", cmd_counsel_add, "record a counsel session", json_flag=True)
    p.add_argument("file", metavar="FILE|-")
    p = command(ksub, "show", cmd_counsel_show, "show one session (audited)", json_flag=True)
    p.add_argument("id")
    p.add_argument("--reason", default="cli show", help="why it is looked at (audited)")
    p = command(ksub, "list", cmd_counsel_list, "list sessions", json_flag=True)
    p.add_argument("--limit", type=int, default=None)
    p = command(ksub, "receipt", cmd_counsel_receipt,
                "print a session's confirmation to PDF (audited; a reprint is a reissue)")
    p.add_argument("id")
    _destination(p)
    p.add_argument("--layout", choices=("a4", "roll80"), default="a4")

    p = command(sub, "receipt", cmd_receipt,
                "print a complaint's receipt to PDF (audited; a reprint is a reissue)")
    p.add_argument("receipt")
    _destination(p)
    p.add_argument("--layout", choices=("a4", "roll80"), default="a4")
    p.add_argument("--copy", choices=("citizen", "office"), default="citizen",
                   help="office: A4, unmasked, with the petitioner's signature")

    handler = sub.add_parser("handler", help="who handles this team's cases (on receipts)")
    hsub = handler.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    command(hsub, "show", cmd_handler_show, "show the handler printed on receipts")
    p = command(hsub, "set", cmd_handler_set, "set the handler's 소속, 성명 and 연락처 (audited)")
    p.add_argument("--org", help="소속, e.g. 국민권익위원회 고충처리국")
    p.add_argument("--name", help="성명 (an empty value removes it)")
    p.add_argument("--phone", help="연락처, e.g. 044-200-7151 or 110")

    p = command(sub, "search", cmd_search, "search complaints (Korean, inside words)",
                json_flag=True)
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)

    p = command(sub, "deadline", cmd_deadline, "the statutory deadline for a kind",
                json_flag=True)
    p.add_argument("kind")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--received", help="ISO 8601 moment of receipt (never in the future)")
    when.add_argument("--from", dest="plan_from", metavar="DAY|ISO8601",
                      help="a planned receipt: any day the holiday tables cover, future "
                      "included (a day alone counts from its start)")

    p = command(sub, "enrol", cmd_enrol, "register this laptop with the hub (the device "
                "token goes to the OS keyring)")
    p.add_argument("--hub", required=True, metavar="URL", help="the hub's address")
    p.add_argument("--user", required=True, metavar="NAME", help="your account on the hub")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.add_argument("--ca-bundle", metavar="FILE", help="the centre's CA certificates (PEM), "
                   "kept for later syncs (else FIELDBUS_CA_BUNDLE, else the system's)")
    command(sub, "sync", cmd_sync, "push waiting records to the hub, then pull its changes "
            "(exit 6 while records are left waiting)", json_flag=True)
    command(sub, "purge", cmd_purge, "destroy personal data the retention rule says is due "
            "(also runs at every start)", json_flag=True)

    audit = sub.add_parser("audit", help="the audit log")
    asub = audit.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    command(asub, "verify", cmd_audit_verify, "check the audit hash chain")
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

    wrong_printer = getattr(exc, "code", "") in ("printer_not_found", "page_size_unsupported")
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
