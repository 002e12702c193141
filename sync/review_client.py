"""A supervisor's session with the hub's review API (issue 13): the queue, a case, its
history and attachments, and the review steps — Qt-free, over :class:`sync.client.Connection`
(the same TLS and retry rules as the laptop's sync), for the app's workspace and scripts.

The person token lives in this object only, never on disk. Reads are retried like the
sync's; a step is sent **once** (``retry`` of one attempt): a step whose answer was lost
may have been taken, and sending it again would be refused as stale (``If-Match``) or,
worse, taken twice — so the caller fetches the case again instead and shows what holds.
"""

from __future__ import annotations

import ssl
from typing import Any

from sync import protocol
from sync.client import Connection, HubRefused, Retry, SyncError

#: A step is one attempt (see above).
ONCE = Retry(attempts=1, base=0.0, cap=0.0)


def _params(filters: dict[str, Any]) -> dict[str, Any]:
    """Filters as the query string takes them: lists comma-separated, True as ``true``,
    what is unset left out."""
    params: dict[str, Any] = {}
    for key, value in filters.items():
        if value is None or value == () or value == [] or value is False:
            continue
        params[key] = ",".join(value) if isinstance(value, (list, tuple)) else \
            "true" if value is True else value
    return params


class Stale(HubRefused):
    """Another supervisor changed the case since it was fetched (412): fetch it again."""


class NotASupervisor(SyncError):
    """The account signed in is not a supervisor's: the review workspace is theirs."""


class ReviewSession:
    def __init__(self, base_url: str, token: str, *, verify: ssl.SSLContext | bool = True,
                 **connection: Any) -> None:
        self._reads = Connection(base_url, token=token, verify=verify, **connection)
        self._steps = Connection(base_url, token=token, verify=verify,
                                 **{**connection, "retry": ONCE})

    @classmethod
    def sign_in(cls, base_url: str, username: str, password: str, *,
                verify: ssl.SSLContext | bool = True, **connection: Any) -> ReviewSession:
        """Sign in with the hub account's password; refused unless it is a supervisor's."""
        with Connection(base_url, verify=verify, **connection) as conn:
            answer = conn.call("POST", protocol.LOGIN,
                               json={"username": username, "password": password},
                               valid=lambda body: isinstance(body.get("token"), str))
        session = cls(base_url, answer["token"], verify=verify, **connection)
        if answer.get("role") != "supervisor":
            session.sign_out()
            raise NotASupervisor("this hub account is not a supervisor's")
        return session

    def close(self) -> None:
        self._reads.close()
        self._steps.close()

    def sign_out(self) -> None:
        try:
            self._reads.call("POST", protocol.LOGOUT)
        except SyncError:
            pass  # the token ends by itself within the hour
        finally:
            self.close()

    # -- reading ----------------------------------------------------------------------

    def cases(self, *, limit: int = 100, offset: int = 0, **filters: Any) -> dict[str, Any]:
        """A page of the queue (``GET /api/v1/cases``): ``cases``, ``total``,
        ``total_capped``, ``next_offset``. ``filters`` as the API names them; lists are
        sent comma-separated, True as ``true``."""
        params = {"limit": limit, "offset": offset, **_params(filters)}
        return self._reads.call("GET", protocol.CASES, params=params,
                                valid=lambda body: isinstance(body.get("cases"), list))

    def summary(self, **filters: Any) -> dict[str, Any]:
        """The dashboard's counts over what :meth:`cases` with the same filters lists
        (``GET /api/v1/cases/summary``)."""
        return self._reads.call("GET", protocol.CASES_SUMMARY, params=_params(filters),
                                valid=lambda body: isinstance(body.get("total"), int))

    def case(self, receipt_no: str) -> dict[str, Any]:
        """``{"case", "allowed_actions"}``: the case whole, and the steps it may take."""
        return self._reads.call("GET", protocol.CASE.format(receipt_no=receipt_no),
                                valid=lambda body: isinstance(body.get("case"), dict))

    def history(self, receipt_no: str) -> list[dict[str, Any]]:
        return self._reads.call("GET", protocol.CASE_HISTORY.format(receipt_no=receipt_no),
                                valid=lambda body: isinstance(body.get("events"), list)
                                )["events"]

    def attachment(self, receipt_no: str, sha256: str) -> bytes:
        """An attachment's bytes (images and PDFs; audited at the hub)."""
        path = protocol.CASE_ATTACHMENT.format(receipt_no=receipt_no, sha256=sha256)
        response = self._reads.http.get(path)
        if response.status_code != 200:
            raise HubRefused(f"the hub has no such attachment ({response.status_code})",
                             "not_found")
        return response.content

    def epeople_queue(self) -> list[dict[str, Any]]:
        return self._reads.call("GET", protocol.EPEOPLE_QUEUE,
                                valid=lambda body: isinstance(body.get("forwards"), list)
                                )["forwards"]

    # -- steps ------------------------------------------------------------------------

    def step(self, receipt_no: str, action: str, *, case_version: int,
             **fields: Any) -> dict[str, Any]:
        """Take ``action`` on the case as it was at ``case_version``; the change. Raises
        :class:`Stale` when it changed meanwhile, ``HubRefused`` (with the hub's code)
        when the workflow or the law refuses."""
        body = {"action": action, **{k: v for k, v in fields.items() if v is not None}}
        return self._send(protocol.REVIEW.format(receipt_no=receipt_no), body, case_version)

    def resolve(self, receipt_no: str, *, conflict_version: int, take: str,
                case_version: int, fields: dict[str, str] | None = None,
                note: str | None = None) -> dict[str, Any]:
        body = {"conflict_version": conflict_version, "take": take,
                **({"fields": fields} if fields else {}), **({"note": note} if note else {})}
        return self._send(protocol.CASE_RESOLVE.format(receipt_no=receipt_no), body,
                          case_version)

    def _send(self, path: str, body: dict[str, Any], case_version: int) -> dict[str, Any]:
        try:
            answer = self._steps.call("POST", path, json=body,
                                      headers={"If-Match": f'"{case_version}"'},
                                      valid=lambda b: isinstance(b.get("change"), dict))
        except HubRefused as exc:
            if exc.hub_code == "version_mismatch":
                raise Stale(str(exc), exc.hub_code) from None
            raise
        return answer["change"]
