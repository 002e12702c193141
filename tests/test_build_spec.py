"""The PyInstaller build (build.spec) without building it: a build takes minutes and is not
run in CI, so these cheap checks catch a spec that no longer parses, names an entry script
that is gone, or puts resources/ where the frozen app does not look."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from fieldbus import __version__

from sync import resources

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"


@pytest.fixture
def spec(monkeypatch) -> dict:
    """What build.spec hands to PyInstaller, executed with PyInstaller's names recorded
    (its hook helpers answer nothing: only the spec's own choices are looked at)."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = hooks.collect_submodules = hooks.copy_metadata = \
        lambda *args, **kwargs: []
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    made: dict = {}

    def record(kind):
        def make(*args, **kwargs):
            made[kind] = (args, kwargs)
            return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])
        return make

    names = {"SPECPATH": str(ROOT), "__file__": str(SPEC)}
    names.update({kind: record(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")})
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), names)
    return made


def test_the_spec_builds_one_folder_named_fieldbus_from_the_entry_script(spec):
    (scripts,), analysis = spec["Analysis"]
    assert [Path(s) for s in scripts] == [ROOT / "scripts" / "frozen_main.py"]
    assert Path(scripts[0]).is_file()
    assert spec["EXE"][1]["name"] == "fieldbus" and spec["EXE"][1]["exclude_binaries"]
    assert spec["COLLECT"][1]["name"] == "fieldbus"
    assert "sqlcipher3._sqlite3" in analysis["hiddenimports"]
    assert {"PySide6.QtWidgets", "PySide6.QtPdf", "PySide6.QtPrintSupport"} \
        <= set(analysis["hiddenimports"])


def test_the_whole_resources_tree_goes_where_the_frozen_app_looks(spec, monkeypatch,
                                                                   tmp_path):
    datas = spec["Analysis"][1]["datas"]
    assert (str(ROOT / "resources"), "resources") in datas  # the folder, not a file list
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_root.cache_clear()
    try:
        assert resources.resource_path("fonts", "NanumGothic.ttf") == \
            tmp_path / "resources" / "fonts" / "NanumGothic.ttf"
    finally:
        resources.resources_root.cache_clear()


def test_the_entry_script_is_the_command_line():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "frozen_main.py"),
                          "--version"], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == f"fieldbus {__version__}"


def test_every_qt_module_the_app_imports_goes_into_the_build(spec):
    """A Qt module left out of the build is an ImportError on a laptop only when the
    screen that uses it opens (the review's PDF view, say): every ``PySide6.X`` that
    fieldbus/ui imports is named, and none of them is excluded."""
    import re

    imported = set()
    for path in (ROOT / "fieldbus" / "ui").rglob("*.py"):
        imported |= set(re.findall(r"^\s*from (PySide6\.Qt\w+) import", path.read_text(
            encoding="utf-8"), flags=re.M))
    analysis = spec["Analysis"][1]
    assert "PySide6.QtPdfWidgets" in imported  # the check sees what it must
    assert imported <= set(analysis["hiddenimports"])
    assert not imported & set(analysis["excludes"])
