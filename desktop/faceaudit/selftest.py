"""``faceaudit --self-test``: prove an installation works, step by step, without personal data.

Each step prints what it checked and how long it took. The check pair is scikit-image's
public-domain NASA portrait and a rotated, mirrored, re-lit, re-compressed copy made here,
so no photo of anyone is shipped for it (``installer/licenses.py`` carries the note). Only
the window step imports ``faceaudit.gui``; a build without it says so and skips that step.
Nothing is written outside a temporary folder, and nothing goes over the network.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from faceaudit import __version__
from faceaudit.app import App
from faceaudit.errors import FaceAuditError
from faceaudit.paths import Paths

CHECK_FACE = ("skimage", "data/astronaut.png")


class StepFailed(FaceAuditError):
    """A self-test step found something wrong; the message says what."""


class StepSkipped(Exception):
    """A self-test step does not apply to this installation; the message says why."""


@dataclass
class SelfTest:
    app: App
    out: TextIO
    failures: int = 0
    skipped: int = 0
    passed: int = 0
    pack_dir: Path | None = None

    def step(self, name: str, check: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            detail = check()
            mark = "ok"
            self.passed += 1
        except StepSkipped as reason:
            mark, detail = "skip", str(reason)
            self.skipped += 1
        except FaceAuditError as error:
            mark, detail = "FAIL", f"{error.what} {error.todo}".strip()
            self.failures += 1
        except Exception as error:  # a self-test reports every failure, whatever it is
            mark, detail = "FAIL", f"{type(error).__name__}: {error}"
            self.failures += 1
        elapsed = time.perf_counter() - started
        print(f"  {mark:<4}  {name:<14}  {elapsed:6.2f} s  {detail}", file=self.out, flush=True)

    # ---- the steps

    def model_pack(self) -> str:
        from faceaudit.faces.modelpacks import ModelStore

        status = ModelStore(self.app.paths.models).verify(self.app.model_pack)
        if not status.verified:
            problems = "; ".join(status.problems) if status.installed else "not installed"
            raise StepFailed(
                f"{status.name} in {status.path}: {problems}. "
                f"Run `faceaudit models fetch {status.name}`."
            )
        self.pack_dir = status.path
        megabytes = status.pack.size / 1e6
        return (
            f"{status.name}: {len(status.files)} files, {megabytes:.1f} MB, SHA-256 verified, "
            f"in {status.path}"
        )

    def models_load(self) -> str:
        if self.pack_dir is None:
            raise StepSkipped("no verified model pack")
        models = self.app.engine.models
        return (
            f"detector {type(models.detector).__name__} + "
            f"recogniser {type(models.recogniser).__name__}, {self.app.threads} thread(s)"
        )

    def check_pair(self) -> str:
        if self.pack_dir is None:
            raise StepSkipped("no verified model pack")
        from faceaudit.imaging import decode

        engine = self.app.engine
        original = decode(check_face_bytes())
        variant = altered_copy(original)
        faces = [engine.analyze(original), engine.analyze(variant)]
        if [len(found) for found in faces] != [1, 1]:
            counts = " and ".join(str(len(found)) for found in faces)
            raise StepFailed(f"expected one face in each image of the pair, found {counts}")
        similarity = float(faces[0][0].embedding @ faces[1][0].embedding)
        verdict = engine.thresholds.verdict(similarity)
        if verdict != "match":
            raise StepFailed(f"the pair scored {similarity:.2f} ({verdict}), not a match")
        blank = np.full_like(original, 235)
        if engine.analyze(blank):
            raise StepFailed("a face was reported in a blank image")
        return (
            f"1 face in each; similarity {similarity:.2f} >= {engine.thresholds.match:.2f} "
            f"(match); 0 faces in a blank image"
        )

    def contained_decoder(self) -> str:
        from faceaudit.collect.sandbox import ContainedDecoder

        with ContainedDecoder(workers=1) as decoder:
            image = decoder.decode(check_face_bytes())
        height, width = image.shape[:2]
        return f"decoded {width}x{height} in a separate, memory-limited process"

    def letter_pdf(self) -> str:
        from faceaudit.letters.directory import Operator
        from faceaudit.letters.export import render_pdf
        from faceaudit.letters.render import Evidence, LetterSpec, Sender, render_letter

        spec = LetterSpec(
            letter_type="access",
            jurisdiction="eu",
            language="en",
            sender=Sender("Sam Example", "1 Example Street, Exampletown", "sam@example.org"),
            operator=Operator(
                slug="self-test",
                name="Example Operator Ltd",
                address="2 Example Road, Exampleville",
                email="privacy@example.org",
                domains=("example.org",),
            ),
            evidence=(
                Evidence(
                    page_url="https://example.org/team",
                    image_url="https://example.org/team/sam.jpg",
                    found_at=dt.date.today().isoformat(),
                ),
            ),
        )
        pdf = render_pdf(render_letter(spec))
        if not (pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")):
            raise StepFailed("the letter did not render as a complete PDF")
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ")
        return f"GDPR access request (English), {len(pdf) / 1024:.0f} KB, {pages or '?'} page(s)"

    def window(self) -> str:
        if importlib.util.find_spec("faceaudit.gui") is None:
            raise StepSkipped("this installation has no window (faceaudit.gui is absent)")
        # The only step that loads Qt; faceaudit.gui.selftest owns the Qt side.
        window_check = importlib.import_module("faceaudit.gui.selftest")
        return str(window_check.open_and_close_window(self.app))


def check_face_bytes() -> bytes:
    """The check portrait's PNG bytes, from scikit-image's data folder (also in the build)."""
    package, name = CHECK_FACE
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise StepFailed(f"{package} is not installed, and the check portrait comes with it")
    path = Path(next(iter(spec.submodule_search_locations))) / name
    try:
        return path.read_bytes()
    except OSError as error:
        raise StepFailed(f"the check portrait {path} cannot be read ({error})") from error


def altered_copy(image: np.ndarray) -> np.ndarray:
    """The same face as another camera might show it: turned, smaller, mirrored, re-lit, JPEG."""
    import cv2

    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), 12, 0.7)
    altered = cv2.warpAffine(image, turn, (width, height), borderValue=(200, 200, 200))
    altered = cv2.convertScaleAbs(cv2.flip(altered, 1), alpha=0.8, beta=30)
    ok, jpeg = cv2.imencode(".jpg", altered, [cv2.IMWRITE_JPEG_QUALITY, 60])
    if not ok:
        raise StepFailed("OpenCV could not encode a JPEG")
    decoded = cv2.imdecode(jpeg, cv2.IMREAD_COLOR)
    if decoded is None:
        raise StepFailed("OpenCV could not decode its own JPEG")
    return decoded


def describe_installation() -> str:
    kind = "standalone build" if getattr(sys, "frozen", False) else f"Python {sys.executable}"
    return f"FaceAudit {__version__} self-test ({kind}; {platform.system()} {platform.machine()})"


def run(app: App, out: TextIO = sys.stdout) -> int:
    """Run every step; 0 when none failed (skipped steps say why), else 1."""
    print(describe_installation(), file=out, flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="faceaudit-selftest-") as scratch:
        # The person's model packs, but a throw-away data folder: nothing personal is touched.
        scratch_app = App(
            paths=Paths(base=Path(scratch), models=app.paths.models),
            threads=app.threads,
            model_pack=app.model_pack,
        )
        test = SelfTest(scratch_app, out)
        try:
            test.step("model pack", test.model_pack)
            test.step("models load", test.models_load)
            test.step("check pair", test.check_pair)
            test.step("decoder", test.contained_decoder)
            test.step("letter PDF", test.letter_pdf)
            test.step("window", test.window)
        finally:
            scratch_app.close()
    total = time.perf_counter() - started
    verdict = "FAILED" if test.failures else "passed"
    print(
        f"self-test {verdict}: {test.passed} ok, {test.failures} failed, {test.skipped} skipped "
        f"in {total:.1f} s",
        file=out,
        flush=True,
    )
    return 1 if test.failures else 0


def run_from_cli(args: object, app: App) -> int:
    return run(app)
