"""The ``fieldbus`` command line: :mod:`fieldbus.cli.main` (the parser, ``main``, exit codes),
:mod:`fieldbus.cli.common` (session, input, output) and one module per command group
(officers, visits, complaints, counsel, receipts, records, syncing).

May import domain, store, receipts, services and sync; ``fieldbus.ui`` only lazily, inside
the functions that open the window or print through Qt. It holds no business logic: a
command reads its arguments, calls a use case (``fieldbus.services``, the store) and prints
what came of it.
"""
