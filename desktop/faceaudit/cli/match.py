"""``faceaudit match``: compare every face in some images with the person's reference photos."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from faceaudit.app import App
from faceaudit.errors import EnrolmentError, FaceAuditError, ImageError
from faceaudit.faces.types import FaceMatch
from faceaudit.imaging import load_image, read_image_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "match",
        help="compare every face in some images with your reference photos",
        description=(
            "Detect every face in each IMAGE and compare it with the person in the reference "
            "photos. Verdicts: 'match' (the same person), 'possible' (look yourself), 'no'. "
            "Everything runs on this computer."
        ),
    )
    parser.add_argument(
        "--reference",
        action="append",
        required=True,
        metavar="PHOTO",
        help="a photo of the person with exactly one clear face (repeat for several)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("images", nargs="+", metavar="IMAGE", help="images to look at")
    parser.set_defaults(handler=run_match)


def face_json(match: FaceMatch) -> dict[str, Any]:
    face = match.face
    return {
        "bbox": [round(value, 1) for value in face.bbox],
        "landmarks": [[round(x, 1), round(y, 1)] for x, y in face.landmarks],
        "det_score": round(face.det_score, 4),
        "similarity": round(match.similarity, 4),
        "verdict": match.verdict.value,
        "reference": match.reference_index,
    }


def run_match(args: argparse.Namespace, app: App) -> int:
    photos = []
    for path in args.reference:
        try:
            photos.append((str(path), read_image_file(path)))
        except ImageError as error:
            raise EnrolmentError(f"Reference photo {path}: {error.what}", error.todo) from error
    engine = app.engine
    references = engine.enrol(photos)
    images: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for path in args.images:
        try:
            faces = engine.analyze(load_image(Path(path)))
        except FaceAuditError as error:
            errors.append({"path": str(path), "error": str(error)})
            continue
        matches = engine.match(faces, references)
        images.append({"path": str(path), "faces": [face_json(match) for match in matches]})
    if args.json:
        result = {
            "references": [ref.label for ref in references],
            "thresholds": {
                "match": engine.thresholds.match,
                "possible": engine.thresholds.possible,
            },
            "images": images,
            "errors": errors,
        }
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(images, errors)
    return 0


def print_table(images: list[dict[str, Any]], errors: list[dict[str, str]]) -> None:
    for image in images:
        faces = image["faces"]
        print(f"{image['path']}: {len(faces)} face{'s' if len(faces) != 1 else ''}")
        for face in faces:
            x1, y1, x2, y2 = (int(v) for v in face["bbox"])
            print(
                f"  {face['verdict']:<8} similarity {face['similarity']:.3f}  "
                f"box {x1},{y1}-{x2},{y2}  detector {face['det_score']:.2f}"
            )
    for error in errors:
        print(f"{error['path']}: error: {error['error']}", file=sys.stderr)
