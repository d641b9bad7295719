"""Letters: requests to operators that hold up, in the person's language, with deadlines tracked.

The public API (core code: no Qt, no face engine — letters sit downstream of findings)::

    from faceaudit.letters.directory import Directory, Operator, import_datarequests
    directory = Directory.load(paths.operators)      # built-in + datarequests.org import + local
    directory.resolve("https://pbs.twimg.com/x.jpg") -> Operator | None   # slug, URL or domain
    directory.by_domain(url) / by_name(text) / by_country(cc) / authorities_for(jurisdiction, cc)
    import_datarequests(folder_zip_or_tarball, paths.operators) -> ImportReport

    from faceaudit.letters.render import LetterSpec, Sender, Evidence, PriorRequest, render_letter
    letter = render_letter(LetterSpec(letter_type, jurisdiction, language, sender, operator, ...))
        # LetterError / MissingDetailsError(.missing) name what is missing and what to do
    letter.deadline (due, extended_due, statutory, acknowledge_by), letter.equivalent (the note
        when the law offers no such request and the letter uses the nearest equivalent)

    from faceaudit.letters.export import write_letter, render_pdf, render_docx, render_text,
        render_eml, mailto_link
    write_letter(letter, ["pdf", "docx", "txt", "eml"], folder_or_file) -> list[Path]

    from faceaudit.letters.deadlines import compute_deadline   # per jurisdiction, with holidays
    from faceaudit.letters import tracking                     # on a Case's letters/requests tables
    tracking.record_letter(case, ...) -> letter id;  tracking.mark_sent/answered/extended/closed
    clock.mark_paused/resumed (UK); clock.date_warnings; tracking.status_on(request, day)
    tracking.list_tracked(case, today) -> [Tracked(letter, request, status, next_step)]
    tracking.prior_and_history(case, letter_id)      # what a reminder or complaint refers to

    from faceaudit.letters import overview, calendar   # every case, without a passphrase
    overview.open_requests(store, today, overdue_only=False) -> [DueRequest]  # overdue first
    overview.deadlines_by_case(store, today) -> {case name: CaseDeadlines(next_due, overdue)}
    calendar.write_ics(calendar.deadline_events(requests, today), path)  # one event per due date
    from faceaudit.letters.jurisdiction import choose_jurisdiction   # law from residence, said
    from faceaudit.letters import drafting     # the window's wizard: a case letter in two steps
    draft = drafting.prepare(case, directory, drafting.DraftRequest("erasure", operator))
    saved = drafting.save(case, draft, ["pdf"], folder)   # records it (FA-n), writes the files
    letter.warnings / letter.advice    # what to know before sending, what to attach and keep
    # For the window, the same as codes with parameters (jurisdiction.Notice: code, text,
    # params, param(name)): choice.reason_notice / choice.warning_notices,
    # compose.warning_notices(spec), clock.date_notices(...), render.equivalent_notice(j, t);
    # jurisdiction.JurisdictionUnknown(.code, .country) when no law can be chosen.

    from faceaudit.letters import mandate, mandates   # a clinic acting for the person
    mandate.render_mandate(MandateSpec(kind, language, law, client, clinic)) -> the document
        to sign (Art. 80(1) GDPR mandate or authorisation letter); mandate.write_mandate(...)
    mandates.record_mandate(case, ...) / current_mandate / revoke_mandate
    mandates.representative_for(case) -> Representative | None   # LetterSpec.representative:
        the clinic writes on the person's behalf (letters.representation words it)

Types: access, erasure, objection, reminder, complaint. Jurisdictions: eu, uk, ch, ca (CCPA),
il (BIPA, informational). Languages: en, fr, de, es, it for every type. The texts are data
files (``templates/*.toml``) composed by :mod:`compose`; the curated directory is
``data/operators.json``; the sources behind the texts are listed in docs/LEGAL.md.
"""
