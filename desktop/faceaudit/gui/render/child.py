"""The renderer process: ``python -m faceaudit.gui.render.child``, started by
:class:`faceaudit.collect.render.Renderer`.

It reads one JSON request per line on stdin and answers one JSON line each on its stdout
(Chromium's and Qt's own output goes to stderr, which the parent discards: it may name
pages). The first line says whether QtWebEngine could start. Each source gets a fresh
off-the-record profile: no cookie, storage or cache survives from one source to the next,
and nothing is written to disk.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections import deque
from typing import IO, Any

from faceaudit.gui.render import chromium

VIEWPORT = (1280, 900)


def main() -> int:
    chromium.prepare(headless=True)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # whatever Qt or Chromium print, the answers stay clean
    missing = chromium.webengine_missing()
    if missing is not None:
        answers.write(json.dumps({"unavailable": missing}) + "\n")
        return 3
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(["faceaudit-render"])
    session = _Session(answers)
    reader = threading.Thread(target=_read, args=(sys.stdin, session), daemon=True)
    reader.start()
    answers.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    code = app.exec()
    session.close()
    return code


def _read(stream: IO[str], session: Any) -> None:
    for line in stream:
        session.requested.emit(line)
    session.requested.emit("")  # the parent closed the pipe: end


def _make_session_class() -> type:
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from faceaudit.collect.netguard import AddressPolicy, parse_ip
    from faceaudit.gui.render.guard import GuardedPage, PageGuard, refuse_downloads
    from faceaudit.gui.render.harvest import Harvest, Harvester

    class Session(QObject):
        requested = Signal(str)

        def __init__(self, answers: IO[str]) -> None:
            super().__init__()
            self.answers = answers
            self.profile: QWebEngineProfile | None = None
            self.profile_key: str | None = None
            self.guard = PageGuard(AddressPolicy(), self)
            self.view: QWebEngineView | None = None
            self.harvester: Harvester | None = None
            self.request_id: Any = None
            self.downloads = 0
            self.waiting: deque[str] = deque()  # requests that came while a page renders
            self.requested.connect(self._queue)

        def _queue(self, line: str) -> None:
            self.waiting.append(line)
            if self.harvester is None:
                self._next()

        def _next(self) -> None:
            while self.waiting and self.harvester is None:
                self._handle(self.waiting.popleft())

        def _handle(self, line: str) -> None:
            if not line.strip():
                QCoreApplication.quit()
                return
            try:
                request = json.loads(line)
                url = str(request["url"])
                policy = AddressPolicy(
                    frozenset(parse_ip(str(text)) for text in request.get("allowed", ())),
                    request.get("port"),
                )
            except (ValueError, KeyError, TypeError) as error:
                self._answer({"error": f"bad request: {error}"})
                return
            if request.get("op") == "quit":
                QCoreApplication.quit()
                return
            self.request_id = request.get("id")
            self._fresh_profile(str(request.get("profile", "")))
            self.guard.policy = policy
            self.guard.blocked.clear()
            self.downloads = 0
            self._drop_view()
            assert self.profile is not None
            page = GuardedPage(self.profile)
            view = self.view = QWebEngineView()
            view.setPage(page)
            view.resize(*VIEWPORT)
            view.show()
            harvester = self.harvester = Harvester(
                page, self.guard.clock, float(request.get("deadline", 30.0)), view
            )
            harvester.finished.connect(self._harvested)
            harvester.load(url)

        def _fresh_profile(self, key: str) -> None:
            if self.profile is not None and key == self.profile_key:
                return
            self._drop_view()
            if self.profile is not None:
                self.profile.deleteLater()
            # No storage name: off the record, in memory only, gone with the object.
            profile = self.profile = QWebEngineProfile(self)
            profile.setUrlRequestInterceptor(self.guard)
            profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
            profile.setPersistentCookiesPolicy(
                QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
            )
            profile.setSpellCheckEnabled(False)
            refuse_downloads(profile, self._download_refused)
            self.profile_key = key

        def _download_refused(self) -> None:
            self.downloads += 1

        def _harvested(self, harvest: Harvest) -> None:
            page = self.view.page() if self.view is not None else None
            suppressed = sorted(set(getattr(page, "suppressed", ())))
            self._answer(
                {
                    **harvest.to_json(),
                    "blocked": list(self.guard.blocked),
                    "suppressed": suppressed,
                    "downloads": self.downloads,
                }
            )
            self._drop_view()
            self._next()

        def _drop_view(self) -> None:
            view, self.view = self.view, None
            if view is not None:
                page = view.page()
                view.hide()
                view.setPage(None)  # type: ignore[arg-type]
                page.deleteLater()
                view.deleteLater()
            self.harvester = None

        def _answer(self, payload: dict[str, Any]) -> None:
            payload["id"] = self.request_id
            self.answers.write(json.dumps(payload) + "\n")
            self.answers.flush()

        def close(self) -> None:
            self._drop_view()

    return Session


def _Session(answers: IO[str]) -> Any:  # built once Qt is known to be installed
    return _make_session_class()(answers)


if __name__ == "__main__":
    sys.exit(main())
