"""What every form does when Save finds problems: point at the first, say how many.

The intake form, the counsel form and the returned-case editor check their fields the same
way (each problem in words under its field); on Save the cursor goes to the first problem
in the form's own order, so a keyboard user lands where the fixing starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def point_at_problems(errors: Mapping[str, object], order: Iterable[str],
                      fields: Mapping[str, QWidget], status: QLabel) -> None:
    for key in order:
        if key in errors and fields[key].isEnabled():
            fields[key].setFocus()
            break
    status.setText(QCoreApplication.translate("forms", "고칠 곳이 {0}군데 있습니다. 빨간 글씨를 "
                                              "보십시오.").format(len(errors)))
