"""The search evaluation set: queries employees type, and the provisions that answer them.

Each row is a query as someone would type it (everyday Dutch, sometimes a typo) and the slugs
of the top-level provisions that are a right answer; a query counts as found when one of them
is among the first three results (recall@3). The expected answers were chosen from what each
provision offers (catalogue/data), before tuning the synonyms, and are not adjusted to what the
search happens to return. Sub-provisions (Oncopol, Audiopol, Psychopol, Fysiopol …) are reached
through their parent, which is what the search returns by default.

Used by ``catalogue/tests/test_search_evaluation.py`` (a floor under the measured value) and by
``make bench`` (bench/search_quality.py prints the figure).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

MODULES = "werkgeversmodules-bedrijfsgezondheidszorg"
VGW = "experts-vgw-teams"
KERN = "experts-kerndeskundigenteam"
PBM = "bewustwording-risicos-politiewerk-en-pbm"
PTSS = "zorglijn-ptss"
MIRROR = "zelftest-mirror"
TCO = "team-collegiale-ondersteuning"
LOKET = "loket-politie-24-7"
FIT = "fit-at-np"
APP = "gezond-werken-app"
MCU = "mental-check-up"
BUDDY = "buddy-inzet"
ERD = "team-sociale-zekerheid-eigenrisicodragerschap"
PENSIOEN = "team-sociale-zekerheid-pensioen"
VERTROUWEN = "vertrouwenswerk"
GELD = "financiele-ondersteuning-schuldhulpverlening"
ZELFTEST = "zelftest-mentale-fitheid"
SUICIDE = "suicidepreventietraining"
LOOPBAAN = "loopbaan-en-mobiliteitscentrum"
EINDE = "handreiking-einde-loopbaan"
CONDITIE = "app-politieconditie"
DEBRIEFING = "debriefing"
MEDIATION = "mediation"
MEMO = "medewerkersmonitor-memo"
KRACHT = "training-mentale-kracht"

#: (query, right answers). Grouped by what people look for; 84 queries. The synonyms of
#: catalogue/synonyms.py were extended while looking at these results: this set is in-sample.
EVALUATION: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (query, frozenset(answers))
    for query, answers in [
        # Illnesses and complaints of the body
        ("kanker", {MODULES}),
        ("ik heb kanker", {MODULES}),
        ("borstkanker", {MODULES}),
        ("chemo", {MODULES}),
        ("revalideren na kanker", {MODULES}),
        ("kankr", {MODULES}),
        ("gehoorverlies", {MODULES, PBM}),
        ("slechthorend", {MODULES, PBM}),
        ("ik hoor slecht", {MODULES, PBM}),
        ("piep in mijn oor", {MODULES}),
        ("tinnitus", {MODULES}),
        ("oorsuizen na het schieten", {MODULES, PBM}),
        ("gehoorschaade", {MODULES, PBM}),
        ("oordoppen", {PBM}),
        ("gehoorbescherming op maat", {PBM}),
        ("rugpijn", {MODULES, KERN}),
        ("pijn in mijn knie", {MODULES}),
        ("blessure", {MODULES}),
        ("fysio", {MODULES}),
        ("fysiotherapeut", {MODULES}),
        ("fysiotherapy", {MODULES}),
        ("lichamelijke klachten", {MODULES}),
        ("prikaccident", {PBM}),
        ("gebeten door een verdachte", {PBM, TCO}),
        # Mind and mood
        ("psychische klachten", {MODULES, MCU, VGW}),
        ("depressie", {MODULES, MCU, VGW, ZELFTEST}),
        ("ik voel me somber", {MODULES, MCU, VGW, ZELFTEST}),
        ("angstig", {MODULES, MCU, VGW}),
        ("paniekaanvallen", {MODULES, MCU, VGW}),
        ("nachtmerries", {PTSS, MIRROR}),
        ("nachtmerie", {PTSS, MIRROR}),
        ("flashbacks na een schietincident", {PTSS, MIRROR, TCO}),
        ("ptss behandeling", {PTSS}),
        ("emdr", {PTSS}),
        ("traumatherapie", {PTSS}),
        ("therapie", {MODULES, PTSS, MCU}),
        ("burnout klachten", {ZELFTEST, MCU, MODULES}),
        ("opgebrand", {ZELFTEST, MCU, MODULES}),
        ("te veel werk", {ZELFTEST, KERN, MEMO, KRACHT, MCU}),
        ("heftige melding gehad", {TCO, DEBRIEFING, MIRROR}),
        ("collega overleden", {TCO, VGW, LOKET}),
        ("rouw", {VGW, LOKET, TCO}),
        ("zelfmoordgedachten", {LOKET, SUICIDE, VGW}),
        ("ik wil er niet meer zijn", {LOKET, SUICIDE, VGW}),
        # Treatment and the people who give it
        ("praten met een psycholoog", {MCU, VGW}),
        ("psycholooog", {MCU, VGW}),
        ("bedrijfsarts", {VGW}),
        ("bedrijfarts", {VGW}),
        ("maatschappelijk werker", {VGW, LOKET}),
        ("bedrijfsmaatschappelijk werk", {VGW, LOKET}),
        ("geestelijk verzorger", {VGW}),
        ("dominee", {VGW}),
        ("arbeidsdeskundige", {VGW}),
        ("ergonoom", {KERN}),
        ("casemanager ptss", {VGW}),
        ("zorgregisseur", {VGW}),
        ("vitaalcoach", {FIT, VGW}),
        ("leefstijlcoach", {FIT}),
        ("vertrouwenspersoom", {VERTROUWEN}),
        # Sick because of work, absence, return
        ("ziek door mijn werk", {VGW, BUDDY, PTSS, ERD}),
        ("beroepsziekte", {VGW, BUDDY, PTSS}),
        ("ptss erkennen als beroepsziekte", {PTSS, VGW}),
        ("team beroepsrisico", {VGW}),
        ("dienstongeval", {BUDDY, VGW}),
        ("gewond geraakt tijdens de dienst", {BUDDY, VGW}),
        ("schadevergoeding na geweld", {VGW}),
        ("ik ben ziek", {VGW, ERD}),
        ("weer aan het werk na ziekte", {VGW, MODULES, ERD}),
        ("arbeidsongeschikt", {ERD}),
        ("uitkering van het uwv", {ERD}),
        # Living well, money, career
        ("ik slaap slecht na de nachtdienst", {FIT, APP}),
        ("altijd moe", {FIT, APP}),
        ("afvallen", {FIT}),
        ("gezonder eten", {FIT, APP}),
        ("ontspanningsoefeningen", {FIT, APP}),
        ("conditie verbeteren voor de fvt", {CONDITIE, FIT}),
        ("schuldhlup", {GELD}),
        ("geen geld meer", {GELD}),
        ("gepest door collega's", {VERTROUWEN}),
        ("ruzie met mijn chef", {MEDIATION, VERTROUWEN}),
        ("pensioen aanvragen", {PENSIOEN}),
        ("andere baan zoeken", {LOOPBAAN}),
        ("geen nachtdiensten meer op mijn leeftijd", {EINDE}),
        ("mijn partner maakt zich zorgen", {LOKET}),
    ]
)


#: Written after the synonyms were extended and never used to tune them: how well the search
#: does on queries it was not fitted to (out-of-sample). 24 queries.
HELD_OUT: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (query, frozenset(answers))
    for query, answers in [
        ("darmkanker", {MODULES}),
        ("bestraald voor een tumor", {MODULES}),
        ("doof aan een oor", {MODULES, PBM}),
        ("gehoortest", {MODULES, PBM}),
        ("nekklachten van het bureau", {MODULES, KERN}),
        ("fysiotherapie vergoed", {MODULES}),
        ("paniek in de auto", {MODULES, MCU, VGW}),
        ("ik pieker veel", {MODULES, MCU, VGW}),
        ("slapeloosheid", {FIT, APP}),
        ("herbeleven van een incident", {PTSS, MIRROR, TCO}),
        ("trauma verwerken", {PTSS, MIRROR, TCO}),
        ("zelfdoding collega", {SUICIDE, LOKET, TCO}),
        ("dood van een collega", {TCO, VGW, LOKET}),
        ("pastoraal gesprek", {VGW}),
        ("gesprek met maatschappelijk werk", {VGW, LOKET}),
        ("iemand die naar mijn werkplek kijkt", {KERN}),
        ("erkenning ptss", {PTSS, VGW}),
        ("letsel door geweld", {BUDDY, VGW}),
        ("ziekmelding", {VGW, ERD}),
        ("schulden aflossen", {GELD}),
        ("vitaliteit", {FIT}),
        ("samen sporten met collega's", {FIT, CONDITIE}),
        ("intimidatie door een collega", {VERTROUWEN}),
        ("burn out", {ZELFTEST, MCU, MODULES}),
    ]
)


@dataclass(frozen=True)
class Recall:
    found: int
    total: int
    missed: tuple[tuple[str, tuple[str, ...]], ...]  # query and its first results

    @property
    def value(self) -> float:
        return self.found / self.total

    def line(self, k: int = 3, label: str = "") -> str:
        return f"search recall@{k}{label}: {self.found}/{self.total} queries = {self.value:.3f}"


def recall_at(
    k: int,
    results: Callable[[str], Sequence[str]],
    queries: tuple[tuple[str, frozenset[str]], ...] = EVALUATION,
) -> Recall:
    """How many queries of the set have a right answer among their first ``k`` results."""
    found = 0
    missed = []
    for query, answers in queries:
        first = tuple(results(query)[:k])
        if answers.intersection(first):
            found += 1
        else:
            missed.append((query, first))
    return Recall(found=found, total=len(queries), missed=tuple(missed))
