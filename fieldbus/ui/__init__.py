"""The desktop interface: the only package of Fieldbus that imports Qt (PySide6).

Grouped by screen: ``shell`` (start-up, the main window, sign-in and lock, the store
worker, settings), one package per tab (``intake``, ``cases``, ``counsel``, ``visit``),
``sync`` (status bar and panel), and the shared ``printing`` and ``widgets``. The screens
import the shared packages, never each other; ``shell.main_window`` assembles them.

May import ``fieldbus.domain``, ``store``, ``receipts``, ``services`` and ``sync`` (the
client, which only ``ui.sync`` runs); never ``fieldbus.cli`` (the command line opens the
window, not the other way round). Everything
else (domain, store, receipts, CLI, sync) runs and is tested without a display;
``tests/test_architecture.py`` enforces this.
"""

import sys as _sys

if _sys.version_info < (3, 12):
    # PySide6/shiboken6 6.12.0 returns None, True and False from Qt calls without taking a
    # reference (as if they were immortal, which they are only from Python 3.12 on): every
    # ``processEvents()`` or void call costs None one reference, and after a few thousand
    # the interpreter aborts ("none_dealloc: deallocating None"). Until the venv moves to
    # Python 3.12+, give these three singletons the near-immortal count 3.12 gives them.
    import ctypes as _ctypes

    for _singleton in (None, True, False):
        _ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
    del _ctypes, _singleton
del _sys
