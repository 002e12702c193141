"""What the sync state promises: only an enrolled laptop whose hub takes it sends by itself
(issue 12: an unenrolled laptop was told "연결되면 자동으로 보냅니다")."""

from __future__ import annotations

from fieldbus.services.sync_status import Phase, SyncStatus


def test_an_enrolled_laptop_sends_when_connected():
    assert SyncStatus(enrolled=True).sends_when_connected
    assert SyncStatus(enrolled=True, pending=3, error_code="unreachable").sends_when_connected
    assert SyncStatus(enrolled=True, running=True).sends_when_connected


def test_an_unenrolled_a_refused_or_a_training_laptop_does_not():
    assert not SyncStatus(enrolled=False, pending=2).sends_when_connected
    assert SyncStatus(enrolled=False, pending=2).phase is Phase.NOT_ENROLLED
    refused = SyncStatus(enrolled=True, pending=2, error_code="token_refused")
    assert refused.phase is Phase.REFUSED and not refused.sends_when_connected
    assert not SyncStatus(enrolled=True, training=True).sends_when_connected
    assert not SyncStatus(training=True).sends_when_connected
