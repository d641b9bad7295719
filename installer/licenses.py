"""The licence texts a build carries: FaceAudit's, every bundled package's, the model weights'.

Run by the PyInstaller spec inside the build's virtual environment, so the packages listed
are exactly those that went into the build. Files are written to ``build/licenses/``.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import shutil
from pathlib import Path

# Tools of the build itself, not parts of the application.
NOT_SHIPPED = {
    "pip",
    "setuptools",
    "wheel",
    "pyinstaller",
    "pyinstaller-hooks-contrib",
    "altgraph",
    "packaging",
    "faceaudit",
}

CHECK_FACE_NOTE = """\
The self-test's check face (skimage/data/astronaut.png)

A portrait of astronaut Eileen Collins, taken by NASA, shipped in scikit-image's data
folder. scikit-image's documentation of skimage.data.astronaut says: "This image was
downloaded from the NASA Great Images database. No known copyright restrictions, released
into the public domain." (A NASA photograph is a work of the US government.)
FaceAudit ships no photo of any other person. The self-test compares this portrait with a
rotated, mirrored, re-lit and re-compressed copy of itself made at run time, so no second
photo is needed.
"""


def version(root: Path) -> str:
    text = (root / "desktop" / "faceaudit" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("desktop/faceaudit/__init__.py has no __version__")
    return found.group(1)


def check_face_path() -> Path:
    spec = importlib.util.find_spec("skimage")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("scikit-image is not installed: the self-test's check face comes from it")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "astronaut.png"


def _licence_files(dist: importlib.metadata.Distribution) -> list[Path]:
    found = []
    for entry in dist.files or ():
        name = entry.name.upper()
        if any(word in name for word in ("LICENSE", "LICENCE", "COPYING", "NOTICE")):
            path = Path(str(dist.locate_file(entry)))
            if path.is_file():
                found.append(path)
    return found


def _licence_name(dist: importlib.metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or ""
    if expression:
        return expression
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or ()
        if c.startswith("License ::")
    ]
    short = (meta.get("License") or "").strip().splitlines()
    return "; ".join(classifiers) or (short[0][:80] if short else "see the files")


def write_all(root: Path) -> list[Path]:
    """Write every licence text into build/licenses/ and return the files written."""
    target = root / "build" / "licenses"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    written = [target / "FaceAudit-GPL-3.0-or-later.txt"]
    shutil.copyfile(root / "LICENSE", written[0])

    manifest = json.loads((root / "models" / "manifest.json").read_text(encoding="utf-8"))
    lines = ["Face model weights (InsightFace)", ""]
    for name, pack in manifest["packs"].items():
        licence = pack["licence"]
        lines += [
            f"{name}: {pack['title']}",
            f"  {licence['name']}",
            f"  {licence['summary']}",
            f"  {licence['url']}",
            "",
        ]
    written.append(target / "MODEL-WEIGHTS.txt")
    written[-1].write_text("\n".join(lines), encoding="utf-8")
    written.append(target / "CHECK-FACE.txt")
    written[-1].write_text(CHECK_FACE_NOTE, encoding="utf-8")

    summary = ["Third-party packages in this build (name, version, licence)", ""]
    dists = {d.metadata["Name"].lower(): d for d in importlib.metadata.distributions()}
    for key in sorted(dists):
        if key in NOT_SHIPPED:
            continue
        dist = dists[key]
        summary.append(f"{dist.metadata['Name']} {dist.version}: {_licence_name(dist)}")
        for index, path in enumerate(_licence_files(dist)):
            copy = target / f"{dist.metadata['Name']}-{index}-{path.name}"
            shutil.copyfile(path, copy)
            written.append(copy)
    written.append(target / "THIRD-PARTY.txt")
    written[-1].write_text("\n".join(summary) + "\n", encoding="utf-8")
    return written
