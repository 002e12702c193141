"""Use cases shared by the window and the command line, without Qt: the intake form's
content, attachments and bulk import (:mod:`fieldbus.services.intake`), the counsel form's
content, editing a returned case, training stores, the laptop's side of sync and its
status line, this laptop's settings.

Here so that the UI and the CLI do the same thing the same way and it is tested once,
without a display. May import ``fieldbus.domain``, ``fieldbus.store``,
``fieldbus.receipts`` and ``sync`` (protocol, client); never ``fieldbus.ui`` or
``fieldbus.cli``.
"""
