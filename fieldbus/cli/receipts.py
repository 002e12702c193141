"""``receipt``, ``counsel receipt`` and ``handler show|set``: what is printed for the citizen.

A receipt goes to a PDF file (whole or not at all, owner-only) or to a printer; only the
printer path imports Qt (:mod:`fieldbus.ui.printing.printer`), inside :func:`_delivery`,
so every other command stays free of it. The handler is the 소속·성명·연락처 printed on
every receipt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fieldbus.cli.common import EXIT_OK, Session, UsageError, add_command

if TYPE_CHECKING:
    from fieldbus.receipts.issue import Printed
    from fieldbus.store.handler import Handler

Deliver = Callable[[bytes], None]


def _pdf_file(path: Path) -> Deliver:
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


def _printed(printed: Printed, where: str) -> None:
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


def _delivery(args: argparse.Namespace) -> tuple[Deliver, str]:
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


def _print_handler(handler: Handler) -> None:
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


def _print_options(parser: argparse.ArgumentParser) -> None:
    """Where a receipt goes (``--out`` or ``--printer``, one of them) and its layout: the
    same for a complaint's receipt and a counsel session's confirmation."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="FILE.pdf", help="save the PDF")
    where.add_argument("--printer", metavar="NAME",
                       help="print on this printer ('default' for the system's default)")
    parser.add_argument("--layout", choices=("a4", "roll80"), default="a4")


def add_counsel_receipt_parser(ksub: argparse._SubParsersAction) -> None:
    """``counsel receipt``, registered by :mod:`fieldbus.cli.counsel` among its actions."""
    p = add_command(ksub, "receipt", cmd_counsel_receipt,
                    "print a session's confirmation to PDF (audited; a reprint is a reissue)")
    p.add_argument("id")
    _print_options(p)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """``receipt`` and ``handler …``."""
    p = add_command(sub, "receipt", cmd_receipt,
                    "print a complaint's receipt to PDF (audited; a reprint is a reissue)")
    p.add_argument("receipt")
    _print_options(p)
    p.add_argument("--copy", choices=("citizen", "office"), default="citizen",
                   help="office: A4, unmasked, with the petitioner's signature")

    handler = sub.add_parser("handler", help="who handles this team's cases (on receipts)")
    hsub = handler.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    add_command(hsub, "show", cmd_handler_show, "show the handler printed on receipts")
    p = add_command(hsub, "set", cmd_handler_set,
                    "set the handler's 소속, 성명 and 연락처 (audited)")
    p.add_argument("--org", help="소속, e.g. 국민권익위원회 고충처리국")
    p.add_argument("--name", help="성명 (an empty value removes it)")
    p.add_argument("--phone", help="연락처, e.g. 044-200-7151 or 110")
