"""The one worker helper: run a core call off the GUI thread and hear back as signals.

``fn(*args, progress=..., cancel=...)`` runs on a ``QThreadPool``; only the keyword arguments
``fn`` accepts are passed. Progress, the result and the error come back on the GUI thread as
signals of the returned :class:`Task` (the Task lives in the GUI thread, so Qt queues the
emissions made from the pool's thread). The call starts on the next turn of the event loop,
so connecting to the Task right after ``run()`` returns never misses a signal. Cancelling is
cooperative: the core checks the token between pages and images, since an onnxruntime call
cannot be interrupted.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class CancelToken:
    """A cooperative cancel flag shared by the GUI and a worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    @property
    def event(self) -> threading.Event:
        """The raw event, for core parts that take a ``threading.Event``."""
        return self._event


class Task(QObject):
    """One call running on the pool. Signals arrive on the GUI thread."""

    progressed = Signal(object)
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception raised

    def __init__(self, cancel: CancelToken, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_token = cancel
        self.done = False

    def cancel(self) -> None:
        self.cancel_token.cancel()


class _Runnable(QRunnable):
    def __init__(self, task: Task, call: Callable[[], Any]) -> None:
        super().__init__()
        self._task = task
        self._call = call
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._call()
        except BaseException as error:  # reported to the GUI, which decides what to show
            self._task.failed.emit(error)
        else:
            self._task.finished.emit(result)


def _accepted_keywords(fn: Callable[..., Any]) -> set[str]:
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return set()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return {"progress", "cancel"}
    return {p.name for p in parameters if p.kind is not inspect.Parameter.POSITIONAL_ONLY}


class Worker:
    """Starts Tasks on a pool and keeps them alive until they report back."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()
        self._pending: dict[Task, _Runnable] = {}

    @property
    def running(self) -> int:
        return len(self._running)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> Task:
        token = cancel or CancelToken()
        task = Task(token)
        accepted = _accepted_keywords(fn)
        kwargs: dict[str, Any] = {}
        if "progress" in accepted:
            kwargs["progress"] = task.progressed.emit
        if "cancel" in accepted:
            kwargs["cancel"] = token
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if on_result is not None:
            task.finished.connect(on_result)
        if on_error is not None:
            task.failed.connect(on_error)
        # Connected last so the caller's slots run before the Task may be dropped.
        task.finished.connect(lambda _result: self._forget(task))
        task.failed.connect(lambda _error: self._forget(task))
        self._running.add(task)
        # Started on the next turn of the event loop, so that a caller may still connect to
        # the returned Task's signals before anything can be emitted.
        self._pending[task] = _Runnable(task, lambda: fn(*args, **kwargs))
        QTimer.singleShot(0, task, lambda: self._start(task))
        return task

    def _start(self, task: Task) -> None:
        runnable = self._pending.pop(task, None)
        if runnable is not None:
            self.pool.start(runnable)

    def _forget(self, task: Task) -> None:
        task.done = True
        self._running.discard(task)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every call, started or about to be (used when the window closes)."""
        for task in list(self._pending):
            self._start(task)
        return bool(self.pool.waitForDone(msecs))
