"""``fieldbus-hub`` installed without the ``hub`` extra (a laptop's install): one line
saying what to install, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.hub.fixtures import ROOT

# Runs the console script's main() in a fresh interpreter where the hub extra's modules
# cannot be imported, as in an environment that installed only `fieldbus`.
WITHOUT_EXTRA = """
import sys
from importlib.machinery import PathFinder

EXTRA = {"fastapi", "starlette", "uvicorn", "sqlalchemy", "pydantic", "psycopg"}

class NotInstalled(PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.partition(".")[0] in EXTRA:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

for name in list(sys.modules):
    if name.partition(".")[0] in EXTRA:
        del sys.modules[name]
sys.meta_path.insert(0, NotInstalled)
from sync.hub.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("args", [("cases",), ("serve", "--port", "1"),
                                  ("device", "list"), ("user", "disable", "kim")])
def test_without_the_hub_extra_one_line_says_what_to_install(tmp_path, args):
    done = subprocess.run([sys.executable, "-c", WITHOUT_EXTRA, "--db",
                           f"sqlite:///{tmp_path / 'hub.sqlite3'}", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "hub extra" in done.stderr and "pip install 'fieldbus[hub]'" in done.stderr
    assert not (tmp_path / "hub.sqlite3").exists()
