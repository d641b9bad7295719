"""config.toml: saved settings, read by the scan and the CLI, wrong values said in words."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from faceaudit.app import App
from faceaudit.cli import main
from faceaudit.config import Config, config_path, load_config, save_config
from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS, MATCH_LEVELS
from faceaudit.scan.runs import web_collector

from .collect.conftest import _bind_or_skip, image_bytes

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .collect.conftest import Site


@pytest.fixture
def site() -> Iterator[Site]:
    server = _bind_or_skip("127.0.0.1")
    yield server
    server.close()


@pytest.fixture
def make_image() -> Any:
    return image_bytes


def test_defaults_without_a_file_and_a_round_trip(sandbox_home: Path) -> None:
    app = App.create(data_dir=str(sandbox_home))
    assert app.config == Config() and app.config_problems == []
    assert app.config.thresholds == DEFAULT_THRESHOLDS
    chosen = Config(match_level="strict", connect_timeout=4.5, concurrency=3, per_host=1)
    save_config(app.paths, chosen)
    loaded = load_config(app.paths)
    assert loaded.config == chosen and loaded.problems == []
    assert App.create(data_dir=str(sandbox_home)).config.thresholds == MATCH_LEVELS["strict"]


def test_unusable_values_fall_back_alone_and_say_why(sandbox_home: Path) -> None:
    app = App.create(data_dir=str(sandbox_home))
    config_path(app.paths).write_text(
        'version = 1\n[matching]\nmatch_level = "very loose"\n'
        '[network]\nconnect_timeout = 0\nread_timeout = "soon"\nconcurrency = 4\nrobots = false\n'
    )
    loaded = load_config(app.paths)
    assert loaded.config == Config(concurrency=4, robots=False)
    text = " ".join(loaded.problems)
    assert "'very loose' is not one of strict, standard, lenient" in text
    assert "connect_timeout must be from 1 to 120, not 0.0" in text
    assert "read_timeout should be float, not 'soon'" in text

    config_path(app.paths).write_text("[network\n")
    broken = load_config(app.paths)
    assert broken.config == Config()
    assert "is not valid TOML" in broken.problems[0]
    with pytest.raises(ValueError, match="per_host cannot be more than concurrency"):
        save_config(app.paths, Config(concurrency=2, per_host=3))


def test_a_new_match_level_reaches_the_engine_without_changing_the_old_one(
    sandbox_home: Path, face_engine: Any
) -> None:
    app = App.create(data_dir=str(sandbox_home))
    app._engine = face_engine  # the suite's loaded models
    app.update_config(Config(match_level="lenient"))
    assert app.engine is not face_engine
    assert app.engine.thresholds == MATCH_LEVELS["lenient"]
    assert app.engine._models is face_engine._models  # not loaded again
    assert face_engine.thresholds == DEFAULT_THRESHOLDS
    assert load_config(app.paths).config.match_level == "lenient"


def _crawl(app: App, site: Site) -> set[str]:
    found: set[str] = set()
    collector = web_collector(app.paths, depth=1, network={"use_env_proxy": False})
    collector.collect_sources(
        [site.url("/")],
        on_candidate=lambda c: found.add(c.provenance.image_url),
        on_error=lambda _e: None,
        on_source_done=lambda _s, _c: None,
        cancel=threading.Event(),
    )
    return found


def test_the_scan_collector_honours_the_saved_network_settings(
    sandbox_home: Path, site: Site, make_image: Any
) -> None:
    site.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.static("/", b'<img src="/a.jpg"><a href="/private/x">p</a>')
    site.static("/private/x", b'<img src="/b.jpg">')
    site.static("/a.jpg", make_image((200, 0, 0)), "image/jpeg")
    site.static("/b.jpg", make_image((0, 200, 0)), "image/jpeg")
    app = App.create(data_dir=str(sandbox_home))

    assert _crawl(app, site) == {site.url("/a.jpg")}  # robots.txt honoured by default
    app.update_config(Config(robots=False, connect_timeout=3, read_timeout=4, per_host=1))
    assert _crawl(app, site) == {site.url("/a.jpg"), site.url("/b.jpg")}
    settings = web_collector(app.paths).settings
    assert (settings.connect_timeout, settings.read_timeout, settings.per_host) == (3, 4, 1)
    # What the caller chooses for one scan still wins over the saved settings.
    assert web_collector(app.paths, network={"robots": True}).settings.robots is True


def test_the_collect_command_honours_the_saved_settings(
    sandbox_home: Path, site: Site, make_image: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    site.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.static("/", b'<a href="/private/x">p</a>')
    site.static("/private/x", b'<img src="/b.jpg">')
    site.static("/b.jpg", make_image((0, 0, 200)), "image/jpeg")
    app = App.create(data_dir=str(sandbox_home))
    save_config(app.paths, Config(robots=False))
    main(["collect", "--no-cache", "--no-env-proxy", "--depth", "1", site.url("/")])
    assert site.url("/b.jpg") in capsys.readouterr().out


def test_commands_say_when_saved_settings_were_unusable(
    sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = App.create(data_dir=str(sandbox_home))
    config_path(app.paths).write_text("[network]\nper_host = 99\n")
    main(["case", "list"])
    err = capsys.readouterr().err
    assert "settings" in err and "per_host must be from 1 to 8, not 99" in err


def test_the_settings_are_read_when_first_used_not_when_the_app_is_built(
    sandbox_home: Path,
) -> None:
    # The window's first paint needs only the folders (issue 8): building the App neither
    # imports the settings module nor reads config.toml.
    script = (
        "import sys\nfrom faceaudit.app import App\n"
        f"app = App.create(data_dir={str(sandbox_home)!r})\n"
        "print('faceaudit.config' in sys.modules, app._config is None)\n"
        "print(app.config.match_level, app.config_problems)\n"
    )
    config_path(App.create(data_dir=str(sandbox_home)).paths).write_text(
        'version = 1\n[matching]\nmatch_level = "strict"\n[network]\nconcurrency = 0\n'
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    built, read_later = done.stdout.splitlines()
    assert built == "False True"
    assert read_later.startswith("strict [") and "concurrency" in read_later


def test_a_changed_model_pack_setting_is_followed_unless_chosen_for_the_run(
    sandbox_home: Path,
) -> None:
    app = App.create(data_dir=str(sandbox_home))
    assert app.model_pack == "buffalo_sc" and not app.model_pack_override
    app.update_config(Config(model_pack="buffalo_l"))
    assert app.model_pack == "buffalo_l"
    chosen = App.create(data_dir=str(sandbox_home), model_pack="buffalo_sc")
    assert chosen.model_pack_override
    chosen.update_config(Config(model_pack="antelopev2"))
    assert chosen.model_pack == "buffalo_sc"
