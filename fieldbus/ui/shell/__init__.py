"""The window's shell: what stands around every screen and is there before any of them.

``app`` (start-up: the Qt application, language and text size, the window), ``main_window``
(which screen shows when; it builds the tabs lazily and so is the one module that imports
the screen packages), ``sign_in`` (first-run setup, sign-in, the idle lock, a store that
will not open), ``worker`` (the one thread that owns the store), ``display`` (language and
text size), ``settings_dialog``, ``messages`` (errors in words) and ``training_banner``.

May import Qt, ``fieldbus.domain``, ``store``, ``receipts``, ``services`` and
``fieldbus.ui.widgets``; never ``fieldbus.cli``. Only ``main_window`` imports the screen
packages (intake, cases, counsel, visit, sync), inside the functions that build them.
"""
