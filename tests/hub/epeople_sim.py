"""A simulated e-People service for the hand-off's tests, served on loopback.

It speaks what :mod:`sync.hub.epeople.api` expects: registrations idempotent per key,
신청번호 as 1AA-YYMM-NNNNNNN, statuses reported later. Faults are switched per test:
``fail_next`` calls answer 500, ``hang_next`` calls stall past the client's timeout,
``drop_next`` calls register and then answer 500 (the answer lost after the work was done).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse

from tests.hub.fixtures import free_port


@dataclass
class State:
    by_key: dict[str, str] = field(default_factory=dict)
    cases: dict[str, dict] = field(default_factory=dict)
    statuses: dict[str, dict] = field(default_factory=dict)
    registrations: int = 0     # numbers handed out
    calls: int = 0
    fail_next: int = 0
    hang_next: int = 0
    drop_next: int = 0
    hang_seconds: float = 3.0
    token: str = "sim-token"


def make_app(state: State) -> FastAPI:
    app = FastAPI()

    def refused(request: Request):
        if request.headers.get("authorization") != f"Bearer {state.token}":
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        return None

    @app.post("/registrations")
    async def register(request: Request, idempotency_key: str = Header()):
        state.calls += 1
        if (answer := refused(request)) is not None:
            return answer
        if state.hang_next:
            state.hang_next -= 1
            time.sleep(state.hang_seconds)
        if state.fail_next:
            state.fail_next -= 1
            return JSONResponse({"error": "busy"}, status_code=500)
        fields = await request.json()
        if not fields.get("title"):
            return JSONResponse({"error": "제목이 없습니다"}, status_code=400)
        if idempotency_key not in state.by_key:
            state.registrations += 1
            number = f"1AA-{dt.date.today():%y%m}-{state.registrations:07d}"
            state.by_key[idempotency_key] = number
            state.cases[number] = fields
        if state.drop_next:
            state.drop_next -= 1
            return JSONResponse({"error": "lost"}, status_code=502)
        return {"epeople_no": state.by_key[idempotency_key]}

    @app.get("/registrations")
    def statuses(request: Request, numbers: str = ""):
        if (answer := refused(request)) is not None:
            return answer
        return {"statuses": {n: state.statuses[n] for n in numbers.split(",")
                             if n in state.statuses}}

    return app


class Simulator:
    def __init__(self) -> None:
        self.state = State()
        self.port = free_port()
        config = uvicorn.Config(make_app(self.state), host="127.0.0.1", port=self.port,
                                log_level="warning", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Simulator:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the e-People simulator did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
