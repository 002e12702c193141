"""Which review step may follow which: the centre's workflow over a case (issue 13, §1).

After ODK Central's review states: a case arrives ``received``; a supervisor returns it
(``has_issues``, the note says what to fix), approves or rejects it; the officer's fix
arriving from the laptop makes it ``edited`` (``sync.hub.push``), to be reviewed again. A
rejected case is finished; an approved one is only given its e-People 신청번호 afterwards
(approved again, with the number). Anything else — approving a rejected case, rejecting an
approved one, returning a finished one — is refused before anything changes, so two
supervisors cannot undo each other's decision by accident.

Returning and rejecting need a note: the officer must learn what to fix, and the citizen
why their case ends. 민원 처리에 관한 법률 제27조③ (9bow/legalize-kr
kr/민원처리에관한법률/법률.md @ 7711996e): "행정기관의 장은 제1항 또는 제2항에 따라 민원의
처리결과를 통지할 때에 민원의 내용을 거부하는 경우에는 거부 이유와 구제절차를 함께
통지하여야 한다."
"""

from __future__ import annotations

#: For each state, the review states a supervisor may move the case to.
NEXT: dict[str, frozenset[str]] = {
    "received": frozenset({"has_issues", "approved", "rejected"}),
    "has_issues": frozenset({"has_issues", "rejected"}),  # a new note; or give up on it
    "edited": frozenset({"has_issues", "approved", "rejected"}),
    "approved": frozenset({"approved"}),  # only to record the 신청번호 once known
    "rejected": frozenset(),
}
#: The review states that need a note.
NOTE_REQUIRED = frozenset({"has_issues", "rejected"})


class ReviewRefused(ValueError):
    """A review the workflow does not allow; ``code`` and ``status`` for the HTTP answer."""

    status = 409
    code = "invalid_transition"


class NoteRequired(ReviewRefused):
    status = 422
    code = "note_required"


def check(current: str, wanted: str, note: str | None) -> None:
    """Raise :class:`ReviewRefused` unless a supervisor may move ``current`` to ``wanted``
    with ``note``."""
    if wanted not in NEXT.get(current, frozenset()):
        allowed = ", ".join(sorted(NEXT.get(current, ()))) or "nothing: the case is finished"
        raise ReviewRefused(f"a case that is {current} cannot be made {wanted} "
                            f"(it may become: {allowed})")
    if wanted in NOTE_REQUIRED and not (note or "").strip():
        raise NoteRequired(f"a review that makes a case {wanted} needs a note saying why")
