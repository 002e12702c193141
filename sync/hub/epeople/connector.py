"""What the hub needs from e-People, and the errors a connector raises."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

#: An e-People application number: 1AA-YYMM-NNNNNNN.
EPEOPLE_NO = re.compile(r"^1AA-[0-9]{4}-[0-9]{7}$")


class TemporaryFailure(Exception):
    """e-People could not be reached or failed (a timeout, a 5xx): try again later."""


class Refused(Exception):
    """e-People refused the case as sent (a 4xx): trying again will not help; a
    supervisor must look (the queue shows it)."""


@dataclass(frozen=True)
class Status:
    """What e-People says about a registered case: its status and, once answered, the
    date of the answer."""

    status: str
    answered_on: str | None = None


class Connector(Protocol):
    def register(self, fields: dict[str, Any], idempotency_key: str) -> str:
        """Register one case; its 신청번호. The same key must get the same number."""

    def statuses(self, numbers: list[str]) -> dict[str, Status]:
        """The status of each number e-People has news of (others left out)."""


def checked_number(value: Any) -> str:
    """A 신청번호 as e-People or an operator gave it, or :class:`Refused`."""
    if not isinstance(value, str) or not EPEOPLE_NO.match(value.strip()):
        raise Refused(f"not an e-People number (1AA-YYMM-NNNNNNN): {str(value)[:40]!r}")
    return value.strip()
