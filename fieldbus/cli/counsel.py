"""``counsel add|show|list|receipt``: sessions with state-appointed counsel.

What is particular here is the appeal deadline: every command that shows a session warns
on stderr when the appeal deadline is near or past, and ``show`` names the rule of
행정심판법 제27조 that gave it (or that none applies, ⑦). The optional 제27조 answers
(``disposition.appeal_kind``, ``period_notice``, ``announced_days``,
``force_majeure_ended_on``, ``abroad``) and ``eligibility.shared_info_consent`` come in the
JSON ``add`` takes (resources/schemas/counsel-intake.schema.json). ``counsel receipt`` is a receipt
command and lives in :mod:`fieldbus.cli.receipts` with the complaint's.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from fieldbus.cli import receipts
from fieldbus.cli.common import (
    EXIT_OK,
    Session,
    add_command,
    add_reason,
    now,
    parse_json,
    print_json,
    print_warnings,
    read_json_text,
)


def cmd_counsel_add(args: argparse.Namespace) -> int:
    from fieldbus.domain.intake import parse_counsel
    from fieldbus.domain.serialize import counsel_json
    from fieldbus.store import counsel

    text, _ = read_json_text(args.file)
    moment = now()
    draft, warnings = parse_counsel(parse_json(text, args.file), now=moment)
    with Session(args) as s:
        session = counsel.add(s.store, draft, s.officer)
        print_warnings(warnings)
        data = counsel_json(session, viewer=s.officer, reveal=True, today=moment.date())
    if args.json:
        print_json(data)
    else:
        print(session.number)
        _deadline_notice(data)
    return EXIT_OK


def _deadline_notice(data: dict[str, Any]) -> None:
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
        data = counsel_json(session, viewer=s.officer, reveal=True, today=now().date())
    if args.json:
        print_json(data)
        return EXIT_OK
    print(f"session     {data['id']}")
    print(f"appellant   {data['appellant']['name']}")
    print(f"disposition {data['disposition']['title']} ({data['disposition']['agency']}, "
          f"{data['disposition']['disposed_on']})")
    if data["appeal_deadline"] is None:
        print("deadline    none (no appeal period applies)")
    else:
        print(f"deadline    {data['appeal_deadline']} ({data['appeal_days_left']} days left)")
    print(f"rule        {data['appeal_rule_text']}")
    appeal = data["disposition"]["appeal"]
    answered = {k: v for k, v in appeal.items() if v not in (None, False)}
    if answered:
        print("appeal      " + ", ".join(f"{k}={v}" for k, v in answered.items()))
    elig = data["eligibility"]
    print(f"eligibility {elig['basis']} (checked: {elig['checked_by']}; proof: {elig['proof']})")
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

    today = now().date()
    with Session(args) as s:
        items = [counsel_json(x, viewer=s.officer, reveal=False, today=today)
                 for x in counsel.listing(s.store, s.officer, limit=args.limit)]
    if args.json:
        print_json(items)
    else:
        for item in items:
            print(f"{item['id']}\t{item['appeal_deadline'] or '-'}\t{item['appeal_status']}\t"
                  f"{item['appellant']['name']}\t{item['disposition']['title']}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    counsel = sub.add_parser("counsel", help="state-appointed counsel sessions")
    ksub = counsel.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = add_command(ksub, "add", cmd_counsel_add, "record a counsel session", json_flag=True)
    p.add_argument("file", metavar="FILE|-")
    p = add_command(ksub, "show", cmd_counsel_show, "show one session (audited)",
                    json_flag=True)
    p.add_argument("id")
    add_reason(p)
    p = add_command(ksub, "list", cmd_counsel_list, "list sessions", json_flag=True)
    p.add_argument("--limit", type=int, default=None)
    receipts.add_counsel_receipt_parser(ksub)
