"""Hostile and damaged hand-off files: each is refused with a clear message, and the data
folder is left exactly as it was (no case, no staging folder, no stray file)."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pyrage
import pytest

from faceaudit.handoff import ClinicKey, DamagedHandoffError
from faceaudit.handoff import container as tar
from faceaudit.handoff.export import export_case
from faceaudit.handoff.importer import import_case
from faceaudit.handoff.manifest import FileEntry, Manifest, signature_document
from faceaudit.store import CaseStore


@pytest.fixture
def exported(store: CaseStore, filled_case, sender_key, receiver_key, tmp_path: Path):
    """A genuine hand-off of the filled case, which is then deleted; its files' bytes."""
    path = tmp_path / "genuine.age"
    export_case(
        filled_case,
        path,
        key=sender_key,
        consent="form signed 2026-12-02",
        recipients=[receiver_key.recipient],
    )
    directory = filled_case.directory
    filled_case.close()
    files = {name: (directory / name).read_bytes() for name in ("case.key", "case.sqlite")}
    store.delete("client-07")
    return path, files


def _refused(store: CaseStore, kit, path: Path, receiver_key: ClinicKey, match: str) -> None:
    before = kit.tree(store.paths.base)
    with pytest.raises(DamagedHandoffError, match=match) as caught:
        import_case(store, path, case_passphrase=kit.passphrase, identity=receiver_key)
    assert "Nothing was imported" in caught.value.what
    assert caught.value.todo
    assert kit.tree(store.paths.base) == before


def _manifest(files: dict[str, bytes], key: ClinicKey, **changes) -> Manifest:
    entries = tuple(
        FileEntry(name, len(data), hashlib.sha256(data).hexdigest()) for name, data in files.items()
    )
    fields = {
        "case_id": "0" * 32,
        "case_name": "crafted",
        "sender_clinic": key.clinic,
        "signing_key": key.signing_public_key,
        "created_at": "2026-12-02T00:00:00Z",
        "faceaudit_version": "0.1.0",
        "schema_version": 1,
        "files": entries,
        **changes,
    }
    return Manifest(**fields)


def _craft(path: Path, recipient: ClinicKey, members: list[bytes]) -> Path:
    path.write_bytes(
        pyrage.encrypt(b"".join(members) + tar.end_of_archive(), [recipient.identity.to_public()])
    )
    return path


def _member(name: str, data: bytes) -> bytes:
    return tar.header(name, len(data)) + data + tar.padding(len(data))


def _signed(manifest: Manifest, key: ClinicKey) -> list[bytes]:
    raw = manifest.to_bytes()
    return [
        _member(tar.MANIFEST_NAME, raw),
        _member(tar.SIGNATURE_NAME, signature_document(key, raw)),
    ]


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, -1])
def test_a_flipped_byte_anywhere_in_the_payload(
    store, kit, exported, receiver_key, tmp_path, where
):
    path, _ = exported
    data = bytearray(path.read_bytes())
    position = len(data) - 1 if where == -1 else 200 + int((len(data) - 200) * where)
    data[position] ^= 0x01
    bad = tmp_path / "flipped.age"
    bad.write_bytes(bytes(data))
    _refused(store, kit, bad, receiver_key, "encryption does not check out")


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.99, -16])
def test_a_truncated_file(store, kit, exported, receiver_key, tmp_path, keep):
    path, _ = exported
    data = path.read_bytes()
    cut = len(data) + keep if isinstance(keep, int) else int(len(data) * keep)
    bad = tmp_path / "cut.age"
    bad.write_bytes(data[:cut])
    _refused(store, kit, bad, receiver_key, "encryption does not check out|cut short")


def test_not_an_age_file(store, kit, receiver_key, tmp_path):
    bad = tmp_path / "random.age"
    bad.write_bytes(b"PK\x03\x04 a zip, say" * 50)
    _refused(store, kit, bad, receiver_key, "not an age-encrypted file")


def test_a_file_whose_hash_differs_from_the_manifest(
    store, kit, exported, sender_key, receiver_key, tmp_path
):
    _, files = exported
    manifest = _manifest(files, sender_key)
    altered = bytearray(files["case.sqlite"])
    altered[5000] ^= 0xFF
    members = [
        *_signed(manifest, sender_key),
        _member("case.key", files["case.key"]),
        _member("case.sqlite", bytes(altered)),
    ]
    _refused(
        store,
        kit,
        _craft(tmp_path / "h.age", receiver_key, members),
        receiver_key,
        "case.sqlite does not match the SHA-256",
    )


def test_a_manifest_altered_after_signing(store, kit, exported, sender_key, receiver_key, tmp_path):
    _, files = exported
    raw = _manifest(files, sender_key).to_bytes()
    signature = signature_document(sender_key, raw)
    forged = raw.replace(b"crafted", b"forged!")
    members = [
        _member(tar.MANIFEST_NAME, forged),
        _member(tar.SIGNATURE_NAME, signature),
        *(_member(name, data) for name, data in files.items()),
    ]
    _refused(
        store,
        kit,
        _craft(tmp_path / "m.age", receiver_key, members),
        receiver_key,
        "signature does not match",
    )


