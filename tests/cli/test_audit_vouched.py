"""The audit chain's head goes to the hub with every sync, and the hub vouches for it: a
history rewritten with the store key — entries deleted, the chain hashed again — no longer
passes ``fieldbus audit verify``, and the next sync gets the laptop flagged on the hub
(issue 9 §9)."""

from __future__ import annotations

import json
from datetime import datetime

from fieldbus.store import audit
from tests.cli.test_sync_cli import _enrol, _open, on_hub  # noqa: F401 - a fixture


def rewrite_without(cli, action: str) -> int:
    """What someone holding the store key can do: delete the entries of ``action`` and
    hash the rest again with the store's own chain, head in ``meta`` included. Returns how
    many entries were deleted."""
    with _open(cli) as store, store.write():
        rows = store.db.execute("SELECT at, officer_id, action, record_type, record_id, "
                                "reason, details FROM audit ORDER BY seq").fetchall()
        store.db.execute("DELETE FROM audit")
        chain = audit.Chain(store.db)
        for at, officer_id, what, record_type, record_id, reason, details in rows:
            if what != action:
                chain.append(at=datetime.fromisoformat(at), officer_id=officer_id,
                             action=what, record_type=record_type, record_id=record_id,
                             reason=reason, details=json.loads(details))
        chain.close()
    return sum(1 for row in rows if row[2] == action)


def audit_heads(hub) -> list[dict]:
    done = hub.cli("audit-heads", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_rewritten_history_fails_verify_and_gets_the_laptop_flagged(ready, on_hub):  # noqa: F811
    assert _enrol(ready, on_hub).code == 0
    number = ready.add("complaint-01.json").out.strip()
    assert ready("complaint", "show", number, "--reason", "curiosity").code == 0
    assert ready("sync").code == 0  # the hub vouches for a head past the audited read
    assert ready("audit", "verify").code == 0

    assert rewrite_without(ready, "complaint_viewed") == 1
    result = ready("audit", "verify")

    assert result.code == 1, result
    assert "vouched" in result.err and "#" in result.err
    synced = ready("sync")
    assert "flagged" in synced.err, synced
    [head] = audit_heads(on_hub)
    assert head["device"] == "B07A" and head["flagged"] and head["problem"]
    devices = on_hub.cli("device", "list")
    assert devices.returncode == 0 and "AUDIT FLAGGED" in devices.stdout
    # The laptop stays flagged and keeps failing: nothing it sends later clears it.
    assert ready("sync").code == 0 and ready("audit", "verify").code == 1
    assert audit_heads(on_hub)[0]["flagged"]


def test_an_honest_laptop_is_vouched_for_up_to_its_head(ready, on_hub):  # noqa: F811
    assert _enrol(ready, on_hub).code == 0
    ready.add("complaint-01.json")
    assert ready("sync").code == 0
    with _open(ready) as store:
        seq, digest = audit.head(store.db)

    result = ready("audit", "verify")

    assert result.code == 0, result
    assert f"the hub vouched for entries up to #{seq} on " in result.out
    [head] = audit_heads(on_hub)
    assert (head["vouched_seq"], head["vouched_hash"]) == (seq, digest)
    assert not head["flagged"]
    ready.add("complaint-02.json")
    assert ready("sync").code == 0 and ready("sync").code == 0
    assert audit_heads(on_hub)[0]["vouched_seq"] > seq and not audit_heads(on_hub)[0]["flagged"]
    listing = on_hub.cli("audit-heads")
    assert listing.returncode == 0 and "B07A" in listing.stdout and "FLAGGED" not in listing.stdout


def test_forgetting_what_the_hub_vouched_for_does_not_help(ready, on_hub):  # noqa: F811
    assert _enrol(ready, on_hub).code == 0
    number = ready.add("complaint-01.json").out.strip()
    assert ready("complaint", "show", number).code == 0
    assert ready("sync").code == 0
    rewrite_without(ready, "complaint_viewed")
    with _open(ready) as store, store.write():  # and the laptop's note of the vouched head
        store.db.execute("DELETE FROM meta WHERE key LIKE 'audit_%' AND key != ?",
                         (audit.HEAD_KEY,))
    assert ready("audit", "verify").code == 0  # the laptop alone cannot tell

    synced = ready("sync")  # the hub names the entry to answer for, and it no longer holds

    assert "flagged" in synced.err, synced
    assert audit_heads(on_hub)[0]["flagged"]
    assert ready("audit", "verify").code == 1


def test_a_chain_cut_back_before_the_vouched_head_is_flagged(ready, on_hub):  # noqa: F811
    assert _enrol(ready, on_hub).code == 0
    ready.add("complaint-01.json")
    assert ready("sync").code == 0
    with _open(ready) as store, store.write():  # a backup restored, say, and re-hashed
        last = audit.head(store.db)[0]
        store.db.execute("DELETE FROM audit WHERE seq > ?", (last - 2,))
        audit.Chain(store.db).close()  # the head in meta follows

    assert ready("audit", "verify").code == 1
    assert "flagged" in ready("sync").err
    assert "backwards" in audit_heads(on_hub)[0]["problem"]
