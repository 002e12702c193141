"""What every answer of the hub carries, and what no request may bring: pure ASGI
middleware around the whole application (docs/security.md §8).

* :class:`SecurityHeaders` — on every answer, errors and the status page included:
  a Content-Security-Policy that allows nothing but the status page's own style (by its
  hash: no script, no frame, no form, no third-party anything), ``frame-ancestors
  'none'`` and ``X-Frame-Options: DENY`` (no clickjacking), ``nosniff``,
  ``Referrer-Policy: no-referrer`` (the status page's URL holds the receipt's code),
  ``Cache-Control: no-store`` unless the answer says otherwise (answers hold tokens and
  personal data), and HSTS when the request came over TLS: the scheme uvicorn reports,
  which is ``https`` for TLS it terminates itself or when the trusted proxy
  (``--trusted-proxy``, by default loopback only) says ``X-Forwarded-Proto: https``.
* :class:`DeclaredBodyCap` — a request whose ``Content-Length`` is over the cap of its
  path is answered 413 ``too_large`` before a byte of its body is read. A body without
  ``Content-Length`` (chunked) is counted as it streams by FastAPI's own
  ``max_body_size`` (set in ``create_app``), which stops reading at the cap.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol
from sync.hub import status_page, wire

CSP = ("default-src 'none'; "
       f"style-src 'sha256-{status_page.STYLE_SHA256}'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HSTS = "max-age=31536000"
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store"}
_ATTACHMENTS = (protocol.ATTACHMENT.split("{")[0], protocol.UPLOADS)


def body_cap(path: str) -> int:
    """The most bytes a request body to ``path`` may have."""
    if path.startswith(_ATTACHMENTS):
        return protocol.MAX_ATTACHMENT_BYTES
    return protocol.MAX_JSON_BYTES


class SecurityHeaders:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        tls = scope.get("scheme") == "https"

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if tls:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, sending)


class DeclaredBodyCap:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = dict(scope["headers"]).get(b"content-length", b"")
            limit = body_cap(scope["path"])
            if declared.isdigit() and int(declared) > limit:
                return await _too_large(send, limit)
        await self.app(scope, receive, send)


async def _too_large(send: Send, limit: int) -> None:
    await wire.answer_error(send, 413, "too_large",
                            f"request bodies here are limited to {limit} bytes")
