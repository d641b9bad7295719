"""How long drafting takes: every letter in every format, the directory import and lookups.

Run: .venv/bin/python benchmarks/letters_bench.py [path/to/datenanfragen/data]
Prints absolute times and ratios measured in this one run (no targets hard-coded in tests).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from faceaudit.letters.citations import LANGUAGES
from faceaudit.letters.deadlines import JURISDICTIONS, LETTER_TYPES
from faceaudit.letters.directory import Directory, import_datarequests, load_builtin
from faceaudit.letters.export import render_docx, render_eml, render_pdf, render_text
from faceaudit.letters.render import (
    Evidence,
    Letter,
    LetterSpec,
    PriorRequest,
    Sender,
    render_letter,
    supported,
)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "controllers" / "datenanfragen"


def letters() -> list[Letter]:
    directory = Directory(load_builtin())
    sender = Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "marie@example.org", "fr")
    evidence = tuple(
        Evidence(f"https://site.example/p/{i}", f"https://cdn.site.example/{i}.jpg", "2026-01-10")
        for i in range(20)
    )
    prior = PriorRequest("FA-1", "access", dt.date(2026, 1, 5), dt.date(2026, 2, 5))
    authority = {"eu": "frcnil", "uk": "gbico", "ch": "chedoeb", "ca": "uscppa", "il": None}
    out = []
    for language in LANGUAGES:
        for jurisdiction in JURISDICTIONS:
            for letter_type in LETTER_TYPES:
                if not supported(letter_type, language):
                    continue
                slug = authority[jurisdiction]
                spec = LetterSpec(
                    letter_type,
                    jurisdiction,
                    language,
                    sender,
                    directory.get("clearview-ai"),
                    directory.get(slug, "authority") if slug else None,
                    evidence,
                    reason="A reason of my own." if letter_type == "objection" else "",
                    prior=prior,
                )
                out.append(render_letter(spec))
    return out


def timed(label: str, function: Callable[[], object], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    seconds = (time.perf_counter() - start) / repeat
    print(f"{label:<44} {seconds * 1000:9.1f} ms")
    return seconds


def main() -> None:
    compose = timed("compose all letters (80, 20 findings each)", letters)
    drafted = letters()
    costs = {}
    for name, render in (
        ("txt", render_text),
        ("pdf", render_pdf),
        ("docx", render_docx),
        ("eml", render_eml),
    ):
        costs[name] = timed(f"render all 80 as {name}", lambda r=render: [r(x) for x in drafted])
    print(f"per letter, all four formats: {sum(costs.values()) / len(drafted) * 1000:.1f} ms")
    print(
        f"ratio pdf / txt: {costs['pdf'] / costs['txt']:.0f}x; docx / txt: "
        f"{costs['docx'] / costs['txt']:.0f}x; compose / pdf: {compose / costs['pdf']:.2f}"
    )

    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    if not (source / "companies").is_dir():
        print(f"(no datarequests.org copy at {source}: import not measured)")
        return
    with tempfile.TemporaryDirectory() as folder:
        seconds = timed(
            "import datarequests.org copy", lambda: import_datarequests(source, Path(folder))
        )
        directory = Directory.load(Path(folder))
        print(f"records: {len(directory)}; import rate: {len(directory) / seconds:,.0f} records/s")
        load = timed("load merged directory", lambda: Directory.load(Path(folder)))
        urls = [
            "https://scontent-cdg4-1.cdninstagram.com/v/x.jpg",
            "https://unknown.example/x",
        ] * 500
        lookup = timed("1,000 domain lookups", lambda: [directory.resolve(u) for u in urls])
        ratio = load / (lookup / 1000)
        print(f"lookups per second: {1000 / lookup:,.0f}; load / one lookup: {ratio:,.0f}x")


if __name__ == "__main__":
    main()
