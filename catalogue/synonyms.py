"""Synonyms for catalogue search: the words people type next to the words the Zorgwijzer uses.

Two kinds, both applied to the query only (the search documents stay as the content says):

- ``EQUIVALENT`` groups: words that mean the same to someone searching; typing any one of them
  also searches for all the others.
- ``LEADS_TO``: one-way, from a problem to what helps with it ("ruzie" also finds Mediation),
  without the reverse (searching "mediation" should not bring up every page about conflicts).

Entries are written as people type them (lower case, accents and hyphens allowed, phrases of a
few words allowed); catalogue.search normalises and stems them in the same way as the content.
A phrase matches when its words follow each other in the query, apart from stopwords.
How to add one: docs/search.md.
"""

from __future__ import annotations

EQUIVALENT: tuple[tuple[str, ...], ...] = (
    ("slapen", "slaap", "slaapproblemen", "slecht slapen", "nachtrust", "insomnia"),
    ("schulden", "schuld", "geldzorgen", "geldproblemen", "financiële problemen", "betalingsachterstand"),
    ("burn-out", "burnout", "overspannen", "overspannenheid", "overbelast", "overbelasting", "opgebrand"),
    (
        "trauma",
        "ptss",
        "ptsd",
        "posttraumatische stress",
        "posttraumatische stressstoornis",
        "psychotrauma",
        "schokkende gebeurtenis",
    ),
    ("ruzie", "conflict", "onenigheid", "arbeidsconflict", "botsing"),
    ("zelfmoord", "suïcide", "zelfdoding", "doodsgedachten"),
    ("somber", "depressie", "depressief", "neerslachtig"),
    ("pesten", "gepest", "treiteren"),
    ("stress", "spanning", "werkstress", "werkdruk"),
    ("pensioen", "met pensioen", "aow"),
)

LEADS_TO: dict[str, tuple[str, ...]] = {
    "geldzorgen": ("schuldhulpverlening", "schuldhulp"),
    "schulden": ("schuldhulpverlening", "schuldhulp"),
    "ruzie": ("mediation", "bemiddeling", "vertrouwenswerk"),
    "conflict": ("mediation", "bemiddeling"),
    "ongewenst gedrag": ("vertrouwenswerk", "vertrouwenspersoon"),
    "pesten": ("vertrouwenswerk", "vertrouwenspersoon"),
    "trauma": ("traumabehandeling",),
    "incident": ("collegiale ondersteuning", "debriefing"),
}
