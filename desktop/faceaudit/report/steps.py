"""The report's plain-language next steps, as codes with parameters (worded per language).

Most pressing first: answers overdue, erasures promised but not done, photos still online
with no request, then what only needs checking or waiting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from faceaudit.report import erasure
from faceaudit.report.data import ReportData

DUE_SOON_DAYS = 7
# Requests that ask an operator to remove the photos (an access request does not).
REMOVAL_TYPES = ("erasure", "objection", "reminder", "complaint")


@dataclass(frozen=True)
class Step:
    code: str
    params: dict[str, object] = field(default_factory=dict)


def next_steps(data: ReportData) -> list[Step]:
    steps: list[Step] = []
    if not data.scans:
        steps.append(Step("first_scan"))
    for line in data.letters:
        ref = f"FA-{line.letter_id}"
        if line.next_step in ("reminder", "complaint"):
            steps.append(Step(line.next_step, {"ref": ref, "operator": line.operator}))
    for line in data.letters:
        check = line.erasure
        ref = f"FA-{line.letter_id}"
        if check is None:
            continue
        if check.state == erasure.STILL_ONLINE:
            steps.append(
                Step(
                    "erasure_still_online",
                    {"ref": ref, "operator": line.operator, "n": len(check.still_online)},
                )
            )
        elif check.state in (erasure.NOT_CHECKED, erasure.PARTLY_CHECKED):
            steps.append(Step("erasure_recheck", {"ref": ref, "operator": line.operator}))
    steps += _unrequested(data)
    if data.unreviewed:
        steps.append(Step("review", {"n": data.unreviewed}))
    uncheckable = [s for s in data.sources if s.state in ("failed", "skipped")]
    if uncheckable:
        steps.append(Step("retry_sources", {"n": len(uncheckable)}))
    unchecked = [a for a in data.appearances if a.presence == "unchecked"]
    if unchecked and data.scans:
        steps.append(Step("scan_again", {"n": len(unchecked)}))
    for line in data.letters:
        if line.status in ("sent", "extended", "paused"):
            left = (line.due - data.today).days
            code = "wait_soon" if left <= DUE_SOON_DAYS else "wait"
            ref = f"FA-{line.letter_id}"
            steps.append(Step(code, {"ref": ref, "operator": line.operator, "due": line.due}))
    if data.drafts:
        steps.append(Step("drafts", {"n": data.drafts}))
    if not steps:
        steps.append(Step("all_clear"))
    return steps


def _unrequested(data: ReportData) -> list[Step]:
    """Sites where confirmed photos are still online and no sent letter asks for removal."""
    asked = {
        finding
        for line in data.letters
        if line.letter_type in REMOVAL_TYPES
        for finding in line.finding_ids
    }
    by_site: dict[str, int] = {}
    for item in data.appearances:
        if item.presence != "gone" and item.finding_id not in asked:
            by_site[item.site] = by_site.get(item.site, 0) + 1
    return [Step("ask_erasure", {"site": site, "n": n}) for site, n in sorted(by_site.items())]
