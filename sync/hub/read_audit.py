"""Reads of personal data at the centre, audited: who read which case or attachment,
when (docs/security.md §8). One ``audit`` row per case listed or attachment written out,
so "who has seen case X" is one query; the subject is the receipt number (or the
record's id) or the blob's SHA-256 — never the data itself."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from sync.hub.db import now
from sync.hub.migrations import audit


def record_reads(engine: sa.Engine, actor: str, action: str, subjects: Sequence[str]) -> None:
    """``actor`` (a user name, or ``cli``) read ``subjects`` now (``action``:
    ``case_read`` or ``attachment_read``)."""
    if not subjects:
        return
    stamp = now()
    with engine.begin() as conn:
        conn.execute(audit.insert(), [{"at": stamp, "actor": actor[:100], "action": action,
                                       "subject": subject[:100]} for subject in subjects])
