"""The report as a sequence of layout-neutral blocks, worded in one language.

One composition for both formats: :mod:`faceaudit.report.html` and
:mod:`faceaudit.report.pdf` only lay these blocks out (and escape what they place), so the
PDF and the HTML always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from faceaudit.report import erasure
from faceaudit.report.data import Appearance, LetterLine, ReportData, SourceLine
from faceaudit.report.steps import next_steps
from faceaudit.report.words import Words


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    url: bool = False  # the value is an address (shown as such; a web address may be a link)


@dataclass(frozen=True)
class Block:
    kind: str  # title | meta | notice | heading | subheading | para | bullets | table | entry
    text: str = ""
    items: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    thumbnail: bytes = field(default=b"", repr=False)
    caption: str = ""
    addresses: bool = False  # bullets: the items are addresses (set as such, never links)


@dataclass(frozen=True)
class Document:
    language: str
    title: str
    footer: str
    blocks: tuple[Block, ...]

    @property
    def colon(self) -> str:
        return "\u00a0:" if self.language == "fr" else ":"

    def text(self) -> str:
        """Every word of the report, for tests and for checking the PDF's font."""
        parts: list[str] = [self.title, self.footer]
        for block in self.blocks:
            parts += [block.text, block.caption, *block.items, *block.header]
            parts += [cell for row in block.rows for cell in row]
            parts += [f"{f.label} {f.value}" for f in block.fields]
        return "\n".join(part for part in parts if part)


def compose(data: ReportData, language: str) -> Document:
    w = Words(language)
    blocks: list[Block] = [Block("title", w("doc.title"), caption=w("doc.subtitle"))]
    meta = [Field(w("doc.case"), data.case_name)]
    if data.person_name:
        meta.insert(0, Field(w("doc.prepared_for"), data.person_name))
    if data.prepared_by:
        meta.append(Field(w("doc.prepared_by"), data.prepared_by))
    meta.append(Field(w("doc.generated"), w.moment(data.generated_at)))
    blocks += [Block("meta", fields=tuple(meta)), Block("notice", w("doc.private"))]
    blocks += _summary(data, w)
    blocks += _scans(data, w)
    blocks += _sources(data, w)
    blocks += _appearances(data, w)
    blocks += _letters(data, w)
    blocks += _changes(data, w)
    blocks.append(Block("heading", w("steps.title")))
    blocks.append(Block("bullets", items=tuple(_step_texts(data, w))))
    blocks.append(Block("para", w("doc.made_by")))
    footer = f"{w('doc.title')} · {data.case_name} · {w.date(data.generated_at)}"
    return Document(language, w("doc.title"), footer, tuple(blocks))


def _summary(data: ReportData, w: Words) -> list[Block]:
    presence = [a.presence for a in data.appearances]
    unchecked_sources = sum(1 for s in data.sources if s.could_not_be_checked)
    items = [w.plural("summary.appearances", len(presence))]
    if presence:
        items.append(
            w(
                "summary.presence",
                seen=presence.count("seen"),
                gone=presence.count("gone"),
                unchecked=presence.count("unchecked"),
            )
        )
    items.append(
        w(
            "summary.sources",
            checked=len(data.sources) - unchecked_sources,
            unchecked=unchecked_sources,
        )
    )
    overdue = sum(1 for line in data.letters if line.status == "overdue")
    items.append(w.plural("summary.letters", len(data.letters), overdue=overdue))
    if data.scans:
        latest = data.scans[-1]
        items.append(w.plural("summary.scans", len(data.scans), date=w.date(latest.started_at)))
    else:
        items.append(w("summary.no_scan"))
    return [Block("heading", w("summary.title")), Block("bullets", items=tuple(items))]


def _scans(data: ReportData, w: Words) -> list[Block]:
    blocks = [Block("heading", w("scans.title"))]
    if not data.scans:
        return [*blocks, Block("para", w("scans.none"))]
    columns = ("started", "finished", "status", "pages", "images")
    header = tuple(w(f"scans.{column}") for column in columns)
    rows = tuple(
        (
            w.moment(scan.started_at),
            w.moment(scan.finished_at) or "—",
            w(f"scans.status_{scan.status}"),
            str(scan.pages),
            str(scan.images),
        )
        for scan in data.scans
    )
    return [*blocks, Block("table", header=header, rows=rows)]


def source_state_text(source: SourceLine, w: Words) -> str:
    state = source.state
    counts = {
        "fetched": source.pages,
        "no_face": source.images,
        "faces_not_you": source.faces,
        "you_appear": source.findings,
    }
    text = w.plural(f"sources.{state}", counts[state]) if state in counts else w(f"sources.{state}")
    if source.problems and state not in ("failed", "skipped"):
        text += " " + w.plural("sources.problems", source.problems)
    return text


def _sources(data: ReportData, w: Words) -> list[Block]:
    blocks = [Block("heading", w("sources.title"))]
    if not data.sources:
        return [*blocks, Block("para", w("sources.none"))]
    blocks.append(Block("para", w("sources.intro")))
    for source in data.sources:
        if source.could_not_be_checked:
            continue
        fields = [Field("", source.url, url=True), Field("", source_state_text(source, w))]
        if source.checked_at:
            fields.append(Field("", w("sources.checked_on", date=w.date(source.checked_at))))
        blocks.append(Block("entry", fields=tuple(fields)))
    blocks.append(Block("subheading", w("sources.uncheckable_title")))
    failed = [s for s in data.sources if s.could_not_be_checked]
    if not failed:
        return [*blocks, Block("para", w("sources.all_checked"))]
    blocks.append(Block("para", w("sources.uncheckable_intro")))
    for source in failed:
        fields = [Field("", source.url, url=True), Field("", source_state_text(source, w))]
        if source.reason:
            label = f"{w('sources.reason')} ({w('sources.reason_as_recorded')})"
            fields.append(Field(label, source.reason))
        if source.checked_at:
            fields.append(Field("", w("sources.checked_on", date=w.date(source.checked_at))))
        blocks.append(Block("entry", fields=tuple(fields)))
    return blocks