def test_a_signature_by_another_key_than_the_manifest_names(
    store, kit, exported, sender_key, receiver_key, tmp_path
):
    _, files = exported
    manifest = _manifest(files, sender_key)
    raw = manifest.to_bytes()
    impostor = ClinicKey.generate("Impostor")
    members = [
        _member(tar.MANIFEST_NAME, raw),
        _member(tar.SIGNATURE_NAME, signature_document(impostor, raw)),
        *(_member(name, data) for name, data in files.items()),
    ]
    _refused(
        store,
        kit,
        _craft(tmp_path / "s.age", receiver_key, members),
        receiver_key,
        "signature does not match",
    )


def test_files_missing_or_extra_or_out_of_order(
    store, kit, exported, sender_key, receiver_key, tmp_path
):
    _, files = exported
    manifest = _manifest(files, sender_key)
    signed = _signed(manifest, sender_key)
    key_member, db_member = (_member(name, data) for name, data in files.items())
    cases = {
        "missing": ([*signed, key_member], "missing"),
        "extra": ([*signed, key_member, db_member, _member("notes.txt", b"hi")], "does not list"),
        "order": ([*signed, db_member, key_member], "where its manifest lists"),
        "no manifest": ([key_member, db_member], "does not start with its MANIFEST.json"),
    }
    for label, (members, match) in cases.items():
        bad = _craft(tmp_path / f"{label}.age", receiver_key, members)
        _refused(store, kit, bad, receiver_key, match)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("../evil.sqlite", tarfile.REGTYPE),
        ("/tmp/evil", tarfile.REGTYPE),
        ("sub/case.sqlite", tarfile.REGTYPE),
        ("case.sqlite", tarfile.SYMTYPE),
        ("case.sqlite", tarfile.LNKTYPE),
        ("folder", tarfile.DIRTYPE),
        ("case.sqlite", tarfile.FIFOTYPE),
    ],
)
def test_paths_links_and_special_entries_are_refused(
    store, kit, exported, sender_key, receiver_key, tmp_path, name, kind
):
    _, files = exported
    manifest = _manifest(files, sender_key)
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = "/etc/passwd" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
    info.size = 4 if kind == tarfile.REGTYPE else 0
    body = b"evil" + tar.padding(4) if kind == tarfile.REGTYPE else b""
    members = [
        *_signed(manifest, sender_key),
        _member("case.key", files["case.key"]),
        info.tobuf(format=tarfile.USTAR_FORMAT) + body,
    ]
    _refused(
        store,
        kit,
        _craft(tmp_path / "p.age", receiver_key, members),
        receiver_key,
        "a path or an odd name|not a plain file",
    )
    assert not (tmp_path / "evil.sqlite").exists() and not Path("/tmp/evil").exists()


def test_extended_headers_bytes_after_the_end_and_huge_sizes(
    store, kit, exported, sender_key, receiver_key, tmp_path
):
    _, files = exported
    manifest = _manifest(files, sender_key)
    signed = _signed(manifest, sender_key)
    pax = tarfile.TarInfo("case.sqlite")
    pax.size = len(files["case.sqlite"])
    pax.pax_headers = {"path": "../../escape"}
    pax_bytes = pax.tobuf(format=tarfile.PAX_FORMAT)
    _refused(
        store,
        kit,
        _craft(tmp_path / "x.age", receiver_key, [*signed, pax_bytes]),
        receiver_key,
        "not a plain file",
    )
    whole = [*signed, *(_member(n, d) for n, d in files.items()), tar.end_of_archive(), b"tail"]
    _refused(
        store,
        kit,
        _craft(tmp_path / "t.age", receiver_key, whole),
        receiver_key,
        "bytes after the end",
    )
    huge = tar.header(tar.MANIFEST_NAME, tar.MAX_MANIFEST_BYTES + 1)
    _refused(
        store, kit, _craft(tmp_path / "big.age", receiver_key, [huge]), receiver_key, "too large"
    )


def test_too_many_entries(store, kit, exported, sender_key, receiver_key, tmp_path):
    _, files = exported
    many = {f"f{i}": b"" for i in range(tar.MAX_FILES + 1)}
    members = [*_signed(_manifest(files, sender_key), sender_key)]
    members += [_member(name, data) for name, data in many.items()]
    _refused(
        store,
        kit,
        _craft(tmp_path / "n.age", receiver_key, members),
        receiver_key,
        "more than|does not list|where its manifest lists",
    )


def test_the_reader_accepts_what_tarfile_reads(exported, receiver_key):
    """The archive parses the same for Python's tarfile as for our reader (sizes, order)."""
    path, _ = exported
    plain = pyrage.decrypt(path.read_bytes(), [receiver_key.identity])
    seen: list[tuple[str, int]] = []

    class Count(tar.Sink):
        def write(self, data: bytes) -> None:
            pass

        def close(self) -> None:
            pass

    reader = tar.ArchiveReader(
        lambda m, s: None, lambda name, size: seen.append((name, size)) or Count()
    )
    for start in range(0, len(plain), 7919):  # odd chunk sizes cross every block boundary
        reader.write(plain[start : start + 7919])
    reader.finish()
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        assert seen == [(m.name, m.size) for m in archive.getmembers()[2:]]
