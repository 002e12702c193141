"""``python -m fieldbus``: the ``fieldbus`` command (no sub-command opens the window)."""

from fieldbus.cli.main import main

raise SystemExit(main())
