"""What every form does when Save finds problems, or the store refuses what was sent.

The intake form, the counsel form and the returned-case editor check their fields the same
way (each problem in words under its field, the rules they share worded once here); on
Save the cursor goes to the first problem in the form's own order, so a keyboard user
lands where the fixing starts. What the store refuses is shown at the field it concerns
when the form has that field, else in the form's status line with what to do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from fieldbus.domain.errors import ValidationError
from fieldbus.ui.shell import messages


#: The status line's property holding the count it shows.
_COUNT = "problemCount"


def tr(text: str) -> str:
    return QCoreApplication.translate("forms", text)


def length_limit(exc: ValidationError) -> int | None:
    """The most characters a field may hold, as the domain's check that refused it said
    (the schema's ``maxLength`` or :func:`fieldbus.domain.text.clean_text`'s limit: the
    first number of its message); None when it says none."""
    limit = getattr(exc, "limit", None)
    if isinstance(limit, int):
        return limit
    found = re.search(r"\d+", exc.message)
    return int(found.group()) if found else None


def text_length(value: object) -> int | None:
    """How many characters the domain counts in ``value`` (NFC), None for no text."""
    return len(unicodedata.normalize("NFC", value)) if isinstance(value, str) else None


def usual_field_message(field: str, exc: ValidationError, *,
                        length: int | None = None) -> str:
    """The reason under a field for the rules every form has (a phone number, a birth
    year, a field left empty or too long: with the limit and ``length``, the count now);
    the form's own fields are worded by the form."""
    code = exc.code
    if field == "phone":
        return tr("전화번호가 올바르지 않습니다 (예: 010-2345-6789, 054-480-1234).")
    if field == "birth_year":
        return tr("출생연도는 1900년부터 올해까지의 네 자리 숫자입니다.")
    if code in ("required", "minLength"):
        return tr("꼭 입력해야 합니다.")
    if code in ("maxLength", "too_long"):
        limit = length_limit(exc)
        if limit is None or length is None:
            return tr("너무 깁니다.")
        return tr("너무 깁니다 ({0}자까지, 지금 {1}자).").format(f"{limit:,}", f"{length:,}")
    return messages.field_error(exc)


def show_refusal(exc: Exception, status: QLabel, *, field: str | None,
                 errors: Mapping[str, QLabel], fields: Mapping[str, QWidget],
                 message: Callable[[str], str], resubmit: bool = False) -> None:
    """The store refused the save (``field``: the form's field the error names, if any)."""
    if isinstance(exc, ValidationError):
        if field is not None and field in errors:
            fields[field].setFocus()  # first: the form checks itself as the focus moves
            errors[field].setText(message(field))
            errors[field].show()
            status.setText(tr("제출하지 않았습니다. 빨간 글씨를 보십시오.") if resubmit
                           else tr("저장하지 않았습니다. 빨간 글씨를 보십시오."))
            return
        reason = messages.field_error(exc)
        status.setText((tr("제출하지 않았습니다: {0}") if resubmit
                        else tr("저장하지 않았습니다: {0}")).format(reason))
        return
    what, todo = messages.store_problem(exc)
    status.setText((tr("제출하지 않았습니다. {0} {1}") if resubmit
                    else tr("저장하지 않았습니다. {0} {1}")).format(what, todo))


def _count_text(count: int) -> str:
    return tr("고칠 곳이 {0}군데 있습니다. 빨간 글씨를 보십시오.").format(count)


def point_at_problems(errors: Mapping[str, object], order: Iterable[str],
                      fields: Mapping[str, QWidget], status: QLabel) -> None:
    """Save found problems: the cursor to the first, their count in the status line."""
    for key in order:
        if key in errors and fields[key].isEnabled():
            fields[key].setFocus()
            break
    status.setText(_count_text(len(errors)))
    status.setProperty(_COUNT, len(errors))


def recount(status: QLabel, errors: Mapping[str, object]) -> None:
    """After a save attempt, the count in the status line follows the fixes as the form
    checks itself again (gone at none); a status line that has since said something else
    is left alone."""
    shown = status.property(_COUNT)
    if not isinstance(shown, int) or status.text() != _count_text(shown):
        return
    if errors:
        status.setText(_count_text(len(errors)))
        status.setProperty(_COUNT, len(errors))
    else:
        status.clear()
        status.setProperty(_COUNT, None)
