"""Why a source failed or was skipped, in the window's language.

The scan keeps each address's failure in the case as the collector's English sentence
(``SourceError.error``; cases scanned months ago hold the same sentences), with no code. The
collector words them from a small set of fixed templates (faceaudit.collect.fetch,
collector, netguard, render), so each template has a pattern here that recognises it, takes its
values (host, status, seconds...) and says it again through ``QCoreApplication.translate``.
A sentence no pattern knows is shown as the core wrote it. tests/gui/messages produce the
real sentences from the collector's own functions and check that each is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication

from faceaudit.gui.render.available import install_hint

Pattern = tuple[re.Pattern[str], Callable[[], str]]


def _kind(word: str) -> str:
    translate = QCoreApplication.translate
    return {
        "page": translate("ReasonWords", "page"),
        "image": translate("ReasonWords", "image"),
        "video": translate("ReasonWords", "video"),
        "response": translate("ReasonWords", "response"),
    }.get(word, word)


def _what_returned(words: str) -> str:
    translate = QCoreApplication.translate
    return {
        "a web page": translate("ReasonWords", "a web page"),
        "not an image or a video": translate("ReasonWords", "not an image or a video"),
    }.get(words, words)


def _reword(words: str, numbered: tuple[tuple[str, str], ...], fixed: dict[str, str]) -> str:
    """A phrase inside a reason said again: ``numbered`` (pattern with one group, translated
    template with %1) are tried first, then the ``fixed`` phrases; unknown words stay."""
    for pattern, template in numbered:
        found = re.fullmatch(pattern, words, re.DOTALL)
        if found:
            return template.replace("%1", found.group(1))
    return fixed.get(words, words)


def _sitemap_why(words: str) -> str:
    """Why a sitemap was not read, or only in part (collect/sitemap.py, collector.py)."""
    translate = QCoreApplication.translate
    numbered = (
        (
            r"it lists more than (\d+) sitemaps",
            translate("ReasonWords", "it lists more than %1 sitemaps"),
        ),
        (
            r"it lists more than (\d+) pages",
            translate("ReasonWords", "it lists more than %1 pages"),
        ),
        (
            r"it is larger than (\d+) MiB of XML",
            translate("ReasonWords", "it is larger than %1 MiB of XML"),
        ),
        (
            r"it stops being well-formed XML \((.*)\)",
            translate("ReasonWords", "it stops being well-formed XML (%1)"),
        ),
        (
            r"it is not well-formed XML \((.*)\)",
            translate("ReasonWords", "it is not well-formed XML (%1)"),
        ),
    )
    fixed = {
        "it is empty": translate("ReasonWords", "it is empty"),
        "it is an image": translate("ReasonWords", "it is an image"),
        "it is a video": translate("ReasonWords", "it is a video"),
    }
    return _reword(words, numbered, fixed)


def _render_reason(words: str) -> str:
    """Why the renderer gave up on a page (collect.render.Renderer.render)."""
    translate = QCoreApplication.translate
    numbered = (
        (
            r"it used more than (\d+) MB of memory",
            translate("ReasonWords", "it used more than %1 MB of memory"),
        ),
        (
            r"it did not answer within (\d+) s",
            translate("ReasonWords", "it did not answer within %1 s"),
        ),
    )
    fixed = {
        "it stopped": translate("ReasonWords", "it stopped"),
        "it did not start": translate("ReasonWords", "it did not start"),
    }
    return _reword(words, numbered, fixed)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, key) pairs; the key names the translated template in :func:`_templates`."""
    host = r"(?P<host>[^\s()]+)"
    raw = (
        (r"The page or image no longer exists \(HTTP (?P<status>\d+)\); it may have been "
         r"removed\.", "gone"),
        (r"The server refuses access \(HTTP (?P<status>\d+)\); FaceAudit only fetches what "
         r"is public and never logs in\.", "refused"),
        (r"The server failed \(HTTP (?P<status>\d+)\); try again later\.", "server-failed"),
        (r"The server answered HTTP (?P<status>\d+); nothing was fetched\.", "status"),
        (rf"The host name {host} could not be found \(DNS\)\.", "dns"),
        (rf"{host} refused the connection \(nothing is listening\)\.", "connection-refused"),
        (rf"The connection to {host} failed \((?P<detail>.*)\)\.", "connection-failed"),
        (rf"{host} did not accept a connection within (?P<seconds>\d+) s\.", "connect-timeout"),
        (rf"{host} stopped sending data for (?P<seconds>\d+) s; try again later\.",
         "read-timeout"),
        (r"The server did not deliver the response within (?P<seconds>\d+) s; FaceAudit "
         r"stopped waiting \(a very slow or deliberately dripping server\)\.", "drip"),
        (r"Not fetched: the source's total time limit ran out before this address answered\. "
         r"Scan the source again later, or raise the limit if the site is just slow\.",
         "time-up"),
        (rf"The connection to {host} was reset and kept failing after (?P<count>\d+) "
         r"retries\.", "reset-retries"),
        (rf"{host} is rate-limiting requests \(429\) and kept failing after (?P<count>\d+) "
         r"retries\.", "rate-limited"),
        (rf"{host} is unavailable \(503\) and kept failing after (?P<count>\d+) retries\.",
         "unavailable"),
        (rf"The secure connection to {host} failed its certificate check \((?P<detail>.*)\)\. "
         r"FaceAudit did not fetch the page\.", "certificate"),
        (rf"The secure connection to {host} could not be set up \((?P<detail>.*)\)\. "
         r"FaceAudit did not fetch the page\.", "tls"),
        (r"The site's robots\.txt asks crawlers not to fetch this page, so FaceAudit skipped "
         r"it\. List the page yourself to check it anyway\.", "robots"),
        (r"The (?P<kind>page|image|video|response) is larger than the (?P<mib>\d+) MiB limit; "
         r"the download was stopped\.", "too-large"),
        (r"The (?P<kind>page|image|video|response) is larger than its size limit\.",
         "too-large-unsized"),
        (r"The server sends redirects in a loop; nothing was fetched\.", "redirect-loop"),
        (r"The server redirected more than (?P<count>\d+) times; FaceAudit stopped "
         r"following\.", "redirects"),
        (r"This image address returned (?P<what>a web page|not an image or a video) \(the "
         r"server called it (?P<claimed>.*)\); it was skipped\.", "not-image"),
        (r"This address returned neither a web page, an image nor a video \(the server "
         r"called it (?P<claimed>.*)\)\.", "nothing-usable"),
        (rf"{host}(?: \(port (?P<port>\d+)\))? resolves to a private or local network address "
         r"\((?P<addresses>[^)]*)\); FaceAudit does not fetch from your own network unless you "
         r"list that address and port yourself\.", "private"),
        (r"The site's robots\.txt could not be read \((?P<detail>.*)\), so FaceAudit did not "
         r"crawl this page \(an unreadable robots\.txt counts as 'do not crawl'\)\. Scan "
         r"again later, or list the page yourself to check it anyway\.", "robots-unreadable"),
        (r"Not fetched: the source's total time limit \((?P<seconds>\d+) s\) ran out before "
         r"this address was reached\. Scan it again later, or raise the limit if the site is "
         r"slow\.", "time-up-before"),
        (rf"Not fetched: {host} did not answer in time (?P<count>\d+) times in this run, so "
         r"FaceAudit stopped asking it\. Scan again later, when the site responds\.",
         "host-gave-up"),
        (r"The site has no sitemap \(its robots\.txt names none and it has no /sitemap\.xml\), "
         r"so only the listed page was read\.", "no-sitemap"),
        (r"The site has no sitemap \(its robots\.txt names none and it has no /sitemap\.xml\), "
         r"so only the listed page and the pages it links to was read\.", "no-sitemap-links"),
        (r"This source reached its limit of (?P<count>\d+) images; the rest were not fetched\. "
         r"Raise the limit or list fewer pages\.", "image-limit"),
        (r"The page shows more than (?P<count>\d+) images; only the first (?P=count) were "
         r"examined \((?P<more>\d+) more placements skipped\)\.", "page-images"),
        # Render mode (collect/render.py's unavailable_error ... blocked_message).
        (r"Rendering pages needs QtWebEngine, which is not installed here "
         r"\((?P<detail>.*)\)\. Install the PySide6 add-ons .*", "render-unavailable"),
        (r"The page renderer could not start \((?P<reason>[^)]*)\)\. Check that QtWebEngine "
         r"runs on this computer \(faceaudit selftest\), or scan without --render\.",
         "render-start"),
        (r"The browser could not render this page: (?P<reason>[^.]*)\. The page may be too "
         r"heavy for the renderer; its plain images were still examined\. Scan it again "
         r"without rendering, or save its images and add them as files\.", "render-page"),
        (r"The browser could not load this page \(unreachable, or refused because it is on "
         r"your own network\); its plain images were still examined\.", "render-not-loaded"),
        (r"This page was still loading after (?P<seconds>\d+) s \(the render deadline\): the "
         r"images it showed by then were examined, later ones may be missing\.",
         "render-deadline"),
        (r"The page tried to reach addresses on your own network or computer "
         r"\((?P<hosts>[^)]*)\); the browser refused them\.", "render-blocked"),
        (r"This page was seen in the in-app browser: FaceAudit does not fetch it on its own "
         r"\(it may show nothing without a browser, or without your login\)\. Scan it again "
         r"from the Browser screen\.", "browser-only"),
        (r"(?P<count>\d+) image\(s\) on this page were drawn by the page itself \(data: "
         r"addresses\) and were not examined\.", "browser-drawn"),
        # The collector's other notes (collect/collector.py).
        (r"Certificate checks are OFF for this source, as you asked: anyone on the network "
         r"path could change what FaceAudit sees\. Turn them back on unless you know why they "
         r"fail\.", "certificate-off"),
        (r"This page's markup is nested too deeply to read safely \(far beyond the (?P<count>\d+) "
         r"levels where browsers stop nesting\); FaceAudit did not read its images\. If the "
         r"page matters, save the images you see and add them as files\.", "too-deep"),
        (r"This is not a usable URL: (?P<detail>.*)\.", "bad-url"),
        (r"The video could not be sampled: (?P<detail>.*)\.", "video-unsampled"),
        (r"This sitemap could not be read: (?P<sitemap>.*)\. Its pages were not visited\.",
         "sitemap-unreadable"),
        (r"Only part of this sitemap was read: (?P<sitemap>.*)\.", "sitemap-partial"),
        (r"This sitemap lists only addresses on other sites \((?P<count>\d+)\); FaceAudit "
         r"reads only the site you listed\.", "sitemap-other-sites"),
        (r"The sitemap could not be read: (?P<fetch>.*)", "sitemap-fetch"),
    )  # fmt: skip
    return tuple((re.compile(f"^{pattern}$", re.DOTALL), key) for pattern, key in raw)


