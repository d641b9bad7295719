"""A page captured in the in-app browser goes with the letters about its images: the annex
names it with the SHA-256 of its PDF and screenshot, and the e-mail draft attaches the PDF."""

from __future__ import annotations

import email
import hashlib
import zlib
from email import policy
from pathlib import Path

from faceaudit.letters import drafting
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.export import render_eml, render_pdf, render_text
from faceaudit.store import Case

DIRECTORY = Directory(load_builtin())
PDF = b"%PDF-1.4\n% the page as it was seen\n%%EOF\n"


def _png(width: int = 4, height: int = 6) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    rows = b"".join(b"\x00" + b"\x80" * width * 3 for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_annex_names_the_capture_and_the_draft_attaches_it(letters_case: Case) -> None:
    finding = letters_case.findings()[0]
    assert finding.page_url is not None
    letters_case.review(finding.id, "confirmed")
    png = _png()
    older = letters_case.add_capture(
        finding.page_url, "old", PDF + b"1", png, taken_at="2026-01-01T08:00:00Z"
    )
    capture = letters_case.add_capture(
        finding.page_url, "Profile", PDF, png, taken_at="2026-02-03T10:00:00Z"
    )
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    assert meta is not None
    draft = drafting.prepare(
        letters_case, DIRECTORY, drafting.DraftRequest("erasure", meta, language="en")
    )
    [cited] = [e for e in draft.spec.evidence if e.page_url == finding.page_url]
    assert cited.capture is not None and cited.capture.pdf == PDF  # the latest capture
    text = render_text(draft.letter)
    name = f"capture-{capture.id}-2026-02-03.pdf"
    assert f"Capture of the page as I saw it: 2026-02-03, attached as {name}" in text
    assert f"SHA-256 of the capture (PDF): {hashlib.sha256(PDF).hexdigest()}" in text
    assert f"(PNG): {hashlib.sha256(png).hexdigest()}" in text
    assert older.pdf_sha256 not in text
    message = email.message_from_bytes(render_eml(draft.letter), policy=policy.default)
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attached[name] == PDF
    assert render_pdf(draft.letter).startswith(b"%PDF")  # the PDF annex lays it out too


def test_a_letter_about_pages_never_captured_is_unchanged(letters_case: Case) -> None:
    letters_case.review(letters_case.findings()[0].id, "confirmed")
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    assert meta is not None
    draft = drafting.prepare(letters_case, DIRECTORY, drafting.DraftRequest("erasure", meta))
    assert all(e.capture is None for e in draft.spec.evidence)
    assert "capture" not in render_text(draft.letter).lower()


def test_a_saved_letter_has_the_capture_it_cites_beside_it(
    letters_case: Case, tmp_path: Path
) -> None:
    # The annex says the capture is attached: printed, posted or uploaded, the letter needs
    # it as a file, not only in the e-mail draft.
    finding = letters_case.findings()[0]
    assert finding.page_url is not None
    letters_case.review(finding.id, "confirmed")
    capture = letters_case.add_capture(
        finding.page_url, "Profile", PDF, _png(), taken_at="2026-02-03T10:00:00Z"
    )
    meta = drafting.operator_for_site(DIRECTORY, "www.instagram.com")
    assert meta is not None
    name = f"capture-{capture.id}-2026-02-03.pdf"
    for letter_type in ("erasure", "access"):  # two letters, one folder, the same capture
        draft = drafting.prepare(
            letters_case, DIRECTORY, drafting.DraftRequest(letter_type, meta, language="en")
        )
        saved = drafting.save(letters_case, draft, ["pdf", "txt"], tmp_path)
        assert (tmp_path / name).read_bytes() == PDF
        assert f"attached as {name}" in render_text(saved.letter)
    letters = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" and p.name != name)
    assert len(letters) == 2
