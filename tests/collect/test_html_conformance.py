"""The page parser builds the tree a browser builds: the html5lib tree-construction tests.

Trees are compared in the tests' own dump format, less two things the parser's Python API
does not expose: the DOCTYPE line and element/attribute namespaces (``<svg svg>`` is compared
as ``<svg>``). Tests that expect markup written before later changes to the HTML Standard
(the 2025 ``<select>`` parsing, processing instructions) are listed with the reason; any
other difference fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

DATA = Path(__file__).parent.parent / "data" / "html5lib-tests" / "tree-construction"

# Expected trees the current HTML Standard (which the parser follows) no longer builds.
NEWER_STANDARD = {
    "select": "the 2025 customizable <select> keeps more content inside <select>",
    "<?": "a processing instruction before <html> becomes a comment",
    "menuitem": "<menuitem> was removed from the Standard",
}
# Known differences of the parser itself, irrelevant to finding images.
PARSER_DIFFERENCES = {
    "FOO&#x000D;ZOO": "a character reference to U+000D (carriage return) is dropped",
}


def read_dat(path: Path) -> list[tuple[str, str, str | None, bool]]:
    """(input, expected dump, fragment context, scripting) of each test of a .dat file."""
    tests: list[tuple[str, str, str | None, bool]] = []
    sections: dict[str, list[str]] = {}
    section = ""

    def finish() -> None:
        if "data" in sections:
            document = "\n".join(sections.get("document", [])).rstrip("\n")
            context = "".join(sections.get("document-fragment", [])).strip() or None
            tests.append(("\n".join(sections["data"]), document, context, "script-on" in sections))

    for line in path.read_text(encoding="utf-8").split("\n"):
        if line == "#data" and section in ("", "document"):
            finish()
            sections, section = {}, "data"
            sections["data"] = []
        elif line in ("#errors", "#new-errors", "#document", "#document-fragment") or line in (
            "#script-on",
            "#script-off",
        ):
            section = line[1:]
            sections.setdefault(section, [])
        else:
            sections.setdefault(section, []).append(line)
    finish()
    return tests


def _expected(document: str) -> str:
    lines = []
    for line in document.split("\n"):
        body = line[2:].lstrip(" ") if line.startswith("| ") else None
        if body is None:
            lines.append(line)
            continue
        indent = line[: len(line) - len(body)]
        if body.startswith("<!DOCTYPE"):
            continue
        body = re.sub(r"^<(?:svg|math) (.*)>$", r"<\1>", body)
        body = re.sub(r'^(xlink|xml|xmlns) ([^=]+)="', r'\1:\2="', body)
        lines.append(indent + body)
    return "\n".join(lines)


def dump(data: str, context: str | None, scripting: bool) -> str:
    if context is None:
        parser = LexborHTMLParser(data, scripting=scripting)
        top = [parser.root.parent] if parser.root is not None else []
    else:
        namespace, _, tag = context.rpartition(" ")
        parser = LexborHTMLParser(
            data,
            is_fragment=True,
            fragment_tag=tag,
            fragment_namespace=namespace or "html",
            scripting=scripting,
        )
        top = []
    contents: dict[int, LexborNode] = {}

    def collect(fragments: list[LexborNode]) -> None:
        for fragment in fragments:
            contents[fragment.parent.mem_id] = fragment
            collect(fragment.template_fragments())

    collect(parser.template_fragments())
    lines: list[str] = []

    def children(node: LexborNode | None) -> list[LexborNode]:
        found, child = [], node.child if node is not None else None
        while child is not None:
            found.append(child)
            child = child.next
        return found

    def emit(node: LexborNode, depth: int) -> None:
        pad = "| " + "  " * depth
        if node.is_text_node:
            lines.append(f'{pad}"{node.text_content}"')
        elif node.is_comment_node:
            lines.append(f"{pad}<!-- {node.html[4:-3]} -->")
        elif node.is_element_node:
            lines.append(f"{pad}<{node.tag}>")
            for name in sorted(node.attributes):
                lines.append(f'{pad}  {name}="{node.attributes[name] or ""}"')
            if node.tag == "template" and node.mem_id in contents:
                lines.append(f"{pad}  content")
                for child in children(contents[node.mem_id]):
                    emit(child, depth + 2)
            else:
                for child in children(node):
                    emit(child, depth + 1)

    if context is None:
        for node in children(top[0]) if top else []:
            emit(node, 0)
    else:
        node = parser.root
        while node is not None:
            emit(node, 0)
            node = node.next
    return "\n".join(lines)


def _known_difference(data: str, context: str | None) -> bool:
    return data in PARSER_DIFFERENCES or any(
        marker in data or marker == context for marker in NEWER_STANDARD
    )


@pytest.mark.parametrize("path", sorted(DATA.glob("*.dat")), ids=lambda path: path.stem)
def test_tree_construction(path: Path) -> None:
    failures = []
    tests = read_dat(path)
    assert tests, f"{path.name} holds no tests"
    for data, document, context, scripting in tests:
        if dump(data, context, scripting) != _expected(document) and not _known_difference(
            data, context
        ):
            failures.append(data)
    assert not failures, f"{len(failures)} of {len(tests)} trees differ: {failures[:5]}"


def test_the_whole_suite_runs_and_known_differences_stay_few() -> None:
    tests = [test for path in DATA.glob("*.dat") for test in read_dat(path)]
    differing = sum(
        dump(data, context, scripting) != _expected(document)
        for data, document, context, scripting in tests
    )
    assert len(tests) > 1500  # the files are all there, not an empty folder passing vacuously
    assert differing <= 30, f"{differing} of {len(tests)} trees differ"
