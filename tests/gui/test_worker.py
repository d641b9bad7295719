"""The worker helper: results, errors and progress arrive on the GUI thread; cancel is heard."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from faceaudit.errors import FaceAuditError
from faceaudit.gui.worker import CancelToken, Worker


@pytest.fixture
def worker(qapp: QApplication) -> Any:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    worker = Worker(pool)
    yield worker
    worker.cancel_all()
    assert worker.wait(10_000)


def test_result_arrives_on_the_gui_thread(qtbot: Any, worker: Worker) -> None:
    ran_on: list[QThread] = []
    delivered_on: list[QThread] = []

    def work(a: int, b: int) -> int:
        ran_on.append(QThread.currentThread())
        return a + b

    def got(result: int) -> None:
        delivered_on.append(QThread.currentThread())

    with qtbot.waitSignal(worker.run(work, 2, 3, on_result=got).finished) as blocker:
        pass
    assert blocker.args == [5]
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    assert ran_on[0] is not gui_thread
    assert delivered_on == [gui_thread]
    assert worker.running == 0


def test_only_accepted_keywords_are_passed(qtbot: Any, worker: Worker) -> None:
    def progress_only(progress: Any) -> str:
        progress("half")
        return "done"

    seen: list[Any] = []
    task = worker.run(progress_only, on_progress=seen.append)
    with qtbot.waitSignal(task.finished):
        pass
    qtbot.waitUntil(lambda: seen == ["half"])

    def bare() -> str:
        return "plain"

    with qtbot.waitSignal(worker.run(bare).finished) as blocker:
        pass
    assert blocker.args == ["plain"]


def test_errors_arrive_as_the_exception(qtbot: Any, worker: Worker) -> None:
    def refuse() -> None:
        raise FaceAuditError("No face was found.", "Use a photo where your face is visible.")

    with qtbot.waitSignal(worker.run(refuse).failed) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, FaceAuditError)
    assert error.todo == "Use a photo where your face is visible."


def test_cancel_is_cooperative(qtbot: Any, worker: Worker) -> None:
    started = threading.Event()

    def long_work(cancel: CancelToken) -> str:
        started.set()
        # Stands for a core loop checking the token between images.
        while not cancel.event.wait(0.01):
            pass
        return "stopped at a checkpoint"

    task = worker.run(long_work)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    with qtbot.waitSignal(task.finished) as blocker:
        task.cancel()
    assert blocker.args == ["stopped at a checkpoint"]
    assert task.cancel_token.cancelled
