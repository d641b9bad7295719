"""The letters' words in the window: the core's codes (types, laws, statuses, channels and
its notices) mapped to translated strings, so a French window never shows the core's English.

Every code the core can say has an entry here; tests/gui/letters check that none is missing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from faceaudit.letters.jurisdiction import Notice
from faceaudit.letters.overview import DueRequest


def letter_type(code: str) -> str:
    return {
        "access": QCoreApplication.translate("LetterWords", "Access (a copy of your data)"),
        "erasure": QCoreApplication.translate("LetterWords", "Erasure (delete your images)"),
        "objection": QCoreApplication.translate("LetterWords", "Objection (stop using them)"),
        "reminder": QCoreApplication.translate("LetterWords", "Reminder"),
        "complaint": QCoreApplication.translate("LetterWords", "Complaint to the authority"),
    }.get(code, code)


def short_type(code: str) -> str:
    return {
        "access": QCoreApplication.translate("LetterWords", "Access"),
        "erasure": QCoreApplication.translate("LetterWords", "Erasure"),
        "objection": QCoreApplication.translate("LetterWords", "Objection"),
        "reminder": QCoreApplication.translate("LetterWords", "Reminder"),
        "complaint": QCoreApplication.translate("LetterWords", "Complaint"),
    }.get(code, code)


def regime(code: str) -> str:
    return {
        "eu": QCoreApplication.translate("LetterWords", "the EU GDPR"),
        "uk": QCoreApplication.translate("LetterWords", "the UK GDPR"),
        "ch": QCoreApplication.translate("LetterWords", "the Swiss FADP"),
        "ca": QCoreApplication.translate("LetterWords", "the California CCPA/CPRA"),
        "il": QCoreApplication.translate("LetterWords", "the Illinois BIPA"),
    }.get(code, code)


def language(code: str) -> str:
    return {
        "en": QCoreApplication.translate("LetterWords", "English"),
        "fr": QCoreApplication.translate("LetterWords", "French"),
        "de": QCoreApplication.translate("LetterWords", "German"),
        "es": QCoreApplication.translate("LetterWords", "Spanish"),
        "it": QCoreApplication.translate("LetterWords", "Italian"),
    }.get(code, code)


def status(code: str) -> str:
    return {
        "draft": QCoreApplication.translate("LetterWords", "Draft, not sent"),
        "sent": QCoreApplication.translate("LetterWords", "Sent, waiting"),
        "answered": QCoreApplication.translate("LetterWords", "Answered"),
        "extended": QCoreApplication.translate("LetterWords", "Extended by the operator"),
        "paused": QCoreApplication.translate("LetterWords", "Clock paused"),
        "overdue": QCoreApplication.translate("LetterWords", "Overdue"),
        "closed": QCoreApplication.translate("LetterWords", "Closed"),
    }.get(code, code)


def channel(code: str) -> str:
    return {
        "email": QCoreApplication.translate("LetterWords", "E-mail"),
        "webform": QCoreApplication.translate("LetterWords", "Web form"),
        "post": QCoreApplication.translate("LetterWords", "Post"),
        "registered-post": QCoreApplication.translate("LetterWords", "Registered post"),
        "hand": QCoreApplication.translate("LetterWords", "By hand"),
        "fax": QCoreApplication.translate("LetterWords", "Fax"),
        "other": QCoreApplication.translate("LetterWords", "Other"),
    }.get(code, code)


def outcome(code: str) -> str:
    return {
        "complied": QCoreApplication.translate("LetterWords", "Complied"),
        "partly": QCoreApplication.translate("LetterWords", "Complied in part"),
        "refused": QCoreApplication.translate("LetterWords", "Refused"),
    }.get(code, code)


def _fill(template: str, notice: Notice) -> str:
    values = {
        "%regime": regime(notice.param("regime")),
        "%person": notice.param("person")
        or QCoreApplication.translate("LetterWords", "(not given)"),
        "%operator": notice.param("operator")
        or QCoreApplication.translate("LetterWords", "an unknown country"),
        "%authority": notice.param("authority"),
        "%accepted": ", ".join(language(c) for c in notice.param("accepted").split(",") if c),
        "%language": language(notice.param("language")),
        "%last": notice.param("last"),
        "%files": ", ".join(f for f in notice.param("files").split(",") if f),
        "%reference": notice.param("reference"),
        "%printed": notice.param("printed"),
        "%sent": notice.param("sent"),
        "%received": notice.param("received"),
    }
    for key in sorted(values, key=len, reverse=True):
        template = template.replace(key, values[key])
    return template


def notice_templates() -> dict[str, str]:
    """Every code the core's notices use, with its translated sentence."""
    return {
        # why this law
        "requested": QCoreApplication.translate("LetterWords", "%regime, as you chose."),
        "person-eu": QCoreApplication.translate(
            "LetterWords",
            "%regime, because your country (%person) is in the EU/EEA, where it protects you "
            "whoever holds your data (Art. 3 GDPR).",
        ),
        "person-home": QCoreApplication.translate(
            "LetterWords", "%regime, because your country is %person."
        ),
        "operator": QCoreApplication.translate(
            "LetterWords", "%regime, because the operator's country is %operator."
        ),
        "operator-person-unknown": QCoreApplication.translate(
            "LetterWords",
            "%regime, because the operator's country is %operator (yours is not known).",
        ),
        "default": QCoreApplication.translate("LetterWords", "%regime, by default."),
        "follows-up": QCoreApplication.translate(
            "LetterWords", "%regime, as the request it follows up."
        ),
        # what to know before sending
        "nothing-known": QCoreApplication.translate(
            "LetterWords",
            "FaceAudit does not know where you live or where the operator is established, so "
            "the letter rests on the EU GDPR. Add your country to the case so that the right "
            "law is chosen.",
        ),
        "not-resident": QCoreApplication.translate(
            "LetterWords",
            "%regime protects people who live in that state, and your country is given as "
            "%person: the letter cannot say that you live there, and the operator may answer "
            "that the law does not apply.",
        ),
        "outside-territory": QCoreApplication.translate(
            "LetterWords",
            "%regime covers people in its territory and operators established there; your "
            "country is %person and the operator's is %operator: it may answer that the law "
            "does not apply to you.",
        ),
        "erasure-without-reason": QCoreApplication.translate(
            "LetterWords",
            "Without your own reasons the erasure rests on unlawful processing and withdrawn "
            "consent only: an objection (Art. 17(1)(c)) needs grounds relating to your "
            "particular situation, e.g. why being identifiable from your face harms you.",
        ),
        "authority-language": QCoreApplication.translate(
            "LetterWords",
            "%authority takes complaints in %accepted; this one is in %language and may be "
            "rejected or delayed. Choose that language for the letter.",
        ),
        "uk-complain-to-organisation-first": QCoreApplication.translate(
            "LetterWords",
            "Since 19 June 2026 organisations must handle complaints about their use of your "
            "data themselves first, and the ICO expects you to have complained to the "
            "organisation. Send it the reminder first and wait for its outcome.",
        ),
        "ico-three-months": QCoreApplication.translate(
            "LetterWords",
            "Your last contact with the organisation was on %last, more than three months ago: "
            "the ICO may not take this complaint. Send a reminder first, or explain the delay.",
        ),
        # what to attach and keep ("keep-proof" is worded by letter type in keep_proof)
        "attach-enclosures": QCoreApplication.translate(
            "LetterWords",
            "The letter lists what goes with it: the e-mail draft (.eml) carries those files; "
            "if you send the letter another way, attach them yourself: %files.",
        ),
        "attach-mandate": QCoreApplication.translate(
            "LetterWords",
            "The letter says that the signed mandate is enclosed: the e-mail draft (.eml) "
            "carries the copy kept in the case; if you send the letter another way, enclose "
            "that copy yourself.",
        ),
        "enclose-mandate": QCoreApplication.translate(
            "LetterWords",
            "The letter says that the signed mandate is enclosed: the case keeps no copy of "
            "it, so enclose one yourself (or keep it in the case).",
        ),
        "no-copy-of-request": QCoreApplication.translate(
            "LetterWords",
            "FaceAudit has no file of your request of %sent, so the letter does not list a copy "
            "of it: attach one if you kept it.",
        ),
        "keep-proof": "",
        # dates that contradict each other
        "sent-before-letter-date": QCoreApplication.translate(
            "LetterWords",
            "The letter is dated %printed, but you marked it sent on %sent, before that date. "
            "Check the send date: the operator sees the letter's own date.",
        ),
        "sent-long-after-letter-date": QCoreApplication.translate(
            "LetterWords",
            "The letter is dated %printed but was sent on %sent, more than a month later. "
            "Consider drafting it again with the date you send it.",
        ),
        "slow-delivery": QCoreApplication.translate(
            "LetterWords",
            "Received on %received, more than three weeks after it was sent (%sent): check the "
            "receipt date.",
        ),
        "posted-no-receipt": QCoreApplication.translate(
            "LetterWords",
            "A posted letter arrives after it is sent, and the operator's period counts from "
            "receipt: the tracker counts from the send date, which may be a few days early.",
        ),
    }


