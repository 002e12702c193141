"""The house rules of DESIGN.md §2 that a reading of the source can keep.

* **No import cycles** between the modules of ``fieldbus`` and ``sync``: not at module
  level, and not through an import inside a function either (a circle that is only
  postponed is still a circle a reader has to hold in their head).
* **Arrows point down**: the packages and what each may import are the table
  :data:`LAYERS` below; ``sync`` never imports ``fieldbus``.
* **Every package says what it is**: each ``__init__.py`` has a docstring, and each
  package is listed in ``pyproject.toml`` so that a wheel holds it.
* **Nothing loose at the top of fieldbus/**: only ``__init__.py`` and ``__main__.py``.
* **Only fieldbus/ui imports Qt** (PySide6, or its shiboken6 runtime): domain, store,
  receipts, CLI and sync run and are tested without a display. The same holds for the
  tests outside ``tests/ui`` and for the benchmarks outside the UI benchmark.

Import statements are found with ``ast`` rather than a line regex such as
``^\\s*(from|import)\\s+(PySide6|shiboken6)``: it also sees ``import os, PySide6``, imports
wrapped over several lines, relative imports and imports inside functions, and ignores
the names in strings and comments. ``importlib.import_module("…")`` is looked for as well.
Each check is proved against small made-up sources below (``test_the_…``), so a check
that silently stopped finding anything would fail.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6")
FIRST_PARTY = ("fieldbus", "sync")


@dataclass(frozen=True)
class Layer:
    may_import: tuple[str, ...]
    why: str
    #: Layers it may import only from inside a function (run when called, not at import).
    lazily: tuple[str, ...] = ()


#: Each layer of the house and the layers its modules may import (its own included).
#: A module belongs to the layer with the longest name it is within; ``fieldbus`` is only
#: the top package itself and ``fieldbus.__main__``. A new package must be placed here.
#: Third-party imports are not ruled here (Qt is, below).
LAYERS: dict[str, Layer] = {
    "fieldbus.domain": Layer(
        ("fieldbus.domain", "sync"),
        "Records and rules, pure Python: testable without a store, a screen or a disk. "
        "The vocabulary it shares with the hub (receipt check, RRN, controls) is in sync."),
    "fieldbus.store": Layer(
        ("fieldbus.domain", "fieldbus.store", "sync"),
        "The encrypted store knows nothing of training seeds, screens or commands: "
        "whatever uses it sits above it."),
    "fieldbus.receipts": Layer(
        ("fieldbus.domain", "fieldbus.store", "fieldbus.receipts", "sync"),
        "PDFs are made from stored cases (and record their printing in the store), for "
        "the window and the command line alike."),
    "fieldbus.services": Layer(
        ("fieldbus.domain", "fieldbus.store", "fieldbus.receipts", "fieldbus.services",
         "sync"),
        "Qt-free use cases shared by the window and the CLI: they cannot import either."),
    "fieldbus.ui": Layer(
        ("fieldbus", "fieldbus.domain", "fieldbus.store", "fieldbus.receipts",
         "fieldbus.services", "fieldbus.ui", "sync"),
        "The window works through the same services the CLI uses, never through the CLI; "
        "from the top package it takes the version and the application's identity."),
    "fieldbus.cli": Layer(
        ("fieldbus", "fieldbus.domain", "fieldbus.store", "fieldbus.receipts",
         "fieldbus.services", "fieldbus.cli", "sync"),
        "Headless commands: importing the CLI must not load Qt; only the commands that "
        "open the window or print through Qt import the UI, when they run.",
        lazily=("fieldbus.ui",)),
    "fieldbus": Layer(
        ("fieldbus.cli",),
        "The top package holds the version and the application's identity (constants, "
        "no import); `python -m fieldbus` runs the command line."),
    "sync": Layer(
        ("sync",),
        "The protocol and the client are shared with the hub and never import fieldbus "
        "(the laptop states what it needs); nor the hub, whose server extra a laptop "
        "does not install."),
    "sync.hub": Layer(
        ("sync", "sync.hub"),
        "The centre's server: it speaks sync.protocol and never imports fieldbus."),
}
TOP_MODULES = ("fieldbus", "fieldbus.__main__")  # the "fieldbus" layer: nothing else


# -- reading imports -----------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    line: int
    module: str                # absolute: relative imports are resolved
    names: tuple[str, ...]     # ``from module import names`` (modules or attributes)
    lazy: bool                 # inside a function: runs when it is called


def _nodes(node: ast.AST, lazy: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node below ``node``, with whether it runs only when a function is called
    (a function's body does; its decorators and defaults run when it is defined)."""
    for name, value in ast.iter_fields(node):
        inner = lazy or (name == "body" and isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ast.AST):
                yield child, inner
                yield from _nodes(child, inner)


