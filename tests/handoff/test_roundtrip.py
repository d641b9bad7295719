"""Export a real case, delete it, import it: the same client file comes back, and only then."""

from __future__ import annotations

import hashlib
import io
import stat
import tarfile
from pathlib import Path

import pyrage
import pytest

from faceaudit.handoff import ClinicKey, ConsentMissingError, UntrustedSignerError, WrongKeyError
from faceaudit.handoff.export import SNAPSHOT_PREFIX, export_case
from faceaudit.handoff.importer import import_case
from faceaudit.store import (
    CaseBusyError,
    CaseExistsError,
    CaseStore,
    WrongPassphraseError,
)


def _export(case, path: Path, key: ClinicKey, **options) -> Path:
    options.setdefault("consent", "signed transfer form, 2026-12-02")
    export_case(case, path, key=key, **options)
    return path


def test_round_trip_to_a_clinic_key(
    store: CaseStore, filled_case, sender_key, receiver_key, kit, tmp_path: Path
) -> None:
    before = kit.case_contents(filled_case)
    progress: list[tuple[int, int]] = []
    result = export_case(
        filled_case,
        tmp_path / "client-07.faceaudit",
        key=sender_key,
        consent="signed transfer form, 2026-12-02",
        recipients=[receiver_key.recipient],
        on_progress=lambda done, total: progress.append((done, total)),
    )
    case_id = filled_case.case_id
    consent, exported = filled_case.audit_log()[-2:]
    assert (consent.action, consent.details) == (
        "consent_recorded",
        {"purpose": "transfer", "how": "signed transfer form, 2026-12-02"},
    )
    assert exported.action == "exported" and exported.details["signer"] == sender_key.fingerprint
    assert exported.details["sha256"] == hashlib.sha256(result.path.read_bytes()).hexdigest()
    sender_log = [(e.seq, e.action) for e in filled_case.audit_log()[:-2]]
    assert result.mode == "recipients" and result.files == 2
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert progress and progress[-1][0] == progress[-1][1]
    assert not list(filled_case.directory.glob(f"{SNAPSHOT_PREFIX}*"))  # the copy is gone
    assert [p.name for p in tmp_path.iterdir()] == ["client-07.faceaudit"]  # no partial file
    filled_case.close()
    store.delete("client-07")

    imported = import_case(
        store,
        result.path,
        case_passphrase=kit.passphrase,
        identity=receiver_key,
    )
    assert (imported.name, imported.case_id) == ("client-07", case_id)
    assert imported.sender_clinic == "Clinique du Droit"
    assert imported.signer_fingerprint == sender_key.fingerprint
    assert not imported.signer_trusted  # nobody said to trust it
    with store.open("client-07", kit.passphrase) as case:
        assert kit.case_contents(case) == before
        log = case.audit_log()
        assert case.verify_audit().ok  # the chain goes on from the sender's entries
    assert [(e.seq, e.action) for e in log[: len(sender_log)]] == sender_log
    imported_entry = log[len(sender_log)]
    assert imported_entry.action == "imported"
    assert imported_entry.details["signer"] == sender_key.fingerprint
    assert imported_entry.details["signer_trusted"] is False
    assert [p.name for p in store.root.iterdir()] == ["client-07"]  # no staging left


def test_the_inside_is_a_plain_tar_any_age_tool_can_list(
    filled_case, sender_key, receiver_key, tmp_path: Path
) -> None:
    path = _export(
        filled_case, tmp_path / "out.age", sender_key, recipients=[receiver_key.recipient]
    )
    plain = pyrage.decrypt(path.read_bytes(), [receiver_key.identity])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        members = archive.getmembers()
    assert [m.name for m in members] == ["MANIFEST.json", "MANIFEST.sig", "case.key", "case.sqlite"]
    assert all(m.isreg() and m.mode == 0o600 for m in members)
    assert b"Camille" not in plain  # the client's details stay sealed inside the case file


def test_round_trip_with_an_export_passphrase_and_another_name(
    store: CaseStore, filled_case, sender_key, kit, tmp_path: Path
) -> None:
    before = kit.case_contents(filled_case)
    path = _export(filled_case, tmp_path / "out.age", sender_key, passphrase="a phrase to phone")
    assert b"-> scrypt " in path.read_bytes()[:200]
    filled_case.close()
    imported = import_case(
        store,
        path,
        case_passphrase=kit.passphrase,
        passphrase="a phrase to phone",
        new_name="client-07-copy",
    )
    assert imported.name == "client-07-copy"
    with store.open("client-07-copy", kit.passphrase) as case:
        assert kit.case_contents(case) == before


