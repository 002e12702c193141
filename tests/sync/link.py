"""A simulated weak mobile link: a byte-level TCP proxy for tests and benchmarks.

Issue 15 is about syncing over a bus's mobile uplink — about 1 Mbit/s up, a few hundred
milliseconds of round trip, and a link that drops every minute or so and comes back. On
loopback none of that happens, so :class:`Link` puts it back: it listens on a free
loopback port and forwards raw bytes both ways to a target (a real hub), never parsing
HTTP, so a real client (httpx) sees what it would see on the road:

* a rate limit per direction — a token bucket shared by every connection (one radio),
  releasing bytes in segments of at most :data:`SEGMENT` bytes;
* latency — every segment arrives ``rtt / 2`` after it was released (a pipeline: the
  latency does not lower the throughput);
* cuts — every ``cut_every`` seconds, every ``cut_after_bytes`` bytes sent up, or on
  :meth:`Link.cut_now`, every open connection is reset and the bytes in flight are lost;
  for ``down_for`` seconds afterwards new connections are accepted and reset at once;
* stalls — ``(at, duration)``: nothing moves either way, but nothing is lost.

It runs asyncio in its own daemon thread, like :mod:`tests.sync.faults`.
"""

from __future__ import annotations

import asyncio
import math
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from tests.hub.fixtures import free_port

#: The largest slice the rate limiter releases at once (about one IP packet), and the
#: bucket's burst allowance: an idle link sends one segment at once, then paces.
SEGMENT = 1500
#: Bytes read from a sender but not yet released by the rate limiter above which reading
#: from it pauses (its TCP window fills, as on a real slow link), and below which it
#: resumes.
HIGH_WATER = 64 * 1024
LOW_WATER = 16 * 1024
#: Bytes released but not yet delivered (on the way: ``rate × rtt / 2``) above which the
#: sender pauses too — only reached with no rate limit, or a receiver that does not read.
MAX_IN_FLIGHT = 8 * 1024 * 1024
#: While the radio is busy, a late timer's lost time is made up (so the rate is exact
#: over time) — for at most this many seconds (after a stall of the whole event loop).
CATCH_UP = 0.1
#: Timers may fire this early (seconds).
_EARLY = 1e-6


@dataclass
class LinkProfile:
    up_bps: float | None = None         # client→server rate, bits per second (None: unlimited)
    down_bps: float | None = None       # server→client rate
    rtt: float = 0.0                    # round trip (s): each direction delays each byte rtt/2
    cut_every: float | None = None      # s: every N s from start() every connection is reset
    cut_after_bytes: int | None = None  # every N bytes delivered upstream (all connections)
    down_for: float = 0.0               # s after a cut during which new connections are reset
    stalls: list[tuple[float, float]] = field(default_factory=list)  # (at, duration), s


def _reset(transport: asyncio.BaseTransport) -> None:
    """Abort with a TCP reset (SO_LINGER 0), so that the peer sees one mid-stream."""
    sock = transport.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:  # already closed
            pass
    transport.abort()


