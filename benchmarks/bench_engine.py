"""FaceEngine against insightface's own FaceAnalysis.get(), same images, same model, one run.

Run: .venv/bin/python benchmarks/bench_engine.py [--rounds 3] [--threads 2]

Both sides get the same decoded images and the same thread count; rounds alternate A/B so
that load from elsewhere on a shared machine hits both alike. Printed as ratios (engine /
direct): per image, per face, and for the embedding stage alone (one batched call per image
against insightface's one call per face). Target (issue 10): at most 0.8x per image on
ordinary photos, i.e. those whose long side is at most the tiling threshold; the few larger
photos of the corpus take the tiled path (small faces in press photos), which insightface
does not do, so their ratio is printed apart.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from faceaudit.faces import runtime
from faceaudit.faces.engine import TILED_FROM, FaceEngine
from faceaudit.faces.modelpacks import ModelStore
from faceaudit.imaging import load_image
from faceaudit.paths import resolve_paths

SHARED = Path(__file__).resolve().parents[2] / "shared" / "faces"


def corpus() -> list[Path]:
    import insightface

    images = [Path(insightface.__file__).parent / "data" / "images" / "t1.jpg"]
    if SHARED.is_dir():
        images += sorted((SHARED / "deepface").glob("*.jpg"))
        images += sorted((SHARED / "face_recognition_examples" / "knn_examples" / "test").iterdir())
    return images


def timed(function, images):
    """Seconds per image (in order) and the faces found in all of them."""
    seconds, faces = [], 0
    for image in images:
        start = time.perf_counter()
        faces += len(function(image))
        seconds.append(time.perf_counter() - start)
    return seconds, faces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    ort = runtime.onnxruntime()  # telemetry off before corpus() imports insightface
    pack = ModelStore(resolve_paths().models).require("buffalo_sc")
    images = [load_image(path) for path in corpus()]

    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    from insightface.app import FaceAnalysis

    direct = FaceAnalysis(
        name=str(pack),
        providers=["CPUExecutionProvider"],
        allowed_modules=["detection", "recognition"],
        sess_options=options,
    )
    direct.prepare(ctx_id=-1)
    engine = FaceEngine(pack, threads=args.threads)
    engine.analyze(images[0])
    direct.get(images[0])

    engine_rounds, direct_rounds = [], []
    for _ in range(args.rounds):
        seconds, engine_faces = timed(engine.analyze, images)
        engine_rounds.append(seconds)
        seconds, direct_faces = timed(direct.get, images)
        direct_rounds.append(seconds)
    engine_times = [sum(r) for r in engine_rounds]
    direct_times = [sum(r) for r in direct_rounds]
    engine_s, direct_s = statistics.median(engine_times), statistics.median(direct_times)
    ordinary = [i for i, image in enumerate(images) if max(image.shape[:2]) <= TILED_FROM]

    def subset_ratio(indices: list[int]) -> float:
        ratios = [
            sum(e[i] for i in indices) / sum(d[i] for i in indices)
            for e, d in zip(engine_rounds, direct_rounds, strict=True)
        ]
        return statistics.median(ratios)

    # The embedding stage alone, on the faces of multi-face images.
    crops_per_image = []
    for image in images:
        boxes, landmarks = engine.detect(image)
        if len(boxes) > 1:
            crops_per_image.append(engine.aligned_crops(image, landmarks))
    recogniser = engine.models.recogniser
    batched, looped = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for crops in crops_per_image:
            engine.embed_crops(crops)
        batched.append(time.perf_counter() - start)
        start = time.perf_counter()
        for crops in crops_per_image:
            for crop in crops:
                recogniser.get_feat(crop)
        looped.append(time.perf_counter() - start)
    faces_embedded = sum(len(c) for c in crops_per_image)

    print(f"images: {len(images)}, threads: {args.threads}, rounds: {args.rounds} (medians)")
    print(f"faces found: engine {engine_faces}, direct insightface {direct_faces}")
    print(
        f"per image: engine {1000 * engine_s / len(images):.1f} ms, direct "
        f"{1000 * direct_s / len(images):.1f} ms, "
        f"ratio {engine_s / direct_s:.3f}x over all images"
    )
    large = len(images) - len(ordinary)
    print(
        f"ordinary photos (long side <= {TILED_FROM} px, {len(ordinary)} images): ratio "
        f"{subset_ratio(ordinary):.3f}x (target <= 0.8x)"
    )
    if large:
        rest = [i for i in range(len(images)) if i not in set(ordinary)]
        print(f"larger photos, tiled ({large} images): ratio {subset_ratio(rest):.3f}x")
    print(
        f"per face: engine {1000 * engine_s / max(1, engine_faces):.1f} ms, direct "
        f"{1000 * direct_s / max(1, direct_faces):.1f} ms, ratio "
        f"{(engine_s / max(1, engine_faces)) / (direct_s / max(1, direct_faces)):.3f}x"
    )
    print(
        f"embedding {faces_embedded} faces of {len(crops_per_image)} multi-face images: batched "
        f"{1000 * statistics.median(batched):.1f} ms vs one call per face "
        f"{1000 * statistics.median(looped):.1f} ms, ratio "
        f"{statistics.median(batched) / statistics.median(looped):.3f}x"
    )
    spread = np.std(np.array(engine_times) / np.array(direct_times))
    print(f"round-to-round spread of the ratio: {spread:.3f}")


if __name__ == "__main__":
    main()
