"""The heads of the laptops' audit chains that the hub vouched for (docs/security.md §9).

Someone holding a laptop's store key can delete audit entries and hash the chain again:
the laptop's own check then holds. What they cannot change is what the hub has already
seen. Each entry's hash chains every entry before it, so if anything up to an entry the
hub vouched for is changed, that entry's hash changes too. With every sync the laptop
asks which entry the hub last vouched for and reports its new head together with the hash
its chain has at that entry now (``protocol.AuditHeadReport``). The hub vouches for the
new head when that hash is the one it vouched for, the head did not go backwards and the
laptop's own walk of its chain held. Otherwise it keeps its vouched head as it was, keeps
the refused report with its ``problem``, and the device is **flagged** for supervisors —
for good: nothing a laptop sends later clears it.

What this cannot catch, said plainly: entries added after the last vouched head and
removed before the next sync (they were never reported), and a laptop whose software was
replaced to lie about its chain (the hub sees only what the laptop says). The vouched
heads are then still what an investigation compares the laptop's store against.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sync import protocol
from sync.hub.auth import Device, HubError, record_audit
from sync.hub.db import now, reader
from sync.hub.migrations import audit_heads, devices


def _vouched(conn: sa.Connection, device_id: int) -> sa.Row | None:
    return conn.execute(
        sa.select(audit_heads).where(audit_heads.c.device_id == device_id,
                                     audit_heads.c.problem.is_(None))
        .order_by(audit_heads.c.id.desc()).limit(1)).first()


def _last_problem(conn: sa.Connection, device_id: int) -> sa.Row | None:
    return conn.execute(
        sa.select(audit_heads).where(audit_heads.c.device_id == device_id,
                                     audit_heads.c.problem.is_not(None))
        .order_by(audit_heads.c.id.desc()).limit(1)).first()


def _answer(vouched: sa.Row | None, problem: sa.Row | None) -> dict[str, Any]:
    return {"protocol": protocol.PROTOCOL_VERSION,
            "vouched": {"seq": vouched.seq, "hash": vouched.hash, "at": vouched.at}
            if vouched is not None else None,
            "flagged": problem is not None,
            "problem": problem.problem if problem is not None else None}


def current(engine: sa.Engine, device: Device) -> dict[str, Any]:
    """The ``AuditHeadAnswer`` for ``device``: the entry it is to answer for next."""
    with reader(engine).connect() as conn:
        return _answer(_vouched(conn, device.id), _last_problem(conn, device.id))


def _problem(report: dict[str, Any], vouched: sa.Row) -> str | None:
    """Why ``report`` does not extend the head vouched for, or None when it does."""
    day = vouched.at[:10]
    answered = report["at_vouched"]
    if report["seq"] < vouched.seq:
        return (f"the audit log went backwards: the hub vouched for entries up to "
                f"#{vouched.seq} on {day}, the laptop now has {report['seq']}")
    if answered["hash"] != vouched.hash:
        return (f"audit entry #{vouched.seq} no longer has the hash the hub vouched for on "
                f"{day}: the history before it was rewritten")
    if not report["intact"]:
        return "the laptop's own check of its audit log fails"
    return None


def receive(engine: sa.Engine, device: Device, report: dict[str, Any]) -> dict[str, Any]:
    """Judge one ``AuditHeadReport``; the ``AuditHeadAnswer`` after it."""
    with engine.begin() as conn:
        # One report of a device at a time (PostgreSQL; SQLite serialises writers).
        conn.execute(sa.select(devices.c.id).where(devices.c.id == device.id)
                     .with_for_update()).first()
        vouched = _vouched(conn, device.id)
        answered = report["at_vouched"]
        if (vouched is None) != (answered is None) or (
                vouched is not None and answered["seq"] != vouched.seq):
            # Another sync of this laptop moved the head since it asked: ask again.
            raise HubError(409, "audit_head_moved", "the hub vouched for another audit "
                           "head since this laptop asked; ask again")
        problem = _problem(report, vouched) if vouched is not None else None
        last = _last_problem(conn, device.id)
        if problem is None:
            if vouched is None or (vouched.seq, vouched.hash) != (report["seq"],
                                                                   report["hash"]):
                conn.execute(audit_heads.insert().values(
                    device_id=device.id, seq=report["seq"], hash=report["hash"], at=now()))
        elif last is None or (last.seq, last.hash, last.problem) != (
                report["seq"], report["hash"], problem):
            conn.execute(audit_heads.insert().values(device_id=device.id, seq=report["seq"],
                                                     hash=report["hash"], at=now(),
                                                     problem=problem))
            record_audit(conn, device.code, "audit_chain_flagged", device.code)
        return _answer(_vouched(conn, device.id), _last_problem(conn, device.id))


def list_heads(engine: sa.Engine) -> list[dict[str, Any]]:
    """Every enrolled device with the head vouched for last and whether it is flagged
    (for supervisors and ``fieldbus-hub audit-heads``)."""
    with reader(engine).connect() as conn:
        codes = conn.execute(sa.select(devices.c.id, devices.c.code)
                             .order_by(devices.c.code)).all()
        found = []
        for device_id, code in codes:
            vouched, problem = _vouched(conn, device_id), _last_problem(conn, device_id)
            found.append({
                "device": code,
                "vouched_seq": vouched.seq if vouched is not None else None,
                "vouched_hash": vouched.hash if vouched is not None else None,
                "vouched_at": vouched.at if vouched is not None else None,
                "flagged": problem is not None,
                "flagged_at": problem.at if problem is not None else None,
                "problem": problem.problem if problem is not None else None})
    return found
