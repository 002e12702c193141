"""Parts the screens share, so that every form looks, reads and answers the keyboard alike:
field rows, styles and the Save bar (``form_parts``), buttons, shortcuts and the Tab
chain (``keys``), larger text (``fonts``), short read-only tables (``tables``), a
complaint's fields in words (``complaint_fields``), what a form does with problems
(``form_problems``), the draft autosave, the agency box and the waiting list.

May import Qt, ``fieldbus.domain``, ``store``, ``services`` and ``fieldbus.ui.shell`` (the
worker, messages); never ``fieldbus.cli`` nor a screen's package (intake, cases, counsel,
visit, sync): what two screens share lives here instead.
"""
