"""The Browser screen: the person's own browsing in FaceAudit's Chromium, per case, and
"Scan this page" (the images it shows scanned like a source, the page kept as evidence).

``view`` (the screen) imports nothing of QtWebEngine: ``pane`` does, built only once a case is
open on this screen (start-up never loads QtWebEngine). ``address`` turns typed text into an
address; ``profile`` owns the case's Chromium profile; ``capture`` makes the PDF and the
full-page screenshot.
"""
