"""The "국선대리인 상담" tab: the counsel session form with its live appeal deadline and
today's sessions, one session opened from that list (``detail``), and what the two
share (``parts``: the words for codes, the deadline's look, the confirmation's print).
The form holds the detail view; the detail never imports the form.

May import Qt, ``fieldbus.domain``, ``store``, ``receipts``, ``services`` and the shared
``fieldbus.ui.shell``, ``fieldbus.ui.widgets`` and ``fieldbus.ui.printing``; never
``fieldbus.cli`` nor another screen's package.
"""
