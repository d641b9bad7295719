"""A stranger cannot become a reference; `enroll --remove`; `case edit` (core and CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.faces.consistency import DifferentPersonError
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

pytestmark = pytest.mark.models

PASSPHRASE = "references cli passphrase"


@pytest.fixture
def store(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> CaseStore:
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    store.create("ana", PASSPHRASE, person=Person(full_name="Ana Silva")).close()
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return store


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_store_refuses_a_stranger_unless_forced(
    store: CaseStore, person_photos: dict[str, list[Path]], face_engine
) -> None:
    me, me_again, stranger = (
        person_photos["obama"][0],
        person_photos["obama"][1],
        person_photos["biden"][0],
    )
    with store.open("ana", PASSPHRASE) as case:
        for photo in (me, me_again):
            data = photo.read_bytes()
            case.add_reference(photo.name, data, face_engine.enrol([(photo.name, data)])[0])
        data = stranger.read_bytes()
        [reference] = face_engine.enrol([(stranger.name, data)])
        with pytest.raises(DifferentPersonError) as refused:
            case.add_reference(stranger.name, data, reference)
        assert refused.value.similarity < 0.40 and "anyway" in refused.value.todo
        assert len(case.reference_rows()) == 2
        forced = case.add_reference(stranger.name, data, reference, force=True)
        assert [row.id for row in case.reference_rows()][-1] == forced


def test_enroll_guard_remove_and_case_edit(
    store: CaseStore, capsys: pytest.CaptureFixture[str], person_photos: dict[str, list[Path]]
) -> None:
    me, me_again, stranger = (
        str(person_photos["obama"][0]),
        str(person_photos["obama"][1]),
        str(person_photos["biden"][0]),
    )
    assert _run(capsys, "enroll", "--case", "ana", me)[0] == 0
    status, out, err = _run(capsys, "enroll", "--case", "ana", stranger)
    assert status == 1
    assert "does not look like the person" in err and "--force" in err
    assert "The case now has 1 reference photo." in out
    status, out, _ = _run(capsys, "enroll", "--case", "ana", me_again)
    assert status == 0 and "2 reference photos" in out

    status, out, _ = _run(capsys, "enroll", "--case", "ana", "--force", stranger)
    assert status == 0 and "enrolled (reference 3)" in out
    status, out, _ = _run(capsys, "enroll", "--case", "ana", "--remove", "3")
    assert status == 0 and "Removed reference 3" in out and "2 reference photos" in out
    status, _, err = _run(capsys, "enroll", "--case", "ana", "--remove", "3")
    assert status == 1 and "no reference with id 3" in err
    status, _, err = _run(capsys, "enroll", "--case", "ana")
    assert status == 2 and "PHOTO" in err

    status, out, _ = _run(
        capsys,
        "case",
        "edit",
        "ana",
        "--email",
        "ana@example.org",
        "--address",
        "3 Rua Nova, Lisboa",
        "--country",
        "pt",
    )
    assert status == 0 and "email" in out
    with store.open("ana", PASSPHRASE) as case:
        person = case.person
    assert (person.full_name, person.email, person.country) == (
        "Ana Silva",
        "ana@example.org",
        "PT",
    )
    assert _run(capsys, "case", "edit", "ana", "--email", "")[0] == 0
    with store.open("ana", PASSPHRASE) as case:
        assert case.person.email is None and case.person.postal_address == "3 Rua Nova, Lisboa"
    status, _, err = _run(capsys, "case", "edit", "ana")
    assert status == 2 and "--name" in err
