"""The laptop and the hub: ``enrol``, ``sync`` and ``purge`` (retention counts from the day
the hub acknowledged a case).

Named ``syncing`` so it is not mistaken for the top-level :mod:`sync` package (the wire
protocol, the client engine and the hub), which :mod:`fieldbus.services.sync_link` drives.
"""

from __future__ import annotations

import argparse
import json
import sys

from fieldbus.cli.common import EXIT_AUTH, EXIT_OK, EXIT_PENDING, Session, UsageError, add_command


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


def _sync_failure(exc: Exception) -> int:
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
    from fieldbus.cli.progress_bar import bar_for
    from fieldbus.services import sync_link

    with Session(args) as s, bar_for(args.json) as progress:
        result = sync_link.run(s.store, s.officer, progress=progress)
    counts = result.counts()
    if args.json:
        print(json.dumps(counts))
    else:
        # Files waiting are named only when there are any: the line people know stays.
        print(", ".join(f"{k.replace('files_pending', 'files waiting')} {v}"
                        for k, v in counts.items() if k != "files_pending" or v))
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
    return EXIT_PENDING if result.error or counts["pending"] or counts["files_pending"] \
        else EXIT_OK


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


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """``enrol``, ``sync`` and ``purge``."""
    p = add_command(sub, "enrol", cmd_enrol, "register this laptop with the hub (the device "
                    "token goes to the OS keyring)")
    p.add_argument("--hub", required=True, metavar="URL", help="the hub's address")
    p.add_argument("--user", required=True, metavar="NAME", help="your account on the hub")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.add_argument("--ca-bundle", metavar="FILE", help="the centre's CA certificates (PEM), "
                   "kept for later syncs (else FIELDBUS_CA_BUNDLE, else the system's)")
    add_command(sub, "sync", cmd_sync, "push waiting records to the hub, then pull its changes "
                "(exit 6 while records are left waiting)", json_flag=True)
    add_command(sub, "purge", cmd_purge, "destroy personal data the retention rule says is due "
                "(also runs at every start)", json_flag=True)