def imports(source: str, filename: str = "<source>", *,
            package: str | None = None) -> Iterator[Import]:
    """Every import in ``source``, including ``importlib.import_module("…")`` and
    ``__import__("…")`` with a literal name. ``package``: the package the module is in,
    to resolve relative imports; without it they are skipped."""
    for node, lazy in _nodes(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(node.lineno, alias.name, (), lazy)
        elif isinstance(node, ast.ImportFrom):
            names = tuple(alias.name for alias in node.names)
            if node.level == 0 and node.module:
                yield Import(node.lineno, node.module, names, lazy)
            elif node.level and package is not None:
                parts = package.split(".")
                base = parts[:len(parts) - (node.level - 1)]  # level 1: the package itself
                module = ".".join(base + ([node.module] if node.module else []))
                yield Import(node.lineno, module, names, lazy)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                yield Import(node.lineno, first.value, (), lazy)


def imported_modules(source: str, filename: str = "<source>") -> Iterator[tuple[int, str]]:
    """(line, module) for every absolute import in ``source``."""
    for found in imports(source, filename):
        yield found.line, found.module


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


def offences_in(source: str, forbidden: tuple[str, ...]) -> list[str]:
    return [module for _, module in imported_modules(source) if is_within(module, forbidden)]


# -- the module graph ----------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    text: str
    is_package: bool = False   # an __init__.py
    where: str = "<source>"    # the file, for messages


@dataclass(frozen=True)
class Edge:
    line: int
    lazy: bool  # every import of the target in this module is inside a function


Graph = dict[str, dict[str, Edge]]


def sources_of(*folders: str) -> dict[str, Source]:
    """The modules under ``folders`` (relative to the repository), by dotted name."""
    found = {}
    for path in python_files(*folders):
        parts = path.relative_to(ROOT).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        found[name] = Source(path.read_text(encoding="utf-8"), is_package,
                             str(path.relative_to(ROOT)))
    return found


def _module_of(name: str, modules: Mapping[str, Source]) -> str | None:
    """The module that importing ``name`` runs last: ``name`` or its nearest parent."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(modules: Mapping[str, Source]) -> Graph:
    """module → {module it imports → Edge}, among ``modules`` only (others are third-party).

    ``from package import name`` is an arrow to the module ``package.name`` when there is
    one, else to ``package``; a module importing itself is no arrow.
    """
    graph: Graph = {}
    for name, source in modules.items():
        package = name if source.is_package else name.rpartition(".")[0]
        arrows: dict[str, Edge] = {}
        for found in imports(source.text, source.where, package=package):
            candidates = [f"{found.module}.{n}" for n in found.names if n != "*"]
            targets = {c if c in modules else _module_of(found.module, modules)
                       for c in candidates} or {_module_of(found.module, modules)}
            for target in targets - {None, name}:
                seen = arrows.get(target)
                if seen is None or (seen.lazy and not found.lazy):
                    arrows[target] = Edge(found.line, found.lazy)
        graph[name] = arrows
    return graph


def _circles(graph: Graph) -> list[list[str]]:
    """The strongly connected parts of ``graph`` with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _shortest_cycle(graph: Graph, members: list[str]) -> list[str]:
    """The shortest way from the first member back to itself, within ``members``."""
    start, inside = members[0], set(members)
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for target in sorted(graph[node]):
            if target == start:
                chain = [node]
                while chain[-1] != start:
                    chain.append(previous[chain[-1]])
                return [start, *reversed(chain[:-1]), start]
            if target in inside and target not in previous:
                previous[target] = node
                queue.append(target)
    raise AssertionError(f"{members} is not a circle")  # pragma: no cover


def cycles(graph: Graph, modules: Mapping[str, Source] | None = None) -> list[str]:
    """Each circle as a readable chain ``a -> b -> a``, with where each arrow is."""
    found = []
    for members in _circles(graph):
        chain = _shortest_cycle(graph, members)
        text = " -> ".join(chain)
        for source, target in zip(chain, chain[1:]):
            edge = graph[source][target]
            where = modules[source].where if modules else source
            text += (f"\n    {where}:{edge.line} imports {target}"
                     + (" (in a function)" if edge.lazy else ""))
        others = sorted(set(members) - set(chain))
        if others:
            text += f"\n    (the same circle also takes in {', '.join(others)})"
        found.append(text)
    return found


def layer_of(module: str) -> str | None:
    if module in TOP_MODULES:
        return "fieldbus"
    within = [name for name in LAYERS if name != "fieldbus" and is_within(module, (name,))]
    return max(within, key=len, default=None)


def wrong_arrows(graph: Graph, modules: Mapping[str, Source] | None = None) -> list[str]:
    """Every import that :data:`LAYERS` does not allow, and every module it does not place."""
    found = []
    for module in sorted(graph):
        where = modules[module].where if modules else module
        layer = layer_of(module)
        if layer is None:
            found.append(f"{where}: {module} is in no layer of LAYERS: place its package")
            continue
        rule = LAYERS[layer]
        for target, edge in sorted(graph[module].items()):
            other = layer_of(target)
            if other in rule.may_import or (edge.lazy and other in rule.lazily):
                continue
            lazily = f"; {', '.join(rule.lazily)} only inside a function" if rule.lazily else ""
            found.append(f"{where}:{edge.line}: {module} imports {target} "
                         f"({layer} may import {', '.join(rule.may_import)}{lazily})")
    return found


# -- packages --------------------------------------------------------------------------------


def docstring_problem(source: str) -> str | None:
    """Why a package's ``__init__.py`` does not say what the package is, or None."""
    doc = ast.get_docstring(ast.parse(source))
    if not doc or not doc.strip():
        return "has no docstring"
    if re.search(r"\bTODO\b", doc):
        return "has a TODO for a docstring"
    return None


def packages_under(root: Path, *folders: str) -> set[str]:
    """Dotted names of the folders under ``folders`` that hold an ``__init__.py``."""
    return {".".join(init.parent.relative_to(root).parts)
            for folder in folders for init in (root / folder).rglob("__init__.py")}


def unlisted_packages(found: set[str], listed: list[str]) -> list[str]:
    """Packages missing from pyproject's list, and listed ones of ours that do not exist."""
    ours = {name for name in listed if is_within(name, FIRST_PARTY)}
    return ([f"{name} is not in [tool.setuptools] packages" for name in sorted(found - ours)]
            + [f"{name} is listed but is no package" for name in sorted(ours - found)])


def loose_at_the_top(folder: Path) -> list[str]:
    """What stands at the top of ``folder`` besides ``__init__.py``, ``__main__.py`` and
    packages: every module belongs in a package that names what it is."""
    loose = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in ("__init__.py", "__main__.py"):
            loose.append(path.name)
        elif path.is_dir() and path.name != "__pycache__" \
                and not (path / "__init__.py").is_file():
            loose.append(f"{path.name}/ (a folder that is no package)")
    return loose


# -- the rules, on this repository -------------------------------------------------------------


@pytest.fixture(scope="module")
def modules() -> dict[str, Source]:
    return sources_of(*FIRST_PARTY)


@pytest.fixture(scope="module")
def graph(modules) -> Graph:
    return import_graph(modules)


def test_no_import_cycles(graph, modules):
    found = cycles(graph, modules)
    assert not found, "import cycles:\n" + "\n".join(found)


def test_imports_point_the_way_the_layers_allow(graph, modules):
    found = wrong_arrows(graph, modules)
    assert not found, "imports against LAYERS:\n" + "\n".join(found)


#: The window's screens: each is its own package and never imports another's; what two
#: screens share lives in ``fieldbus.ui.widgets`` (or ``printing``), and only the shell
#: puts the screens together.
SCREENS = ("fieldbus.ui.intake", "fieldbus.ui.cases", "fieldbus.ui.counsel",
           "fieldbus.ui.visit", "fieldbus.ui.sync", "fieldbus.ui.review")
SHARED_UI = ("fieldbus.ui.widgets", "fieldbus.ui.printing")


def screens_crossed(graph: Graph) -> list[str]:
    """Imports from one screen's package into another's, or from a shared part into any."""
    found = []
    for module in sorted(graph):
        own = next((s for s in SCREENS if is_within(module, (s,))), None)
        if own is None and not is_within(module, SHARED_UI):
            continue
        for target, edge in sorted(graph[module].items()):
            screen = next((s for s in SCREENS if is_within(target, (s,))), None)
            if screen is not None and screen != own:
                found.append(f"{module}:{edge.line} imports {target}")
    return found


def test_a_screen_never_imports_another_screen(graph):
    found = screens_crossed(graph)
    assert not found, "screens importing each other:\n" + "\n".join(found)


def test_a_screen_crossing_is_seen():
    graph = {"fieldbus.ui.cases.page": {"fieldbus.ui.counsel.detail": Edge(3, True)},
             "fieldbus.ui.counsel.form": {"fieldbus.ui.counsel.detail": Edge(4, False)},
             "fieldbus.ui.shell.main_window": {"fieldbus.ui.cases.page": Edge(5, False)}}
    assert screens_crossed(graph) == [
        "fieldbus.ui.cases.page:3 imports fieldbus.ui.counsel.detail"]


def test_the_graph_sees_the_arrows_it_is_meant_to_check(graph):
    """Guards the two tests above against an empty or a wrongly named graph."""
    assert "fieldbus.store.store" in graph["fieldbus.store.complaints"]
    assert "sync.protocol" in graph["sync.hub.app"]
    assert len(graph) > 50


def test_every_package_says_what_it_is(modules):
    problems = [f"{source.where} {problem}" for source in modules.values() if source.is_package
                for problem in [docstring_problem(source.text)] if problem]
    assert not problems, "\n".join(problems)


def test_every_package_goes_into_the_wheel():
    with (ROOT / "pyproject.toml").open("rb") as handle:
        listed = tomllib.load(handle)["tool"]["setuptools"]["packages"]
    assert unlisted_packages(packages_under(ROOT, *FIRST_PARTY), listed) == []


def test_nothing_is_loose_at_the_top_of_fieldbus():
    assert loose_at_the_top(ROOT / "fieldbus") == []


def test_only_fieldbus_ui_imports_qt():
    # The UI benchmarks time the real window, as tests/ui drives it.
    files = python_files("fieldbus", "sync", "benchmarks", "tests",
                         excluding=("fieldbus/ui", "tests/ui", "benchmarks/ui"))
    assert offences(files, QT) == []


def test_fieldbus_ui_is_where_qt_is_used():
    """Guards the test above against scanning the wrong place: the Qt imports are found."""
    assert offences(python_files("fieldbus/ui"), QT)


def test_sync_never_imports_fieldbus():
    assert offences(python_files("sync"), ("fieldbus",)) == []


# -- the checks catch what they are for ----------------------------------------------------------


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


def made_up(**sources: str) -> dict[str, Source]:
    """Modules from keyword names (``p__a`` is ``p.a``; ``p__init`` the package ``p``)."""
    found = {}
    for key, text in sources.items():
        parts = key.split("__")
        is_package = parts[-1] == "init"
        name = ".".join(parts[:-1] if is_package else parts)
        found[name] = Source(text, is_package, name.replace(".", "/") + ".py")
    return found


def test_a_cycle_is_told_as_a_chain_with_where_each_arrow_is():
    modules = made_up(p__init="", p__a="import p.b\n", p__b="\nfrom p.c import x\n",
                      p__c="import p.a as a\n", p__d="import p.a\n")
    assert cycles(import_graph(modules), modules) == [
        "p.a -> p.b -> p.c -> p.a\n"
        "    p/a.py:1 imports p.b\n"
        "    p/b.py:2 imports p.c\n"
        "    p/c.py:1 imports p.a"]


def test_a_cycle_through_a_function_level_import_counts():
    modules = made_up(p__a="import p.b", p__b="def later():\n    from p import a\n")
    assert cycles(import_graph(modules), modules) == [
        "p.a -> p.b -> p.a\n"
        "    p/a.py:1 imports p.b\n"
        "    p/b.py:2 imports p.a (in a function)"]


def test_relative_imports_are_resolved():
    modules = made_up(p__init="", p__r="from .q import b\n", p__q__init="",
                      p__q__a="from . import b",
                      p__q__b="from ..q.a import name\nfrom .. import x")
    graph = import_graph(modules)
    assert graph["p.r"] == {"p.q.b": Edge(1, False)}
    assert set(graph["p.q.a"]) == {"p.q.b"}
    assert set(graph["p.q.b"]) == {"p.q.a", "p"}
    assert cycles(graph) == ["p.q.a -> p.q.b -> p.q.a\n    p.q.a:1 imports p.q.b\n"
                             "    p.q.b:1 imports p.q.a"]


def test_from_a_package_import_a_module_is_an_arrow_to_the_module_not_the_package():
    modules = made_up(p__init="from p import b", p__a="from p import b, VERSION",
                      p__b="import json, p", p__c="import importlib\n"
                      "def f():\n    importlib.import_module('p.a')")
    graph = import_graph(modules)
    assert set(graph["p.a"]) == {"p.b", "p"}  # VERSION is a name in p/__init__.py
    assert graph["p.c"] == {"p.a": Edge(3, True)}
    assert cycles(graph) == ["p -> p.b -> p\n    p:1 imports p.b\n    p.b:1 imports p"]


def test_an_import_at_module_level_outweighs_one_in_a_function():
    modules = made_up(p__a="def f():\n    import p.b\nimport p.b\n", p__b="")
    assert import_graph(modules)["p.a"] == {"p.b": Edge(3, False)}


def test_decorators_and_defaults_run_at_import_class_bodies_too():
    modules = made_up(p__a="import importlib\n"
                      "@importlib.import_module('p.b').deco\ndef f(): pass\n"
                      "class C:\n    import p.c\n", p__b="", p__c="")
    assert import_graph(modules)["p.a"] == {"p.b": Edge(2, False), "p.c": Edge(5, False)}


def test_no_cycle_in_a_graph_that_only_points_down():
    modules = made_up(p__a="import p.b, p.c", p__b="import p.c", p__c="import json")
    assert cycles(import_graph(modules)) == []


@pytest.mark.parametrize(
    ("module", "source", "caught"),
    [
        ("fieldbus.domain.x", "from fieldbus.store import store", True),
        ("fieldbus.domain.x", "from sync import protocol", False),
        ("fieldbus.domain.x", "import fieldbus", True),
        ("fieldbus.store.x", "def f():\n    from fieldbus.services import training", True),
        ("fieldbus.store.x", "from fieldbus.receipts import issue", True),
        ("fieldbus.receipts.x", "from fieldbus.store import store", False),
        ("fieldbus.receipts.x", "from fieldbus.services import training", True),
        ("fieldbus.services.x", "from fieldbus.ui.shell import app", True),
        ("fieldbus.services.x", "def f():\n    import fieldbus.cli.main", True),
        ("fieldbus.services.x", "from fieldbus.receipts import issue", False),
        ("fieldbus.ui.x", "from fieldbus.cli.main import main", True),
        ("fieldbus.ui.x", "def f():\n    from fieldbus.cli import main", True),
        ("fieldbus.ui.x", "from sync.client import Client", False),
        ("fieldbus.cli.x", "from fieldbus.ui.shell import app", True),
        ("fieldbus.cli.x", "def f():\n    from fieldbus.ui.shell import app", False),
        ("fieldbus.cli.x", "import fieldbus", False),
        ("fieldbus.cli.x", "from sync.hub import app", True),
        ("fieldbus.__main__", "from fieldbus.cli.main import main", False),
        ("fieldbus.__main__", "from fieldbus.ui.shell import app", True),
        ("fieldbus.review.x", "import json", True),  # a package LAYERS does not place
        ("sync.x", "from fieldbus.domain import errors", True),
        ("sync.x", "def f():\n    from sync.hub import app", True),
        ("sync.x", "from sync import protocol", False),
        ("sync.hub.x", "from sync import protocol\nfrom sync.hub import app", False),
        ("sync.hub.x", "def f():\n    import fieldbus.store", True),
    ],
)
def test_the_layer_rules(module, source, caught):
    targets = ["fieldbus", "fieldbus.domain.errors", "fieldbus.store.store",
               "fieldbus.receipts.issue", "fieldbus.services.training", "fieldbus.ui.shell.app",
               "fieldbus.cli.main", "sync.protocol", "sync.client", "sync.hub.app"]
    modules = {name: Source("") for name in targets} | {module: Source(source)}
    offending = wrong_arrows(import_graph(modules))
    assert bool(offending) is caught, offending


def test_every_module_of_the_tree_has_a_layer(modules):
    assert [name for name in modules if layer_of(name) is None] == []


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("", "has no docstring"),
        ("from fieldbus.store import sqlcipher\n", "has no docstring"),
        ('""" """\n', "has no docstring"),
        ('"""TODO"""\n', "has a TODO for a docstring"),
        ('"""The store.\n\nTODO: what it may import."""\n', "has a TODO for a docstring"),
        ('"""The store: schema, repositories; imports domain only."""\n', None),
    ],
)
def test_the_docstring_check(source, problem):
    assert docstring_problem(source) == problem


def test_the_package_list_check(tmp_path):
    for folder in ("fieldbus/store", "fieldbus/new", "sync/hub", "fieldbus/notes"):
        (tmp_path / folder).mkdir(parents=True)
    for init in ("fieldbus", "fieldbus/store", "fieldbus/new", "sync", "sync/hub"):
        (tmp_path / init / "__init__.py").write_text("")
    found = packages_under(tmp_path, *FIRST_PARTY)
    assert found == {"fieldbus", "fieldbus.store", "fieldbus.new", "sync", "sync.hub"}
    assert unlisted_packages(found, ["fieldbus", "fieldbus.store", "fieldbus.gone", "sync",
                                     "sync.hub", "fieldbus_resources"]) == [
        "fieldbus.new is not in [tool.setuptools] packages",
        "fieldbus.gone is listed but is no package"]


def test_the_loose_module_check(tmp_path):
    for name in ("__init__.py", "__main__.py", "cli.py", "store/__init__.py",
                 "__pycache__/cli.pyc", "notes/readme.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    assert loose_at_the_top(tmp_path) == ["cli.py", "notes/ (a folder that is no package)"]