def test_any_of_several_recipients_opens_it(
    store, filled_case, sender_key, receiver_key, kit, tmp_path: Path
) -> None:
    third = ClinicKey.generate("Third clinic")
    recipients = [receiver_key.recipient, third.recipient]
    path = _export(filled_case, tmp_path / "out.age", sender_key, recipients=recipients)
    filled_case.close()
    store.delete("client-07")
    import_case(store, path, case_passphrase=kit.passphrase, identity=third)
    assert store.exists("client-07")


def test_the_senders_own_key_and_a_pinned_key_are_trusted(
    store, filled_case, sender_key, receiver_key, kit, tmp_path: Path
) -> None:
    path = _export(
        filled_case, tmp_path / "out.age", sender_key, recipients=[receiver_key.recipient]
    )
    filled_case.close()
    spaced = sender_key.fingerprint.upper()
    result = import_case(
        store,
        path,
        case_passphrase=kit.passphrase,
        identity=receiver_key,
        new_name="pinned",
        trust=[spaced],
    )
    assert result.signer_trusted
    result = import_case(
        store,
        path,
        case_passphrase=kit.passphrase,
        identity=receiver_key,
        new_name="own",
        own_keys=[sender_key],
    )
    assert result.signer_trusted


def test_an_unexpected_signer_is_named_and_refused(
    store, filled_case, sender_key, receiver_key, kit, tmp_path: Path
) -> None:
    path = _export(
        filled_case, tmp_path / "out.age", sender_key, recipients=[receiver_key.recipient]
    )
    filled_case.close()
    store.delete("client-07")
    before = kit.tree(store.paths.base)
    other = ClinicKey.generate("Someone else")
    with pytest.raises(UntrustedSignerError) as caught:
        import_case(
            store,
            path,
            case_passphrase=kit.passphrase,
            identity=receiver_key,
            trust=[other.fingerprint],
        )
    assert "Clinique du Droit" in caught.value.what
    assert sender_key.fingerprint in caught.value.what
    assert kit.tree(store.paths.base) == before


def test_wrong_keys_and_passphrases_import_nothing(
    store, filled_case, sender_key, receiver_key, kit, tmp_path: Path
) -> None:
    to_key = _export(
        filled_case, tmp_path / "k.age", sender_key, recipients=[receiver_key.recipient]
    )
    to_phrase = _export(filled_case, tmp_path / "p.age", sender_key, passphrase="the right phrase")
    filled_case.close()
    store.delete("client-07")
    before = kit.tree(store.paths.base)
    stranger = ClinicKey.generate()
    with pytest.raises(WrongKeyError, match="not encrypted to your clinic key"):
        import_case(store, to_key, case_passphrase=kit.passphrase, identity=stranger)
    with pytest.raises(WrongKeyError, match="passphrase does not open"):
        import_case(store, to_phrase, case_passphrase=kit.passphrase, passphrase="the wrong one")
    with pytest.raises(WrongKeyError, match="protected by an export passphrase"):
        import_case(store, to_phrase, case_passphrase=kit.passphrase, identity=receiver_key)
    with pytest.raises(WrongKeyError, match="encrypted to a clinic's public key"):
        import_case(store, to_key, case_passphrase=kit.passphrase, passphrase="the right phrase")
    with pytest.raises(WrongPassphraseError):  # the client's case passphrase, checked last
        import_case(store, to_key, case_passphrase="not the case's one", identity=receiver_key)
    assert kit.tree(store.paths.base) == before


def test_an_existing_case_is_never_overwritten(
    store, filled_case, sender_key, receiver_key, kit, tmp_path: Path
) -> None:
    path = _export(filled_case, tmp_path / "o.age", sender_key, recipients=[receiver_key.recipient])
    filled_case.close()
    before = kit.tree(store.paths.base)
    with pytest.raises(CaseExistsError, match="--as NAME"):
        import_case(store, path, case_passphrase=kit.passphrase, identity=receiver_key)
    store.create("taken", kit.passphrase).close()
    before = kit.tree(store.paths.base)
    with pytest.raises(CaseExistsError):
        import_case(
            store, path, case_passphrase=kit.passphrase, identity=receiver_key, new_name="taken"
        )
    assert kit.tree(store.paths.base) == before


