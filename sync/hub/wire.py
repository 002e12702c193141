"""What travels on the wire besides the API's meaning: which protocol version an answer is
written in, and compressed bodies both ways (issue 15).

* **The version spoken.** A request says which protocol it speaks in ``Fieldbus-Protocol``
  (``sync.protocol.PROTOCOL_HEADER``); a laptop from before the header speaks 1. Each
  answer's ``"protocol"`` is that version (:class:`HubJSON`), and the version-2 behaviour
  (a case accepted before its attachments) is given only to a request that speaks 2 — so
  an old laptop keeps working against a new hub, byte for byte as before. A version this
  hub does not speak is refused with 400 ``protocol_unsupported`` saying what to update.
* **Compressed requests.** A JSON body sent with ``Content-Encoding: gzip`` is inflated
  here, before anything reads it, and never past ``protocol.MAX_JSON_BYTES``: the
  inflater is asked for at most the cap and a byte, so a body that would inflate to
  gigabytes (a zip bomb) is refused with 413 after inflating 4 MiB, not after filling
  the hub's memory. Other codings are 415 ``unsupported_encoding``. Attachments are never
  compressed (photos and scans are compressed already): their paths are left alone.
* **Compressed answers.** JSON, HTML, CSV and SVG answers are gzipped for a client that
  accepts it (Starlette's ``GZipMiddleware``); blobs are sent as they are.
"""

from __future__ import annotations

import contextvars
import json
import zlib
from typing import Any

from fastapi.responses import JSONResponse
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol

_SPOKEN: contextvars.ContextVar[int] = contextvars.ContextVar("spoken", default=1)
_HEADER = protocol.PROTOCOL_HEADER.lower().encode()
_BLOB_PATHS = (protocol.ATTACHMENT.split("{")[0], protocol.UPLOADS,
               "/api/v1/cases/")  # …/attachments/{sha256}: checked below
#: Below this an answer is sent as it is: gzip's header would eat what it saves.
MIN_COMPRESS = 500


def spoken() -> int:
    """The protocol version the request being answered speaks."""
    return _SPOKEN.get()


class HubJSON(JSONResponse):
    """A JSON answer whose top-level ``"protocol"`` is the version the request speaks."""

    def render(self, content: Any) -> bytes:
        if isinstance(content, dict) and "protocol" in content:
            content = {**content, "protocol": spoken()}
        return super().render(content)


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"protocol": spoken(), "error": {"code": code, "message": message}}
                      ).encode()


async def answer_error(send: Send, status: int, code: str, message: str) -> None:
    """An error answered by middleware, before the application (it closes the connection:
    the body it refused may still be arriving)."""
    body = error_body(code, message)
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class Spoken:
    """Sets the version spoken from the request's header (outside everything else, so even
    a middleware's refusal is written in it)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        raw = dict(scope["headers"]).get(_HEADER)
        version = 1
        if raw is not None:
            text = raw.decode("latin-1").strip()
            version = int(text) if text.isdigit() and len(text) < 4 else -1
            if version not in protocol.PROTOCOLS:
                token = _SPOKEN.set(max(protocol.PROTOCOLS))
                try:
                    return await answer_error(
                        send, 400, "protocol_unsupported",
                        f"this hub speaks sync protocol {min(protocol.PROTOCOLS)} to "
                        f"{max(protocol.PROTOCOLS)}, not {text[:8]!r}: update the hub")
                finally:
                    _SPOKEN.reset(token)
        token = _SPOKEN.set(version)
        try:
            await self.app(scope, receive, send)
        finally:
            _SPOKEN.reset(token)


def _is_blob_path(path: str) -> bool:
    return path.startswith(_BLOB_PATHS[:2]) or (
        path.startswith(_BLOB_PATHS[2]) and "/attachments/" in path)


class Inflate:
    """Inflates gzip request bodies under the JSON cap (see the module's docstring)."""

    def __init__(self, app: ASGIApp, limit: int = protocol.MAX_JSON_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        coding = headers.get(b"content-encoding", b"").decode("latin-1").strip().lower()
        if coding in ("", "identity"):
            return await self.app(scope, receive, send)
        if coding != "gzip" or _is_blob_path(scope["path"]):
            return await answer_error(send, 415, "unsupported_encoding",
                                      "request bodies may be sent as gzip (JSON only)")
        inflater = zlib.decompressobj(wbits=31)
        parts: list[bytes] = []
        size, more = 0, True
        try:
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                more = message.get("more_body", False)
                data = message.get("body", b"")
                while data:
                    out = inflater.decompress(data, self.limit - size + 1)
                    size += len(out)
                    if size > self.limit:
                        return await answer_error(
                            send, 413, "too_large",
                            f"request bodies here are limited to {self.limit} bytes "
                            "once inflated")
                    parts.append(out)
                    data = inflater.unconsumed_tail
            if not inflater.eof:
                raise zlib.error("truncated")
        except zlib.error:
            return await answer_error(send, 400, "bad_encoding",
                                      "the body is not valid gzip")
        body = b"".join(parts)
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"]
                            if k not in (b"content-encoding", b"content-length")] + [
            (b"content-length", str(len(body)).encode())]
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class Compress:
    """Starlette's gzip for the answers worth it; blobs untouched."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MIN_COMPRESS, compresslevel=6)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not _is_blob_path(scope["path"]):
            return await self.gzip(scope, receive, send)
        await self.app(scope, receive, send)
