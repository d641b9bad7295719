"""Issue 15, item 3: numeric options capped in the core and on the command line; a list
longer than one scan takes refused as a whole; the deadline watchdog stays small."""

from __future__ import annotations

import threading

import pytest

from faceaudit import bounds
from faceaudit.cli import build_parser
from faceaudit.collect import CollectSettings
from faceaudit.collect.netguard import Watchdog
from faceaudit.collect.urls import MAX_LIST_ENTRIES, ListTooLongError, parse_url_list
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.store.source_list import parse_source_list


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("concurrency", 100_000),
        ("concurrency", 0),
        ("per_host", -1),
        ("depth", 1_000),
        ("depth", -1),
        ("max_pages", 0),
        ("max_pages", 10**12),
        ("max_images", 10**9),
        ("concurrency", 2.5),
        ("concurrency", True),
    ],
)
def test_collect_settings_refuse_counts_out_of_range(field: str, value: object) -> None:
    with pytest.raises(bounds.OutOfRangeError) as caught:
        CollectSettings(**{field: value})  # type: ignore[arg-type]
    assert caught.value.todo and str(bounds.BOUNDS[field].high) in caught.value.what


def test_scan_settings_and_app_refuse_worker_and_thread_counts_out_of_range() -> None:
    from faceaudit.app import App

    with pytest.raises(bounds.OutOfRangeError, match="worker count"):
        ScanSettings(workers=10_000)
    with pytest.raises(bounds.OutOfRangeError, match="thread count"):
        App.create(threads=1_000)
    assert App.create().threads <= bounds.MAX_CORES  # the default stays in range


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["collect", "--concurrency", "100000", "x"], "concurrency"),
        (["collect", "--per-host", "0", "x"], "per-site limit"),
        (["collect", "--depth", "-1", "x"], "link depth"),
        (["collect", "--max-pages", "1e9", "x"], "not a whole number"),
        (["collect", "--max-images", "99999999", "x"], "image limit"),
        (["scan", "--workers", "9999", "--reference", "a", "x"], "worker count"),
        (["scan", "--depth", "11", "--reference", "a", "x"], "link depth"),
        (["--threads", "1000", "match", "--reference", "a", "b"], "thread count"),
        (["sources", "add", "--case", "c", "--max-pages", "0", "x"], "page limit"),
    ],
)
def test_command_line_refuses_out_of_range_numbers_with_a_usage_message(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(argv)
    assert caught.value.code == 2
    assert words in capsys.readouterr().err


def test_zero_threads_and_workers_still_mean_the_machine_s_cores() -> None:
    args = build_parser().parse_args(["--threads", "0", "scan", "--workers", "0", "x"])
    assert args.threads == 0 and args.workers == 0


def test_a_list_longer_than_one_scan_takes_is_refused_whole() -> None:
    text = "\n".join(f"https://example.org/{i}" for i in range(MAX_LIST_ENTRIES))
    assert len(parse_url_list(text).urls) == MAX_LIST_ENTRIES
    longer = text + "\n# a comment does not count\n\nhttps://example.org/last"
    for parse in (parse_url_list, parse_source_list):
        with pytest.raises(ListTooLongError) as caught:
            parse(longer)
        assert f"line {MAX_LIST_ENTRIES + 3} is past that" in caught.value.what
        assert "Split it" in caught.value.todo


def test_the_watchdog_forgets_finished_deadlines() -> None:
    """Each response arms a deadline; 100,000 finished ones must not stay behind (each
    exit scanned them all: a long list of failing URLs went quadratic)."""
    watchdog = Watchdog()
    fired = threading.Event()
    try:
        for _ in range(20_000):
            with watchdog.deadline(60.0, fired.set):
                pass
        assert len(watchdog._heap) <= 2 * len(watchdog._armed) + 64
        with watchdog.deadline(0.05, fired.set):
            assert fired.wait(10)  # a deadline that expires still fires
    finally:
        watchdog.close()
