"""Fixtures shared by the whole suite: a sandboxed data directory, real photos, the face engine."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SHARED_FACES = SHARED / "faces"
# Where the test command unpacks real photos from a registry package when ../shared is absent.
FALLBACK_FACES = Path(os.environ.get("FACEAUDIT_TEST_DATA", PROJECT_ROOT / ".test-data"))

# Qt tests run without a screen, here and in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def insightface_sample(name: str = "t1.jpg") -> Path:
    """Images shipped inside the installed insightface package (always present)."""
    import insightface

    return Path(insightface.__file__).parent / "data" / "images" / name


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height, followed by a tiny compressed body."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(autouse=True)
def sandbox_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes under its own throw-away FACEAUDIT_HOME, never the user's data."""
    home = tmp_path_factory.mktemp("faceaudit-home")
    monkeypatch.setenv("FACEAUDIT_HOME", str(home))
    # Nor the user's unlock agent (faceaudit unlock): tests that need one start their own.
    monkeypatch.setenv("FACEAUDIT_AGENT_DIR", str(home / "agent"))
    return home


@pytest.fixture(scope="session")
def shared_faces() -> Path:
    if not SHARED_FACES.is_dir():
        pytest.skip(f"real labelled photos not available: {SHARED_FACES} is absent")
    return SHARED_FACES


@pytest.fixture(scope="session")
def deepface_dir(shared_faces: Path) -> Path:
    return shared_faces / "deepface"


@pytest.fixture(scope="session")
def examples_dir(shared_faces: Path) -> Path:
    return shared_faces / "face_recognition_examples"


@pytest.fixture(scope="session")
def person_photos() -> dict[str, list[Path]]:
    """Photos by identity: ../shared when present, else face_recognition's own test images.

    Keys: 'obama' (at least two photos), 'biden' (at least one). The fallback is unpacked by
    the README's test command from the face_recognition 1.3.0 source distribution on PyPI.
    """
    examples = SHARED_FACES / "face_recognition_examples"
    if examples.is_dir():
        train = examples / "knn_examples" / "train"
        return {
            "obama": [
                examples / "obama.jpg",
                examples / "obama2.jpg",
                *sorted((train / "obama").iterdir()),
            ],
            "biden": [examples / "biden.jpg", *sorted((train / "biden").iterdir())],
        }
    fallback = FALLBACK_FACES / "face_recognition" / "test_images"
    if fallback.is_dir():
        return {
            "obama": [fallback / "obama.jpg", fallback / "obama2.jpg", fallback / "obama3.jpg"],
            "biden": [fallback / "biden.jpg"],
        }
    pytest.skip("no real face photos: neither ../shared/faces nor the unpacked fallback exists")


@pytest.fixture(scope="session")
def model_pack_dir() -> Path:
    from faceaudit.errors import ModelPackError
    from faceaudit.faces.modelpacks import ModelStore
    from faceaudit.paths import default_models_dir

    models = default_models_dir(PROJECT_ROOT / ".unused")
    try:
        return ModelStore(models).require("buffalo_sc")
    except ModelPackError as error:
        # The README's test command fetches the pack and sets this, so CI cannot skip silently.
        if os.environ.get("FACEAUDIT_REQUIRE_MODELS") == "1":
            raise
        pytest.skip(
            f"face model pack not installed ({error}); the README's test command fetches it"
        )


@pytest.fixture(scope="session")
def face_engine(model_pack_dir: Path) -> Iterator[object]:
    from faceaudit.faces.engine import FaceEngine

    engine = FaceEngine(model_pack_dir, threads=2)
    engine.models  # load once for the whole session  # noqa: B018
    yield engine
