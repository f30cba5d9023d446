"""Vocabulary is data: word lists live in files, each concept once, each file says where from."""

from __future__ import annotations

import ast
import re
from itertools import combinations
from pathlib import Path

import pytest

from knowledge.vocab import Vocabulary, VocabularyError

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "knowledge" / "vocab", ROOT / "bot" / "engine" / "vocab"]
PACKAGES = [ROOT / "knowledge", ROOT / "bot"]

# A literal counts as a word list from this many words on.
LIST_WORDS = 8
# Word-list literals may make up at most this share of the package code lines (issue 9).
MAX_LIST_SHARE = 0.05
# Modules whose word lists have not moved to data files yet; this set only ever shrinks.
NOT_YET_DATA: frozenset[str] = frozenset()

_WORD = re.compile(r"[^\W\d_]{2,}")
_ALTERNATION = re.compile(r"(?:[^\W\d_][\w' ]*\|){" + str(LIST_WORDS - 1) + ",}")


def _vocab_files() -> list[Path]:
    return [p for folder in FOLDERS if folder.is_dir() for p in Vocabulary(folder).files()]


def _entries(path: Path) -> set[str]:
    if path.suffix != ".txt":
        return set()
    return {e.casefold() for e in Vocabulary(path.parent).lines(path.stem)}


def _outside_functions(tree: ast.AST) -> list[ast.AST]:
    """Nodes at module or class level: where constants, and so word lists, are defined."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                todo.append(child)
    return out


def _literal_types(tree: ast.AST) -> set[int]:
    """ids of the tuples inside `Literal[...]`: an enumeration of values, not a word list."""
    return {
        id(node.slice)
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal"
    }


def _span(node: ast.AST) -> range:
    first = getattr(node, "lineno", 0)
    return range(first, (getattr(node, "end_lineno", None) or first) + 1)


def word_list_lines(source: str) -> set[int]:
    """Line numbers taken by word-list literals defined outside functions: collections of 8+
    strings, regex alternations of 8+ words, and strings of 8+ bare words (no punctuation)."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    enumerations = _literal_types(tree)
    lines: set[int] = set()
    for node in _outside_functions(tree):
        if isinstance(node, ast.Set | ast.List | ast.Tuple | ast.Dict):
            if id(node) in enumerations:
                continue
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            strings = [i for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
            if len(strings) >= LIST_WORDS:
                lines.update(_span(node))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if id(node) in docstrings:
                continue
            bare = len(_WORD.findall(text)) >= LIST_WORDS and not re.search(r"[.,:;!?{}]", text)
            if _ALTERNATION.search(text) or bare:
                lines.update(_span(node))
    return lines


def _code_lines(source: str) -> int:
    return sum(
        1 for line in source.splitlines() if line.strip() and not line.strip().startswith("#")
    )


def _modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in package.rglob("*.py"))


def test_every_vocabulary_file_says_what_it_holds_and_where_it_came_from() -> None:
    for path in _vocab_files():
        head = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            head.append(line)
        assert head, f"{path.name} does not open with a comment saying what it holds"
        assert any(re.match(r"#\s*Source", line, re.I) for line in head), (
            f"{path.name}: the opening comment needs a 'Source:' line saying where it came from"
        )


def test_no_concept_is_defined_twice() -> None:
    files = _vocab_files()
    names = [p.stem for p in files]
    assert len(names) == len(set(names)), f"two files hold one concept: {sorted(names)}"
    for a, b in combinations(files, 2):
        ea, eb = _entries(a), _entries(b)
        if ea and eb:
            shared = ea & eb
            assert len(shared) * 2 < min(len(ea), len(eb)), (
                f"{a.name} and {b.name} share {len(shared)} entries: one concept in two files?"
            )


def test_no_module_holds_a_word_list() -> None:
    offenders = []
    for path in _modules():
        rel = path.relative_to(ROOT).as_posix()
        if rel in NOT_YET_DATA:
            continue
        found = word_list_lines(path.read_text(encoding="utf-8"))
        if found:
            offenders.append(f"{rel}: lines {min(found)}-{max(found)}")
    assert not offenders, "word lists belong in vocab files:\n" + "\n".join(offenders)


def test_word_list_literals_stay_under_the_limit() -> None:
    listed = code = 0
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        listed += len(word_list_lines(source))
        code += _code_lines(source)
    share = listed / code
    assert share < MAX_LIST_SHARE or NOT_YET_DATA, f"{share:.1%} of code lines are word lists"


def test_a_missing_or_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("# Source: test\nkey: [unclosed\n", encoding="utf-8")
    vocab = Vocabulary(tmp_path)
    with pytest.raises(VocabularyError, match="missing"):
        vocab.lines("absent")
    with pytest.raises(VocabularyError, match="not valid YAML"):
        vocab.data("broken")


def test_lines_skip_comments_and_blanks_and_keep_phrases(tmp_path: Path) -> None:
    (tmp_path / "places.txt").write_text(
        "# Places.\n# Source: test\n\nJawa Tengah\n  Bali  \n# a note\n", encoding="utf-8"
    )
    vocab = Vocabulary(tmp_path)
    assert vocab.lines("places") == ("Jawa Tengah", "Bali")
    assert vocab.words("places") == {"Jawa Tengah", "Bali"}
    assert len(vocab.digest()) == 16


def test_each_folder_index_lists_every_file() -> None:
    for folder in FOLDERS:
        index = (folder / "README.md").read_text(encoding="utf-8")
        for path in Vocabulary(folder).files():
            assert f"`{path.name}`" in index, f"{folder.name}/README.md does not list {path.name}"
