"""Review in bulk: id lists and ranges, --all-above, and the y/n/skip loop on a real terminal."""

from __future__ import annotations

import hashlib
import os
import pty
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from faceaudit.cli import main
from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, UnknownRowError

PASSPHRASE = "cli review passphrase 3"
SIMILARITIES = (0.81, 0.35, 0.66, 0.59, 0.72, 0.31, 0.9, 0.45, 0.61)


def _match(seed: int, similarity: float) -> FaceMatch:
    vector = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
    box = (10.0 + seed, 20.0, 110.0 + seed, 140.0)
    marks = ((40.0, 60.0), (80.0, 60.0), (60.0, 90.0), (45.0, 115.0), (75.0, 115.0))
    face = Face(bbox=box, landmarks=marks, det_score=0.9, embedding=vector / np.linalg.norm(vector))
    verdict = Verdict.MATCH if similarity >= 0.4 else Verdict.POSSIBLE
    return FaceMatch(face=face, similarity=similarity, verdict=verdict, reference_index=0)


@pytest.fixture
def store(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> CaseStore:
    """A case 'rita' with nine findings (ids 1-9, similarities above); passphrase in the env."""
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    with store.create("rita", PASSPHRASE) as case:
        scan = case.start_scan({})
        for seed, similarity in enumerate(SIMILARITIES):
            url = f"http://127.0.0.1:8000/p{seed}.jpg"
            sha = hashlib.sha256(url.encode()).hexdigest()
            seen = Provenance(
                source=url, page_url=None, image_url=url, found_by="direct", sha256=sha
            )
            case.record_image(scan, seen)
            case.add_finding(scan, sha, seen, _match(seed, similarity), b"\xff\xd8thumb")
        case.finish_scan(scan, {}, "done")
    return store


def _reviews(store: CaseStore) -> dict[int, str]:
    with store.open("rita", PASSPHRASE) as case:
        return {row.id: row.review for row in case.findings()}


def test_review_many_is_all_or_nothing(store: CaseStore) -> None:
    with store.open("rita", PASSPHRASE) as case:
        assert case.review_many([3, 1, 3], "confirmed") == [3, 1]
        with pytest.raises(UnknownRowError, match="no finding with id 42, 43; nothing"):
            case.review_many([2, 42, 43], "rejected")
    reviews = _reviews(store)
    assert reviews[1] == reviews[3] == "confirmed" and reviews[2] == "unreviewed"


def test_review_lists_ranges_and_all_above(
    store: CaseStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "--case", "rita", "2,3,5-7", "reject"]) == 0
    assert capsys.readouterr().out.strip() == "5 findings rejected: 2, 3, 5, 6, 7."
    assert main(["review", "--case", "rita", "1", "confirm"]) == 0
    assert capsys.readouterr().out.strip() == "Finding 1: confirmed."
    # Only the unreviewed findings at least that similar: 9 (0.61); 4 (0.59) and 8 are below.
    assert main(["review", "--case", "rita", "--all-above", "0.6", "confirm"]) == 0
    assert capsys.readouterr().out.strip() == "Finding 9: confirmed."
    reviews = _reviews(store)
    assert [reviews[i] for i in range(1, 10)] == [
        "confirmed",
        "rejected",
        "rejected",
        "unreviewed",
        "rejected",
        "rejected",
        "rejected",
        "unreviewed",
        "confirmed",
    ]
    assert main(["review", "--case", "rita", "--all-above", "0.95", "confirm"]) == 0
    assert "No unreviewed finding has a similarity of 0.95 or more." in capsys.readouterr().out
    assert main(["review", "--case", "rita", "8,99", "confirm"]) == 1
    assert "no finding with id 99" in capsys.readouterr().err
    assert _reviews(store)[8] == "unreviewed"  # nothing of a refused list is applied


@pytest.mark.parametrize(
    "argv",
    [
        ["review", "--case", "rita", "2-", "confirm"],
        ["review", "--case", "rita", "9-3", "confirm"],
        ["review", "--case", "rita", "1,2", "maybe"],
        ["review", "--case", "rita", "--all-above", "0.6"],
        ["review", "--case", "rita", "--all-above", "6", "confirm"],
        ["review", "--case", "rita"],  # no terminal to ask on
    ],
)
def test_review_usage_errors(store: CaseStore, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


def test_interactive_review_on_a_terminal(store: CaseStore, sandbox_home: Path) -> None:
    """y / n / s / unknown answer / q, typed on a real pseudo-terminal."""
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "FACEAUDIT_HOME": str(sandbox_home), "FACEAUDIT_PASSPHRASE": PASSPHRASE}
    process = subprocess.Popen(
        [sys.executable, "-m", "faceaudit", "review", "--case", "rita"],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
    )
    os.close(child_fd)
    # Asked most similar first: 7 (0.90), 1 (0.81), 5 (0.72), 3 (0.66), ...
    os.write(main_fd, b"y\nn\ns\nwhat\nq\n")
    output = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0
    os.close(main_fd)
    text = output.decode("utf-8", "replace")
    assert "9 findings to review." in text
    assert "Finding 7: similarity 0.90 (match)" in text
    assert "Answer y (that's me), n (not me), s (skip) or q (stop)." in text
    assert "Confirmed 1, rejected 1, skipped 1." in text
    reviews = _reviews(store)
    assert reviews[7] == "confirmed" and reviews[1] == "rejected" and reviews[5] == "unreviewed"
    assert reviews[3] == "unreviewed"
