"""A case with real scans, findings, reviews and letters, built through the store's own API.

No face engine: the faces are recorded as a scan records them (``Case.add_finding`` with a
real JPEG thumbnail cut from a real photo), so the report reads exactly what a scan writes.
The re-check tests scan a real loopback site with the real engine instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest

from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.letters import corrections, tracking
from faceaudit.letters.directory import Operator
from faceaudit.paths import resolve_paths
from faceaudit.store import Case, CaseStore, KdfParams, Person

TEST_KDF = KdfParams(n=2**10, r=8, p=1)  # the cheapest scrypt the store accepts
PASSPHRASE = "correct horse battery staple"
SITE = "http://127.0.0.1:8000"
OTHER = "http://127.0.0.2:8001"


def _photo() -> bytes:
    import insightface

    return (Path(insightface.__file__).parent / "data" / "images" / "t1.jpg").read_bytes()


def _thumbnail(offset: int) -> bytes:
    pixels = cv2.imdecode(np.frombuffer(_photo(), np.uint8), cv2.IMREAD_COLOR)
    crop = pixels[offset : offset + 120, offset : offset + 120]
    ok, encoded = cv2.imencode(".jpg", cv2.resize(crop, (96, 96)))
    assert ok
    return encoded.tobytes()


def _match(seed: int) -> FaceMatch:
    vector = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
    box = (10.0 + seed, 20.0, 110.0 + seed, 140.0)
    face = Face(
        bbox=box,
        landmarks=((40, 60), (80, 60), (60, 90), (45, 115), (75, 115)),
        det_score=0.9,
        embedding=vector / np.linalg.norm(vector),
    )
    return FaceMatch(face=face, similarity=0.72, verdict=Verdict.MATCH, reference_index=0)


class Builder:
    """Scans, findings and letters for one case, as the scan and the tracker record them."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.today = dt.date.today()
        self._operators = 0

    def scan(self, source_pages: dict[str, list[tuple[str, str | None, int]]]) -> int:
        """A scan (finished with :meth:`finish`): per source URL, the (image URL, page URL,
        seed) of each face of the person it saw; the pages it read are recorded as checked.
        A source that failed is added with :meth:`fail`."""
        scan_id = self.case.start_scan({})
        for source, images in source_pages.items():
            pages = {page or image for image, page, _ in images} | {source}
            for image_url, page_url, seed in images:
                data = f"image-{seed}".encode()  # the same seed: the same image bytes
                sha = hashlib.sha256(data).hexdigest()
                prov = Provenance(
                    source=source,
                    page_url=page_url,
                    image_url=image_url,
                    found_by="img",
                    http_status=200,
                    final_url=image_url,
                    fetched_at=None,
                    byte_size=len(data),
                    sha256=sha,
                    content_type="image/jpeg",
                )
                self.case.record_image(scan_id, prov)
                self.case.mark_image_processed(scan_id, sha, 1)
                self.case.add_finding(
                    scan_id, sha, prov, _match(seed), _thumbnail((seed % 20) * 10)
                )
            self.case.record_checked(scan_id, sorted(pages))
            self.case.source_done(scan_id, source, "ok", stats={"pages": len(pages)})
        self.scan_id = scan_id
        return scan_id

    def fail(self, source: str, reason: str, kind: str = "failed") -> None:
        self.case.source_done(
            self.scan_id, source, "error", error=reason, stats={"failure_kind": kind}
        )

    def finish(self) -> None:
        self.case.finish_scan(self.scan_id, {"pages": 3, "images": 3})

    def age_scan(self, scan_id: int, days: int) -> None:
        """Move a scan ``days`` into the past (as if it had run then): only its start time
        counts when a promised erasure is judged."""
        when = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self.case.connection() as conn:
            conn.execute("UPDATE scans SET started_at = ? WHERE id = ?", (when, scan_id))

    def finding_on(self, image_url: str) -> int:
        return next(row.id for row in self.case.findings() if row.image_url == image_url)

    def letter(
        self,
        letter_type: str,
        operator: str,
        findings: tuple[int, ...],
        *,
        sent_days_ago: int,
        parent: int | None = None,
    ) -> int:
        self._operators += 1
        letter_id = tracking.record_letter(
            self.case,
            letter_type=letter_type,
            jurisdiction="eu",
            language="fr",
            operator=Operator(slug=f"operator-{self._operators}", name=operator),
            finding_ids=findings,
            parent_request_id=parent,
        )
        tracking.mark_sent(
            self.case, letter_id, self.today - dt.timedelta(days=sent_days_ago), "email"
        )
        return letter_id

    def outcome(self, letter_id: int, outcome: str, days_ago: int) -> None:
        corrections.record_outcome(
            self.case, letter_id, outcome, self.today - dt.timedelta(days=days_ago)
        )


