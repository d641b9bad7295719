"""The data that crosses from collection to the scan: Candidates with their Provenance.

The collector never knows about faces; the scan never re-fetches. These types are the
whole contract between the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provenance:
    """Where a Candidate came from, detailed enough to cite in a request letter."""

    source: str  # what the person listed (URL, file, folder or archive path)
    page_url: str | None  # the page the image was found on (None for a direct image/local file)
    image_url: str  # the image's URL, or path (with "!member" for an archive member)
    found_by: str  # img | srcset | picture | lazy | og:image | twitter:image | link | css |
    # poster | a-href | noscript | data-uri | direct | video-frame | local | archive |
    # rendered:* (render mode) | browser:* (seen in the in-app browser: browser:img, ...)
    http_status: int | None = None
    final_url: str | None = None  # after redirects
    fetched_at: str | None = None  # ISO 8601 UTC
    byte_size: int = 0
    sha256: str = ""  # of the image bytes (for a video frame: of the video file)
    frame_time: float | None = None  # seconds into the video, for video frames
    content_type: str | None = None  # as sniffed from the bytes, not as the server claimed


@dataclass(frozen=True)
class Candidate:
    """An image to look at for faces: its encoded bytes (or a decoded video frame) and its origin.

    ``data`` holds encoded image bytes as received; ``frame`` (a BGR uint8 array) is set instead
    for video frames, which are already decoded. The extra places the same bytes were seen
    are in ``also_at``, so identical bytes are processed once and reported everywhere.

    A *repeat* (``repeat_of`` set, ``data`` and ``frame`` both None) says: the bytes whose
    SHA-256 is ``repeat_of``, delivered earlier in the same run, also appear at this
    Provenance (another page, or another URL serving the same bytes). The scan attaches the
    findings of that earlier Candidate (for a video: of all its frames, which share the
    video's SHA-256) to this place too, without looking at any pixels again.
    """

    provenance: Provenance
    data: bytes | None = None
    frame: object | None = None  # numpy.ndarray (H, W, 3) uint8 BGR for video frames
    also_at: tuple[Provenance, ...] = field(default=())
    repeat_of: str | None = None  # sha256 of an earlier Candidate with the same bytes


@dataclass(frozen=True)
class SourceError:
    """A readable per-URL (or per-file) failure; the run goes on."""

    url: str
    error: str  # what happened and what to do, one or two plain sentences
    source: str | None = None
    page_url: str | None = None
    # "failed" (it could not be fetched or read) or "skipped" (FaceAudit chose not to:
    # robots.txt, a size limit, not an image): the Sources screen says which.
    kind: str = "failed"


# A page seen in the in-app browser is marked read in a scan under this prefix, not under
# its plain URL: only looking at the page again in the browser can show that an image it
# showed is gone (a plain fetch of the same URL may see an empty shell).
BROWSER_CHECKED_PREFIX = "browser:"


@dataclass(frozen=True)
class ShownPage:
    """What the in-app browser showed on a page: its images, to fetch instead of the page.

    ``images`` are (absolute URL, how placed: img, srcset, picture, poster, video, css) as
    ``gui/render/shown.js`` lists them; ``seen_at`` is when the person scanned it (UTC ISO).
    """

    url: str
    images: tuple[tuple[str, str], ...]
    seen_at: str = ""
