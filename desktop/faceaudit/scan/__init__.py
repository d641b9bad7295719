"""The scan: a person's Sources -> Candidates -> Faces -> Findings, kept in a Case or in memory.

The API the CLI and the GUI use::

    from faceaudit.scan import ScanControl, ScanProgress, ScanSettings, ScanOutcome
    from faceaudit.scan.runs import scan_case, scan_one_shot, scan_engine, web_collector

    engine = scan_engine(app.engine)            # same models, one-thread sessions per worker
    collector = web_collector(app.paths, depth=1, max_pages=50)
    control = ScanControl()                     # .pause() .resume() .cancel(), from any thread
    outcome = scan_case(engine, case, collector, ScanSettings(workers=app.threads),
                        resume=False, control=control, on_progress=callback)
    outcome = scan_one_shot(engine, references, urls, collector, settings, ...)

``scan_*`` block until the scan ends (done or cancelled): call them from a worker thread in
the GUI. ``on_progress(ScanProgress)`` is called on that same thread, at most every 0.25 s
and once at the end (sources done/total, images, faces, findings, errors, rate, ETA).
``ScanOutcome`` holds ``status``, ``findings`` (FindingReport), ``errors`` (SourceError),
``stats`` and, for a case, ``comparison`` ({new, gone, unchanged, unchecked} against the
previous finished scan; unchecked: not seen again because their source failed this time),
``scan_id`` and ``resumed``.

Threading, memory and durability: see :mod:`faceaudit.scan.pipeline` and
:mod:`faceaudit.scan.sinks`.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from faceaudit.scan.control import ScanControl, ScanProgress, SourceTally
    from faceaudit.scan.pipeline import Scanner, ScanOutcome, ScanSettings
    from faceaudit.scan.sinks import FindingReport

# Loaded on first use (PEP 562): the window imports faceaudit.scan.control to show progress
# and must not wait for the pipeline (numpy, the collector, the face engine) to load.
_EXPORTS = {
    "FindingReport": "faceaudit.scan.sinks",
    "ScanControl": "faceaudit.scan.control",
    "ScanOutcome": "faceaudit.scan.pipeline",
    "ScanProgress": "faceaudit.scan.control",
    "ScanSettings": "faceaudit.scan.pipeline",
    "Scanner": "faceaudit.scan.pipeline",
    "SourceTally": "faceaudit.scan.control",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "FindingReport",
    "ScanControl",
    "ScanOutcome",
    "ScanProgress",
    "ScanSettings",
    "Scanner",
    "SourceTally",
]
