"""The weak-link simulator (:mod:`tests.sync.link`) against real sockets: plain threaded
TCP servers (a sink, an echo, a source) and one real HTTP server through httpx.

The time bands are loose on purpose: they check the simulator's behaviour (it paces, it
delays, it pauses), not performance; the benchmarks measure it at full size.
"""

from __future__ import annotations

import gc
import hashlib
import http.server
import os
import socket
import threading
import time
import warnings

import httpx
import pytest

from tests.sync.link import Link, LinkProfile

MBIT = 1_000_000


class Peer:
    """A threaded TCP server on loopback: ``handler(peer, sock)`` for each connection.
    ``received`` is every byte read, ``times`` ``(time.monotonic(), total)`` per read."""

    def __init__(self, handler) -> None:
        self.handler = handler
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.received = bytearray()
        self.times: list[tuple[float, int]] = []
        self.lock = threading.Lock()
        self.socks: list[socket.socket] = []
        self.threads: list[threading.Thread] = []
        self.closing = False
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def _accept(self) -> None:
        while not self.closing:
            try:
                sock, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.socks.append(sock)
            thread = threading.Thread(target=self._run, args=(sock,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _run(self, sock: socket.socket) -> None:
        try:
            self.handler(self, sock)
        except OSError:  # reset by the link: what a cut is
            pass
        finally:
            sock.close()  # the client sees the EOF through the link

    def read(self, sock: socket.socket, echo: bool = False) -> None:
        while chunk := sock.recv(65536):
            with self.lock:
                self.received += chunk
                self.times.append((time.monotonic(), len(self.received)))
            if echo:
                sock.sendall(chunk)

    def wait_for(self, size: int, timeout: float = 5) -> float:
        """The time the ``size``-th byte arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.received) >= size:
                    return next(t for t, total in self.times if total >= size)
            time.sleep(0.005)
        raise AssertionError(f"{len(self.received)} of {size} bytes arrived")

    def close(self) -> None:
        self.closing = True
        self.acceptor.join(5)
        self.listener.close()
        for sock in self.socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # closed already
                pass
        for thread in self.threads:
            thread.join(5)


def sink(peer: Peer, sock: socket.socket) -> None:
    peer.read(sock)


def echo(peer: Peer, sock: socket.socket) -> None:
    peer.read(sock, echo=True)


def source(payload: bytes):
    def send(peer: Peer, sock: socket.socket) -> None:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        peer.read(sock)
    return send


def connect(link: Link) -> socket.socket:
    return socket.create_connection(("127.0.0.1", link.port), timeout=5)


def recv_all(sock: socket.socket) -> bytes:
    out = bytearray()
    while chunk := sock.recv(65536):
        out += chunk
    return bytes(out)


def test_the_upstream_rate_is_paced_and_every_byte_arrives_intact():
    payload = os.urandom(125_000)  # 1 s at 1 Mbit/s
    peer = Peer(sink)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(up_bps=1 * MBIT)) as link:
            with connect(link) as sock:
                began = time.monotonic()
                sock.sendall(payload)
                sock.shutdown(socket.SHUT_WR)
                elapsed = peer.wait_for(len(payload)) - began
                assert sock.recv(1) == b""  # the sink's EOF came back through the link
            assert 0.8 < elapsed < 1.6, elapsed
            assert bytes(peer.received) == payload
            assert link.bytes_up == link.offered_up == len(payload)
            assert link.bytes_down == 0 and link.cuts == 0 and link.connections == 1
    finally:
        peer.close()


def test_the_downstream_rate_is_paced():
    payload = os.urandom(125_000)
    peer = Peer(source(payload))
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(down_bps=1 * MBIT)) as link:
            with connect(link) as sock:
                began = time.monotonic()
                got = recv_all(sock)
                elapsed = time.monotonic() - began
            assert 0.8 < elapsed < 1.6, elapsed
            assert got == payload
            assert link.bytes_down == len(payload) and link.bytes_up == 0
    finally:
        peer.close()


def test_connections_share_one_radio_in_turn():
    payload = os.urandom(62_500)  # two of them: 1 s at 1 Mbit/s together
    peer = Peer(sink)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(up_bps=1 * MBIT)) as link:
            a, b = connect(link), connect(link)
            began = time.monotonic()
            a.sendall(payload)
            b.sendall(payload)
            a.shutdown(socket.SHUT_WR)
            b.shutdown(socket.SHUT_WR)
            assert a.recv(1) == b"" and b.recv(1) == b""  # both sinks read to the end
            done = time.monotonic() - began
            a.close()
            b.close()
            # Served in turn: the first half of the bytes took about half a second (not
            # the first connection's whole payload at full speed)...
            half = peer.wait_for(len(payload)) - began
            assert 0.35 < half < 0.9, half
            assert 0.8 < done < 1.7, done  # ...and both ended together, at about 1 s
            assert link.bytes_up == 2 * len(payload) and link.connections == 2
    finally:
        peer.close()


def test_latency_adds_a_round_trip_to_each_small_exchange():
    peer = Peer(echo)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(rtt=0.2)) as link:
            with connect(link) as sock:
                for _ in range(3):
                    began = time.monotonic()
                    sock.sendall(b"ping")
                    assert sock.recv(4) == b"ping"
                    elapsed = time.monotonic() - began
                    assert 0.19 < elapsed < 0.4, elapsed
    finally:
        peer.close()


def test_latency_does_not_lower_the_throughput():
    payload = os.urandom(125_000)
    peer = Peer(sink)
    try:
        profile = LinkProfile(up_bps=1 * MBIT, rtt=0.3)
        with Link("127.0.0.1", peer.port, profile) as link:
            with connect(link) as sock:
                began = time.monotonic()
                sock.sendall(payload)
                first = peer.wait_for(1) - began
                elapsed = peer.wait_for(len(payload)) - began
            assert 0.14 < first < 0.3, first  # rtt / 2
            assert 0.95 < elapsed < 1.75, elapsed  # 1 s + rtt / 2, not 83 segments × rtt
            assert bytes(peer.received) == payload
    finally:
        peer.close()


def test_a_scheduled_cut_drops_a_long_transfer_and_the_link_comes_back():
    payload = os.urandom(250_000)  # 2 s at 1 Mbit/s: cut at 0.5 s
    peer = Peer(source(payload))
    try:
        profile = LinkProfile(down_bps=1 * MBIT, cut_every=0.5)
        with Link("127.0.0.1", peer.port, profile) as link:
            with connect(link) as sock:
                got = bytearray()
                with pytest.raises(ConnectionResetError):
                    while chunk := sock.recv(65536):
                        got += chunk
                    raise AssertionError(f"a clean EOF after {len(got)} bytes")
            assert link.cuts >= 1
            assert 0 < len(got) < len(payload)
            assert got == payload[:len(got)]  # what arrived before the cut is intact
            assert link.bytes_down == len(got)
            assert link.up_since is not None
    finally:
        peer.close()


def test_a_cut_every_n_bytes_counts_over_all_connections():
    peer = Peer(sink)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(cut_after_bytes=50_000)) as link:
            with connect(link) as sock:
                # reset, broken pipe or not connected, as the race with the RST falls
                with pytest.raises(OSError):
                    sock.sendall(os.urandom(400_000))
                    sock.recv(1)
            assert link.cuts == 1 and link.bytes_up == 50_000
            assert link.offered_up >= 50_000
            with connect(link) as sock:  # 80,000: no cut
                sock.sendall(os.urandom(30_000))
                sock.shutdown(socket.SHUT_WR)
                assert sock.recv(1) == b""
            assert link.cuts == 1 and link.bytes_up == 80_000
            with connect(link) as sock:  # 100,000: the second cut
                with pytest.raises(OSError):
                    sock.sendall(os.urandom(30_000))
                    sock.shutdown(socket.SHUT_WR)
                    sock.recv(1)
            assert link.cuts == 2 and link.bytes_up == 100_000
            assert link.connections == 3
            assert len(peer.received) <= 100_000
    finally:
        peer.close()


def _echoes(link: Link) -> bool:
    try:
        with connect(link) as sock:
            sock.sendall(b"hello")
            return sock.recv(5) == b"hello"
    except OSError:
        return False


def test_after_a_cut_the_link_stays_down_for_down_for_seconds():
    peer = Peer(echo)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(down_for=0.6)) as link:
            assert _echoes(link)
            cut = time.monotonic()
            link.cut_now()
            assert link.cuts == 1 and link.up_since is None
            assert not _echoes(link)  # accepted, then reset: a dead route
            assert link.refused >= 1
            while not _echoes(link):
                assert time.monotonic() - cut < 3
                time.sleep(0.02)
            back = time.monotonic() - cut
            assert 0.55 < back < 1.2, back
            assert link.up_since is not None and link.up_since - cut >= 0.59
            assert link.cuts == 1
    finally:
        peer.close()


def test_a_stall_holds_the_bytes_then_delivers_them_intact():
    payload = os.urandom(125_000)
    peer = Peer(sink)
    try:
        profile = LinkProfile(up_bps=1 * MBIT, stalls=[(0.3, 0.5)])
        with Link("127.0.0.1", peer.port, profile) as link:
            start = link.up_since
            with connect(link) as sock:
                sock.sendall(payload)
                done = peer.wait_for(len(payload)) - start
            assert bytes(peer.received) == payload
            assert link.cuts == 0 and link.bytes_up == len(payload)
            during = [t - start for t, _ in peer.times if 0.32 < t - start < 0.78]
            assert during == []
            before = max(total for t, total in peer.times if t - start < 0.3)
            assert 20_000 < before < 60_000, before
            assert 1.35 < done < 2.2, done
    finally:
        peer.close()


def test_a_stall_holds_the_answer_too():
    peer = Peer(echo)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(stalls=[(0.2, 0.4)])) as link:
            start = link.up_since
            with connect(link) as sock:
                sock.sendall(b"before")
                assert sock.recv(6) == b"before"
                time.sleep(max(0.0, start + 0.25 - time.monotonic()))
                sock.sendall(b"during")
                assert sock.recv(6) == b"during"
                assert time.monotonic() - start > 0.59
    finally:
        peer.close()


def test_set_profile_changes_the_rate_on_the_fly():
    payload = os.urandom(125_000)
    peer = Peer(sink)
    try:
        with Link("127.0.0.1", peer.port, LinkProfile(up_bps=0.1 * MBIT)) as link:
            link.set_profile(LinkProfile(up_bps=2 * MBIT))
            with connect(link) as sock:
                began = time.monotonic()
                sock.sendall(payload)
                elapsed = peer.wait_for(len(payload)) - began
            assert 0.4 < elapsed < 0.9, elapsed
    finally:
        peer.close()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        size = int(self.path.strip("/"))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.wfile.write(bytes(i % 251 for i in range(size)))

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        answer = hashlib.sha256(body).hexdigest().encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args) -> None:
        pass


class _HTTPServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a reset mid-answer is the point of these tests


@pytest.fixture
def http_server():
    running = _HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
    thread.join(5)


def test_httpx_through_the_link(http_server):
    port = http_server.server_address[1]
    body = os.urandom(100_000)
    profile = LinkProfile(up_bps=2 * MBIT, down_bps=4 * MBIT, rtt=0.1)
    with Link("127.0.0.1", port, profile) as link, \
            httpx.Client(base_url=link.url, timeout=10) as client:
        began = time.monotonic()
        answer = client.post("/", content=body)
        upload = time.monotonic() - began
        assert answer.status_code == 200
        assert answer.text == hashlib.sha256(body).hexdigest()
        assert 0.4 < upload < 1.0, upload  # 0.4 s of air time + a round trip
        began = time.monotonic()
        got = client.get("/200000")
        download = time.monotonic() - began
        assert got.content == bytes(i % 251 for i in range(200_000))
        assert 0.45 < download < 1.1, download
        assert link.bytes_up == link.offered_up > len(body)
        assert link.bytes_down > 200_000


def test_httpx_sees_a_transport_error_when_the_link_drops(http_server):
    port = http_server.server_address[1]
    profile = LinkProfile(down_bps=1 * MBIT, cut_every=0.4)
    with Link("127.0.0.1", port, profile) as link, \
            httpx.Client(base_url=link.url, timeout=10) as client:
        with pytest.raises(httpx.TransportError):
            client.get("/250000")
        assert link.cuts == 1
        assert client.get("/100").status_code == 200  # back at once (down_for=0)


def test_stop_with_open_connections_leaves_no_warnings():
    peer = Peer(echo)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            profile = LinkProfile(up_bps=1 * MBIT, rtt=0.2)
            link = Link("127.0.0.1", peer.port, profile)
            link.start()
            busy, in_flight, idle = connect(link), connect(link), connect(link)
            busy.sendall(os.urandom(300_000))  # mostly waiting for the radio
            in_flight.sendall(b"on the way")  # 0.1 s on the way when stopped
            assert _echoes(link)
            link.stop()
            link.stop()  # twice is fine
            assert not link.thread.is_alive() and link.loop.is_closed()
            for sock in (busy, in_flight, idle):
                with sock, pytest.raises(ConnectionResetError):
                    while sock.recv(65536):  # the echo may have come back already
                        pass
            del link
            gc.collect()
        assert [str(w.message) for w in caught] == []
    finally:
        peer.close()
