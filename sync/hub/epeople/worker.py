"""The hand-off running beside the hub: every ``INTERVAL`` seconds, the due cases are sent
and e-People's news brought in, on a thread of its own (never the event loop's)."""

from __future__ import annotations

import logging
import threading

import sqlalchemy as sa

from sync.hub.epeople import queue
from sync.hub.epeople.connector import Connector, TemporaryFailure

INTERVAL = 60.0
log = logging.getLogger("fieldbus_hub.epeople")


class Handoff:
    def __init__(self, engine: sa.Engine, connector: Connector,
                 interval: float = INTERVAL) -> None:
        self._engine, self._connector, self._interval = engine, connector, interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fieldbus-hub-epeople",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(60)

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                sent = queue.run_due(self._engine, self._connector)
                if sent:
                    log.info("e-People: %s", ", ".join(f"{k} {v}" for k, v in sorted(sent.items())))
                queue.poll_statuses(self._engine, self._connector)
            except TemporaryFailure as exc:
                log.warning("e-People status poll failed: %s", exc)
            except Exception as exc:  # noqa: BLE001 - tried again next round
                log.warning("e-People hand-off failed: %s", type(exc).__name__)
            self._stopping.wait(self._interval)
