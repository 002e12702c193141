"""The API-client connector: for when e-People grants the centre an API.

The shape assumed (and served by the tests' simulator, ``tests/hub/epeople_sim.py``):
``POST {base}/registrations`` with the registration fields as JSON and an
``Idempotency-Key`` header → ``{"epeople_no": "1AA-YYMM-NNNNNNN"}`` (the same key gets
the same number); ``GET {base}/registrations?numbers=a,b`` → ``{"statuses": {number:
{"status", "answered_on"}}}``. A timeout or a 5xx is a :class:`TemporaryFailure` (the
queue retries with back-off), a 4xx a :class:`Refused` (a supervisor must look).
"""

from __future__ import annotations

from typing import Any

import httpx

from sync.hub.epeople.connector import Refused, Status, TemporaryFailure, checked_number

TIMEOUT_SECONDS = 20.0


class ApiConnector:
    def __init__(self, base_url: str, token: str, *, timeout: float = TIMEOUT_SECONDS,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout,
                                    headers={"Authorization": f"Bearer {token}"},
                                    transport=transport)

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            answer = self._client.request(method, path, **kwargs)
        except httpx.TransportError as exc:  # timeouts included
            raise TemporaryFailure(f"e-People unreachable: {type(exc).__name__}") from None
        if answer.status_code >= 500 or answer.status_code == 429:
            raise TemporaryFailure(f"e-People answered {answer.status_code}")
        if answer.status_code >= 400:
            raise Refused(f"e-People refused the case ({answer.status_code}): "
                          f"{answer.text[:200]}")
        try:
            body = answer.json()
        except ValueError:
            raise TemporaryFailure("e-People answered something that is not JSON") from None
        if not isinstance(body, dict):
            raise TemporaryFailure("e-People answered an unexpected body")
        return body

    def register(self, fields: dict[str, Any], idempotency_key: str) -> str:
        body = self._call("POST", "/registrations", json=fields,
                          headers={"Idempotency-Key": idempotency_key})
        return checked_number(body.get("epeople_no"))

    def statuses(self, numbers: list[str]) -> dict[str, Status]:
        if not numbers:
            return {}
        body = self._call("GET", "/registrations", params={"numbers": ",".join(numbers)})
        found = body.get("statuses") if isinstance(body.get("statuses"), dict) else {}
        return {number: Status(str(item.get("status")), item.get("answered_on"))
                for number, item in found.items()
                if number in numbers and isinstance(item, dict) and item.get("status")}
