"""Where the files under ``resources/`` are, from a checkout, a wheel or a frozen build.

Every reader of a rule table, font or translation goes through :func:`resource_path`, so
the three ways the app is run cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller one-folder build: build.spec copies resources/ here
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parents[1] / "resources"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("fieldbus_resources")  # installed wheel
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError("Fieldbus resources are missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
