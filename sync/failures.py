"""Why a sync run (or an enrolment) stopped: one error class per reason, each with a
``code`` scripts and the status bar can test. Their own module so that the engine
(:mod:`sync.client`) and the uploader (:mod:`sync.uploader`) share them without importing
each other; ``sync.client`` re-exports them, where callers have always found them.
"""

from __future__ import annotations

NOT_THE_HUB = "the network answered with something that is not the hub (captive portal?)"


class SyncError(Exception):
    """A run (or an enrolment) stopped; ``code`` says why in a word scripts can test."""

    code = "sync_failed"


class TokenRefused(SyncError):
    code = "token_refused"


class HubRefused(SyncError):
    """The hub answered, in its own words, that it will not do this (4xx with a body)."""

    code = "hub_refused"

    def __init__(self, message: str, hub_code: str) -> None:
        super().__init__(message)
        self.hub_code = hub_code


class NotTheHub(SyncError):
    code = "not_the_hub"


class HubUnreachable(SyncError):
    code = "unreachable"


class CertificateRejected(SyncError):
    code = "certificate"


class ProtocolMismatch(SyncError):
    code = "protocol"
