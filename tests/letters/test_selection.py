"""What a letter cites: confirmed findings by default, one annex entry per image with every
place it was seen on the operator's domains, and which operators still need a letter."""

from __future__ import annotations

import dataclasses

from faceaudit.letters import tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.selection import findings_by_operator, select_findings
from faceaudit.store import Case

from .conftest import FINDING_URLS, _match

META_PAGE_2 = "https://www.instagram.com/p/Other/"


def _second_face_and_place(case: Case, first_id: int) -> int:
    """A second face of the person in the Instagram image, and that image on a second page."""
    row = case.finding(first_id)
    scan = case.start_scan({})
    thumbnail = case.finding_thumbnail(first_id)
    for page in (row.page_url, META_PAGE_2):
        seen = _seen_at(row.image_sha256, page, row.image_url)
        case.add_finding(scan, row.image_sha256, seen, _match(0), thumbnail)
        second = case.add_finding(scan, row.image_sha256, seen, _match(50), thumbnail)
    case.finish_scan(scan, {}, "done")
    return second


def _seen_at(sha: str, page: str | None, image: str):
    from faceaudit.collect.types import Provenance

    return Provenance(
        source=page or image,
        page_url=page,
        image_url=image,
        found_by="img",
        fetched_at="2026-02-01T09:00:00Z",
        sha256=sha,
    )


def test_confirmed_by_default_one_entry_per_image_every_place(letters_case: Case) -> None:
    meta = Directory(load_builtin()).resolve("instagram.com")
    assert meta is not None
    instagram, facebook, blog = (row.id for row in letters_case.findings())
    second_face = _second_face_and_place(letters_case, instagram)

    # Nothing reviewed yet: the letter cites nothing, and says what it left out.
    nothing = select_findings(letters_case, meta)
    assert nothing.images == () and nothing.unreviewed_left_out == 3

    for finding in (instagram, second_face, blog):  # the blog is not Meta's
        letters_case.review(finding, "confirmed")
    chosen = select_findings(letters_case, meta)
    [image] = chosen.images
    assert image.finding_ids == (instagram, second_face)  # two faces, one image
    assert [place.page_url for place in image.places] == [FINDING_URLS[0][0], META_PAGE_2]
    assert chosen.unreviewed_included == 0 and chosen.unreviewed_left_out == 1  # facebook
    [evidence] = chosen.evidence(letters_case)
    assert evidence.also_at == ((META_PAGE_2, FINDING_URLS[0][1]),)
    assert evidence.sha256 == letters_case.finding(instagram).image_sha256

    wider = select_findings(letters_case, meta, include_unreviewed=True)
    assert [i.finding_ids[0] for i in wider.images] == [instagram, facebook]
    assert wider.unreviewed_included == 1 and wider.unreviewed_left_out == 0

    # Rejecting the second face ("not me") keeps the image cited through the first.
    letters_case.review(second_face, "rejected")
    assert select_findings(letters_case, meta).images[0].finding_ids == (instagram,)


def test_findings_by_operator_says_who_still_needs_a_letter(letters_case: Case) -> None:
    directory = Directory(load_builtin())
    meta = directory.resolve("instagram.com")
    assert meta is not None
    groups = {group.name: group for group in findings_by_operator(letters_case, directory)}
    assert set(groups) == {meta.name, "blog.example.org"}
    assert len(groups[meta.name].finding_ids) == 2 and groups[meta.name].needs_letter
    assert groups["blog.example.org"].operator is None

    ids = groups[meta.name].finding_ids
    tracking.record_letter(
        letters_case,
        letter_type="erasure",
        jurisdiction="eu",
        language="fr",
        operator=meta,
        finding_ids=ids[:1],
    )
    after = {group.name: group for group in findings_by_operator(letters_case, directory)}
    assert after[meta.name].needs_letter  # the Facebook finding is not cited yet
    assert after[meta.name].cited_ids == ids[:1] and len(after[meta.name].letter_ids) == 1
    tracking.record_letter(
        letters_case,
        letter_type="erasure",
        jurisdiction="eu",
        language="fr",
        operator=dataclasses.replace(meta),
        finding_ids=ids,
    )
    ordered = findings_by_operator(letters_case, directory)
    assert [group.needs_letter for group in ordered] == [True, False]  # still-to-do first
