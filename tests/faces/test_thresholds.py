"""The measured meaning of each match level (what Settings shows) is measured again here."""

from __future__ import annotations

import csv
from pathlib import Path

from faceaudit.faces.engine import FaceEngine
from faceaudit.faces.thresholds import CALIBRATION, DEFAULT_THRESHOLDS, MATCH_LEVELS
from faceaudit.imaging import load_image


def test_calibration_table_is_what_the_real_model_measures(
    face_engine: FaceEngine, deepface_dir: Path
) -> None:
    with (deepface_dir / "master.csv").open(newline="") as table:
        rows = list(csv.DictReader(table))
    names = sorted({row["file_x"] for row in rows} | {row["file_y"] for row in rows})
    largest = {name: face_engine.analyze(load_image(deepface_dir / name))[0] for name in names}
    scores = [
        (
            row["Decision"] == "Yes",
            float(largest[row["file_x"]].embedding @ largest[row["file_y"]].embedding),
        )
        for row in rows
    ]
    for threshold, measured in CALIBRATION.items():
        same = [score for is_same, score in scores if is_same]
        different = [score for is_same, score in scores if not is_same]
        assert (measured.same_pairs, measured.different_pairs) == (len(same), len(different))
        assert measured.same_accepted == sum(s >= threshold for s in same), threshold
        assert measured.different_accepted == sum(s >= threshold for s in different), threshold


def test_every_level_has_measured_bands() -> None:
    assert MATCH_LEVELS["standard"] == DEFAULT_THRESHOLDS
    for level in MATCH_LEVELS.values():
        assert level.possible < level.match
        assert level.match in CALIBRATION and level.possible in CALIBRATION
