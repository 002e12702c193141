"""The "민원 접수" tab: the complaint intake form, its attached files and the petitioner's
signature pad.

May import Qt, ``fieldbus.domain``, ``store``, ``receipts``, ``services`` and the shared
``fieldbus.ui.shell``, ``fieldbus.ui.widgets`` and ``fieldbus.ui.printing``; never
``fieldbus.cli`` nor another screen's package (the case editor shares the intake's field
words through ``fieldbus.ui.widgets.complaint_fields``, not through this package).
"""
