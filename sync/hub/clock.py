"""The hub's clock: times as the hub writes them (UTC, ISO 8601 to the millisecond).

Its own module so that both :mod:`sync.hub.db` (which migrates the schema when it
connects) and :mod:`sync.hub.migrations` (a step fills in a time) can use it without
importing each other. Times written this way compare correctly as strings.
"""

from __future__ import annotations

import datetime as _dt


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds")


def ago(seconds: float) -> str:
    """The time ``seconds`` before now, written as :func:`now` writes times (so the two
    compare as strings)."""
    moment = _dt.datetime.now(_dt.UTC) - _dt.timedelta(seconds=seconds)
    return moment.isoformat(timespec="milliseconds")