def _templates() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "certificate-off": translate(
            "ReasonWords",
            "Certificate checks are OFF for this source, as you asked: anyone on the network "
            "path could change what FaceAudit sees. Turn them back on unless you know why "
            "they fail.",
        ),
        "too-deep": translate(
            "ReasonWords",
            "This page's markup is nested too deeply to read safely (far beyond the %count "
            "levels where browsers stop nesting); FaceAudit did not read its images. If the "
            "page matters, save the images you see and add them as files.",
        ),
        "bad-url": translate("ReasonWords", "This is not a usable address: %detail."),
        "video-unsampled": translate(
            "ReasonWords", "No image could be taken from this video: %detail."
        ),
        "sitemap-unreadable": translate(
            "ReasonWords", "This sitemap could not be read: %sitemap. Its pages were not visited."
        ),
        "sitemap-partial": translate(
            "ReasonWords", "Only part of this sitemap was read: %sitemap."
        ),
        "sitemap-other-sites": translate(
            "ReasonWords",
            "This sitemap lists only addresses on other sites (%count); FaceAudit reads only "
            "the site you listed.",
        ),
        "sitemap-fetch": translate("ReasonWords", "The sitemap could not be read: %fetch"),
        "browser-only": translate(
            "ReasonWords",
            "This page was seen in the in-app browser: FaceAudit does not fetch it on its own "
            "(it may show nothing without a browser, or without your login). Scan it again "
            "from the Browser screen.",
        ),
        "browser-drawn": translate(
            "ReasonWords",
            "%count image(s) on this page were drawn by the page itself (data: addresses) and "
            "were not examined.",
        ),
        "gone": translate(
            "ReasonWords",
            "The page or image no longer exists (HTTP %status); it may have been removed.",
        ),
        "refused": translate(
            "ReasonWords",
            "The server refuses access (HTTP %status); FaceAudit only fetches what is public "
            "and never logs in.",
        ),
        "server-failed": translate(
            "ReasonWords", "The server failed (HTTP %status); try again later."
        ),
        "status": translate(
            "ReasonWords", "The server answered HTTP %status; nothing was fetched."
        ),
        "dns": translate("ReasonWords", "The host name %host could not be found (DNS)."),
        "connection-refused": translate(
            "ReasonWords", "%host refused the connection (nothing is listening)."
        ),
        "connection-failed": translate("ReasonWords", "The connection to %host failed (%detail)."),
        "connect-timeout": translate(
            "ReasonWords", "%host did not accept a connection within %seconds s."
        ),
        "read-timeout": translate(
            "ReasonWords", "%host stopped sending data for %seconds s; try again later."
        ),
        "drip": translate(
            "ReasonWords",
            "The server did not deliver the response within %seconds s; FaceAudit stopped "
            "waiting (a very slow or deliberately dripping server).",
        ),
        "time-up": translate(
            "ReasonWords",
            "Not fetched: the source's total time limit ran out before this address answered. "
            "Scan the source again later, or raise the limit if the site is just slow.",
        ),
        "reset-retries": translate(
            "ReasonWords", "The connection to %host was reset, again after %count retries."
        ),
        "rate-limited": translate(
            "ReasonWords",
            "%host is limiting how often it may be asked (HTTP 429), still after %count "
            "retries. Scan again later.",
        ),
        "unavailable": translate(
            "ReasonWords",
            "%host is unavailable (HTTP 503), still after %count retries. Scan again later.",
        ),
        "certificate": translate(
            "ReasonWords",
            "The secure connection to %host failed its certificate check (%detail). "
            "FaceAudit did not fetch the page.",
        ),
        "tls": translate(
            "ReasonWords",
            "The secure connection to %host could not be set up (%detail). FaceAudit did not "
            "fetch the page.",
        ),
        "robots": translate(
            "ReasonWords",
            "The site's robots.txt asks crawlers not to fetch this page, so FaceAudit skipped "
            "it. List the page yourself to check it anyway.",
        ),
        "too-large": translate(
            "ReasonWords", "The %kind is larger than the %mib MiB limit; the download was stopped."
        ),
        "too-large-unsized": translate("ReasonWords", "The %kind is larger than its size limit."),
        "redirect-loop": translate(
            "ReasonWords", "The server sends redirects in a loop; nothing was fetched."
        ),
        "redirects": translate(
            "ReasonWords",
            "The server redirected more than %count times; FaceAudit stopped following.",
        ),
        "not-image": translate(
            "ReasonWords",
            "This image address returned %what (the server called it %claimed); it was skipped.",
        ),
        "nothing-usable": translate(
            "ReasonWords",
            "This address returned neither a web page, an image nor a video (the server "
            "called it %claimed).",
        ),
        "robots-unreadable": translate(
            "ReasonWords",
            "The site's robots.txt could not be read (%detail), so FaceAudit did not crawl "
            "this page (an unreadable robots.txt counts as “do not crawl”). Scan again later, "
            "or list the page yourself to check it anyway.",
        ),
        "time-up-before": translate(
            "ReasonWords",
            "Not fetched: the source's total time limit (%seconds s) ran out before this "
            "address was reached. Scan it again later, or raise the limit if the site is slow.",
        ),
        "host-gave-up": translate(
            "ReasonWords",
            "Not fetched: %host did not answer in time %count times in this run, so FaceAudit "
            "stopped asking it. Scan again later, when the site responds.",
        ),
        "no-sitemap": translate(
            "ReasonWords",
            "The site has no sitemap (its robots.txt names none and it has no /sitemap.xml), "
            "so only the listed page was read.",
        ),
        "no-sitemap-links": translate(
            "ReasonWords",
            "The site has no sitemap (its robots.txt names none and it has no /sitemap.xml), "
            "so only the listed page and the pages it links to were read.",
        ),
        "image-limit": translate(
            "ReasonWords",
            "This source reached its limit of %count images; the rest were not fetched. Raise "
            "the limit or list fewer pages.",
        ),
        "page-images": translate(
            "ReasonWords",
            "The page shows more than %count images; only the first %count were examined "
            "(%more more placements skipped).",
        ),
        "render-unavailable": translate(
            "ReasonWords",
            "Rendering pages in a browser needs QtWebEngine, which is not installed here "
            "(%detail).",
        )
        + " "
        + install_hint(),
        "render-start": translate(
            "ReasonWords",
            "FaceAudit's browser could not start (%reason). Check that QtWebEngine runs on "
            "this computer (faceaudit selftest), or scan this source without a browser.",
        ),
        "render-page": translate(
            "ReasonWords",
            "The browser could not render this page: %reason. The page may be too heavy for "
            "it; its plain images were still examined. Scan it again without a browser, or "
            "save its images and add them as files.",
        ),
        "render-not-loaded": translate(
            "ReasonWords",
            "The browser could not load this page (unreachable, or refused because it is on "
            "your own network); its plain images were still examined.",
        ),
        "render-deadline": translate(
            "ReasonWords",
            "This page was still loading after %seconds s (the browser's deadline): the images "
            "it showed by then were examined, later ones may be missing.",
        ),
        "render-blocked": translate(
            "ReasonWords",
            "The page tried to reach addresses on your own network or computer (%hosts); the "
            "browser refused them.",
        ),
        "private": translate(
            "ReasonWords",
            "%host resolves to a private or local network address (%addresses); FaceAudit "
            "does not fetch from your own network unless you list that address and port "
            "yourself.",
        ),
    }


