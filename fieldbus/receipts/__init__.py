"""PDF receipts (접수증) and counsel confirmations, with reportlab; no Qt here.

:mod:`~fieldbus.receipts.documents` decides what a document says (and what it must not),
:mod:`~fieldbus.receipts.layout` puts it on A4 or an 80 mm roll in the fonts of
:mod:`~fieldbus.receipts.fonts`, :mod:`~fieldbus.receipts.issue` prints it and audits the
print. Every word comes from :mod:`~fieldbus.receipts.labels`.

May import ``fieldbus.domain`` and ``fieldbus.store`` (a document is made from a stored
case and its printing is recorded there) and ``sync.protocol`` (the status link); never
services, the UI or the CLI, which all print through it.
"""
