"""Public classes and functions of knowledge/ and bot/engine/ say what they take and give."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTED = [ROOT / "knowledge", ROOT / "bot" / "engine"]


Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def _public(tree: ast.Module) -> list[tuple[str, Definition]]:
    found: list[tuple[str, Definition]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node.name.startswith("_"):
                continue
            found.append((node.name, node))
            if isinstance(node, ast.ClassDef):
                found += [
                    (f"{node.name}.{sub.name}", sub)
                    for sub in node.body
                    if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef)
                    and not sub.name.startswith("_")
                ]
    return found


def test_public_api_has_docstrings() -> None:
    missing = []
    for package in DOCUMENTED:
        for path in sorted(package.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if not ast.get_docstring(tree):
                missing.append(f"{path.relative_to(ROOT)}: module")
            for name, node in _public(tree):
                if not ast.get_docstring(node):
                    missing.append(f"{path.relative_to(ROOT)}: {name}")
    assert not missing, "no docstring:\n" + "\n".join(missing)
