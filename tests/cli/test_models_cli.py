"""`faceaudit models list|fetch|verify` end to end through the real argument parser."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from faceaudit.cli import main

FILES = {"det_small.onnx": b"detector-weights" * 4096, "rec_small.onnx": b"recogniser" * 9000}
LICENCE = "test weights: non-commercial research use only"


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "models"
    monkeypatch.setenv("FACEAUDIT_MODELS", str(directory))
    monkeypatch.setenv("FACEAUDIT_HOME", str(tmp_path / "home"))
    return directory


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    entry = {
        "title": "small test pack",
        "licence": {"name": LICENCE, "summary": "for tests only", "url": "https://example.invalid"},
        "files": [
            {
                "name": name,
                "role": "detector" if name.startswith("det") else "recogniser",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            for name, data in FILES.items()
        ],
        "sources": [{"id": "local", "kind": "local"}],
    }
    path = tmp_path / "manifest.json"
    data = {"manifest_version": 1, "default_pack": "small", "packs": {"small": entry}}
    path.write_text(json.dumps(data))
    return path


@pytest.fixture
def copy_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "copy"
    directory.mkdir()
    for name, data in FILES.items():
        (directory / name).write_bytes(data)
    return directory


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def as_json(text: str) -> Any:
    return json.loads(text)


def test_list_json_shows_state_size_and_licence(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path
) -> None:
    status, out, _ = run(capsys, "models", "--manifest", str(manifest), "list", "--json")
    assert status == 0
    listing = as_json(out)
    assert listing["default_pack"] == "small"
    (pack,) = listing["packs"]
    assert pack["name"] == "small"
    assert pack["state"] == "not installed" and not pack["installed"]
    assert pack["size_bytes"] == sum(len(d) for d in FILES.values())
    assert pack["licence"]["name"] == LICENCE


def test_list_of_the_real_manifest_shows_the_insightface_licence(
    capsys: pytest.CaptureFixture[str], models_dir: Path
) -> None:
    status, out, _ = run(capsys, "models", "list")
    assert status == 0
    assert "buffalo_sc (default): not installed, 16.1 MB" in out
    assert "buffalo_l: not installed" in out
    assert (
        out.count("licence: InsightFace pretrained models: non-commercial research use only") == 2
    )


def test_fetch_from_a_local_copy_then_verify(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path, copy_dir: Path
) -> None:
    status, out, err = run(
        capsys, "models", "--manifest", str(manifest), "fetch", "--from", str(copy_dir), "--json"
    )
    assert status == 0, err
    report = as_json(out)
    assert report["source"] == "local" and not report["already_installed"]
    assert report["pack"]["verified"] and report["pack"]["licence"]["name"] == LICENCE
    assert "rec_small.onnx: 100%" in err  # progress goes to stderr, never into the JSON
    assert {p.name for p in (models_dir / "small").glob("*.onnx")} == set(FILES)

    status, out, _ = run(capsys, "models", "--manifest", str(manifest), "verify", "--json")
    assert status == 0
    assert [p["state"] for p in as_json(out)["packs"]] == ["verified"]

    status, out, _ = run(capsys, "models", "--manifest", str(manifest), "fetch", "small")
    assert status == 0
    assert "small is already installed and verified" in out
    assert f"Licence of these weights: {LICENCE}." in out


def test_fetch_text_output_shows_the_licence(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path, copy_dir: Path
) -> None:
    status, out, _ = run(
        capsys, "models", "--manifest", str(manifest), "fetch", "small", "--from", str(copy_dir)
    )
    assert status == 0
    assert "small fetched from the local source and verified." in out
    assert f"Licence of these weights: {LICENCE}." in out


def test_failed_fetch_exits_1_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path, tmp_path: Path
) -> None:
    status, out, err = run(
        capsys,
        "models",
        "--manifest",
        str(manifest),
        "fetch",
        "--from",
        str(tmp_path / "nowhere"),
        "--json",
    )
    assert status == 1
    assert out == ""
    assert err.startswith("faceaudit: model pack small could not be fetched from any source")
    assert "nowhere does not exist" in err
    assert "--from PATH" in err


def test_verify_of_a_damaged_pack_exits_1_naming_the_file(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path, copy_dir: Path
) -> None:
    assert (
        run(capsys, "models", "--manifest", str(manifest), "fetch", "--from", str(copy_dir))[0] == 0
    )
    (models_dir / "small" / "det_small.onnx").write_bytes(b"x" * len(FILES["det_small.onnx"]))

    status, out, err = run(
        capsys, "models", "--manifest", str(manifest), "verify", "small", "--json"
    )

    assert status == 1
    (pack,) = as_json(out)["packs"]
    assert pack["state"] == "damaged"
    assert pack["problems"] == ["det_small.onnx: wrong sha256"]
    assert "verification failed (small: det_small.onnx: wrong sha256)" in err
    assert "faceaudit models fetch" in err


def test_verify_with_nothing_installed_exits_1(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path
) -> None:
    status, _, err = run(capsys, "models", "--manifest", str(manifest), "verify")
    assert status == 1
    assert "no model pack is installed" in err


def test_unknown_pack_and_conflicting_options_exit_1(
    capsys: pytest.CaptureFixture[str], models_dir: Path, manifest: Path, copy_dir: Path
) -> None:
    status, _, err = run(capsys, "models", "--manifest", str(manifest), "fetch", "large")
    assert status == 1
    assert "there is no model pack called 'large'" in err
    status, _, err = run(
        capsys,
        "models",
        "--manifest",
        str(manifest),
        "fetch",
        "--from",
        str(copy_dir),
        "--source",
        "official",
    )
    assert status == 1
    assert "--from gives a local copy" in err


def test_unknown_source_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], models_dir: Path
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["models", "fetch", "--source", "ftp"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_unreadable_manifest_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], models_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    status, _, err = run(capsys, "models", "--manifest", str(broken), "list")
    assert status == 1
    assert "model-pack manifest cannot be read" in err
