"""`faceaudit match`: the JSON contract later checks rely on, and its failure modes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from faceaudit import __version__
from faceaudit.cli import main

from ..conftest import insightface_sample

pytestmark = pytest.mark.models


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    status = main(["match", "--json", *args])
    out = capsys.readouterr().out
    return status, json.loads(out)


def test_json_contract(capsys, model_pack_dir, person_photos, tmp_path: Path) -> None:
    obama = person_photos["obama"]
    corrupt = tmp_path / "broken.jpg"
    corrupt.write_bytes(obama[1].read_bytes()[:2000])
    status, result = run_json(
        capsys,
        "--reference",
        str(obama[0]),
        str(obama[1]),
        str(person_photos["biden"][0]),
        str(corrupt),
        str(insightface_sample("t1.jpg")),
    )
    assert status == 0
    assert set(result) >= {"images", "errors"}
    by_path = {image["path"]: image["faces"] for image in result["images"]}
    assert [face["verdict"] for face in by_path[str(obama[1])]] == ["match"]
    assert [face["verdict"] for face in by_path[str(person_photos["biden"][0])]] == ["no"]
    assert len(by_path[str(insightface_sample("t1.jpg"))]) == 6
    for faces in by_path.values():
        for face in faces:
            assert len(face["bbox"]) == 4
            x1, y1, x2, y2 = face["bbox"]
            assert x2 > x1 and y2 > y1
            assert 0 < face["det_score"] <= 1
            assert -1 <= face["similarity"] <= 1
            assert face["verdict"] in ("match", "possible", "no")
    [error] = result["errors"]
    assert error["path"] == str(corrupt)
    assert "corrupt or truncated" in error["error"]


def test_readable_table(capsys, model_pack_dir, person_photos) -> None:
    obama = person_photos["obama"]
    assert main(["match", "--reference", str(obama[0]), str(obama[1])]) == 0
    out = capsys.readouterr().out
    assert "1 face" in out
    assert "match" in out


def test_unusable_reference_fails_with_the_reason(capsys, model_pack_dir, person_photos) -> None:
    status = main(
        ["match", "--reference", str(insightface_sample("t1.jpg")), str(person_photos["obama"][0])]
    )
    captured = capsys.readouterr()
    assert status != 0
    assert "shows 6 faces" in captured.err
    assert captured.out == ""


def test_missing_reference_file(capsys, model_pack_dir, tmp_path: Path) -> None:
    status = main(["match", "--reference", str(tmp_path / "me.jpg"), str(insightface_sample())])
    assert status != 0
    assert "does not exist" in capsys.readouterr().err


def test_arguments_are_required() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["match", "image.jpg"])
    assert caught.value.code == 2


def test_version_from_the_installed_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "faceaudit", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"faceaudit {__version__}"