def equivalent_templates() -> dict[tuple[str, str], str]:
    """The note when the law has no such request and the letter uses the nearest one."""
    return {
        ("ca", "access"): QCoreApplication.translate(
            "LetterWords",
            "The CCPA's right to know replaces GDPR access: the letter asks for the specific "
            "pieces of information (Civ. Code §1798.110) and the categories of sources.",
        ),
        ("ca", "erasure"): QCoreApplication.translate(
            "LetterWords",
            "The CCPA has no counterpart to GDPR Art. 17(2): the letter asks the business to "
            "notify its service providers, contractors and the third parties it sold or shared "
            "the data with. A business that took the photos from the web may argue that the "
            "right to delete does not apply.",
        ),
        ("ca", "objection"): QCoreApplication.translate(
            "LetterWords",
            "The CCPA has no general right to object: the letter uses the rights to opt out of "
            "sale and sharing and to limit the use of sensitive personal information instead.",
        ),
        ("ch", "erasure"): QCoreApplication.translate(
            "LetterWords",
            "The Swiss FADP has no GDPR-style right to erasure: the letter rests on the express "
            "objection (Art. 30(2)(b) FADP) and the claim for deletion (Art. 32(2)(c) FADP).",
        ),
        ("ch", "complaint"): QCoreApplication.translate(
            "LetterWords",
            "Swiss law gives no complaint with party rights: the letter is a report to the "
            "FDPIC (Art. 49 FADP), who decides whether to investigate.",
        ),
        ("il", "access"): QCoreApplication.translate(
            "LetterWords",
            "Illinois BIPA gives no right of access: the letter is informational, names the "
            "consent and retention duties and asks for the written policy.",
        ),
        ("il", "erasure"): QCoreApplication.translate(
            "LetterWords",
            "Illinois BIPA gives no right to erasure: the letter is informational and asks for "
            "destruction under the retention duty.",
        ),
        ("il", "objection"): QCoreApplication.translate(
            "LetterWords",
            "Illinois BIPA gives no right to object: the letter refuses consent and names the "
            "written-release duty.",
        ),
        ("il", "reminder"): QCoreApplication.translate(
            "LetterWords",
            "Illinois BIPA sets no period for an answer: the reminder follows up on the 30 days "
            "the first letter asked for.",
        ),
        ("il", "complaint"): QCoreApplication.translate(
            "LetterWords",
            "Illinois BIPA has no supervisory authority: the complaint becomes a final notice "
            "to the operator; BIPA is enforced by private action, so consider consulting a "
            "lawyer.",
        ),
    }


