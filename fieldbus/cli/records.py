"""Questions asked across the records: ``search``, ``deadline`` (the statutory calculator,
which needs no store), ``calendar`` (the working days and hours that calculator counts in)
and ``audit verify`` (the hash chain, and what the hub vouched for).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from fieldbus.cli.common import EXIT_ERROR, EXIT_OK, Session, add_command, now, print_json


#: The type of a search result: its ``type`` in ``--json``, its last column in the lines.
TYPES = {"complaint": "민원", "counsel_session": "상담"}


def cmd_search(args: argparse.Namespace) -> int:
    """Complaints, then counsel sessions (up to ``--limit`` of each, newest first), masked
    as in their listings; a session's advice notes are never shown (``counsel show``)."""
    from fieldbus.domain.serialize import complaint_json, counsel_json
    from fieldbus.store import search

    with Session(args) as s:
        found = search.search_all(s.store, args.text, s.officer, limit=args.limit)
        items = [{**complaint_json(c, viewer=s.officer, reveal=False), "type": "complaint"}
                 for c in found.complaints]
        items += [{**counsel_json(x, viewer=s.officer, reveal=False), "notes": None,
                   "notes_withheld": x.draft.notes is not None, "type": "counsel_session"}
                  for x in found.counsel]
    if args.json:
        print_json(items)
        return EXIT_OK
    for item in items:
        if item["type"] == "complaint":
            # the columns of ``complaint list``, then the type
            name = (item["petitioner"] or {}).get("name") or "-"
            columns = [item["receipt_no"], item["received_at"][:16], item["kind"],
                       item["status"], item["sync_state"], name, item["title"]]
        else:
            disposition = item["disposition"]
            columns = [item["id"], item["created_at"][:16], "counsel", item["outcome"],
                       item["sync_state"], item["appellant"]["name"] or "-",
                       f"{disposition['title']} ({disposition['agency']})"]
        print("\t".join([*columns, TYPES[item["type"]]]))
    return EXIT_OK


def cmd_deadline(args: argparse.Namespace) -> int:
    """``--received``: a receipt that happened (never in the future); ``--from``: the
    calculator for a planned day, any day the holiday tables cover."""
    from sync.deadlines import planned_deadline, statutory_deadline
    from fieldbus.domain.errors import ValidationError
    from fieldbus.domain.intake import parse_datetime

    if args.plan_from is not None:
        deadline = planned_deadline(args.kind, _planned_start(args.plan_from))
    else:
        try:
            received = parse_datetime(args.received, field="received", now=now())
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
            "basis": deadline.rule.basis, "statutory": deadline.statutory,
        }
        if args.plan_from is not None:
            data["planned"] = True
        print_json(data)
    else:
        print(deadline.text)
        if not deadline.statutory:
            print("(internal target, not a statutory period: " + deadline.rule.basis + ")",
                  file=sys.stderr)
    return EXIT_OK


_WEEKDAYS = "월화수목금토일"


def cmd_calendar(args: argparse.Namespace) -> int:
    """Each day of a month as the deadline calculator sees it: 근무일 or 휴일, the holiday's
    name and the table it comes from, and the working hours counted."""
    from sync import deadlines
    from fieldbus.domain.errors import ValidationError

    if args.month is None:
        year, month = deadlines.kst_today().year, deadlines.kst_today().month
    else:
        try:
            year_text, month_text = args.month.strip().split("-")
            year, month = int(year_text), int(month_text)
            if len(year_text) != 4 or not 1 <= month <= 12:
                raise ValueError
        except ValueError:
            raise ValidationError("month", "must be YYYY-MM", code="month") from None
    first, last = deadlines.holidays_covered()
    if not first.year <= year <= last.year:
        raise ValidationError("month", f"the holiday tables cover {first.year} to {last.year}",
                              code="beyond_holiday_tables")
    counting = deadlines.counting()
    days = deadlines.calendar_month(year, month)
    periods = [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in counting.work_periods]
    hours = ", ".join(f"{s}–{e}" for s, e in periods)
    working_basis = counting.working_hours.basis if counting.working_hours else ""
    counting_basis = counting.law.basis if counting.law else ""
    if args.json:
        print_json({
            "month": f"{year:04d}-{month:02d}",
            "work_periods": periods,
            "hours_per_day": counting.hours_per_day,
            "working_hours_basis": working_basis,
            "counting_basis": counting_basis,
            "days": [{
                "date": d.day.isoformat(), "weekday": _WEEKDAYS[d.day.weekday()],
                "working": d.working, "status": "근무일" if d.working else "휴일",
                "holiday": d.holiday, "source": d.source,
            } for d in days],
        })
        return EXIT_OK
    print(f"{year:04d}-{month:02d}  근무시간 {hours} (1일 {counting.hours_per_day}시간)")
    print(f"  근무시간: {working_basis}")
    print(f"  계산: {counting_basis}")
    for d in days:
        status = "근무일" if d.working else "휴일"
        if d.holiday is not None:
            table = "holidays 패키지" if d.source == "holidays" else "holidays-extra.json"
            why = f"{d.holiday or '공휴일'} ({table})"
        elif d.weekend:
            why = "토요일" if d.day.weekday() == 5 else "일요일"
        else:
            why = ""
        print(f"{d.day.isoformat()} {_WEEKDAYS[d.day.weekday()]} {status}  {why}".rstrip())
    return EXIT_OK


def _planned_start(text: str) -> datetime:
    """``--from``: a day (from its start, KST) or an ISO 8601 moment (no offset: KST)."""
    from sync.deadlines import KST
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


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """``search`` and ``deadline`` (``audit`` comes last in the help: :func:`add_audit_parsers`)."""
    p = add_command(sub, "search", cmd_search, "search complaints and counsel sessions "
                    "(Korean, inside words; phone digits, receipt numbers)", json_flag=True)
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)

    p = add_command(sub, "deadline", cmd_deadline, "the statutory deadline for a kind",
                    json_flag=True)
    p.add_argument("kind")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--received", help="ISO 8601 moment of receipt (never in the future)")
    when.add_argument("--from", dest="plan_from", metavar="DAY|ISO8601",
                      help="a planned receipt: any day the holiday tables cover, future "
                      "included (a day alone counts from its start)")

    p = add_command(sub, "calendar", cmd_calendar, "the working days and hours deadlines "
                    "are counted in (holidays from the holidays package and "
                    "holidays-extra.json)", json_flag=True)
    p.add_argument("month", nargs="?", metavar="YYYY-MM", help="the month (default: this one)")


def add_audit_parsers(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="the audit log")
    asub = audit.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    add_command(asub, "verify", cmd_audit_verify, "check the audit hash chain")
