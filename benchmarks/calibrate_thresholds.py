"""Calibrate the verdict thresholds on real labelled photos and compare ways to combine references.

Run: .venv/bin/python benchmarks/calibrate_thresholds.py [--shared ../shared]

Prints, for the deepface pairs (../shared/faces/deepface/master.csv): the range of same-person
and different-person similarities, and the true-accept / false-accept rates at a set of
thresholds. Then, over identity clusters (connected components of the "Yes" pairs) and the
face_recognition examples, leave-one-out: each photo against the other photos of its person
(references) with the score taken as the max over references or as the similarity to their
normalised mean, and against every other person as impostors.
"""

from __future__ import annotations

import argparse
import csv
import itertools
from pathlib import Path

import numpy as np

from faceaudit.faces.engine import FaceEngine
from faceaudit.faces.modelpacks import ModelStore
from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS
from faceaudit.imaging import load_image
from faceaudit.paths import resolve_paths


def largest_face_embeddings(engine: FaceEngine, paths: list[Path]) -> dict[Path, np.ndarray]:
    embeddings = {}
    for path in paths:
        faces = engine.analyze(load_image(path))
        if faces:
            embeddings[path] = faces[0].embedding
    return embeddings


def clusters_from_pairs(rows: list[dict[str, str]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            item = parent[item]
        return item

    for row in rows:
        find(row["file_x"])
        find(row["file_y"])
        if row["Decision"] == "Yes":
            parent[find(row["file_x"])] = find(row["file_y"])
    groups: dict[str, set[str]] = {}
    for item in parent:
        groups.setdefault(find(item), set()).add(item)
    return list(groups.values())


def rates(same: list[float], different: list[float], threshold: float) -> tuple[float, float]:
    tar = sum(s >= threshold for s in same) / max(1, len(same))
    far = sum(s >= threshold for s in different) / max(1, len(different))
    return tar, far


def leave_one_out(identities: dict[str, list[np.ndarray]]) -> dict[str, tuple[list, list]]:
    results: dict[str, tuple[list, list]] = {"max": ([], []), "mean": ([], []), "both": ([], [])}
    for name, embeddings in identities.items():
        if len(embeddings) < 3:
            continue
        for index, probe in enumerate(embeddings):
            references = [e for i, e in enumerate(embeddings) if i != index]
            centroid = np.mean(references, axis=0)
            centroid /= np.linalg.norm(centroid)
            genuine_max = max(float(probe @ r) for r in references)
            results["max"][0].append(genuine_max)
            results["mean"][0].append(float(probe @ centroid))
            results["both"][0].append(max(genuine_max, float(probe @ centroid)))
            for other, other_embeddings in identities.items():
                if other == name:
                    continue
                for impostor in other_embeddings:
                    impostor_max = max(float(impostor @ r) for r in references)
                    results["max"][1].append(impostor_max)
                    results["mean"][1].append(float(impostor @ centroid))
                    results["both"][1].append(max(impostor_max, float(impostor @ centroid)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    args = parser.parse_args()
    engine = FaceEngine(ModelStore(resolve_paths().models).require("buffalo_sc"), threads=0)
    deepface = args.shared / "faces" / "deepface"
    with (deepface / "master.csv").open(newline="") as table:
        rows = list(csv.DictReader(table))
    files = sorted({deepface / r["file_x"] for r in rows} | {deepface / r["file_y"] for r in rows})
    embeddings = largest_face_embeddings(engine, files)
    same = [
        float(embeddings[deepface / r["file_x"]] @ embeddings[deepface / r["file_y"]])
        for r in rows
        if r["Decision"] == "Yes"
    ]
    different = [
        float(embeddings[deepface / r["file_x"]] @ embeddings[deepface / r["file_y"]])
        for r in rows
        if r["Decision"] == "No"
    ]
    print(f"deepface pairs: {len(same)} same-person, {len(different)} different-person")
    print(f"  same-person similarity {min(same):.3f} .. {max(same):.3f} (mean {np.mean(same):.3f})")
    print(
        f"  different-person similarity {min(different):.3f} .. {max(different):.3f} "
        f"(mean {np.mean(different):.3f})"
    )
    # All pairs across clusters give many more impostor comparisons than the 262 listed.
    clusters = clusters_from_pairs(rows)
    identities = {
        f"deepface-{i}": [embeddings[deepface / name] for name in sorted(group)]
        for i, group in enumerate(clusters)
    }
    all_impostors = [
        float(a @ b)
        for (_, xs), (_, ys) in itertools.combinations(identities.items(), 2)
        for a in xs
        for b in ys
    ]
    print(f"  all cross-identity pairs: {len(all_impostors)}, max {max(all_impostors):.3f}")
    for threshold in (
        0.25,
        0.28,
        0.30,
        0.35,
        DEFAULT_THRESHOLDS.possible,
        0.40,
        DEFAULT_THRESHOLDS.match,
        0.45,
    ):
        tar, far = rates(same, different + all_impostors, threshold)
        print(f"  threshold {threshold:.2f}: true accepts {tar:.3f}, false accepts {far:.5f}")
    train = args.shared / "faces" / "face_recognition_examples" / "knn_examples" / "train"
    for person in sorted(train.iterdir()):
        identities[person.name] = list(
            largest_face_embeddings(engine, sorted(person.iterdir())).values()
        )
    print("leave-one-out over identities with 3+ photos (probe vs the others as references):")
    for method, (genuine, impostor) in leave_one_out(identities).items():
        tar, far = rates(genuine, impostor, DEFAULT_THRESHOLDS.match)
        print(
            f"  {method:>4}: genuine min {min(genuine):.3f} mean {np.mean(genuine):.3f}; "
            f"impostor max {max(impostor):.3f}; "
            f"at {DEFAULT_THRESHOLDS.match}: TAR {tar:.3f} FAR {far:.5f} "
            f"({len(genuine)} genuine, {len(impostor)} impostor)"
        )


if __name__ == "__main__":
    main()
