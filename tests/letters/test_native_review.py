"""A native-level reading of the German, Spanish, Italian and French letters (issue 11,
"Language"): the phrases a lawyer writing in that language would use, pinned on letters
rendered from the shipped templates, and the clumsy or wrong ones they replaced."""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.letters.export import render_text
from faceaudit.letters.render import Evidence, LetterSpec, PriorRequest, Sender, render_letter

D = dt.date
DIRECTORY = Directory(load_builtin())
AUTHORITY = {"eu": "frcnil", "uk": "gbico", "ch": "chedoeb", "ca": "uscppa"}
EVIDENCE = (Evidence("https://blog.example.org/t", "https://blog.example.org/a.jpg", "2026-01-10"),)


def text(letter_type: str, jurisdiction: str, language: str, operator: str = "clearview-ai") -> str:
    prior = PriorRequest("FA-1", "access", D(2026, 1, 5), D(2026, 2, 5), "email")
    follow_up = letter_type in ("reminder", "complaint")
    slug = AUTHORITY.get(jurisdiction)
    spec = LetterSpec(
        letter_type=letter_type,
        jurisdiction=jurisdiction,
        language=language,
        sender=Sender("Marie Dupont", "12 rue des Lilas\n75011 Paris", "m@example.org", "fr"),
        operator=DIRECTORY.get(operator),  # type: ignore[arg-type]
        authority=DIRECTORY.get(slug, "authority") if letter_type == "complaint" and slug else None,
        evidence=EVIDENCE,
        reason="Mi situación." if letter_type == "objection" else "",
        prior=prior if follow_up else None,
        history=(prior,) if follow_up else (),
        letter_date=D(2026, 3, 16),
    )
    return render_text(render_letter(spec))


# (type, jurisdiction, language, operator): what the letter now says, what it no longer says.
PINNED = [
    (
        ("access", "eu", "de", "clearview-ai"),
        (
            "Daher gilt die DSGVO für Sie.",
            "Einen Identitätsnachweis dürfen Sie nur bei begründeten Zweifeln",
            "Der Antrag ist auf dem von mir gewählten Weg wirksam gestellt",
            "Art. 4 Nr. 14 DSGVO",
        ),
        ("Dieses Recht gilt", "mit Begründung (Art. 12", "Der Antrag gilt auf dem Weg"),
    ),
    (
        ("access", "eu", "de", "meta"),
        ("die ich auf Seiten in Ihrer Verantwortung gefunden habe",),
        ("gefunden auf Seiten",),
    ),
    (
        ("access", "uk", "de", "clearview-ai"),
        (
            "Daher gilt die UK GDPR für Sie.",
            "wird nicht auf diesen Monat angerechnet (Art. 12A UK GDPR)",
            "einen Bußgeldbescheid (monetary penalty notice)",
        ),
        ("zählt nicht zu diesem Monat", "eine Geldbuße erlassen"),
    ),
    (
        ("reminder", "eu", "de", "clearview-ai"),
        ("oder über die Gründe erhalten, aus denen Sie nicht tätig werden", "Antrag versandt:"),
        ("Ich habe weder eine vollständige Antwort erhalten noch", "Antrag gesendet"),
    ),
    (
        ("complaint", "uk", "de", "clearview-ai"),
        ("Bitte gehen Sie der Sache nach",),
        ("Bitte ermitteln Sie",),
    ),
    (("objection", "ca", "de", "clearview-ai"), ("ich fordere Sie auf",), ("ich weise Sie an",)),
    (("access", "il", "de", "clearview-ai"), ("Schadenersatz",), ("Schadensersatz",)),
    (
        ("objection", "ch", "de", "clearview-ai"),
        ("Widerspruch gegen die Bearbeitung meiner Personendaten", "regelmässig", "Grüssen"),
        ("personenbezogenen Daten", "ß"),
    ),
    (
        ("access", "ch", "de", "clearview-ai"),
        ("Auskunftsbegehren betreffend meine Personendaten",),
        ("ß",),
    ),
    (
        ("reminder", "eu", "es", "clearview-ai"),
        (
            "ni de los motivos por los que no dan curso a la solicitud",
            "respondan íntegramente a más tardar el 30 de marzo de 2026",
            "Fecha límite de respuesta:",
        ),
        ("no darían curso", "antes del 30 de marzo", "Respuesta debida el"),
    ),
    (
        ("access", "ca", "es", "clearview-ai"),
        ("para recopilarlos, venderlos o compartirlos", "vendido o compartido"),
        ("cesión", "cedido"),
    ),
    (("objection", "ca", "es", "clearview-ai"), ("Les requiero que no vendan ni compartan",), ()),
    (("access", "il", "es", "clearview-ai"), ("de los datos como tales",), ("datos como tal.",)),
    (("access", "eu", "es", "clearview-ai"), ("Por tanto, esta norma les es aplicable.",), ()),
    (
        ("access", "eu", "it", "meta"),
        ("si estende però a tutti i dati che mi riguardano, non solo a quelli lì indicati",),
        ("richiesta riguarda però tutti i dati che mi riguardano",),
    ),
    (
        ("access", "eu", "it", "clearview-ai"),
        ("La mia richiesta si estende a ogni mia immagine", "non solo a quelli lì indicati"),
        ("non solo quelli",),
    ),
    (
        ("reminder", "eu", "it", "clearview-ai"),
        ("né l'indicazione dei motivi per cui non intendete darvi seguito",),
        ("o i motivi per cui",),
    ),
    (
        ("complaint", "il", "it", "clearview-ai"),
        ("il mio ultimo avviso relativo alle informazioni biometriche",),
        ("avviso riguardo alle",),
    ),
    (
        ("access", "ch", "it", "clearview-ai"),
        ("fino a un massimo di 300 franchi",),
        ("di al massimo",),
    ),
    (
        ("reminder", "eu", "fr", "clearview-ai"),
        ("intégralement au plus tard le 30 mars 2026", "vous n'y donnez pas suite"),
        ("d'ici le", "donneriez"),
    ),
]


@pytest.mark.parametrize(("letter", "present", "absent"), PINNED)
def test_native_phrasing(
    letter: tuple[str, str, str, str], present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    rendered = text(*letter)
    for phrase in present:
        assert phrase in rendered, (letter, phrase)
    for phrase in absent:
        assert phrase not in rendered, (letter, phrase)


@pytest.mark.parametrize("language", ["de", "es", "it", "fr", "en"])
def test_enclosure_lists_name_the_annexes_without_articles(language: str) -> None:
    first = {
        "en": "- Images of my face concerned (annex)",
        "fr": "- Images de mon visage concernées (annexe)",
        "de": "- Betroffene Bilder meines Gesichts (Anlage)",
        "es": "- Imágenes de mi rostro afectadas (anexo)",
        "it": "- Immagini del mio volto interessate (allegato)",
    }[language]
    for letter_type in ("reminder", "complaint"):
        assert first in text(letter_type, "eu", language)


@pytest.mark.parametrize("language", ["de", "es", "it"])
def test_web_forms_are_named_as_such(language: str) -> None:
    from faceaudit.letters.texts import flatten, load_templates

    labels = flatten(load_templates(language)["labels"])
    expected = {"de": "Webformular", "es": "formulario web", "it": "modulo online"}[language]
    assert expected in labels["by_webform"]
