"""The client's own rules that need no hub: backoff with full jitter, Retry-After, and TLS
verification against a real HTTPS server on loopback with a certificate made here."""

from __future__ import annotations

import datetime as dt
import json
import ssl
import threading
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from sync import client, protocol


def test_backoff_grows_exponentially_up_to_its_cap_and_jitters_below_it():
    retry = client.Retry(attempts=9, base=0.5, cap=30.0)
    assert [retry.delay(n, lambda: 1.0) for n in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert retry.delay(5, lambda: 0.0) == 0.0
    assert retry.delay(3, lambda: 0.25) == 1.0


def test_retry_after_in_seconds_or_as_a_date():
    assert client._retry_after(httpx.Response(429, headers={"Retry-After": "7"})) == 7.0
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=60)
    wait = client._retry_after(httpx.Response(429, headers={
        "Retry-After": format_datetime(later, usegmt=True)}))
    assert 50 < wait <= 60
    assert client._retry_after(httpx.Response(429)) is None
    assert client._retry_after(httpx.Response(429, headers={"Retry-After": "soon"})) is None


def test_a_missing_ca_bundle_is_refused_with_its_name(tmp_path):
    with pytest.raises(client.CertificateRejected, match="nope.pem"):
        client.tls_verify(str(tmp_path / "nope.pem"))
    assert client.tls_verify(None) is True


@pytest.fixture
def https_hub(tmp_path):
    """A tiny HTTPS server answering enrolments and pulls like the hub, with a self-signed
    certificate for 127.0.0.1 (``cert`` is its path, usable as a CA bundle)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fieldbus test hub")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "hub.pem", tmp_path / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))

    class Handler(BaseHTTPRequestHandler):
        audit_head = {"protocol": protocol.PROTOCOL_VERSION, "vouched": None,
                      "flagged": False, "problem": None}

        def do_POST(self) -> None:  # an enrolment answer (or an audit head's)
            self.rfile.read(int(self.headers["Content-Length"]))
            if self.path == protocol.AUDIT_HEAD:
                return self._answer(self.audit_head)
            self._answer({"protocol": protocol.PROTOCOL_VERSION, "device": "B07A",
                          "token": "t0ken", "public_url": "https://127.0.0.1",
                          "qr_secret": "ab" * 32})

        def do_GET(self) -> None:  # an empty pull page (or nothing vouched for yet)
            if self.path == protocol.ROOT:  # a hub of protocol 1, as hubs were
                return self._answer({"name": protocol.HUB_NAME, "version": "0.1.0",
                                     "protocol": 1})
            if self.path == protocol.AUDIT_HEAD:
                return self._answer(self.audit_head)
            self._answer({"protocol": protocol.PROTOCOL_VERSION, "changes": [],
                          "cursor": "c-1", "more": False})

        def _answer(self, data: dict) -> None:
            body = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"https://127.0.0.1:{server.server_address[1]}"
    server.cert = cert_path
    yield server
    server.shutdown()
    server.server_close()
    thread.join(10)


REQUEST = {"protocol": 1, "username": "kim", "password": "pw", "device": "B07A",
           "device_key": "k", "qr_secret": "ab" * 32}


def test_an_untrusted_certificate_stops_at_once(https_hub):
    waits: list[float] = []
    with client.Connection(https_hub.url, sleep=waits.append) as conn, \
            pytest.raises(client.CertificateRejected, match="FIELDBUS_CA_BUNDLE"):
        client.enrol(conn, REQUEST)
    assert waits == [] and conn.requests == 1  # no retries: retrying cannot help


def test_a_configured_ca_bundle_is_trusted(https_hub):
    with client.Connection(https_hub.url,
                           verify=client.tls_verify(str(https_hub.cert))) as conn:
        assert client.enrol(conn, REQUEST)["token"] == "t0ken"


def test_enrol_with_a_ca_bundle_keeps_it_for_later_syncs(https_hub, store):
    from fieldbus.services import sync_link

    with pytest.raises(client.CertificateRejected):  # the system's CAs do not know it
        sync_link.enrol(store, store.officer, hub_url=https_hub.url, username="kim",
                        password="pw")
    assert store.meta(sync_link.HUB_API_KEY) is None

    sync_link.enrol(store, store.officer, hub_url=https_hub.url, username="kim",
                    password="pw", ca_bundle=str(https_hub.cert))

    assert store.meta(sync_link.CA_BUNDLE_KEY) == str(https_hub.cert.resolve())
    assert store.meta(sync_link.HUB_API_KEY) == https_hub.url
    # Later runs trust it without being told again.
    result = sync_link.run(store, store.officer, retry=client.Retry(attempts=1))
    assert result.error is None and store.meta("sync_cursor") == "c-1"
