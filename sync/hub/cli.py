"""``fieldbus-hub``: the central server's command line (the hub arrives with the sync issue)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldbus-hub",
                                     description="Fieldbus hub (not built yet: see issue 5)")
    parser.add_argument("--version", action="version", version="fieldbus-hub 0.1.0")
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
