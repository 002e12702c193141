"""The "사건 목록" tab: the case list (a lazily filled table model), search and filters,
the detail pane (the citizen masked until revealed) with its receipt reprint, and the
editor that corrects a saved case (고치기, a reason asked) or fixes one the supervisor
returned (보완하여 다시 제출).

May import Qt, ``fieldbus.domain``, ``store``, ``receipts``, ``services`` and the shared
``fieldbus.ui.shell``, ``fieldbus.ui.widgets`` and ``fieldbus.ui.printing``; never
``fieldbus.cli`` nor another screen's package (the editor's fields come from
``fieldbus.ui.widgets``, as the intake form's do).
"""
