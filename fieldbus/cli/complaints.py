"""``complaint add|import|show|list|edit``: complaints (민원) in and out as JSON or lines.

Parsing intake is :mod:`fieldbus.services.intake.importer`'s and saving is the store's;
here is only how a command reads its input and prints what came of it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldbus.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    Session,
    UsageError,
    add_command,
    add_reason,
    now,
    parse_json,
    print_json,
    print_warnings,
    read_json_text,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from fieldbus.domain.records import Complaint, Officer


def cmd_complaint_add(args: argparse.Namespace) -> int:
    from fieldbus.domain.errors import ValidationError
    from fieldbus.domain.intake import parse_complaint
    from fieldbus.domain.serialize import complaint_json
    from fieldbus.services.intake.draft import with_visit_region
    from fieldbus.services.intake.importer import draft_from
    from fieldbus.store import complaints

    text, base_dir = read_json_text(args.file)
    data = parse_json(text, args.file)
    # Without a region the open visit's is taken (issue 12). That needs the store: the
    # rest is checked before signing in all the same (with a stand-in region).
    wants_region = isinstance(data, dict) and not str(data.get("region") or "").strip()
    if wants_region:
        parse_complaint({**data, "region": "-"}, now=now())
    else:
        draft, warnings = draft_from(data, base_dir=base_dir, now=now())
    with Session(args) as s:
        if wants_region:
            data, notice = with_visit_region(data, s.store)
            if notice is None:
                raise ValidationError("region", "is required (no visit is open to take it "
                                      "from)", code="required")
            draft, warnings = draft_from(data, base_dir=base_dir, now=now())
            warnings = [notice, *warnings]
        complaint = complaints.add(s.store, draft, s.officer)
        print_warnings(warnings)
        if args.json:
            print_json(complaint_json(complaint, viewer=s.officer, reveal=True))
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
    if report.took_visit_region:  # once, not a warning a line (the same words as `add`'s)
        print(f"warning: region: {report.took_visit_region} line(s) without one: the open "
              f"visit's region, {report.region}", file=sys.stderr)
    if report.bad:
        print(f"{report.bad} line(s) were not imported", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _print_complaint(data: dict[str, Any]) -> None:
    petitioner = data["petitioner"] or {}
    lines = [
        ("receipt", data["receipt_no"]),
        ("kind", data["kind"]),
        ("title", data["title"]),
        ("agency", data["agency"]),
        ("region", data["region"]),
        ("received", data["received_at"]),
        ("deadline", data["deadline"] or "none (no name and address: not a 민원, "
         "no statutory period)"),
        ("status", data["status"]),
        ("sync", data["sync_state"]),
        ("review", (data["review"] or {}).get("state") or "-"),
        ("petitioner", "sealed" if petitioner.get("sealed") else
         " ".join(str(petitioner.get(k)) for k in ("name", "phone") if petitioner.get(k))
         or "anonymous"),
    ]
    if petitioner.get("identity_disclosure"):  # a reporter's answer: supervisors only (sealed)
        lines.append(("identity", {"agreed": "신분공개 동의 (disclosure agreed)",
                                   "refused": "신분공개 동의하지 않음 (disclosure refused)"}
                      [petitioner["identity_disclosure"]]))
    oral = data.get("oral_report")
    if oral:
        lines.append(("oral", f"read back to the reporter {oral.get('at', '')}".rstrip()))
    lines += _guidance_lines(data)
    for label, value in lines:
        print(f"{label:<11} {value}")
    print()
    print(data["body"])


def _guidance_lines(data: dict[str, Any]) -> list[tuple[str, str]]:
    """민원처리법 시행령 제6조④ as told: given values, else the kind's default (marked)."""
    from fieldbus.domain import receipt_content
    from fieldbus.domain.records import Guidance

    told = receipt_content.told(data["kind"], Guidance(**(data.get("guidance") or {})))

    def mark(key: str, text: str) -> str:
        return f"{text} (default)" if key in told.defaults else text

    documents = mark("documents", told.documents)
    if told.documents_missing:
        documents += f": {told.documents_missing}"
    return [("documents", documents), ("procedure", mark("procedure", told.procedure)),
            ("site check", mark("site_check", told.site_check))]


def cmd_complaint_show(args: argparse.Namespace) -> int:
    from fieldbus.domain.serialize import complaint_json
    from fieldbus.store import complaints

    with Session(args) as s:
        complaint = complaints.view(s.store, args.receipt, s.officer, reason=args.reason)
        data = complaint_json(complaint, viewer=s.officer, reveal=True)
    if args.json:
        print_json(data)
    else:
        _print_complaint(data)
    return EXIT_OK


def print_list(found: Iterable[Complaint], args: argparse.Namespace, officer: Officer) -> None:
    """Complaints masked, as ``--json`` or one tab-separated line each (``complaint list``;
    ``search`` prints the same columns and a type, :mod:`fieldbus.cli.records`)."""
    from fieldbus.domain.serialize import complaint_json

    items = [complaint_json(c, viewer=officer, reveal=False) for c in found]
    if args.json:
        print_json(items)
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
        print_list(found, args, s.officer)
    return EXIT_OK


def cmd_complaint_edit(args: argparse.Namespace) -> int:
    from fieldbus.store import complaints

    text, _ = read_json_text(args.file)
    patch = parse_json(text, args.file)
    with Session(args) as s:
        complaint, warnings = complaints.edit(s.store, args.receipt, patch, s.officer,
                                              reason=args.reason)
    print_warnings(warnings)
    print(f"{complaint.receipt_no} version {complaint.version}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    complaint = sub.add_parser("complaint", help="complaints (민원)")
    csub = complaint.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = add_command(csub, "add", cmd_complaint_add, "take one complaint (intake JSON)",
                    json_flag=True)
    p.add_argument("file", metavar="FILE|-")
    p = add_command(csub, "import", cmd_complaint_import, "take complaints from JSON Lines",
                    json_flag=True)
    p.add_argument("file", metavar="FILE|-")
    p = add_command(csub, "show", cmd_complaint_show, "show one complaint (audited)",
                    json_flag=True)
    p.add_argument("receipt")
    add_reason(p)
    p = add_command(csub, "list", cmd_complaint_list, "list complaints, newest first",
                    json_flag=True)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--status")
    p = add_command(csub, "edit", cmd_complaint_edit, "change a complaint (JSON Merge Patch)")
    p.add_argument("receipt")
    p.add_argument("file", metavar="FILE|-")
    p.add_argument("--reason", default=None,
                   help="why it is corrected (kept in the audit log and the case's history; "
                        "the window always asks)")