def test_export_needs_consent_and_leaves_nothing_without_it(
    filled_case, sender_key, receiver_key, tmp_path: Path
) -> None:
    for consent in (None, "", "   \n "):
        with pytest.raises(ConsentMissingError, match="consent"):
            export_case(
                filled_case,
                tmp_path / "out.age",
                key=sender_key,
                consent=consent,
                recipients=[receiver_key.recipient],
            )
    assert list(tmp_path.iterdir()) == []


def test_export_waits_for_no_scan_and_never_overwrites(
    filled_case, sender_key, receiver_key, tmp_path: Path
) -> None:
    out = tmp_path / "out.age"
    with filled_case.exclusive_scan(), pytest.raises(CaseBusyError, match="scan"):
        _export(filled_case, out, sender_key, recipients=[receiver_key.recipient])
    assert list(tmp_path.iterdir()) == []
    assert not list(filled_case.directory.glob(f"{SNAPSHOT_PREFIX}*"))
    out.write_bytes(b"precious")
    with pytest.raises(Exception, match="does not overwrite"):
        _export(filled_case, out, sender_key, recipients=[receiver_key.recipient])
    assert out.read_bytes() == b"precious"


def test_a_stale_snapshot_is_removed_and_never_exported(
    filled_case, sender_key, receiver_key, tmp_path: Path
) -> None:
    stale = filled_case.directory / f"{SNAPSHOT_PREFIX}left-by-a-kill"
    stale.write_bytes(b"old copy")
    temp = filled_case.directory / ".case.key.tmp"
    temp.write_bytes(b"half-written key")
    path = _export(filled_case, tmp_path / "o.age", sender_key, recipients=[receiver_key.recipient])
    assert not stale.exists()
    plain = pyrage.decrypt(path.read_bytes(), [receiver_key.identity])
    assert b"old copy" not in plain and b"half-written key" not in plain


def test_a_clinic_case_travels_with_its_own_passphrase_only(
    sandbox_home, sender_key, receiver_key, kit, tmp_path
) -> None:
    from faceaudit.paths import resolve_paths
    from faceaudit.store.clinic import Argon2Params
    from faceaudit.store.crypto import KeyFile

    cheap = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)
    store = CaseStore(resolve_paths(sandbox_home), kdf=kit.kdf, clinic_kdf=cheap)
    store.clinic.init("the clinic's passphrase")
    case = store.create("client-08", "the clinic's passphrase", under_clinic=True)
    with pytest.raises(Exception, match="opens only with the clinic passphrase") as caught:
        _export(case, tmp_path / "o.age", sender_key, recipients=[receiver_key.recipient])
    assert "case passphrase client-08" in caught.value.todo
    assert list(tmp_path.iterdir()) == []
    case.close()

    store.change_passphrase("client-08", "the clinic's passphrase", kit.passphrase)
    with store.open("client-08", kit.passphrase) as case:
        path = _export(case, tmp_path / "o.age", sender_key, recipients=[receiver_key.recipient])
    elsewhere = CaseStore(resolve_paths(tmp_path / "other-machine"), kdf=kit.kdf)
    import_case(elsewhere, path, case_passphrase=kit.passphrase, identity=receiver_key)
    travelled = elsewhere.key_file("client-08")
    assert travelled.own is not None and travelled.clinic is None  # this clinic's wrap stayed
    assert isinstance(travelled, KeyFile)
    elsewhere.open("client-08", kit.passphrase).close()


def test_a_consent_recorded_earlier_in_the_case_is_enough(
    filled_case, sender_key, receiver_key, tmp_path: Path
) -> None:
    filled_case.record_action("consent_recorded", purpose="transfer", how="form 3, 2026-11-30")
    entries = len(filled_case.audit_log())
    _export(
        filled_case,
        tmp_path / "o.age",
        sender_key,
        recipients=[receiver_key.recipient],
        consent=None,
    )
    [exported] = filled_case.audit_log()[entries:]  # no second consent entry
    assert exported.action == "exported"