def presence_text(item: Appearance, w: Words) -> str:
    if item.presence == "seen":
        return w("appearances.seen")
    if item.presence == "gone":
        if item.gone_since_at:
            return w("appearances.gone", date=w.date(item.gone_since_at))
        return w("appearances.gone_undated")
    if item.last_checked_at:
        return w("appearances.unchecked", date=w.date(item.last_checked_at))
    return w("appearances.unchecked_never")


def _appearances(data: ReportData, w: Words) -> list[Block]:
    blocks = [Block("heading", w("appearances.title"))]
    if not data.appearances:
        return [*blocks, Block("para", w("appearances.none"))]
    blocks.append(Block("para", w("appearances.intro")))
    for number, item in enumerate(data.appearances, 1):
        fields = [Field(w("appearances.site"), item.site)]
        if item.page_url:
            fields.append(Field(w("appearances.page"), item.page_url, url=True))
        fields.append(Field(w("appearances.image"), item.image_url, url=True))
        if item.frame_time is not None:
            fields.append(Field("", w("appearances.video_frame", seconds=f"{item.frame_time:.1f}")))
        fields += [
            Field(w("appearances.first_seen"), w.date(item.first_seen_at)),
            Field(w("appearances.last_seen"), w.date(item.last_seen_at)),
            Field(w("appearances.now"), presence_text(item, w)),
        ]
        for place in item.places:
            where = place.page_url or place.image_url
            mark = f" {w('appearances.place_gone')}" if place.gone else ""
            fields.append(Field(w("appearances.also_at"), where + mark, url=True))
        if item.more_places:
            fields.append(Field("", w.plural("appearances.more_places", item.more_places)))
        blocks.append(
            Block(
                "entry",
                text=f"{number}.",
                fields=tuple(fields),
                thumbnail=item.thumbnail_jpeg,
                caption=w("appearances.thumbnail"),
            )
        )
    return blocks


def erasure_text(line: LetterLine, w: Words) -> str:
    check = line.erasure
    if check is None:
        return ""
    n = len(check.finding_ids)
    when = w.date(check.last_checked_at) if check.last_checked_at else ""
    state = check.state
    if state == erasure.VERIFIED:
        return w.plural("letters.erasure_verified", n, date=when)
    if state == erasure.STILL_ONLINE:
        return w.plural("letters.erasure_still_online", len(check.still_online), total=n, date=when)
    if state == erasure.PARTLY_CHECKED:
        return w("letters.erasure_partly_checked", gone=len(check.gone), n=n)
    if state == erasure.NOT_CHECKED:
        return w("letters.erasure_not_checked", date=w.date(check.promised_on))
    return w("letters.erasure_no_findings")


def _letters(data: ReportData, w: Words) -> list[Block]:
    blocks = [Block("heading", w("letters.title"))]
    if not data.letters:
        blocks.append(Block("para", w("letters.none")))
    else:
        blocks.append(Block("para", w("letters.intro")))
    for line in data.letters:
        fields = [
            Field(w("letters.type"), w(f"letters.type_{line.letter_type}")),
            Field(w("letters.operator"), line.operator),
            Field(w("letters.sent"), w.date(line.sent_at)),
            Field(w("letters.due"), w.date(line.due)),
            Field(w("letters.status"), w(f"letters.status_{line.status}")),
        ]
        if line.outcome:
            fields.append(
                Field(
                    w("letters.outcome"),
                    w(f"letters.outcome_{line.outcome}", date=w.date(line.outcome_at)),
                )
            )
        if line.erasure is not None:
            fields.append(Field(w("letters.erasure"), erasure_text(line, w)))
        blocks.append(Block("entry", text=f"FA-{line.letter_id}", fields=tuple(fields)))
    if data.drafts:
        blocks.append(Block("para", w.plural("letters.drafts", data.drafts)))
    return blocks


def _changes(data: ReportData, w: Words) -> list[Block]:
    blocks = [Block("heading", w("changes.title"))]
    changes = data.changes
    if changes is None:
        return [*blocks, Block("para", w("changes.first"))]
    blocks.append(Block("para", w("changes.previous", date=w.moment(changes.previous_at))))
    groups = (
        ("changes.new", changes.new),
        ("changes.removed", changes.removed),
        ("changes.still_there", changes.still_there),
        ("changes.not_checked", changes.not_checked),
    )
    if not any(ids for _, ids in groups):
        return [*blocks, Block("para", w("changes.nothing"))]
    for key, ids in groups:
        if not ids:
            continue
        blocks.append(Block("subheading", w.plural(key, len(ids))))
        places = []
        for finding_id in ids:
            item = data.appearance(finding_id)
            if item is not None:
                places.append(item.page_url or item.image_url)
        blocks.append(Block("bullets", items=tuple(places), addresses=True))
    return blocks


def _step_texts(data: ReportData, w: Words) -> list[str]:
    texts = []
    for step in next_steps(data):
        params = dict(step.params)
        params.setdefault("case", data.case_name)
        if "ref" in params:
            params.setdefault("id", str(params["ref"]).removeprefix("FA-"))
        if "due" in params:
            params["due"] = w.date(params["due"])  # type: ignore[arg-type]
        key = f"steps.{step.code}"
        n = params.pop("n", 0)
        if w.counted(key):
            texts.append(w.plural(key, int(n), **params))  # type: ignore[call-overload]
        else:
            texts.append(w(key, n=n, **params))
    return texts