@pytest.fixture
def store(sandbox_home: Path) -> CaseStore:
    return CaseStore(resolve_paths(sandbox_home), kdf=TEST_KDF)


@pytest.fixture
def case(store: CaseStore) -> Iterator[Case]:
    person = Person(full_name="Camille Dupont", country="FR", language="fr")
    opened = store.create("camille", PASSPHRASE, person=person)
    yield opened
    opened.close()


@pytest.fixture
def builder(case: Case) -> Builder:
    return Builder(case)


@dataclass
class Scenario:
    """Two scans, a report between them, and two letters (see :func:`scenario`)."""

    builder: Builder
    team: str
    gone_page: str
    down: str
    later: str
    still: int  # confirmed, seen in both scans
    removed: int  # confirmed, its page read again without it in the second scan
    new: int  # confirmed, first seen in the second scan
    unreviewed: int
    erasure_letter: int
    access_letter: int
    reason: str


@pytest.fixture
def scenario(case: Case, builder: Builder, tmp_path: Path) -> Scenario:
    """The case of a person found on two sites; one site could not be read.

    Scan 1 sees photos a and c on team.html and b on gone.html; a and b are confirmed and a
    first report is made. Scan 2 reads both pages again: a is still there, b is gone, d is
    new (confirmed). An erasure request about a and b was sent 30 days ago and the operator
    answered today that it complied; an access request sent 45 days ago is overdue.
    """
    from faceaudit.report import generate

    team, gone_page = f"{SITE}/team.html", f"{OTHER}/gone.html"
    down, later = "http://127.0.0.1:9/down.html", f"{SITE}/later.html"
    reason = "The server did not answer within 20 s. Check the address or try later."
    case.add_sources([team, gone_page, down])
    builder.scan(
        {
            team: [(f"{SITE}/img/a.jpg", team, 1), (f"{SITE}/img/c.jpg", team, 3)],
            gone_page: [(f"{OTHER}/img/b.jpg", gone_page, 2)],
        }
    )
    builder.fail(down, reason)
    builder.finish()
    still, removed = (
        builder.finding_on(f"{SITE}/img/a.jpg"),
        builder.finding_on(f"{OTHER}/img/b.jpg"),
    )
    unreviewed = builder.finding_on(f"{SITE}/img/c.jpg")
    case.review_many([still, removed], "confirmed")
    generate(case, "pdf", tmp_path / "first.pdf")
    builder.scan(
        {team: [(f"{SITE}/img/a.jpg", team, 1), (f"{SITE}/img/d.jpg", team, 4)], gone_page: []}
    )
    builder.fail(down, reason)
    builder.finish()
    new = builder.finding_on(f"{SITE}/img/d.jpg")
    case.review(new, "confirmed")
    erasure_letter = builder.letter("erasure", "Exemple SA", (still, removed), sent_days_ago=30)
    builder.outcome(erasure_letter, "complied", 0)
    access_letter = builder.letter("access", "Autre SARL", (new,), sent_days_ago=45)
    case.add_sources([later])
    return Scenario(
        builder,
        team,
        gone_page,
        down,
        later,
        still,
        removed,
        new,
        unreviewed,
        erasure_letter,
        access_letter,
        reason,
    )
