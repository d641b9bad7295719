"""FaceAudit's Chromium (QtWebEngine, from the PySide6 add-ons): rendering pages for the scan
and the in-app browser.

``chromium`` sets the switches before QtWebEngine starts; ``guard`` keeps pages off the
person's network and refuses downloads, pop-ups, dialogs and permissions; ``harvest``
scrolls a page to its end, waits for it to settle and lists the images it shows; ``child``
is the renderer process the collector starts (``faceaudit.collect.render`` talks to it).
Nothing here is imported unless a page is rendered: the add-ons are optional.
"""
