"""The PyInstaller build (build.spec) without building it: cheap checks that a spec parses,
names its entry script, puts resources/ where the frozen app looks and leaves out what it
says. tests/frozen builds it for real and runs the frozen program."""

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
def spec(monkeypatch, tmp_path) -> dict:
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

    names = {"SPECPATH": str(ROOT), "__file__": str(SPEC), "workpath": str(tmp_path)}
    names.update({kind: record(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")})
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), names)
    made["names"] = names
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


def test_qt_translations_of_other_languages_and_unused_plugins_are_left_out(spec):
    kept = spec["names"]["kept"]
    qt = "PySide6/Qt"
    assert kept((f"{qt}/translations/qtbase_ko.qm",)) and kept((f"{qt}/translations/qt_en.qm",))
    assert not kept((f"{qt}/translations/qtbase_de.qm",))
    assert kept((f"{qt}/plugins/platforms/libqxcb.so",))
    assert kept((f"{qt}/plugins/platforms/libqoffscreen.so",))  # the tests' platform
    assert kept((f"{qt}/plugins/platforms/libqwayland.so",))
    assert not kept((f"{qt}/plugins/platforms/libqvnc.so",))
    assert not kept((f"{qt}/plugins/platformthemes/libqgtk3.so",))
    assert not kept(("libgtk-3.so.0",))
    assert kept((f"{qt}/plugins/printsupport/libcupsprintersupport.so",))  # receipts print


def test_the_build_record_lists_every_resource_with_its_size(spec, tmp_path):
    import json

    record = json.loads((tmp_path / "fieldbus-build.json").read_text(encoding="utf-8"))
    font = ROOT / "resources" / "fonts" / "NanumGothic.ttf"
    assert record["resources"]["fonts/NanumGothic.ttf"] == font.stat().st_size
    on_disk = {p for p in (ROOT / "resources").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert len(record["resources"]) == len(on_disk)
    assert record["fieldbus"] == __version__
    assert ("fieldbus-build.json", str(tmp_path / "fieldbus-build.json"), "DATA") \
        in spec["names"]["a"].datas


def test_a_frozen_build_names_a_missing_or_changed_resource_at_the_start(spec, tmp_path,
                                                                        monkeypatch):
    import shutil

    frozen = tmp_path / "frozen"
    shutil.copytree(ROOT / "resources", frozen / "resources")
    shutil.copy(tmp_path / "fieldbus-build.json", frozen / "fieldbus-build.json")
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen), raising=False)
    resources.resources_root.cache_clear()
    try:
        resources.check_installation()  # whole: nothing said
        schema = frozen / "resources" / "schemas" / "complaint-intake.schema.json"
        schema.write_text("{}", encoding="utf-8")
        with pytest.raises(resources.InstallationDamaged, match="complaint-intake.schema.json "
                                                                "has changed"):
            resources.check_installation()
        (frozen / "resources" / "fonts" / "NanumGothic.ttf").unlink()
        with pytest.raises(resources.InstallationDamaged) as caught:
            resources.check_installation()
        assert str(caught.value).startswith("resources/fonts/NanumGothic.ttf is missing: "
                                            "this installation is damaged; reinstall")
        (frozen / "fieldbus-build.json").unlink()
        with pytest.raises(resources.InstallationDamaged, match="fieldbus-build.json"):
            resources.check_installation()
    finally:
        resources.resources_root.cache_clear()
