"""``visit open|close``: the bus's day in one town, which the day's complaints belong to."""

from __future__ import annotations

import argparse

from fieldbus.cli.common import EXIT_OK, Session, add_command, print_json


def cmd_visit_open(args: argparse.Namespace) -> int:
    from fieldbus.domain.intake import parse_date
    from fieldbus.store import visits

    day = parse_date(args.date, field="date") if args.date else None
    with Session(args) as s:
        visit = visits.open_visit(s.store, s.officer, venue=args.venue, region=args.region,
                                  day=day, team=tuple(args.team or ()))
    if args.json:
        from fieldbus.domain.serialize import visit_json

        print_json(visit_json(visit))
    else:
        print(f"visit opened: {visit.day.isoformat()} {visit.venue} ({visit.region})")
    return EXIT_OK


def cmd_visit_close(args: argparse.Namespace) -> int:
    from fieldbus.store import visits

    with Session(args) as s:
        visit = visits.close_visit(s.store, s.officer)
    print(f"visit closed: {visit.day.isoformat()} {visit.venue}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    visit = sub.add_parser("visit", help="the bus's visit to a town")
    vsub = visit.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    p = add_command(vsub, "open", cmd_visit_open, "open today's visit", json_flag=True)
    p.add_argument("--venue", required=True)
    p.add_argument("--region", required=True)
    p.add_argument("--date", help="YYYY-MM-DD (default today)")
    p.add_argument("--team", action="append", help="a team member (repeat)")
    add_command(vsub, "close", cmd_visit_close, "close the open visit")
