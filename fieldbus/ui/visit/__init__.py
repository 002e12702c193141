"""The "오늘의 방문" tab: opening and closing today's visit, the day's figures and the
list of what waits for the hub.

May import Qt, ``fieldbus.domain``, ``store``, ``receipts``, ``services`` and the shared
``fieldbus.ui.shell`` and ``fieldbus.ui.widgets``; never ``fieldbus.cli`` nor another
screen's package.
"""
