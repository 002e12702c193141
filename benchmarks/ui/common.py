"""What the UI benchmarks share: the officer and PIN of the stores, the frame budget, the
event-loop helpers the children drive the window with, and the parent's side of the child
processes (command, environment, Xvfb, the stores they open)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent  # report, bench_store, corpus
ROOT = BENCHMARKS.parent
PIN = "482193"  # bench_store.build_store's officer 벤치 has this PIN
OFFICER = "벤치"
FRAME_MS = 16.0
KEY_PAUSE = 0.01  # s between scripted keys: 100 a second, faster than anyone types
# Every child is this package run again: ``python -m benchmarks.ui --child <kind> …``.
CHILD = [sys.executable, "-m", "benchmarks.ui", "--child"]


# -- the children's event loop -------------------------------------------------------------


def run_loop(seconds: float) -> None:
    """Let the event loop run (timers, worker answers, painting) for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition, timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()


# -- the parent's side of a child ----------------------------------------------------------


def child_env(data_dir: Path | None, platform_env: dict[str, str], home: Path) -> dict:
    env = dict(os.environ, HOME=str(home), FIELDBUS_ALLOW_INSECURE_KEYRING="1",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               PYTHONPATH=str(ROOT), **platform_env)
    env.pop("FIELDBUS_PRINTER", None)  # receipts become PDFs (session.take_intake)
    if data_dir is not None:
        env["FIELDBUS_DATA_DIR"] = str(data_dir)
    return env


def run_child(args: list[str], env: dict, timeout: float = 1800) -> str:
    out = subprocess.run([*CHILD, *args], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"child {args} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return out.stdout


class Xvfb:
    """A virtual X server for the run, if Xvfb is installed (closer to a real desktop than
    Qt's offscreen platform: real X11 windows, expose events, an xcb backing store)."""

    def __init__(self) -> None:
        self.proc = None
        self.display = ""

    def __enter__(self) -> Xvfb | None:
        if not shutil.which("Xvfb"):
            return None
        # Xvfb picks a free display number and writes it to the pipe: no clash with
        # another X server (a screenshot script, another run) on the same machine.
        read, write = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                      "1280x1024x24", "-nolisten", "tcp"],
                                     stderr=subprocess.DEVNULL, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number or self.proc.poll() is not None:
            return None
        self.display = f":{number}"
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def build_stores(tmp: Path, cases: int) -> tuple[Path, Path]:
    """A store of ``cases`` made-up complaints (bench_store's generator) and an empty one,
    both with the officer 벤치 / PIN 4821."""
    import random

    sys.path.insert(0, str(BENCHMARKS))
    import bench_store

    from fieldbus.store.store import Store

    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    bench_store.build_store(tmp, "big", cases, random.Random(7)).close()
    Store.create(tmp / "empty", device="BENCH", officer=OFFICER, pin=PIN).close()
    return tmp / "big", tmp / "empty"

