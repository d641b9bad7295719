"""The window's letter path (drafting) gets the same guards as the CLI: the PDF's character
warning for the preview, and files written only through the kill-safe, private writer."""

from __future__ import annotations

import stat
from pathlib import Path

from faceaudit.letters import drafting
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.store import Case

DIRECTORY = Directory(load_builtin())


def _draft(case: Case) -> drafting.Draft:
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    assert meta is not None
    case.review(case.findings()[0].id, "confirmed")
    return drafting.prepare(case, DIRECTORY, drafting.DraftRequest("access", meta))


def test_the_preview_names_what_the_pdf_cannot_show(letters_case: Case) -> None:
    letters_case.update_person(full_name="سارة مدني")
    draft = _draft(letters_case)
    (warning,) = draft.format_warnings(["pdf", "docx"])
    assert "'س'" in warning and "your name" in warning
    assert draft.format_warnings(["docx", "txt"]) == ()


def test_saved_files_are_private_and_leave_nothing_temporary(
    letters_case: Case, tmp_path: Path
) -> None:
    saved = drafting.save(
        letters_case, _draft(letters_case), ["pdf", "txt", "eml"], tmp_path / "out"
    )
    assert {stat.S_IMODE(path.stat().st_mode) for path in saved.written} == {0o600}
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []
