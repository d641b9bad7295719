"""Small faces in very large photos: recall and time of tiled detection against one 1280 px pass.

Real faces (the deepface portraits of ../shared/faces, cut out around the face the engine
finds) are planted 60-120 px wide at random places (tile borders included) in scenes of 12,
24 and 40 MP made from a real photo blown up and blurred, like the soft background of an event
photo. A planted face counts as found when a detected box overlaps it (IoU >= 0.3). Printed:
recall and seconds per image of the engine with tiles (the default) and without (one 1280 px
pass, the engine before tiles).

    .venv/bin/python benchmarks/bench_large_photos.py [--scenes 2] [--faces 10] [--threads 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import cv2
import numpy as np

from faceaudit.faces.engine import FaceEngine
from faceaudit.faces.modelpacks import ModelStore
from faceaudit.paths import resolve_paths

SHARED_FACES = Path(__file__).resolve().parents[2] / "shared" / "faces"
SCENES = {"12 MP": (4240, 2832), "24 MP": (6000, 4000), "40 MP": (7680, 5200)}


def face_patches(engine: FaceEngine) -> list[tuple[np.ndarray, float]]:
    """(patch, face width in the patch) of each portrait, the face with some margin."""
    patches = []
    for path in sorted((SHARED_FACES / "deepface").glob("img*.jpg")):
        image = cv2.imread(str(path))
        if image is None:
            continue
        faces = engine.analyze(image)
        if len(faces) != 1:
            continue
        x1, y1, x2, y2 = faces[0].bbox
        side = max(x2 - x1, y2 - y1) * 1.6
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
        left, top = int(max(0, cx - side / 2)), int(max(0, cy - side / 2))
        patch = image[top : int(cy + side / 2), left : int(cx + side / 2)]
        if patch.size:
            patches.append((patch, x2 - x1))
    return patches


def scene(
    size: tuple[int, int], patches: list[tuple[np.ndarray, float]], faces: int, rng: random.Random
) -> tuple[np.ndarray, list[tuple[float, float, float, float]]]:
    """A scene with ``faces`` planted faces and their expected boxes (x1, y1, x2, y2)."""
    width, height = size
    background = cv2.imread(str(SHARED_FACES / "deepface" / "selfie-many-people.jpg"))
    background = cv2.GaussianBlur(cv2.resize(background, (width // 8, height // 8)), (0, 0), 6)
    image = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    boxes: list[tuple[float, float, float, float]] = []
    while len(boxes) < faces:
        patch, face_width = rng.choice(patches)
        target = rng.uniform(60, 120)
        scale = target / face_width
        small = cv2.resize(patch, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        h, w = small.shape[:2]
        x, y = rng.randint(0, width - w - 1), rng.randint(0, height - h - 1)
        box = (x + w * 0.19, y + h * 0.19, x + w * 0.81, y + h * 0.81)
        if any(_iou(box, other) > 0 for other in boxes):
            continue
        image[y : y + h, x : x + w] = small
        boxes.append(box)
    return image, boxes


def _iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenes", type=int, default=2, help="scenes per size")
    parser.add_argument("--faces", type=int, default=10, help="planted faces per scene")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if not SHARED_FACES.is_dir():
        sys.exit(f"bench_large_photos needs real photos: {SHARED_FACES} is absent")
    pack = ModelStore(resolve_paths().models).require("buffalo_sc")
    tiled = FaceEngine(pack, threads=args.threads)
    single = FaceEngine(pack, threads=args.threads, tiled=False)
    patches = face_patches(tiled)
    rng = random.Random(11)
    print(f"{len(patches)} real faces planted {args.faces} per scene, {args.scenes} scenes a size")
    print(f"{'scene':<7} {'engine':<22} {'recall':>7} {'s/image':>8}")
    for name, size in SCENES.items():
        scenes = [scene(size, patches, args.faces, rng) for _ in range(args.scenes)]
        results = {}
        for label, engine in (("one 1280 px pass", single), ("tiled (default)", tiled)):
            engine.analyze(scenes[0][0][:640, :640])  # sessions warm
            found = planted = 0
            started = time.perf_counter()
            for image, boxes in scenes:
                detected = [face.bbox for face in engine.analyze(image)]
                planted += len(boxes)
                found += sum(any(_iou(box, d) >= 0.3 for d in detected) for box in boxes)
            seconds = (time.perf_counter() - started) / len(scenes)
            results[label] = seconds
            print(f"{name:<7} {label:<22} {found / planted:7.2f} {seconds:8.2f}")
        ratio = results["tiled (default)"] / results["one 1280 px pass"]
        print(f"{name:<7} {'time tiled / one pass':<22} {'':>7} {ratio:8.2f}")


if __name__ == "__main__":
    main()
