"""A small HTTP proxy in front of the real hub that misbehaves on purpose.

It runs asyncio in a thread on a free loopback port, reads each request (headers and a
Content-Length body), asks ``fault(n, method, path)`` what to do with request ``n`` and
then forwards it to the hub, or answers for it, or breaks the connection:

* ``None`` — forward and answer what the hub answered;
* ``"500"`` — answer 500 without forwarding;
* ``"cut_before"`` — close the connection without forwarding (lost on the way there);
* ``"cut_after"`` — forward (the hub does the work), then send half the answer and close
  (lost on the way back: the client must not know whether it arrived);
* ``"portal"`` — a captive portal's 200 HTML page;
* ``"garbage"`` — a 200 with ``application/json`` that is not JSON;
* ``"wrong_json"`` — a 200 with JSON that is not the protocol's;
* ``"429"`` — Too Many Requests with ``Retry-After: 1``.

Each answer closes its connection (``Connection: close``), so requests never mix.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from tests.hub.fixtures import free_port

Fault = Callable[[int, str, str], str | None]
_FORWARDED = ("authorization", "content-type", "content-encoding", "user-agent", "accept",
              "fieldbus-protocol", "tus-resumable")

_CANNED = {
    "500": (500, "application/json", b'{"detail": "internal error"}'),
    "portal": (200, "text/html", b"<html><body>Welcome to BusWiFi - please accept the "
                                 b"terms</body></html>"),
    "garbage": (200, "application/json", b"{\"protocol\": 1, \"results\": [tru"),
    "wrong_json": (200, "application/json", b'{"status": "ok"}'),
    "429": (429, "application/json", b'{"protocol": 1, "error": {"code": "busy"}}'),
}


@dataclass
class Proxy:
    target: str
    fault: Fault = lambda n, method, path: None
    port: int = field(default_factory=free_port)
    seen: list[tuple[str, str, str | None]] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)  # each request's body, as seen
    #: The hub's versions as the laptop is to see them: ``[1]`` makes the real hub behind
    #: look and behave like a hub of protocol 1 (its HubInfo without the version-2 keys,
    #: the laptop's Fieldbus-Protocol header dropped); ``[3]`` like a hub from the future.
    speaks: list[int] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, method: str, path_start: str, *, forwarded: bool = True) -> int:
        return sum(1 for m, p, f in self.seen if m == method and p.startswith(path_start)
                   and (not forwarded or f in (None, "cut_after")))

    def start(self) -> None:
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            self.server = self.loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", self.port))
            self.hub = httpx.AsyncClient(base_url=self.target, timeout=60)
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(10)

    def stop(self) -> None:
        async def shutdown() -> None:
            self.server.close()
            await self.server.wait_closed()
            await self.hub.aclose()

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        n = len(self.seen) + 1
        what = self.fault(n, method, target.split("?")[0])
        self.seen.append((method, target, what))
        self.bodies.append(body)
        if what == "cut_before":
            writer.transport.abort()
            return
        if what in _CANNED:
            status, media, content = _CANNED[what]
            extra = {"Retry-After": "1"} if what == "429" else {}
        else:
            forwarded = {k: v for k, v in headers.items() if k in _FORWARDED
                         or k.startswith("upload-")}
            if self.speaks is not None:
                forwarded.pop("fieldbus-protocol", None)
            try:
                answer = await self.hub.request(method, target, headers=forwarded,
                                                content=body)
            except httpx.TransportError:  # the hub is down: so is the connection
                writer.transport.abort()
                return
            status, media = answer.status_code, answer.headers.get("content-type", "")
            content, extra = answer.content, {}
            if self.speaks is not None and target == "/":
                content = json.dumps({"name": "fieldbus-hub", "version": "0.0.9",
                                      "protocol": self.speaks[0], **(
                                          {"protocols": self.speaks}
                                          if self.speaks != [1] else {})}).encode()
            if method == "HEAD":  # a HEAD answer's length is the resource's, not its own
                extra["Content-Length"] = answer.headers.get("content-length", "0")
            for name in ("retry-after", "location", "tus-resumable", "upload-offset",
                         "upload-length", "upload-expires"):
                if name in answer.headers:
                    extra[name.title()] = answer.headers[name]
        extra.setdefault("Content-Length", str(len(content) if method != "HEAD" else 0))
        response = (f"HTTP/1.1 {status} X\r\nContent-Type: {media}\r\nConnection: close\r\n"
                    + "".join(f"{k}: {v}\r\n" for k, v in extra.items()) + "\r\n").encode()
        payload = response + (content if method != "HEAD" else b"")
        if what == "cut_after":
            writer.write(payload[: max(1, len(payload) // 2)])
            await writer.drain()
            writer.transport.abort()
            return
        writer.write(payload)
        await writer.drain()
        writer.close()


def plain(body: bytes) -> bytes:
    """A request body as the hub reads it (pushes to a hub of protocol 2 go gzipped)."""
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


def uploads_cut(n: int, method: str, path: str) -> str | None:
    """Every tus upload lost on the way; everything else goes through."""
    return "cut_before" if path.startswith("/api/v1/uploads") else None


def every(k: int, what: str) -> Fault:
    """``what`` on every ``k``-th request."""
    return lambda n, method, path: what if n % k == 0 else None


def on_pushes(*answers: str | None) -> Fault:
    """``answers[i]`` for the i-th push (the last one for every push after); nothing else
    is touched."""
    pushes = 0

    def fault(n: int, method: str, path: str) -> str | None:
        nonlocal pushes
        if path != "/api/v1/push":
            return None
        pushes += 1
        return answers[min(pushes, len(answers)) - 1]
    return fault
