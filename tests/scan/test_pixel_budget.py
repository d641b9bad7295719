"""The scan's pixel budget: decoded pixels held at once, whatever the number of workers."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from faceaudit.imaging import probe
from faceaudit.scan.budget import Budget


def test_the_budget_admits_what_fits_and_blocks_the_rest() -> None:
    budget = Budget(100)
    assert budget.acquire(60, timeout=0)
    assert budget.acquire(40, timeout=0)  # exactly full
    assert not budget.acquire(1, timeout=0)
    budget.release(40)
    assert not budget.acquire(41, timeout=0)
    assert budget.acquire(40, timeout=0)
    budget.release(100)
    assert budget.in_use == 0


def test_a_photo_larger_than_the_budget_is_admitted_alone() -> None:
    budget = Budget(100)
    assert budget.acquire(250, timeout=0)  # nothing else held: it may go
    assert not budget.acquire(1, timeout=0)  # ... and nothing beside it
    budget.release(250)
    assert budget.acquire(10, timeout=0)
    assert not budget.acquire(250, timeout=0)  # not beside another image


def test_a_waiting_large_photo_is_not_overtaken_by_small_ones() -> None:
    budget = Budget(100)
    with budget.admit(60):
        admitted = threading.Event()

        def large() -> None:
            with budget.admit(80):
                admitted.set()

        waiter = threading.Thread(target=large)
        waiter.start()
        while not budget.waiting:  # the large photo is in line (no timing involved)
            threading.Event().wait(0.001)
        assert not budget.acquire(10, timeout=0)  # 70 would fit, but the large one is first
        assert not admitted.is_set()
    waiter.join(timeout=30)
    assert admitted.is_set() and budget.in_use == 0


class _CountingEngine:
    """The real engine; counts the images analysed at the same time."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0
        self.analysed = 0

    def analyze(self, image: np.ndarray) -> Any:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            return self.engine.analyze(image)
        finally:
            with self.lock:
                self.now -= 1
                self.analysed += 1

    def match(self, faces: Any, references: Any) -> Any:
        return self.engine.match(faces, references)


@pytest.mark.models
def test_the_scan_analyses_one_image_at_a_time_when_only_one_fits(
    face_engine: Any, person_photos: dict[str, list[Path]], tmp_path: Path
) -> None:
    from faceaudit.paths import resolve_paths
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import scan_one_shot, web_collector

    folder = tmp_path / "photos"
    folder.mkdir()
    distinct = {
        photo.read_bytes(): photo for photo in [*person_photos["obama"], *person_photos["biden"]]
    }
    photos = list(distinct.values())  # the same bytes twice would be one image
    for number, photo in enumerate(photos):
        shutil.copy(photo, folder / f"{number}{photo.suffix}")
    smallest = min(probe(photo.read_bytes()).pixels for photo in photos)
    references = face_engine.enrol([("reference", photos[0].read_bytes())])
    counting = _CountingEngine(face_engine)
    collector = web_collector(resolve_paths(tmp_path / "home"), network={"use_cache": False})

    # Every photo is at least as large as the pixel budget: each is admitted alone; and one
    # fetched photo at a time waits for analysis (held bytes: 1).
    settings = ScanSettings(workers=4, pixel_budget=smallest, held_bytes=1)
    outcome = scan_one_shot(counting, references, [str(folder)], collector, settings)
    assert outcome.stats["images"] == len(photos) and outcome.stats["errors"] == 0
    assert counting.analysed == len(photos)
    assert counting.most == 1
