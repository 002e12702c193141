"""The supervisor's review desk: the hub's review API joined to the laptop's store
(issue 13 §3), for the app's workspace and for tests — Qt-free.

The hub holds the cases; the desk asks it (:class:`sync.review_client.ReviewSession`,
the person token in memory only) and keeps a copy of what it served — queue pages, case
files, the dashboard's counts — in the laptop's encrypted store
(:mod:`fieldbus.store.review_cache`), so that when the bus loses its signal the last
queue stays readable. A copy is never acted on: offline, every step is refused before
any network call, and the screen says the list is as it was at ``fetched_at``.

The store is reached through ``store_call`` — in the app the store worker's
:meth:`~fieldbus.ui.shell.worker.StoreRunner.call`, so the desk's network waits (on the
workspace's own threads) never hold the store's thread, and the store is only ever
touched on its own.

A bulk step is one step per case, each with the revision the supervisor saw: the hub
checks and records every case on its own, and a case another supervisor changed
meanwhile is refused (stale) while the rest go through.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import Officer
from fieldbus.store import audit, review_cache
from fieldbus.store.store import Store
from sync.client import HubRefused, HubUnreachable, TokenRefused
from sync.review_client import NotASupervisor, ReviewSession, Stale

T = TypeVar("T")
#: Runs a function against the open store and returns its result (see above).
StoreCall = Callable[[Callable[[Store], T]], T]
#: How many of a filter's first pages are kept for reading offline: the top of the queue
#: (overdue and due-soon first) is what a supervisor works through.
CACHED_PAGES = 20
PAGE = 100
#: An export reads the whole filter from the hub, up to this many cases.
EXPORT_LIMIT = 100_000
EXPORT_FORMATS = ("csv", "xlsx")


class DeskOffline(Exception):
    """The hub cannot be reached and there is no copy of what was asked (or a step was
    asked offline): one line for the screen."""


class NoCopy(DeskOffline):
    """Offline, and this list (this filter, this case) was never fetched here."""


class SignedOut(Exception):
    """The hub no longer knows this sign-in (its token ended): sign in again."""


@dataclass(frozen=True)
class QueueFilters:
    """The queue's filter, as ``GET /api/v1/cases`` names its parameters."""

    device: tuple[str, ...] = ()
    visit: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    region: str | None = None
    kind: str | None = None
    state: tuple[str, ...] = ()
    overdue: bool = False
    due_within: int | None = None
    q: str | None = None
    #: ``due``: overdue and due-soon first (the supervisor's queue); ``synced``: as they
    #: reached the centre.
    order: str = "due"

    def params(self) -> dict[str, Any]:
        return {key: value.isoformat() if isinstance(value, date) else value
                for key, value in asdict(self).items()}

    def key(self) -> str:
        """The filter as one stable name for its copies: a digest, so that a search's
        words (a petitioner's name, say) never stand in the audit of reading a copy."""
        text = json.dumps(self.params(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Offline:
    """What an offline answer is: a copy, fetched from the hub at ``fetched_at``."""

    fetched_at: str


@dataclass(frozen=True)
class QueuePage:
    cases: list[dict[str, Any]]
    total: int
    total_capped: bool
    next_offset: int | None
    offline: Offline | None = None


@dataclass(frozen=True)
class CaseFile:
    """A case whole, the steps the hub allows on it now, and its history."""

    case: dict[str, Any]
    allowed_actions: list[str]
    history: list[dict[str, Any]]
    offline: Offline | None = None

    @property
    def receipt_no(self) -> str:
        return self.case.get("receipt_no") or self.case["id"]

    @property
    def version(self) -> int:
        return int(self.case.get("case_version") or 1)


@dataclass
class BulkOutcome:
    """A bulk step's answer, case by case: taken, or refused with the hub's reason."""

    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


@contextmanager
def _sent() -> Iterator[None]:
    """A step's transport faults as the desk's: the hub gone mid-step, or signed out."""
    try:
        yield
    except HubUnreachable:
        raise DeskOffline("the hub could not be reached: the step may not have been taken "
                          "— open the case again once connected") from None
    except TokenRefused:
        raise SignedOut("the hub's sign-in has ended: sign in again") from None


def hub_address(store: Store, typed: str | None = None) -> tuple[str, Any]:
    """Where the hub is and how this laptop trusts it: the address typed at sign-in (a
    centre's desktop need not be an enrolled bus laptop), else the enrolled one."""
    from fieldbus.services.sync_link import HUB_API_KEY, _hub_url, _refuse_training, _verify

    _refuse_training(store)
    url = _hub_url(typed) if typed else store.meta(HUB_API_KEY)
    if not url:
        raise ValidationError("hub", "give the hub's address (this laptop is not enrolled "
                              "with a hub)", code="not_enrolled")
    return url, _verify(store, os.environ)


class ReviewDesk:
    """One supervisor's desk; ``session`` is None when it opened offline."""

    def __init__(self, session: ReviewSession | None, store_call: StoreCall,
                 officer: Officer | None) -> None:
        # The copies hold other buses' cases: only this laptop's supervisors read them,
        # whatever hub account the person holds.
        if officer is None or officer.role != "supervisor":
            raise NotASupervisor("the review workspace is for supervisors")
        self._session = session
        self._store = store_call
        self.officer = officer

    @classmethod
    def sign_in(cls, store_call: StoreCall, officer: Officer | None, username: str,
                password: str, *, hub_url: str | None = None,
                **connection: Any) -> ReviewDesk:
        """Sign in to the hub as the supervisor ``username``. Unreachable: raises
        :class:`sync.client.HubUnreachable` (the caller may open :meth:`offline`)."""
        if officer is None or officer.role != "supervisor":
            raise NotASupervisor("the review workspace is for supervisors")
        url, verify = store_call(lambda store: hub_address(store, hub_url))
        session = ReviewSession.sign_in(url, username, password, verify=verify,
                                        **connection)
        return cls(session, store_call, officer)

    @classmethod
    def offline(cls, store_call: StoreCall, officer: Officer | None) -> ReviewDesk:
        """A desk over the copies only: the last fetched queue, read-only."""
        return cls(None, store_call, officer)

    @property
    def online(self) -> bool:
        return self._session is not None

    def sign_out(self) -> None:
        if self._session is not None:
            self._session.sign_out()
            self._session = None

    # -- copies -----------------------------------------------------------------------

    def _keep(self, key: str, body: Any) -> None:
        self._store(lambda store: review_cache.keep(store, key, body, by=self.officer))

    def _copy(self, key: str) -> tuple[Any, Offline]:
        found = self._store(lambda store: review_cache.read(store, key, by=self.officer))
        if found is None:
            raise NoCopy("the hub cannot be reached, and this was not fetched before on "
                         "this laptop")
        body, fetched_at = found
        return body, Offline(fetched_at)

    def _ask(self, key: str | None,
             fetch: Callable[[ReviewSession], T]) -> tuple[T, Offline | None]:
        """``fetch`` from the hub (keeping a copy under ``key``), or the copy when the hub
        cannot be reached."""
        if self._session is not None:
            try:
                body = fetch(self._session)
            except HubUnreachable:
                if key is None:
                    raise DeskOffline("the hub cannot be reached") from None
            except TokenRefused:
                raise SignedOut("the hub's sign-in has ended: sign in again") from None
            else:
                if key is not None:
                    self._keep(key, body)
                return body, None
        if key is None:
            raise DeskOffline("offline: this needs the hub")
        return self._copy(key)

    def _session_or_refuse(self) -> ReviewSession:
        if self._session is None:
            raise DeskOffline("offline: a step needs the hub — the list shown is a copy")
        return self._session

    def forget_copies(self) -> int:
        """Destroy this laptop's copies of the queue (a laptop handed to someone else);
        audited; how many there were."""
        return self._store(lambda store: review_cache.forget(store, by=self.officer))

    # -- reading ----------------------------------------------------------------------

    def page(self, filters: QueueFilters, offset: int = 0, limit: int = PAGE) -> QueuePage:
        kept = offset < CACHED_PAGES * limit
        key = f"page:{filters.key()}:{offset}:{limit}" if kept else None
        body, offline = self._ask(key, lambda s: s.cases(limit=limit, offset=offset,
                                                         **filters.params()))
        return QueuePage(body["cases"], body["total"], body["total_capped"],
                         body.get("next_offset"), offline)

    def case(self, receipt_no: str) -> CaseFile:
        def fetch(session: ReviewSession) -> dict[str, Any]:
            whole = session.case(receipt_no)
            return {**whole, "history": session.history(receipt_no)}

        body, offline = self._ask(f"case:{receipt_no}", fetch)
        return CaseFile(body["case"], [] if offline else list(body["allowed_actions"]),
                        body["history"], offline)

    def summary(self, filters: QueueFilters) -> dict[str, Any]:
        body, offline = self._ask(f"summary:{filters.key()}",
                                  lambda s: s.summary(**filters.params()))
        return body if offline is None else {**body, "offline": True,
                                             "fetched_at": offline.fetched_at}

    def attachment(self, receipt_no: str, sha256: str) -> bytes:
        """An attachment's bytes, from the hub only (never kept on the laptop)."""
        try:
            return self._session_or_refuse().attachment(receipt_no, sha256)
        except HubUnreachable:
            raise DeskOffline("the hub cannot be reached: attachments are read from the "
                              "hub") from None

    # -- steps ------------------------------------------------------------------------

    def step(self, receipt_no: str, action: str, *, case_version: int,
             **fields: Any) -> dict[str, Any]:
        """One review step; raises :class:`sync.review_client.Stale` when the case
        changed since ``case_version``, ``HubRefused`` when the workflow refuses."""
        session = self._session_or_refuse()
        with _sent():
            return session.step(receipt_no, action, case_version=case_version, **fields)

    def resolve(self, receipt_no: str, *, conflict_version: int, take: str,
                case_version: int, fields: dict[str, str] | None = None,
                note: str | None = None) -> dict[str, Any]:
        session = self._session_or_refuse()
        with _sent():
            return session.resolve(receipt_no, conflict_version=conflict_version, take=take,
                                   case_version=case_version, fields=fields, note=note)

    def bulk(self, cases: Iterable[tuple[str, int]], action: str,
             **fields: Any) -> BulkOutcome:
        """``action`` on each (receipt number, revision seen); see the module's note."""
        session = self._session_or_refuse()
        outcome = BulkOutcome()
        cases = list(cases)
        for n, (receipt_no, version) in enumerate(cases):
            try:
                with _sent():
                    session.step(receipt_no, action, case_version=version, **fields)
            except DeskOffline as exc:  # the rest are not sent: say so for each
                outcome.refused.extend((r, str(exc)) for r, _ in cases[n:])
                break
            except Stale:
                outcome.refused.append((receipt_no, "changed by someone else meanwhile: "
                                                    "open it to see its new state"))
            except HubRefused as exc:
                outcome.refused.append((receipt_no, str(exc)))
            else:
                outcome.done.append(receipt_no)
        return outcome

    # -- export -----------------------------------------------------------------------

    def _all(self, filters: QueueFilters) -> Iterator[dict[str, Any]]:
        session = self._session_or_refuse()
        offset: int | None = 0
        seen = 0
        while offset is not None and seen < EXPORT_LIMIT:
            body = session.cases(limit=500, offset=offset, **filters.params())
            yield from body["cases"]
            seen += len(body["cases"])
            offset = body.get("next_offset")

    def export(self, filters: QueueFilters, path: Path, *, reason: str,
               include_sealed: bool = False) -> int:
        """The filter's cases as CSV or Excel (by ``path``'s suffix), read whole from the
        hub; audited on this laptop with ``reason``. Returns the rows written."""
        from fieldbus.services import review_export

        reason = reason.strip()
        if len(reason) < 2:
            raise ValidationError("reason", "say why these cases leave the app (the export "
                                  "is audited with the reason)", code="required")
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in EXPORT_FORMATS:
            raise ValidationError("path", "export to a .csv or an .xlsx file", code="format")
        write = review_export.write_csv if fmt == "csv" else review_export.write_xlsx
        cases = list(self._all(filters))
        written = write(path, cases, include_sealed=include_sealed)

        def record(store: Store) -> None:
            with store.write():
                audit.append(store.db, at=store.clock(),
                             officer_id=self.officer.id if self.officer else None,
                             action="review_exported", reason=reason,
                             details={"filters": filters.params(), "format": fmt,
                                      "rows": written, "include_sealed": include_sealed})

        self._store(record)
        return written
