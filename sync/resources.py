"""Where the files under ``resources/`` are, from a checkout, a wheel or a frozen build.

Every reader of a rule table, font or translation goes through :func:`resource_path`, so
the three ways the app is run cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path

from sync.errors import FieldbusError

#: The frozen build's record (build.spec): exact versions inside, and every resource file
#: with its size.
BUILD_RECORD = "fieldbus-build.json"


class InstallationDamaged(FieldbusError):
    """A file the frozen build was made with is missing or changed: the installation, not
    the user, is at fault; the message names the file and says to reinstall."""

    code = "installation_damaged"


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


def check_installation() -> None:
    """In a frozen build, every resource file must be there at the size it was built with;
    raises :class:`InstallationDamaged` naming the first that is not.

    A laptop's clean-up tool, a partial copy or a failing disk would otherwise surface as
    an "internal error" in whichever screen first reads the file (a receipt without its
    font, the intake form without its schema), long after the start. Sizes, not hashes:
    a hundred ``stat`` calls cost nothing at each start. A checkout or a wheel has no
    record and is not checked.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if not frozen:
        return
    reinstall = "this installation is damaged; reinstall Fieldbus (IT: apt install --reinstall fieldbus)"
    try:
        record = json.loads((Path(frozen) / BUILD_RECORD).read_text(encoding="utf-8"))
        files = record["resources"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InstallationDamaged(f"{BUILD_RECORD} is missing or unreadable: {reinstall}") from None
    root = resources_root()
    for name, size in files.items():
        try:
            found = (root / name).stat().st_size
        except OSError:
            raise InstallationDamaged(f"resources/{name} is missing: {reinstall}") from None
        if found != size:
            raise InstallationDamaged(f"resources/{name} has changed ({found} bytes, built "
                                      f"with {size}): {reinstall}")