@cache
def _image_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """An image that could not be analysed is kept as its ImageError's "what todo": the
    pattern, and the error code whose words (gui/messages/errors.py) say it again."""
    raw = (
        (r"This is not an image FaceAudit can read \(not JPEG, PNG, WebP, GIF, BMP, TIFF or "
         r"AVIF\)\. .*", "image-not-image"),
        (r"This is a HEIC/HEIF image .*", "image-heic"),
        (r"The (?P<format>\w+) image (?:could not be decoded: it )?is corrupt or truncated "
         r"\(.*\)\. Try another copy of the picture\.", "image-corrupt"),
        (r"The (?P<format>\w+) image claims (?P<width>\d+)x(?P<height>\d+) pixels "
         r"\((?P<megapixels>\d+) MP, over the (?P<limit>\d+) MP limit\); it was not decoded\. .*",
         "image-too-many-pixels"),
        (r"Decoding the image needed more memory than FaceAudit allows for one picture\. .*",
         "image-out-of-memory"),
        (r"Decoding the image took longer than (?P<seconds>\d+) s and was stopped\. .*",
         "image-decoder-timeout"),
        (r"The image decoder crashed on this file \(.*\); FaceAudit carried on without it\. .*",
         "image-decoder-crashed"),
    )  # fmt: skip
    return tuple((re.compile(f"^{pattern}$", re.DOTALL), code) for pattern, code in raw)