class _Shaper:
    """One direction of the radio: a token bucket shared by every connection, served in
    turn a segment at a time. ``clock`` is when the radio finishes what it was given; it
    advances by exactly each segment's air time, so late timers do not lose throughput.
    An idle radio saves up at most one segment (the burst allowance)."""

    def __init__(self, link: Link, up: bool) -> None:
        self.link, self.up = link, up
        self.active: deque[_Pipe] = deque()
        self.handle: asyncio.TimerHandle | asyncio.Handle | None = None
        self.clock = 0.0
        self.idle = True

    def rate(self) -> float | None:
        bps = self.link.profile.up_bps if self.up else self.link.profile.down_bps
        return None if bps is None else bps / 8

    def add(self, pipe: _Pipe) -> None:
        if not pipe.queued:
            pipe.queued = True
            self.active.append(pipe)
        self.kick()

    def kick(self) -> None:
        if self.handle is None and self.active:
            self.handle = self.link.loop.call_soon(self.run)

    def reschedule(self) -> None:
        self.cancel()
        self.kick()

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None

    def run(self) -> None:
        self.handle = None
        loop = self.link.loop
        while self.active:
            now = loop.time()
            resume = self.link._stalled_until(now)
            if resume is not None:
                self.idle = True  # no credit saved up over a stall beyond the burst
                self.handle = loop.call_at(resume, self.run)
                return
            pipe = self.active[0]
            if not pipe.pending:  # dropped meanwhile
                self.active.popleft()
                pipe.queued = False
                continue
            segment = pipe.pending[0]
            rate = self.rate()
            if rate is not None:
                if self.idle:  # credit saved up while idle: one segment
                    start = max(self.clock, now - SEGMENT / rate)
                    self.idle = False
                else:  # busy: late timers are made up for, within reason
                    start = max(self.clock, now - max(SEGMENT / rate, CATCH_UP))
                done = start + len(segment) / rate
                if done > now + _EARLY:
                    self.clock = start
                    self.handle = loop.call_at(done, self.run)
                    return
                self.clock = done
            pipe.pending.popleft()
            self.active.popleft()
            pipe.release(segment, now)
            if pipe.pending:
                self.active.append(pipe)
            else:
                pipe.queued = False
        self.idle = True


class _Pipe:
    """One direction of one connection: bytes read from ``src`` wait in ``pending`` for
    the shaper, then in ``in_flight`` (with the time each arrives) for delivery to
    ``dst``. A ``None`` segment in ``in_flight`` is the end of the stream (EOF or reset)."""

    def __init__(self, conn: _Connection, up: bool) -> None:
        self.conn, self.up = conn, up
        self.link = conn.link
        self.shaper = self.link._shapers[up]
        self.src: asyncio.Transport | None = None
        self.dst: asyncio.Transport | None = None
        self.pending: deque[bytes] = deque()
        self.pending_bytes = 0
        self.in_flight: deque[tuple[float, bytes | None]] = deque()
        self.in_flight_bytes = 0
        self.queued = False  # in the shaper's queue
        self.handle: asyncio.TimerHandle | None = None
        self.dst_paused = False
        self.src_paused = False
        self.ending: bool | None = None  # the source ended: False with EOF, True with reset
        self.end_time = 0.0
        self.finished = False  # the end was passed on (or the receiver is gone)

    # from the source
    def feed(self, data: bytes) -> None:
        if self.conn.closed or self.finished or self.ending is not None:
            return
        for i in range(0, len(data), SEGMENT):
            self.pending.append(data[i:i + SEGMENT])
        self.pending_bytes += len(data)
        self.shaper.add(self)
        self.throttle()

    def end(self, reset: bool) -> None:
        if self.ending is not None or self.finished:
            return
        self.ending, self.end_time = reset, self.link.loop.time()
        if not self.pending:
            self._push_end(self.end_time)

    def throttle(self) -> None:
        src = self.src
        if src is None or self.ending is not None or self.conn.closed:
            return
        if not self.src_paused:
            if self.pending_bytes > HIGH_WATER or self.in_flight_bytes > MAX_IN_FLIGHT:
                self.src_paused = True
                src.pause_reading()
        elif self.pending_bytes <= LOW_WATER and self.in_flight_bytes <= MAX_IN_FLIGHT // 2:
            self.src_paused = False
            src.resume_reading()

    # from the shaper
    def release(self, segment: bytes, now: float) -> None:
        self.pending_bytes -= len(segment)
        self.in_flight.append((now + self.link.profile.rtt / 2, segment))
        self.in_flight_bytes += len(segment)
        if not self.pending and self.ending is not None:
            self._push_end(now)
        self.throttle()
        self.kick()

    def _push_end(self, now: float) -> None:
        self.in_flight.append((max(self.end_time, now) + self.link.profile.rtt / 2, None))
        self.kick()

    # to the receiver
    def pause(self) -> None:
        self.dst_paused = True

    def resume(self) -> None:
        self.dst_paused = False
        self.kick()

    def kick(self) -> None:
        if (self.handle is not None or not self.in_flight or self.dst is None
                or self.dst_paused or self.finished or self.conn.closed):
            return
        at = self.in_flight[0][0]
        at = self.link._stalled_until(at) or at
        self.handle = self.link.loop.call_at(at, self.deliver)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None

    def deliver(self) -> None:
        self.handle = None
        link, dst = self.link, self.dst
        if self.conn.closed or self.finished or dst is None or self.dst_paused:
            return
        now = link.loop.time()
        if link._stalled_until(now) is not None:
            self.kick()
            return
        batch: list[bytes] = []
        end: bool | None = None
        while self.in_flight and self.in_flight[0][0] <= now + _EARLY:
            segment = self.in_flight.popleft()[1]
            if segment is None:
                end = self.ending
                break
            batch.append(segment)
        data = b"".join(batch)
        self.in_flight_bytes -= len(data)
        every = link.profile.cut_after_bytes
        if self.up and every and data and len(data) >= link._next_byte_cut - link.bytes_up:
            room = link._next_byte_cut - link.bytes_up
            dst.write(data[:room])
            link.bytes_up += room
            link._next_byte_cut += every
            link._cut()
            return
        if data:
            if dst.is_closing():
                return
            dst.write(data)
            if self.up:
                link.bytes_up += len(data)
            else:
                link.bytes_down += len(data)
        if end is not None:
            self.finish(end)
            return
        self.throttle()
        self.kick()

    def finish(self, reset: bool) -> None:
        self.finished = True
        if reset:
            self.conn.abort()
            return
        if self.dst is not None and not self.dst.is_closing() and self.dst.can_write_eof():
            self.dst.write_eof()
        self.conn.maybe_close()

    def drop(self) -> None:
        self.cancel()
        self.pending.clear()
        self.in_flight.clear()
        self.pending_bytes = self.in_flight_bytes = 0
        if self.queued:
            self.shaper.reschedule()


