"""``python -m fieldbus.cli``: the ``fieldbus`` command without its console script."""

from fieldbus.cli.main import main

raise SystemExit(main())
