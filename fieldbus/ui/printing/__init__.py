"""Receipts from the window: printing a PDF through Qt (``printer``), where a print goes
(``receipt_delivery``: the printer set, else a PDF where the officer chooses) and the
screen shown after a save (``after_save``: the number, large, and Enter to print).

Shared by the intake, counsel and cases screens; ``printer`` is also used by the command
line (imported lazily there) and needs no window. May import Qt, ``fieldbus.domain``,
``store``, ``receipts`` and ``fieldbus.ui.shell`` (the worker) and ``fieldbus.ui.widgets``;
never ``fieldbus.cli`` nor a screen's package.
"""