class _Connection:
    """A client's connection and the one the link opened to the target for it."""

    def __init__(self, link: Link, client: asyncio.Transport) -> None:
        self.link = link
        self.client = client
        self.server: asyncio.Transport | None = None
        self.up, self.down = _Pipe(self, True), _Pipe(self, False)
        self.up.src = self.down.dst = client
        self.closed = False
        self.task: asyncio.Task | None = None

    def connected(self, server: asyncio.Transport) -> None:
        self.server = self.up.dst = self.down.src = server
        self.up.kick()

    def lost(self, client_side: bool, exc: Exception | None) -> None:
        """A socket went away that the link did not close: the peer reset it or a write
        failed. The bytes from it still cross the link, then a reset."""
        if self.closed:
            return
        towards, away = (self.down, self.up) if client_side else (self.up, self.down)
        towards.drop()
        towards.finished = True
        away.end(reset=True)
        self.maybe_close()

    def maybe_close(self) -> None:
        if self.up.finished and self.down.finished and not self.closed:
            self.closed = True
            self.link._open.discard(self)
            for transport in (self.client, self.server):
                if transport is not None:
                    transport.close()

    def abort(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.link._open.discard(self)
        self.up.drop()
        self.down.drop()
        if self.task is not None and not self.task.done():
            self.task.cancel()
        for transport in (self.client, self.server):
            if transport is not None:
                _reset(transport)


class _ClientSide(asyncio.Protocol):
    def __init__(self, link: Link) -> None:
        self.link = link
        self.conn: _Connection | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        link = self.link
        self.transport = transport
        link._transports.add(transport)
        link.connections += 1
        if link._stopping or link._down_until is not None:
            link.refused += 1
            _reset(transport)
            return
        assert isinstance(transport, asyncio.Transport)
        self.conn = conn = _Connection(link, transport)
        link._open.add(conn)
        conn.task = link.loop.create_task(link._connect(conn))
        link._tasks.add(conn.task)
        conn.task.add_done_callback(link._tasks.discard)

    def data_received(self, data: bytes) -> None:
        self.link.offered_up += len(data)
        if self.conn is not None:
            self.conn.up.feed(data)

    def eof_received(self) -> bool:
        if self.conn is None:
            return False
        self.conn.up.end(reset=False)
        return True  # keep the other direction open

    def connection_lost(self, exc: Exception | None) -> None:
        self.link._transports.discard(self.transport)
        if self.conn is not None:
            self.conn.lost(True, exc)

    def pause_writing(self) -> None:
        if self.conn is not None:
            self.conn.down.pause()

    def resume_writing(self) -> None:
        if self.conn is not None:
            self.conn.down.resume()


class _ServerSide(asyncio.Protocol):
    def __init__(self, conn: _Connection) -> None:
        self.conn = conn
        self.link = conn.link

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.link._transports.add(transport)
        if self.conn.closed:
            _reset(transport)
            return
        assert isinstance(transport, asyncio.Transport)
        self.conn.connected(transport)

    def data_received(self, data: bytes) -> None:
        self.conn.down.feed(data)

    def eof_received(self) -> bool:
        self.conn.down.end(reset=False)
        return True

    def connection_lost(self, exc: Exception | None) -> None:
        self.link._transports.discard(self.transport)
        self.conn.lost(False, exc)

    def pause_writing(self) -> None:
        self.conn.up.pause()

    def resume_writing(self) -> None:
        self.conn.up.resume()


class Link:
    """``Link(host, port, LinkProfile(...))``: ``start()`` it (or use ``with``), point the
    client at ``url``. The counters may be read from any thread; ``cut_now()`` and
    ``set_profile()`` take effect before they return."""

    def __init__(self, target_host: str, target_port: int, profile: LinkProfile, *,
                 port: int | None = None) -> None:
        self.target_host, self.target_port = target_host, target_port
        self.profile = profile
        self.port = free_port() if port is None else port
        self.bytes_up = 0      # delivered to the server
        self.bytes_down = 0    # delivered to the client
        self.offered_up = 0    # read from the client, including bytes lost in a cut
        self.cuts = 0
        self.connections = 0   # accepted, including those reset while the link was down
        self.refused = 0       # accepted while the link was down, and reset at once
        self.up_since: float | None = None  # time.monotonic() the link last came (back) up
        self._started = self._stopped = self._stopping = False
        self._open: set[_Connection] = set()
        self._transports: set[asyncio.BaseTransport] = set()
        self._tasks: set[asyncio.Task] = set()
        self._down_until: float | None = None
        self._back_up: asyncio.TimerHandle | None = None
        self._cut_timer: asyncio.TimerHandle | None = None
        self._next_byte_cut = profile.cut_after_bytes or 0
        self._t0 = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Link:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- control (any thread) -----------------------------------------------------------

    def start(self) -> None:
        if self._started:
            raise RuntimeError("the link was started already")
        self._started = True
        self.loop = asyncio.new_event_loop()
        self._shapers = {True: _Shaper(self, True), False: _Shaper(self, False)}
        ready = threading.Event()
        failed: list[BaseException] = []

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            try:
                self.server = self.loop.run_until_complete(self.loop.create_server(
                    lambda: _ClientSide(self), "127.0.0.1", self.port))
            except BaseException as error:  # noqa: BLE001 - handed to start()
                failed.append(error)
                ready.set()
                return
            self._t0 = self.loop.time()
            self.up_since = time.monotonic()
            self._schedule_cut()
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, name=f"link-{self.port}", daemon=True)
        self.thread.start()
        ready.wait(10)
        if failed:
            self.thread.join(10)
            self.loop.close()
            self._stopped = True
            raise failed[0]

    def stop(self) -> None:
        """Close the listening socket and reset every connection; join the thread."""
        if not self._started or self._stopped:
            return
        self._stopped = True

        async def shutdown() -> None:
            self._stopping = True
            for timer in (self._cut_timer, self._back_up):
                if timer is not None:
                    timer.cancel()
            for shaper in self._shapers.values():
                shaper.cancel()
            self.server.close()
            for conn in list(self._open):
                conn.abort()
            for transport in list(self._transports):
                _reset(transport)
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.server.wait_closed()
            deadline = self.loop.time() + 5
            while self._transports and self.loop.time() < deadline:
                await asyncio.sleep(0.005)  # connection_lost runs on the next turns

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def cut_now(self) -> None:
        """Drop the link now, as a scheduled cut would."""
        self._in_loop(self._cut)

    def set_profile(self, profile: LinkProfile) -> None:
        """Change the profile on the fly: rates and latency apply to bytes not yet
        released; the cut schedule and the stalls still count from ``start()``."""
        if not self._started or self._stopped:
            self.profile = profile
            self._next_byte_cut = profile.cut_after_bytes or 0
            return
        self._in_loop(lambda: self._apply(profile))

    def _in_loop(self, action) -> None:
        if not self._started or self._stopped:
            raise RuntimeError("the link is not running")
        if threading.current_thread() is self.thread:
            action()
            return

        async def call() -> None:
            action()
        asyncio.run_coroutine_threadsafe(call(), self.loop).result(10)

    # --- in the loop --------------------------------------------------------------------

    def _apply(self, profile: LinkProfile) -> None:
        self.profile = profile
        every = profile.cut_after_bytes
        self._next_byte_cut = (self.bytes_up // every + 1) * every if every else 0
        self._schedule_cut()
        for shaper in self._shapers.values():
            shaper.reschedule()
        for conn in list(self._open):
            for pipe in (conn.up, conn.down):
                pipe.cancel()
                pipe.kick()

    def _schedule_cut(self) -> None:
        if self._cut_timer is not None:
            self._cut_timer.cancel()
            self._cut_timer = None
        every = self.profile.cut_every
        if every:
            n = math.floor((self.loop.time() - self._t0) / every) + 1
            self._cut_timer = self.loop.call_at(self._t0 + n * every, self._scheduled_cut)

    def _scheduled_cut(self) -> None:
        self._cut_timer = None
        if self._down_until is None:  # already down: nothing more to drop
            self._cut()
        self._schedule_cut()

    def _cut(self) -> None:
        if self._stopping:
            return
        self.cuts += 1
        for conn in list(self._open):
            conn.abort()
        for shaper in self._shapers.values():
            shaper.active.clear()
            shaper.cancel()
            shaper.idle = True
        down_for = self.profile.down_for
        if down_for > 0:
            self.up_since = None
            self._down_until = self.loop.time() + down_for
            if self._back_up is not None:
                self._back_up.cancel()
            self._back_up = self.loop.call_at(self._down_until, self._come_back)
        else:
            self.up_since = time.monotonic()

    def _come_back(self) -> None:
        self._back_up = None
        self._down_until = None
        self.up_since = time.monotonic()

    def _stalled_until(self, t: float) -> float | None:
        """The end of the stall ``t`` (loop time) falls in, or None."""
        end = None
        again = True
        while again:
            again = False
            for at, duration in self.profile.stalls:
                start = self._t0 + at
                if start <= t < start + duration:
                    t = end = start + duration
                    again = True
        return end

    async def _connect(self, conn: _Connection) -> None:
        try:
            await self.loop.create_connection(lambda: _ServerSide(conn), self.target_host,
                                              self.target_port)
        except OSError:  # nobody there: the client sees a reset
            conn.abort()
