"""How often one client may open the hub's public pages (issue 14): the receipt's status
page now, and the hub's other pages for the public as they come.

Those pages need no sign-in, so a script could walk receipt numbers or hammer the
database through them; past ``rate`` (``protocol.PUBLIC_RATE`` unless ``serve
--public-rate`` says otherwise) a client is answered 429 with ``Retry-After``. The count
is the ``limits`` library's moving window in this process's memory: a hub of several
worker processes gives each its own allowance, which bounds a client at workers × rate
— enough to keep a walker slow (a wrong code is a 404 like an unknown number, so there is
nothing to find) without a shared store the hub does not have. The client is the
address uvicorn reports: the peer, or the trusted proxy's ``X-Forwarded-For``.
"""

from __future__ import annotations

import math
import time

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class PublicLimit:
    def __init__(self, rate: str) -> None:
        self.item = parse(rate)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def retry_after(self, client: str) -> int | None:
        """Count one request of ``client``; None when it may go on, else the seconds to
        wait before its window has room again."""
        if self._limiter.hit(self.item, "public", client):
            return None
        reset, _remaining = self._limiter.get_window_stats(self.item, "public", client)
        return max(1, math.ceil(reset - time.time()))