def _image_reason(text: str) -> str | None:
    from faceaudit.gui.messages.errors import fill, templates

    for pattern, code in _image_patterns():
        match = pattern.match(text)
        if match is not None:
            values = {key: value or "" for key, value in match.groupdict().items()}
            return " ".join(fill(part, values) for part in templates()[code]).strip()
    return None


def known_keys() -> set[str]:
    return {key for _pattern, key in _compiled()}


def reason_text(reason: str) -> str:
    """A source's failure reason in the window's language (the core's words if unknown)."""
    text = reason.strip()
    for pattern, key in _compiled():
        match = pattern.match(text)
        if match is None:
            continue
        values = {name: value or "" for name, value in match.groupdict().items()}
        if "kind" in values:
            values["kind"] = _kind(values["kind"])
        if "what" in values:
            values["what"] = _what_returned(values["what"])
        if "reason" in values:
            values["reason"] = _render_reason(values["reason"])
        if "sitemap" in values:
            values["sitemap"] = _sitemap_why(values["sitemap"])
        if "fetch" in values:
            values["fetch"] = reason_text(values["fetch"])  # a fetch failure's own sentence
        if values.get("port"):
            values["host"] = f"{values['host']}:{values['port']}"
        template = _templates()[key]
        for name in sorted(values, key=len, reverse=True):
            template = template.replace(f"%{name}", values[name])
        return template
    image = _image_reason(text)
    return image if image is not None else reason
