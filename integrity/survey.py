"""The anonymous screening experience questionnaire: eleven closed questions (seed 003,
L1465–1477, in Zorgwijzer's own words).

The seed asks some questions openly ("which ones?", "any tips?"). Here every question has a fixed
list of answers: free text can give away who wrote it and cannot be added up, while the results
are only ever shown as counts per answer. A question's ``key`` and its answers' keys are stored in
the counters; never change the meaning of a key, add a new one instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    key: str
    text: str | Promise
    answers: tuple[tuple[str, str | Promise], ...]

    def answer_keys(self) -> list[str]:
        return [key for key, _label in self.answers]


_QUALITY = (
    ("heel-goed", _("Heel goed")),
    ("goed", _("Goed")),
    ("neutraal", _("Niet goed en niet slecht")),
    ("matig", _("Matig")),
    ("slecht", _("Slecht")),
)

QUESTIONS: tuple[Question, ...] = (
    Question("algemeen", _("Hoe vond je de screening als geheel?"), _QUALITY),
    Question("onderzoeker", _("Hoe vond je het contact met de onderzoeker die het gesprek met je had?"), _QUALITY),
    Question(
        "tijd",
        _("Wat vond je van de tijd die er voor het gesprek was?"),
        (
            ("te-kort", _("Te kort")),
            ("goed", _("Precies goed")),
            ("te-lang", _("Te lang")),
        ),
    ),
    Question(
        "beeld",
        _("Denk je dat de onderzoeker een goed beeld kreeg van jouw risico's en kwetsbare punten?"),
        (
            ("helemaal", _("Ja, helemaal")),
            ("grotendeels", _("Grotendeels")),
            ("een-beetje", _("Een beetje")),
            ("nee", _("Nee")),
            ("weet-niet", _("Weet ik niet")),
        ),
    ),
    Question(
        "vervelend",
        _("Vond je een deel van het gesprek vervelend? Zo ja, waardoor vooral?"),
        (
            ("nee", _("Nee, niets was vervelend")),
            ("onderwerp", _("Ja, door een onderwerp dat aan bod kwam")),
            ("manier", _("Ja, door de manier waarop er gevraagd werd")),
            ("omstandigheden", _("Ja, door de plek, het moment of de duur")),
            ("anders", _("Ja, door iets anders")),
        ),
    ),
    Question(
        "onderwerpen",
        _("Wat vond je van de onderwerpen waarover het gesprek ging?"),
        (
            ("passend", _("Ze pasten goed bij de screening")),
            ("meestal", _("De meeste pasten goed")),
            ("vaak-niet", _("Veel pasten niet goed")),
            ("weet-niet", _("Weet ik niet")),
        ),
    ),
    Question(
        "waardevol",
        _("Wat vond je het meest waardevol?"),
        (
            ("verhaal", _("Dat ik mijn eigen verhaal kon vertellen")),
            ("uitleg", _("De uitleg over de screening en wat er met de uitkomst gebeurt")),
            ("aandacht", _("De aandacht voor mijn persoonlijke situatie")),
            ("bewustwording", _("Dat ik beter zie waar ik kwetsbaar kan zijn")),
            ("niets", _("Niets in het bijzonder")),
        ),
    ),
    Question(
        "overbodig",
        _("Had er wat jou betreft een onderwerp uit het gesprek weg gekund? Zo ja, welk vooral?"),
        (
            ("nee", _("Nee, alles was nodig")),
            ("relaties", _("Ja: mijn relaties, familie of vrienden")),
            ("geld", _("Ja: mijn geldzaken")),
            ("middelen", _("Ja: alcohol, drugs of medicijnen")),
            ("online", _("Ja: social media en mijn online gedrag")),
            ("anders", _("Ja: een ander onderwerp")),
        ),
    ),
    Question(
        "onduidelijk",
        _("Waren er vragen waarvan je niet begreep waarom ze gesteld werden?"),
        (
            ("nee", _("Nee")),
            ("een", _("Eén vraag")),
            ("enkele", _("Een paar vragen")),
            ("veel", _("Veel vragen")),
        ),
    ),
    Question(
        "gemist",
        _("Heb je iets gemist in het gesprek?"),
        (
            ("nee", _("Nee")),
            ("onderwerp", _("Ja, een onderwerp dat bij mijn werk hoort")),
            ("eigen-vragen", _("Ja, ruimte voor mijn eigen vragen")),
            ("vervolg", _("Ja, uitleg over wat er na het gesprek gebeurt")),
            ("anders", _("Ja, iets anders")),
        ),
    ),
    Question(
        "verbetering",
        _("Wat zou het screeningsgesprek het meest verbeteren?"),
        (
            ("uitleg-vooraf", _("Meer uitleg vooraf over wat er gaat gebeuren")),
            ("tijd", _("Meer tijd voor het gesprek")),
            ("minder", _("Minder of kortere onderwerpen")),
            ("terugkoppeling", _("Uitleg over de uitkomst na afloop")),
            ("vorm", _("Een andere plek of vorm van het gesprek")),
            ("goed-zo", _("Niets: het is goed zo")),
        ),
    ),
)

BY_KEY: dict[str, Question] = {question.key: question for question in QUESTIONS}
