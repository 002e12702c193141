"""The house rules of DESIGN.md §2 that a grep can keep.

* Only ``fieldbus/ui`` imports Qt (PySide6, or its shiboken6 runtime): domain, store,
  receipts, CLI and sync run and are tested without a display. The same holds for the
  tests outside ``tests/ui`` and for the benchmarks.
* ``sync`` never imports ``fieldbus``: the dependency runs one way, ``fieldbus`` → ``sync``.

Import statements are found with ``ast`` rather than a line regex such as
``^\\s*(from|import)\\s+(PySide6|shiboken6)``: it also sees ``import os, PySide6``, imports
wrapped over several lines and imports inside functions, and ignores the names in strings
and comments. ``importlib.import_module("PySide6…")`` is looked for as well.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6")


def imported_modules(source: str, filename: str = "<source>") -> Iterator[tuple[int, str]]:
    """(line, module) for every absolute import in ``source``, including
    ``importlib.import_module("…")`` and ``__import__("…")`` with a literal name."""
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                yield node.lineno, first.value


def is_within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def python_files(*folders: str, excluding: tuple[str, ...] = ()) -> list[Path]:
    skipped = [ROOT / folder for folder in excluding]
    files = [
        path
        for folder in folders
        for path in sorted((ROOT / folder).rglob("*.py"))
        if not any(path.is_relative_to(skip) for skip in skipped)
    ]
    assert files, f"no Python files under {folders}: has the layout changed?"
    return files


def offences(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in files:
        for line, module in imported_modules(path.read_text(encoding="utf-8"), str(path)):
            if is_within(module, forbidden):
                found.append(f"{path.relative_to(ROOT)}:{line}: imports {module}")
    return found


def test_only_fieldbus_ui_imports_qt():
    # benchmarks/bench_ui.py times the real window, as tests/ui drives it.
    files = python_files("fieldbus", "sync", "benchmarks", "tests",
                         excluding=("fieldbus/ui", "tests/ui", "benchmarks/bench_ui.py"))
    assert offences(files, QT) == []


def test_fieldbus_ui_is_where_qt_is_used():
    """Guards the test above against scanning the wrong place: the Qt imports are found."""
    assert offences(python_files("fieldbus/ui"), QT)


def test_sync_never_imports_fieldbus():
    assert offences(python_files("sync"), ("fieldbus",)) == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("import PySide6", True),
        ("from PySide6.QtCore import QObject", True),
        ("import os, shiboken6", True),
        ("from PySide6 import (\n    QtCore,\n)", True),
        ("def f():\n    from PySide6 import QtGui", True),
        ("import importlib\nimportlib.import_module('PySide6.QtWidgets')", True),
        ("x = 'import PySide6'  # import PySide6", False),
        ("import PySide6_helpers", False),
        ("from . import PySide6", False),  # a relative module of that name is not Qt
    ],
)
def test_the_detector(source, caught):
    assert bool(offences_in(source, QT)) is caught


def test_the_detector_tells_fieldbus_from_fieldbus_resources():
    assert offences_in("from fieldbus.domain import errors", ("fieldbus",))
    assert offences_in("import fieldbus", ("fieldbus",))
    assert not offences_in("import fieldbus_resources", ("fieldbus",))


def offences_in(source: str, forbidden: tuple[str, ...]) -> list[str]:
    return [module for _, module in imported_modules(source) if is_within(module, forbidden)]
