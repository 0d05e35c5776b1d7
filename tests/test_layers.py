"""The layer rule, checked on the AST of every module (imports anywhere, also inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

import campaign_gui

PACKAGE = Path(campaign_gui.__file__).resolve().parent
IO_LIBRARIES = ("httpx", "keyring", "openpyxl", "python_calamine")
# layer (a folder under campaign_gui/) -> modules it must never import
RULES: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "qasync", *IO_LIBRARIES, "sqlite3", "campaign_gui.providers", "campaign_gui.reading",
               "campaign_gui.upload", "campaign_gui.storage", "campaign_gui.services", "campaign_gui.ui",
               "campaign_gui.sandbox"),
    "providers": ("PySide6", "qasync", "campaign_gui.sandbox"),
    "reading": ("PySide6", "qasync", "campaign_gui.sandbox", "campaign_gui.upload", "campaign_gui.providers", "httpx"),
    "upload": ("PySide6", "qasync", "campaign_gui.sandbox"),
    "storage": ("PySide6", "qasync"),
    "ui": IO_LIBRARIES,
}


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module a source imports: import statements (relative ones resolved) and literal
    ``importlib.import_module("x")`` / ``__import__("x")`` calls."""
    found: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def _forbidden(name: str, banned: tuple[str, ...]) -> str | None:
    return next((b for b in banned if name == b or name.startswith(b + ".")), None)


def violations(root: Path, rules: dict[str, tuple[str, ...]] = RULES) -> list[str]:
    """``path:line: module imports banned`` for every breach of ``rules`` under the package ``root``."""
    problems: list[str] = []
    for layer, banned in rules.items():
        for path in sorted((root / layer).rglob("*.py")):
            module = _module_name(path, root)
            for line, name in imported_names(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
                hit = _forbidden(name, banned)
                if hit:
                    problems.append(f"{path.relative_to(root.parent)}:{line}: {module} imports {name} ({layer}/ "
                                    f"must not import {hit})")
    return sorted(set(problems))


def test_the_package_keeps_its_layers() -> None:
    assert (PACKAGE / "domain").is_dir() and any((PACKAGE / "storage").rglob("*.py"))
    assert violations(PACKAGE) == []


def test_the_checker_finds_violations(tmp_path: Path) -> None:
    root = tmp_path / "campaign_gui"
    files = {
        "__init__.py": "",
        "storage/__init__.py": "",
        "storage/bad.py": "def later():\n    from PySide6.QtCore import QObject\n",
        "storage/good.py": '"""Mentions PySide6 only in text."""\nimport PySide6_extras_not_qt\nimport json\n',
        "domain/__init__.py": "import httpx\n",
        "providers/__init__.py": "",
        "providers/sub/__init__.py": "",
        "providers/sub/x.py": "from ...sandbox import server\nimport qasync\n",
        "upload/y.py": "import importlib\nimportlib.import_module('campaign_gui.sandbox.server')\n",
        "ui/__init__.py": "",
        "ui/w.py": "from .. import storage\nfrom keyring.errors import KeyringLocked\nimport openpyxl.writer\n",
        "ui/ok.py": "from campaign_gui.services import accounts\nimport PySide6.QtWidgets\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    found = violations(root)
    hits = {line.split(": ", 1)[0]: line for line in found}
    assert set(hits) == {
        "campaign_gui/storage/bad.py:2",
        "campaign_gui/domain/__init__.py:1",
        "campaign_gui/providers/sub/x.py:1",
        "campaign_gui/providers/sub/x.py:2",
        "campaign_gui/upload/y.py:2",
        "campaign_gui/ui/w.py:2",
        "campaign_gui/ui/w.py:3",
    }, found
    assert "imports campaign_gui.sandbox" in hits["campaign_gui/providers/sub/x.py:1"]
    assert "must not import PySide6" in hits["campaign_gui/storage/bad.py:2"]


def test_relative_imports_resolve() -> None:
    names = [n for _, n in imported_names("from . import a\nfrom ..b import c\n", "campaign_gui.ui.views.x", False)]
    assert names == ["campaign_gui.ui.views", "campaign_gui.ui.views.a", "campaign_gui.ui.b", "campaign_gui.ui.b.c"]


def _module_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in the file; ``from p import m`` counts as ``p.m``
    when ``m`` is a module, else as ``p``)."""
    paths = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        targets: set[str] = set()
        for _, name in imported_names(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            while name and name not in paths:
                name = name.rpartition(".")[0]
            if name and name != module and not module.startswith(name + "."):  # a package's own __init__ is no circle
                targets.add(name)
        graph[module] = targets
    return graph


def import_cycles(root: Path) -> list[list[str]]:
    """Every import circle among the package's modules (strongly connected components of two or more)."""
    graph = _module_graph(root)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan; the package is small enough for recursion
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_no_import_circle_anywhere() -> None:
    assert import_cycles(PACKAGE) == []


def test_the_cycle_finder_finds_circles(tmp_path: Path) -> None:
    root = tmp_path / "campaign_gui"
    files = {
        "__init__.py": "",
        "a/__init__.py": "from campaign_gui.a import x\n",
        "a/x.py": "def later():\n    from campaign_gui.a.y import f\n",
        "a/y.py": "from campaign_gui.a import x\n",
        "b.py": "from campaign_gui.a import y\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert import_cycles(root) == [["campaign_gui.a.x", "campaign_gui.a.y"]]


def test_upload_takes_only_the_row_types_from_reading() -> None:
    """upload/ journals a validated result through reading.types; it never reads files itself."""
    found = []
    for path in sorted((PACKAGE / "upload").rglob("*.py")):
        module = _module_name(path, PACKAGE)
        for line, name in imported_names(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            if name.startswith("campaign_gui.reading") and not name.startswith("campaign_gui.reading.types"):
                found.append(f"{module}:{line}: {name}")
    assert found == []


def test_the_upload_contract_names_every_reading_module() -> None:
    """pyproject's import-linter list of reading modules upload/ must not import is complete."""
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["source_modules"] == ["campaign_gui.upload"])
    modules = {f"campaign_gui.reading.{p.stem}" for p in (PACKAGE / "reading").glob("*.py")
               if p.stem not in ("__init__", "types")}
    assert modules <= set(contract["forbidden_modules"])
