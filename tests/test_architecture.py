"""The package's shape: one folder per stage, and no import cycles between its modules."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"
STAGES = ("ingest", "store", "retrieval", "answer", "views")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules ``path`` imports, at run time (``TYPE_CHECKING`` blocks excluded)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {name for name in found if name in modules}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(paths)) - {name} for name, path in paths.items()}


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str]:
    """A chain of imports leading from ``start`` back to it ([] when there is none)."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in graph[node]:
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return []


def test_no_module_imports_itself_through_others() -> None:
    graph = _graph()
    cycles = [cycle for name in sorted(graph) if (cycle := _cycle_from(name, graph))]
    assert cycles == []


def test_the_stages_import_only_earlier_stages() -> None:
    """ingest writes the store; retrieval reads it; answer reads retrieval; views read both."""
    allowed = {
        "store": set(),
        # The register's rows are cut at ingest, and the sentences an answer may quote (as
        # retrieval splits a passage) are embedded there.
        "ingest": {"store", "views", "retrieval"},
        "retrieval": {"store"},
        "answer": {"store", "retrieval"},
        "views": {"store", "retrieval"},
    }
    graph = _graph()
    for name, deps in graph.items():
        stage = name.split(".")[1] if name.count(".") >= 2 else ""
        if stage not in allowed:
            continue
        for dep in deps:
            other = dep.split(".")[1] if dep.count(".") >= 2 else ""
            if other in STAGES and other != stage:
                assert other in allowed[stage], f"{name} imports {dep}"


def test_each_stage_says_what_enters_and_what_leaves() -> None:
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc and "→" in doc, stage