def keep_proof(letter_type: str) -> str:
    """The core's ``keep-proof`` advice, by letter type."""
    if letter_type == "reminder":
        return QCoreApplication.translate(
            "LetterWords",
            "Keep proof that you sent this reminder and when — the sent e-mail, the "
            "registered-post receipt, a screenshot of the web form's confirmation: the period "
            "for an answer counts from receipt.",
        )
    if letter_type == "complaint":
        return QCoreApplication.translate(
            "LetterWords",
            "Keep proof that you sent this complaint (and your earlier letters) and when — the "
            "sent e-mail, the registered-post receipt, a screenshot of the web form's "
            "confirmation: the authority may ask for it.",
        )
    return QCoreApplication.translate(
        "LetterWords",
        "Keep proof that you sent this letter and when — the sent e-mail, the registered-post "
        "receipt, a screenshot of the web form's confirmation: the period for an answer counts "
        "from receipt.",
    )


def notice(item: Notice) -> str:
    """The notice in the window's language (the core's English only for a code unknown here)."""
    if item.code == "equivalent":
        key = (item.param("regime"), item.param("type"))
        return equivalent_templates().get(key, item.text)
    if item.code == "keep-proof":
        return keep_proof(item.param("type"))
    template = notice_templates().get(item.code)
    return _fill(template, item) if template is not None else item.text


def jurisdiction_problem(code: str, country: str) -> str:
    """Why no law could be chosen (the core's JurisdictionUnknown), and what to do."""
    if code == "us-state-unknown":
        return QCoreApplication.translate(
            "LetterWords",
            "FaceAudit cannot tell which law protects you: US privacy law depends on the state "
            "you live in. Choose the law yourself (California or Illinois).",
        )
    return QCoreApplication.translate(
        "LetterWords",
        "None of the laws FaceAudit writes letters under covers a person living in %1. Choose "
        "the law yourself if you have a link to the EU, the UK, Switzerland, California or "
        "Illinois (the letter will carry a warning).",
    ).replace("%1", country)


def calendar_name() -> str:
    return QCoreApplication.translate("LetterWords", "FaceAudit deadlines")


def calendar_event(request: DueRequest, late: bool) -> tuple[str, str]:
    """A deadline's calendar event in the window's language: (summary, description).

    Only the pseudonymous case name, the letter's reference and the operator's slug, as the
    core's English events (a calendar is often synchronised to someone else's server)."""
    from faceaudit.gui.letters.model import format_date

    translate = QCoreApplication.translate
    summary = (
        translate("LetterWords", "OVERDUE: answer to %type request %reference from %operator "
                  "(case %case)")
        if late
        else translate("LetterWords", "Answer due to %type request %reference from %operator "
                       "(case %case)")
    )  # fmt: skip
    description = translate(
        "LetterWords",
        "%type request %reference under %law, sent on %sent; the answer is due by %due. "
        "See it in FaceAudit: case %case, Letters & requests.",
    )
    values = {
        "%type": short_type(request.letter_type),
        "%reference": f"FA-{request.letter_id}",
        "%operator": request.operator,
        "%case": request.case,
        "%law": regime(request.jurisdiction),
        "%sent": format_date(request.sent_at),
        "%due": format_date(request.due),
    }
    texts = []
    for text in (summary, description):
        for key in sorted(values, key=len, reverse=True):
            text = text.replace(key, values[key])
        texts.append(text)
    return texts[0], texts[1]
