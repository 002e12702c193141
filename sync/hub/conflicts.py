"""A supervisor settles a conflict the hub kept (issue 13, §1).

A laptop's edit made from an older version than the hub holds is never applied on its own
(:mod:`sync.hub.push` keeps it in ``conflicts``). A supervisor looks at both and decides:

* ``hub`` — keep what the hub holds; the laptop's edit is set aside as settled;
* ``laptop`` — take the laptop's edit whole;
* ``merge`` — field by field (the content's top-level keys): each named key from the side
  chosen for it, every other key as the hub holds it.

The result becomes the hub's content in one transaction with the new version's copy, the
queue's columns, sealing (a report stays sealed, whichever side wins), the history entry and
the laptop's change (:func:`sync.hub.case_log.apply_step`). The version kept is the higher
the laptop's when it is ahead, so the laptop's next edit of its own version is accepted;
else one past the hub's (a stored version is never overwritten).

What is weak: the laptop is told that the conflict was settled, not the settled content (the
pull feed carries review state only), so a laptop whose edit lost keeps its own text until
an officer corrects it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa

from sync import protocol
from sync.hub import case_log, workflow
from sync.hub.case_fields import QUEUE_COLUMNS, case_fields
from sync.hub.db import now
from sync.hub.migrations import conflicts, record_versions, sealed_records
from sync.hub.sealing import SEALED_KIND

TAKES = ("hub", "laptop", "merge")


def resolve(engine: sa.Engine, ident: str, *, conflict_version: int, take: str,
            fields: dict[str, str] | None, actor: str, if_match: int | None,
            note: str | None = None) -> dict[str, Any]:
    """Settle the kept conflict of case ``ident`` whose laptop version is
    ``conflict_version``. ``LookupError`` when there is no such case or open conflict;
    :class:`sync.hub.workflow.ReviewRefused` (nothing changed) for a bad choice or a stale
    ``if_match``."""
    if take not in TAKES:
        raise workflow.Invalid(f"take must be one of {', '.join(TAKES)}")
    if take == "merge" and not fields:
        raise workflow.Invalid("a merge names, for each field to take from the laptop, "
                               "'laptop' (the rest stays as the hub holds it)")
    note = workflow.kept_text(note, "the note", multiline=True, limit=4000)
    with engine.begin() as conn:
        row = workflow.find_case(conn, ident)
        if if_match is not None and if_match != case_log.case_version(row):
            raise workflow.Stale(f"the case changed meanwhile: it is at version "
                                 f"{case_log.case_version(row)}, not {if_match}")
        kept = conn.execute(sa.select(conflicts).where(
            conflicts.c.record_id == row.id, conflicts.c.version == conflict_version,
            conflicts.c.resolved_at.is_(None)).order_by(conflicts.c.id.desc())
            .with_for_update()).first()
        if kept is None:
            raise LookupError(f"case {ident} has no open conflict of version {conflict_version}")
        held, theirs = json.loads(row.content), json.loads(kept.content)
        if take == "hub":
            content = held
        elif take == "laptop":
            content = theirs
        else:
            unknown = [k for k in fields if k not in held and k not in theirs]
            wrong = [v for v in fields.values() if v not in ("hub", "laptop")]
            if unknown or wrong:
                raise workflow.Invalid(f"a merge names fields of the case and 'hub' or "
                                       f"'laptop' for each ({(unknown or wrong)[0]!r})")
            content = dict(held)
            for key, side in fields.items():
                if side == "laptop":
                    if key in theirs:
                        content[key] = theirs[key]
                    else:
                        content.pop(key, None)
        at = now()
        conn.execute(conflicts.update().where(conflicts.c.id == kept.id).values(
            resolved_at=at, resolved_by=actor, resolution=take))
        values: dict[str, Any] = {}
        if content != held:
            text = protocol.canonical_json(content).decode("utf-8")
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            # The laptop's own number when it is ahead (its next edit then follows on);
            # else one past the hub's: a stored version is never overwritten.
            version = kept.version if kept.version > row.version else row.version + 1
            derived = case_fields(row.type, content)
            values.update(content=text, content_hash=digest, version=version,
                          **{k: derived[k] for k in QUEUE_COLUMNS})
            conn.execute(record_versions.insert().values(
                record_id=row.id, version=version, base_version=row.version,
                content_hash=digest, content=text, stored_at=at))
        if SEALED_KIND in (held.get("kind"), theirs.get("kind")) and conn.execute(
                sa.select(sealed_records.c.record_id)
                .where(sealed_records.c.record_id == row.id)).first() is None:
            conn.execute(sealed_records.insert().values(record_id=row.id, version=row.version,
                                                        sealed_at=at))
        details = {"conflict_version": kept.version, "take": take,
                   **({"fields": dict(sorted(fields.items()))} if take == "merge" else {})}
        return case_log.apply_step(conn, row, actor=actor, role="supervisor",
                                   action="conflict_resolved", values=values, note=note,
                                   details=details)
