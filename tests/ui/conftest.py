"""GUI tests run headless: Qt's ``offscreen`` platform, no display needed.

Set at this conftest's import, before any test makes the ``QApplication`` (pytest-qt's
``qapp``): that is when Qt reads ``QT_QPA_PLATFORM``. ``setdefault`` lets a developer
watch a test on a real display with ``QT_QPA_PLATFORM=xcb``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
