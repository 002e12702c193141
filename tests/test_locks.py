"""The hash-locked dependency trees (requirements/*.txt, made by scripts/lock.sh) agree with
the pins in pyproject.toml: a pin changed without re-locking would install the old version
everywhere the setup scripts, CI and the build install from the lock."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
EXTRAS = PROJECT["optional-dependencies"]
#: Which pins each lock must hold: the laptop's, plus its extras (test includes the hub's
#: through ``fieldbus[hub]``, and the build's, because the tests build the app).
LOCKS = {"base": PROJECT["dependencies"],
         "hub": PROJECT["dependencies"] + EXTRAS["hub"],
         "build": PROJECT["dependencies"] + EXTRAS["build"],
         "test": PROJECT["dependencies"] + EXTRAS["hub"] + EXTRAS["test"] + EXTRAS["build"]}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    found = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==([^\s;]+)", requirement.strip())
        if match:
            found[normal(match[1])] = match[3]
    return found


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_of_pyproject_is_locked_at_its_version_with_hashes(lock):
    text = (ROOT / "requirements" / f"{lock}.txt").read_text(encoding="utf-8")
    entries = re.findall(r"^([A-Za-z0-9._-]+)==([^\s;]+)[^\n]*\\\n((?:\s+--hash=sha256:[0-9a-f]{64}"
                         r"\s*\\?\n?)+)", text, re.M)
    locked = {normal(name): version for name, version, _ in entries}
    assert len(entries) == len(re.findall(r"^[A-Za-z0-9]", text, re.M))  # each has hashes
    wanted = pins(LOCKS[lock])
    assert len(wanted) >= 10  # the pins were read
    assert {name: locked.get(name) for name in wanted} == wanted


def test_the_laptop_locks_hold_nothing_of_the_hub_or_the_tests():
    for lock in ("base", "build"):
        text = (ROOT / "requirements" / f"{lock}.txt").read_text(encoding="utf-8")
        locked = {normal(name) for name in re.findall(r"^([A-Za-z0-9._-]+)==", text, re.M)}
        assert not locked & {"fastapi", "uvicorn", "kiwipiepy", "tuspy", "pytest", "aiohttp"}
