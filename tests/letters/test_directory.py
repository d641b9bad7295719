"""The Operator directory: built-in facts, the datarequests.org import, the person's own records."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from faceaudit.letters.directory import (
    MAX_RECORD_BYTES,
    Directory,
    DirectoryError,
    Operator,
    add_local_operator,
    import_datarequests,
    load_builtin,
)


@pytest.fixture(scope="module")
def imported_dir(tmp_path_factory: pytest.TempPathFactory, datenanfragen_dir: Path) -> Path:
    target = tmp_path_factory.mktemp("operators")
    report = import_datarequests(datenanfragen_dir, target)
    assert report.skipped == ()
    return target


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://scontent-cdg4-1.cdninstagram.com/v/t51/x.jpg", "meta"),
        ("https://scontent.xx.fbcdn.net/v/a.jpg", "meta"),
        ("https://www.instagram.com/p/Cx1/", "meta"),
        ("https://lh3.googleusercontent.com/a/photo", "google"),
        ("https://i.ytimg.com/vi/abc/hqdefault.jpg", "google"),
        ("https://pbs.twimg.com/media/x.jpg", "x"),
        ("https://p16-sign-va.tiktokcdn.com/obj/x.jpeg", "tiktok"),
        ("https://media.licdn.com/dms/image/x", "linkedin"),
        ("https://i.redd.it/x.jpg", "reddit"),
        ("https://external-preview.redditmedia.com/x.png", "reddit"),
        ("clearview.ai", "clearview-ai"),
        ("PimEyes.com", "pimeyes"),
    ],
)
def test_builtin_lookup_by_domain_and_subdomain(url: str, slug: str) -> None:
    directory = Directory(load_builtin())
    found = directory.resolve(url)
    assert found is not None and found.slug == slug


def test_builtin_records_carry_sources_dates_and_caution() -> None:
    builtin = {o.slug: o for o in load_builtin()}
    for slug in ("clearview-ai", "pimeyes", "meta", "google", "x", "tiktok", "linkedin", "reddit"):
        assert builtin[slug].kind == "controller"
        assert builtin[slug].sources and builtin[slug].checked
        assert builtin[slug].email or builtin[slug].webform
    assert builtin["clearview-ai"].email == "legal-requests@clearview.ai"
    assert builtin["pimeyes"].verify_before_sending  # low confidence in the notes
    assert not builtin["frcnil"].verify_before_sending
    for slug in ("frcnil", "gbico", "iedpc"):
        assert builtin[slug].kind == "authority"
    # UK users of Meta deal with the US company.
    assert builtin["meta"].for_jurisdiction("uk").name == "Meta Platforms, Inc."
    assert builtin["meta"].for_jurisdiction("eu").name == "Meta Platforms Ireland Limited"


def test_unknown_domain_finds_nothing() -> None:
    directory = Directory(load_builtin())
    assert directory.resolve("https://no-such-operator.example/page") is None
    assert directory.by_domain("") == []


def test_import_reads_the_whole_shared_copy(imported_dir: Path, datenanfragen_dir: Path) -> None:
    stored = json.loads((imported_dir / "datarequests.json").read_text("utf-8"))
    companies = len(list((datenanfragen_dir / "companies").glob("*.json")))
    authorities = len(list((datenanfragen_dir / "supervisory-authorities").glob("*.json")))
    kinds = [o["kind"] for o in stored["operators"]]
    assert kinds.count("authority") == authorities == 57
    # Slugs are unique per kind; the copy holds 3,070 company files.
    assert kinds.count("controller") >= companies - 5
    assert stored["licence"].startswith("CC0")


def test_imported_clearview_and_cnil_are_found(imported_dir: Path) -> None:
    directory = Directory.load(imported_dir)
    clearview = directory.resolve("https://www.clearview.ai/privacy")
    assert clearview is not None and clearview.slug == "clearview-ai"
    # The curated record wins, and says the import holds one too.
    assert clearview.provenance == "builtin" and "datarequests.org" in clearview.also_in
    cnil = directory.by_name("CNIL", "authority")
    assert cnil and cnil[0].slug == "frcnil"
    assert directory.resolve("cnil.fr", "authority").slug == "frcnil"
    # An operator only the import knows.
    assert any(o.provenance == "datarequests.org" for o in directory.by_name("Deutsche Bahn"))


def test_authorities_by_country(imported_dir: Path) -> None:
    directory = Directory.load(imported_dir)
    assert [o.slug for o in directory.authorities_for("eu", "fr")] == ["frcnil"]
    assert [o.slug for o in directory.authorities_for("eu", "ie")] == ["iedpc"]
    german = [o.slug for o in directory.authorities_for("eu", "de")]
    assert len(german) > 5 and "debfdi" in german  # one per Land: the person chooses
    assert [o.slug for o in directory.authorities_for("uk", "gb")] == ["gbico"]
    assert directory.authorities_for("il", "us") == []


def test_every_eu_country_has_a_way_to_an_authority() -> None:
    directory = Directory(load_builtin())
    fallback = directory.authorities_for("eu", "pt")
    assert [o.slug for o in fallback] == ["edpb-members"]
    assert fallback[0].web.startswith("https://www.edpb.europa.eu/")


def _archive_members(source: Path, limit: int = 40) -> list[tuple[str, bytes]]:
    members = []
    for folder in ("companies", "supervisory-authorities"):
        for path in sorted((source / folder).glob("*.json"))[:limit]:
            members.append((f"data-main/{folder}/{path.name}", path.read_bytes()))
    members.append(
        (
            "data-main/companies/clearview-ai.json",
            (source / "companies" / "clearview-ai.json").read_bytes(),
        )
    )
    return members


def test_import_from_zip_and_tarball(tmp_path: Path, datenanfragen_dir: Path) -> None:
    members = _archive_members(datenanfragen_dir)
    zip_path = tmp_path / "data-main.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
        archive.writestr("data-main/README.md", "not a record")
        archive.writestr("data-main/companies/huge.json", b" " * (MAX_RECORD_BYTES + 10))
    tar_path = tmp_path / "data-main.tar.gz"
    with tarfile.open(tar_path, "w:gz") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("data-main/companies/link.json")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    for path in (zip_path, tar_path):
        out = tmp_path / f"ops-{path.suffix}"
        report = import_datarequests(path, out)
        assert report.authorities == 40 and report.controllers == 41
        assert Directory.load(out).get("clearview-ai") is not None
        assert not any(out.glob("**/etc"))  # nothing is ever extracted


def test_import_refuses_what_is_not_the_database(tmp_path: Path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("hello")
    with pytest.raises(DirectoryError, match="neither a folder"):
        import_datarequests(stray, tmp_path / "ops")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DirectoryError, match=r"No datarequests\.org records"):
        import_datarequests(tmp_path / "empty", tmp_path / "ops")
    with pytest.raises(DirectoryError, match="does not exist"):
        import_datarequests(tmp_path / "missing", tmp_path / "ops")


def test_broken_records_are_skipped_not_fatal(tmp_path: Path) -> None:
    source = tmp_path / "data"
    (source / "companies").mkdir(parents=True)
    (source / "companies" / "good.json").write_text(
        json.dumps(
            {
                "slug": "good-co",
                "name": "Good Co",
                "relevant-countries": ["de"],
                "address": "A\nB",
                "email": "privacy@good.example",
                "web": "https://www.good.example",
                "sources": [],
                "quality": "verified",
            }
        )
    )
    (source / "companies" / "bad.json").write_text("{not json")
    (source / "companies" / "evil.json").write_text(json.dumps({"slug": "../../etc", "name": "x"}))
    report = import_datarequests(source, tmp_path / "ops")
    assert report.controllers == 1 and len(report.skipped) == 2
    found = Directory.load(tmp_path / "ops").resolve("https://shop.good.example/item")
    assert found is not None and found.slug == "good-co"


def test_local_records_override_without_touching_the_builtin_file(tmp_path: Path) -> None:
    from importlib import resources

    builtin_file = resources.files("faceaudit.letters").joinpath("data/operators.json")
    before = builtin_file.read_bytes()
    corrected = Operator(
        slug="pimeyes",
        name="PimEyes (corrected)",
        address="Somewhere 1\nDubai",
        email="privacy@pimeyes.example",
        domains=("pimeyes.com",),
    )
    add_local_operator(tmp_path, corrected)
    add_local_operator(
        tmp_path,
        Operator(
            slug="tiny-blog",
            name="Tiny Blog Ltd",
            email="dpo@tinyblog.example",
            domains=("tinyblog.example",),
        ),
    )
    directory = Directory.load(tmp_path)
    pimeyes = directory.resolve("pimeyes.com")
    assert pimeyes.name == "PimEyes (corrected)" and pimeyes.provenance == "local"
    assert pimeyes.also_in == ("builtin",)
    assert directory.resolve("https://www.tinyblog.example/post").slug == "tiny-blog"
    assert builtin_file.read_bytes() == before


TOO_MUCH = r"more than a datarequests\.org database should"


def test_import_caps_count_every_archive_member_read_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faceaudit.letters import directory

    monkeypatch.setattr(directory, "MAX_ARCHIVE_MEMBERS", 100)
    monkeypatch.setattr(directory, "MAX_TOTAL_BYTES", 1024 * 1024)
    record = b'{"slug": "x", "name": "X", "relevant-countries": ["all"]}'

    many = tmp_path / "many.tar.gz"
    with tarfile.open(many, "w:gz") as archive:
        for index in range(150):  # none is a record, so none would be read
            info = tarfile.TarInfo(f"data-master/docs/{index}.txt")
            info.size = 1
            archive.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(DirectoryError, match=TOO_MUCH):
        import_datarequests(many, tmp_path / "operators")

    bomb = tmp_path / "bomb.tar.gz"
    with tarfile.open(bomb, "w:gz") as archive:
        info = tarfile.TarInfo("data-master/assets/zeros.bin")
        info.size = 5 * 1024 * 1024  # compresses to a few kB
        archive.addfile(info, io.BytesIO(bytes(info.size)))
        info = tarfile.TarInfo("data-master/companies/x.json")
        info.size = len(record)
        archive.addfile(info, io.BytesIO(record))
    with pytest.raises(DirectoryError, match=TOO_MUCH):
        import_datarequests(bomb, tmp_path / "operators")

    crowded = tmp_path / "crowded.zip"
    with zipfile.ZipFile(crowded, "w") as archive:
        for index in range(150):
            archive.writestr(f"data-master/docs/{index}.txt", b"x")
        archive.writestr("data-master/companies/x.json", record)
    with pytest.raises(DirectoryError, match=TOO_MUCH):
        import_datarequests(crowded, tmp_path / "operators")
    assert not (tmp_path / "operators").exists() or not any((tmp_path / "operators").iterdir())
