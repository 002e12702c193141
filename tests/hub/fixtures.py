"""Fixtures that start real hubs: ``hub`` (a ``fieldbus-hub serve`` process on a free
loopback port), ``hub_db_url`` (its database: SQLite unless a test module overrides it)
and ``postgres_url`` (a fresh database on a real PostgreSQL server started with
``initdb``/``pg_ctl`` in a temporary folder).

Imported by ``tests/conftest.py`` so that every test folder can use them. Without
PostgreSQL server binaries the PostgreSQL tests are skipped with the reason — unless
``FIELDBUS_REQUIRE_POSTGRES=1`` (CI), where they fail. ``initdb`` refuses to run as root,
so as root the server runs as ``nobody``.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
_database_names = itertools.count(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hub_cli(db_url: str, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """``fieldbus-hub --db URL ARGS…`` as a real process (text output)."""
    return subprocess.run([sys.executable, "-m", "sync.hub.cli", "--db", db_url, *args],
                          input=input, capture_output=True, text=True, cwd=ROOT, timeout=120)


@dataclass
class Hub:
    """A running hub. ``url`` is its base URL; ``stop()``/``start()`` kill and restart it
    on the same port and database (for tests of a hub that dies mid-sync)."""

    db_url: str
    port: int = field(default_factory=free_port)
    log_path: Path | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *extra: str) -> None:
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.hub.cli", "--db", self.db_url, "serve",
             "--port", str(self.port), *extra], cwd=ROOT, stdout=log, stderr=log)
        if self.log_path:
            log.close()  # the child has its own copy
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.process.returncode}: "
                                   f"see {self.log_path}")
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("the hub did not answer within 60 s")

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        self.process.wait(timeout=30)
        self.process = None

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        return hub_cli(self.db_url, *args, input=input)

    def add_user(self, name: str, role: str = "officer", password: str = PASSWORD) -> None:
        done = self.cli("user", "add", name, "--role", role, "--password-stdin",
                        input=password + "\n")
        assert done.returncode == 0, done.stderr

    def login(self, name: str, password: str = PASSWORD) -> str:
        """A person's token."""
        answer = httpx.post(self.url + "/api/v1/auth/login",
                            json={"username": name, "password": password})
        assert answer.status_code == 200, answer.text
        return answer.json()["token"]

    def register(self, *codes: str) -> None:
        """Registers device codes, as IT does before laptops enrol (``device add``);
        straight in the database, as the command does, without a process per code."""
        from sync.hub import auth
        from sync.hub.db import connect

        engine = connect(self.db_url)
        try:
            for code in codes:
                auth.register_device(engine, code)
        finally:
            engine.dispose()

    def enrol(self, device: str, user: str, *, key: str | None = None,
              password: str = PASSWORD) -> dict:
        """Registers ``device`` and enrols it (added user must exist); returns the
        EnrolResponse."""
        self.register(device)
        body = {"protocol": 1, "username": user, "password": password, "device": device,
                "device_key": key or f"key-of-{device}-0123456789",
                "qr_secret": (device.encode().hex() * 64)[:64]}
        answer = httpx.post(self.url + "/api/v1/devices/enrol", json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()


@pytest.fixture
def hub_db_url(tmp_path) -> str:
    """The hub's database: SQLite here; ``tests/hub`` runs its tests on PostgreSQL too."""
    return f"sqlite:///{tmp_path / 'hub.sqlite3'}"


@pytest.fixture
def hub(hub_db_url, tmp_path):
    """A real hub on loopback: ``hub.url``, ``hub.add_user(name, role)``,
    ``hub.login(name)``, ``hub.register(code)``, ``hub.enrol(code, user)`` (registers
    first), ``hub.cli(*args)``, ``hub.stop()``,
    ``hub.start()``. The password of users it adds is ``tests.hub.fixtures.PASSWORD``."""
    running = Hub(hub_db_url, log_path=tmp_path / "hub.log")
    running.start()
    yield running
    running.stop()


# -- PostgreSQL ---------------------------------------------------------------------------


def find_postgres_bin() -> Path | None:
    found = shutil.which("initdb")
    candidates = ([Path(found).parent] if found else []) + [Path("/usr/local/bin")] + [
        Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


class PostgresServer:
    def __init__(self, bin_dir: Path):
        self.bin_dir, self.port = bin_dir, free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="fieldbus-pg-"))
        self.data = self.folder / "data"
        self.as_user: dict = {}
        if os.geteuid() == 0:  # initdb refuses root: the server runs as nobody
            nobody = pwd.getpwnam("nobody")
            os.chown(self.folder, nobody.pw_uid, nobody.pw_gid)
            self.as_user = {"user": nobody.pw_uid, "group": nobody.pw_gid,
                            "extra_groups": []}

    def _run(self, *args: str) -> None:
        done = subprocess.run([str(self.bin_dir / args[0]), *args[1:]], capture_output=True,
                              text=True, cwd=self.folder, timeout=120,
                              env={**os.environ, "LC_ALL": "C", "TZ": "UTC"}, **self.as_user)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E",
                  "UTF8", "--no-sync", "--no-instructions")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=300")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def new_database(self) -> str:
        import psycopg

        name = f"hub_{os.getpid()}_{next(_database_names)}"
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"


def postgres_binaries() -> Path:
    """The folder of initdb and pg_ctl; else skip loudly — or fail, when
    ``FIELDBUS_REQUIRE_POSTGRES=1`` (CI) says PostgreSQL must be tested."""
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        reason = ("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH, in "
                  "/usr/local/bin or /usr/lib/postgresql/*/bin: the PostgreSQL tests did NOT "
                  "run (apt-get install postgresql)")
        if os.environ.get("FIELDBUS_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " — and FIELDBUS_REQUIRE_POSTGRES=1 requires them")
        pytest.skip(reason)
    return bin_dir


@pytest.fixture(scope="session")
def postgres_server():
    server = PostgresServer(postgres_binaries())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """``postgresql://…`` of a new, empty database on a real server."""
    return postgres_server.new_database()
