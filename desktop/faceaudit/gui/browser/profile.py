"""The case's Chromium profile: off the record by default, or kept under the case's folder
when the person chooses to stay logged in; forgotten on request, deleted with the case.

Either way the HTTP cache stays in memory (cached images are personal data), every request
goes through the :class:`~faceaudit.gui.render.guard.PageGuard` (public addresses, plus the
address the person typed), downloads are refused, and no spell-check dictionary is fetched.
The persistent profile holds what sites store to keep a login (cookies, local storage) in
Chromium's own files, in a private folder of the case: it is not sealed with the case key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineProfileBuilder

from faceaudit.gui.render.guard import PageGuard, refuse_downloads

PROFILE_FOLDER = "browser"  # under the case's folder: removed with it
# Waiting for Chromium to let go of a forgotten profile's files (its deleteLater runs on the
# next turn of the event loop; its destroyed signal does not reach Python slots reliably).
GONE_POLL_MS = 50
GONE_TRIES = 200


def profile_dir(case_dir: Path) -> Path:
    return case_dir / PROFILE_FOLDER


def stays_logged_in(case_dir: Path) -> bool:
    """The person chose to stay logged in for this case (its profile folder exists)."""
    return profile_dir(case_dir).is_dir()


class CaseProfile(QObject):
    """Builds the profile the pane's pages use; ``changed`` when it is replaced."""

    changed = Signal()
    download_refused = Signal()
    forgotten = Signal()  # the logins' folder is gone

    def __init__(self, case_dir: Path, case_id: str, guard: PageGuard, parent: QObject) -> None:
        super().__init__(parent)
        self.case_dir = case_dir
        self.case_id = case_id
        self.guard = guard
        self.profile = self._build(stays_logged_in(case_dir))

    @property
    def persistent(self) -> bool:
        return not self.profile.isOffTheRecord()

    def _build(self, persistent: bool) -> QWebEngineProfile:
        builder = QWebEngineProfileBuilder()
        builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        builder.setPersistentPermissionsPolicy(
            QWebEngineProfile.PersistentPermissionsPolicy.StoreInMemory
        )
        if persistent:
            folder = profile_dir(self.case_dir)
            folder.mkdir(mode=0o700, exist_ok=True)
            folder.chmod(0o700)
            builder.setPersistentStoragePath(str(folder))
            builder.setCachePath(str(folder))  # the cache itself is in memory
            builder.setPersistentCookiesPolicy(
                QWebEngineProfile.PersistentCookiesPolicy.AllowPersistentCookies
            )
            profile = builder.createProfile(f"faceaudit-{self.case_id}", self)
        else:
            profile = QWebEngineProfileBuilder.createOffTheRecordProfile(self)
        profile.setUrlRequestInterceptor(self.guard)
        profile.setSpellCheckEnabled(False)
        refuse_downloads(profile, self.download_refused.emit)
        return profile

    def stay_logged_in(self) -> None:
        """From now on, keep logins in the case's folder (pages must be rebuilt: ``changed``)."""
        if not self.persistent:
            self._replace(True)

    def forget_logins(self) -> None:
        """Clear cookies and storage, delete the folder, and browse off the record again."""
        self.profile.cookieStore().deleteAllCookies()
        self.profile.clearHttpCache()
        self.profile.clearAllVisitedLinks()
        was_persistent = self.persistent
        old = self._replace(False)
        folder = profile_dir(self.case_dir)
        if not was_persistent:
            shutil.rmtree(folder, ignore_errors=True)
            self.forgotten.emit()
            return
        # Chromium closes the profile's files once its object is gone: delete them then.
        self._remove_when_gone(old, folder, 0)

    def _remove_when_gone(self, old: QWebEngineProfile, folder: Path, tries: int) -> None:
        if shiboken6.isValid(old) and tries < GONE_TRIES:
            QTimer.singleShot(
                GONE_POLL_MS, self, lambda: self._remove_when_gone(old, folder, tries + 1)
            )
            return
        shutil.rmtree(folder, ignore_errors=True)
        self.forgotten.emit()

    def _replace(self, persistent: bool) -> QWebEngineProfile:
        old = self.profile
        self.profile = self._build(persistent)
        self.changed.emit()  # the pane moves its view to a page of the new profile
        old.deleteLater()  # after the old page, which the pane deleted first
        return old

    def close(self, page: QObject) -> None:
        """Drop the profile (an off-the-record one takes everything with it) once ``page``,
        already deleted later, is gone: Chromium wants a profile's pages gone first."""
        _delete_after(self, page, 0)  # the profile is its child


def _delete_after(target: QObject, first: QObject, tries: int) -> None:
    if shiboken6.isValid(first) and tries < GONE_TRIES:
        QTimer.singleShot(GONE_POLL_MS, lambda: _delete_after(target, first, tries + 1))
        return
    if shiboken6.isValid(target):
        target.deleteLater()
