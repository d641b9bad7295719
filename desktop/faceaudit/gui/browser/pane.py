"""The browser itself (QtWebEngine): address bar, navigation, the page, and "Scan this page".

Built by the Browser screen once a case is open, and dropped (page blank, off-the-record
profile gone) when the case closes or is locked. "Scan this page" runs the render mode's
:class:`~faceaudit.gui.render.harvest.Harvester` on the loaded page (scroll to the end,
settle, list the images shown), captures the page (:mod:`.capture`), seals the capture into
the case and scans the listed images through the window's one :class:`ScanRunner`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.collect.netguard import AddressPolicy
from faceaudit.collect.types import ShownPage
from faceaudit.gui import shortcuts
from faceaudit.gui.browser.address import parse_address
from faceaudit.gui.browser.capture import PageCapture, PageShot, png_bytes
from faceaudit.gui.browser.profile import CaseProfile
from faceaudit.gui.render.guard import GuardedPage, PageGuard, policy_for
from faceaudit.gui.render.harvest import Harvest, Harvester
from faceaudit.gui.scan.runner import ScanRunner, scan_error_text
from faceaudit.gui.widgets import hint_label, set_state
from faceaudit.timestamps import utc_now

if TYPE_CHECKING:
    from faceaudit.gui.context import GuiContext
    from faceaudit.scan.pipeline import ScanOutcome
    from faceaudit.store import Case
    from faceaudit.store.captures import CaptureRow

HARVEST_DEADLINE = 60.0  # seconds for scrolling a page to its end and letting it settle
TO_TOP_JS = "(() => { const y = window.scrollY; window.scrollTo(0, 0); return y; })()"


def store_capture(case: Case, shot: PageShot, taken_at: str) -> CaptureRow:
    """Encode the screenshot and seal both files into the case (on the worker)."""
    return case.add_capture(
        shot.url, shot.title, shot.pdf, png_bytes(shot.image), taken_at=taken_at
    )


class BrowserPane(QWidget):
    """One case's browsing; :meth:`drop` ends it."""

    def __init__(self, context: GuiContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case = case
        self.runner = ScanRunner.of(context)
        self.guard = PageGuard(AddressPolicy(), self)
        # The view (and the page it parents) before the profile: children go in the order
        # they came, and Chromium wants a profile's pages gone before the profile.
        self.view = QWebEngineView(self)
        self.view.setAccessibleName(self.tr("The page"))
        self.profile = CaseProfile(case.directory, case.case_id, self.guard, self)
        self.page: QWebEnginePage = GuardedPage(self.profile.profile, self.view)
        self.view.setPage(self.page)
        self.harvester: Harvester | None = None
        self.capture: PageCapture | None = None
        self.harvest: Harvest | None = None
        self.capture_row: CaptureRow | None = None
        self.capture_truncated = False  # the page was taller than the screenshot holds
        self.scanning = False  # from Scan this page until its scan ends
        self.taken_at = ""
        self.downloads_refused = 0
        self.scroll_before = 0
        self.loading = False
        self._build()
        self.profile.changed.connect(self._new_page)
        self.profile.download_refused.connect(self._download_refused)
        self.profile.forgotten.connect(self._forgotten)
        self.runner.finished.connect(self._scan_finished)
        self.runner.failed.connect(self._scan_failed)
        self.runner.progressed.connect(self._scan_progressed)
        self._connect_page()
        self._update()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = hint_label(
            self.tr(
                "<b>This is your own browsing</b>, as in any browser: the sites you open here see "
                "your visit (and your login, if you log in). FaceAudit itself contacts only "
                "the sources you listed. Pages here cannot reach your own network (your "
                "router, this computer's services)."
            )
        )
        self.banner.setProperty("role", "banner")
        self.banner.setAccessibleName(self.tr("About this browser"))

        pixmaps = QStyle.StandardPixmap
        self.back_button = self._tool(
            pixmaps.SP_ArrowBack, self.tr("Back"), self.tr("Go back"), shortcuts.BROWSER_BACK
        )
        self.forward_button = self._tool(
            pixmaps.SP_ArrowForward,
            self.tr("Forward"),
            self.tr("Go forward"),
            shortcuts.BROWSER_FORWARD,
        )
        self.reload_button = self._tool(
            pixmaps.SP_BrowserReload,
            self.tr("Reload"),
            self.tr("Load the page again"),
            shortcuts.BROWSER_RELOAD,
        )
        self.stop_button = self._tool(
            pixmaps.SP_BrowserStop,
            self.tr("Stop"),
            self.tr("Stop loading the page"),
            shortcuts.BROWSER_STOP,
        )
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Type an address, e.g. example.org/team"))
        self.address.setAccessibleName(self.tr("Address"))
        shortcuts.bind(self.address, shortcuts.BROWSER_ADDRESS, self.tr("The page's address"))
        self.go_button = QPushButton(self.tr("Go"))
        self.go_button.setToolTip(self.tr("Open the address"))
        self.address_action = self._action(shortcuts.BROWSER_ADDRESS, self._focus_address)

        self.stay_box = QCheckBox(self.tr("Stay logged in on this computer"))
        self.stay_box.setToolTip(
            self.tr(
                "Keep the sites' logins of this case in its folder (deleted with the case). "
                "Off: nothing is kept once the case is closed."
            )
        )
        self.stay_box.setChecked(self.profile.persistent)
        self.forget_button = QPushButton(self.tr("Forget logins for this case"))
        self.forget_button.setToolTip(
            self.tr("Delete this case's cookies and site data, and browse off the record again")
        )
        self.scan_button = QPushButton(self.tr("&Scan this page"))
        self.scan_button.setProperty("role", "primary")
        shortcuts.bind(
            self.scan_button,
            shortcuts.SCAN_THIS_PAGE,
            self.tr("Look for your face in the images this page shows, and keep a capture of it"),
        )
        self.scan_action = self._action(shortcuts.SCAN_THIS_PAGE, self.scan_this_page)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Progress of the page's scan"))
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("What the browser is doing"))
        self.status.setVisible(False)

        bar = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.reload_button):
            bar.addWidget(button)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.address, 1)
        bar.addWidget(self.go_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.stay_box)
        bottom.addWidget(self.forget_button)
        bottom.addStretch(1)
        bottom.addWidget(self.scan_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

        self.back_button.clicked.connect(
            lambda: self.page.triggerAction(QWebEnginePage.WebAction.Back)
        )
        self.forward_button.clicked.connect(
            lambda: self.page.triggerAction(QWebEnginePage.WebAction.Forward)
        )
        self.reload_button.clicked.connect(
            lambda: self.page.triggerAction(QWebEnginePage.WebAction.Reload)
        )
        self.stop_button.clicked.connect(
            lambda: self.page.triggerAction(QWebEnginePage.WebAction.Stop)
        )
        self.address.returnPressed.connect(self.go)
        self.go_button.clicked.connect(self.go)
        self.scan_button.clicked.connect(self.scan_this_page)
        self.stay_box.toggled.connect(self._stay_toggled)
        self.forget_button.clicked.connect(self.forget_logins)

    def _tool(
        self, pixmap: QStyle.StandardPixmap, name: str, tip: str, shortcut: shortcuts.Shortcut
    ) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(pixmap))
        button.setAccessibleName(name)
        shortcuts.bind(button, shortcut, tip)
        self._action(shortcut, button.click)  # the pane owns the action
        return button

    def _action(self, shortcut: shortcuts.Shortcut, slot: Any) -> QAction:
        act = QAction(self)
        act.setShortcut(shortcut.sequence())
        # Only while the Browser screen has the focus: Esc and Alt+arrows mean other things
        # elsewhere.
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _focus_address(self) -> None:
        self.address.setFocus()
        self.address.selectAll()

    def _connect_page(self) -> None:
        self.page.urlChanged.connect(self._url_changed)
        self.page.loadStarted.connect(lambda: self._loading(True))
        self.page.loadFinished.connect(lambda _ok: self._loading(False))
        self.page.loadProgress.connect(lambda _value: self._update())

    def _loading(self, loading: bool) -> None:
        self.loading = loading
        self._update()

    def _new_page(self) -> None:
        """The profile changed: a page of the new one, at the same address."""
        url = self.page.url()
        old = self.page
        self.page = GuardedPage(self.profile.profile, self.view)
        self.view.setPage(self.page)
        old.deleteLater()
        self._connect_page()
        if url.isValid() and url.scheme() in ("http", "https"):
            self.page.setUrl(url)
        self._update()

    # -- browsing ----------------------------------------------------------------------------

    def go(self) -> None:
        address = parse_address(self.address.text())
        if not address.url:
            self._say("bad", self._refusal(address.refused, address.scheme))
            return
        # The address the person typed may be on their own network (a test page, a NAS):
        # they chose it, as a listed source; what its pages load elsewhere stays public.
        self.guard.policy = policy_for(address.url)
        self.guard.blocked.clear()
        self._say("", "")
        self.page.setUrl(QUrl(address.url))
        self.view.setFocus()

    def load(self, text: str) -> None:
        """Type ``text`` in the address bar and open it (for other screens and tests)."""
        self.address.setText(text)
        self.go()

    def _refusal(self, reason: str, scheme: str) -> str:
        if reason == "scheme":
            return self.tr(
                "FaceAudit's browser opens only web pages (http:// and https://), not “%1:” "
                "addresses: a page here must not open files or other programs."
            ).replace("%1", scheme)
        if reason == "empty":
            return self.tr("Type the address of a page first.")
        return self.tr(
            "This is not a web address. Type it as in any browser, e.g. example.org/team."
        )

    def _url_changed(self, url: QUrl) -> None:
        if not self.address.hasFocus():
            text = url.toString()
            self.address.setText("" if text == "about:blank" else text)
        self._update()

    def _download_refused(self) -> None:
        self.downloads_refused += 1
        self._say(
            "warn",
            self.tr("The page tried to download a file; FaceAudit's browser refuses downloads."),
        )

    def _update(self) -> None:
        history = self.page.history()
        self.back_button.setEnabled(history.canGoBack())
        self.forward_button.setEnabled(history.canGoForward())
        url = self.page.url()
        loaded = url.scheme() in ("http", "https")
        self.reload_button.setEnabled(loaded)
        self.stop_button.setEnabled(self.loading)
        looking = self.harvester is not None or self.capture is not None
        busy = self.scanning or looking
        self.view.setEnabled(not looking)  # the page stays put while it is read and captured
        self.scan_button.setEnabled(loaded and not busy and not self.runner.running)
        self.forget_button.setEnabled(not busy)
        self.stay_box.setEnabled(not busy)

    def _say(self, state: str, text: str) -> None:
        set_state(self.status, state, text)

    # -- logins ------------------------------------------------------------------------------

    def _stay_toggled(self, on: bool) -> None:
        if on == self.profile.persistent:
            return
        if on:
            self.profile.stay_logged_in()
            self._say(
                "",
                self.tr(
                    "Logins of this case are now kept in its folder on this computer, until "
                    "you forget them or delete the case."
                ),
            )
        else:
            self.forget_logins()

    def forget_logins(self) -> None:
        self.profile.forget_logins()
        self.stay_box.blockSignals(True)
        self.stay_box.setChecked(False)
        self.stay_box.blockSignals(False)

    def _forgotten(self) -> None:
        self._say("good", self.tr("This case's logins and site data were deleted."))

    # -- scan this page ------------------------------------------------------------------------

    def scan_this_page(self) -> None:
        if not self.scan_button.isEnabled():
            if self.runner.running and not self.scanning:
                self._say(
                    "warn",
                    self.tr("A scan of this case is running; scan the page once it is done."),
                )
            return
        self.taken_at = utc_now()
        self.capture_row = None
        self.capture_truncated = False
        self.harvest = None
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._say("", self.tr("Looking at the page: scrolling to its end so every image loads…"))
        harvester = self.harvester = Harvester(self.page, self.guard.clock, HARVEST_DEADLINE, self)
        harvester.finished.connect(self._harvested)
        self._update()
        # From the top (lazy images above where the person is would never load), and back
        # to where they were once the page is captured.
        self.page.runJavaScript(TO_TOP_JS, 0, lambda y: self._from_top(harvester, y))

    def _from_top(self, harvester: Harvester, answer: object) -> None:
        if harvester is not self.harvester:
            return  # dropped meanwhile
        self.scroll_before = int(answer) if isinstance(answer, int | float) else 0
        harvester.start()

    def _harvested(self, harvest: Harvest) -> None:
        if self.harvester is None:
            return  # dropped meanwhile
        self.harvester.deleteLater()
        self.harvester = None
        self.harvest = harvest
        self._say("", self.tr("Keeping a capture of the page (PDF and screenshot)…"))
        capture = self.capture = PageCapture(self.view, self, restore_y=self.scroll_before)
        capture.finished.connect(self._captured)
        capture.failed.connect(self._capture_failed)
        capture.start()

    def _captured(self, shot: PageShot) -> None:
        self._drop_capture()
        self.capture_truncated = shot.truncated
        case = self.case
        self.context.run(
            store_capture,
            case,
            shot,
            self.taken_at,
            on_result=self._stored,
            on_error=self._failed,
        )

    def _capture_failed(self, what: str) -> None:
        self._drop_capture()
        text = (
            self.tr("The page could not be printed to PDF, so nothing was scanned.")
            if what == "pdf"
            else self.tr("The page's screenshot could not be taken, so nothing was scanned.")
        )
        self._end("bad", text)

    def _drop_capture(self) -> None:
        if self.capture is not None:
            self.capture.deleteLater()
            self.capture = None

    def _stored(self, row: CaptureRow) -> None:
        self.capture_row = row
        harvest = self.harvest
        assert harvest is not None
        shown = ShownPage(harvest.url or row.page_url, tuple(harvest.images), self.taken_at)
        self._say("", self.tr("Comparing the faces in the page's images with yours…"))
        self.scanning = True
        if not self.runner.start(shown=shown):
            self.scanning = False
            self._end(
                "warn",
                self.tr(
                    "The capture was kept, but a scan of this case is running: scan the page "
                    "again once it is done."
                ),
            )
        self._update()

    def _scan_progressed(self, progress: Any) -> None:
        if self.scanning and progress.images_seen:
            self.progress.setRange(0, int(progress.images_seen))
            self.progress.setValue(int(progress.images_done))

    def _scan_finished(self, outcome: ScanOutcome) -> None:
        if not self.scanning:
            return
        self.scanning = False
        row, harvest = self.capture_row, self.harvest
        if row is not None and outcome.scan_id is not None:
            self.context.run(
                self.case.link_capture_scan, row.id, outcome.scan_id, on_error=self._failed
            )
        shown = len({url for url, _how in harvest.images}) if harvest else 0
        stats = outcome.stats or {}
        faces, findings = int(stats.get("faces", 0)), len(outcome.findings)
        not_fetched = sum(1 for error in outcome.errors if error.kind == "failed")
        text = (
            self.tr("%n image(s) shown", "", shown)
            + ", "
            + self.tr("%n face(s)", "", faces)
            + ", "
            + self.tr("%n that could be you", "", findings)
        )
        if findings:
            text += self.tr(" — see Findings.")
        else:
            text += "."
        if not_fetched:
            text += " " + self.tr(
                "%n image(s) could not be fetched by FaceAudit: they may load only with your "
                "login, which FaceAudit's own requests never carry. The capture shows them.",
                "",
                not_fetched,
            )
        if harvest is not None and not harvest.settled:
            text += " " + self.tr(
                "The page was still loading when it was scanned: later images may be missing."
            )
        if self.capture_truncated:
            text += " " + self.tr(
                "The page is longer than a screenshot can hold: the capture keeps its top "
                "part only (the PDF has all of it), and every image it showed was examined."
            )
        if self.guard.blocked:
            text += " " + self.tr(
                "The page tried to reach your own network (%1); the browser refused."
            ).replace("%1", ", ".join(self.guard.blocked[:3]))
        self._end("good" if findings else "", text)

    def _scan_failed(self, error: BaseException) -> None:
        if self.scanning:
            self.scanning = False
            self._end("bad", scan_error_text(self.context, error))

    def _failed(self, error: BaseException) -> None:
        self._end("bad", self.context.error_text(error))

    def _end(self, state: str, text: str) -> None:
        self.progress.setVisible(False)
        self._say(state, text)
        self._update()

    # -- the end -----------------------------------------------------------------------------

    def drop(self) -> None:
        """The case closes: a blank page, and the profile (off the record: all it held) goes."""
        if self.harvester is not None:
            self.harvester.deleteLater()
            self.harvester = None
        self._drop_capture()
        self.page.setUrl(QUrl("about:blank"))
        self.view.hide()
        self.view.deleteLater()  # with its page (a view without one would make a default one)
        self.profile.setParent(None)  # outlives the pane until its page is gone
        self.profile.close(self.page)
