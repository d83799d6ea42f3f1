"""Dutch full-text search over the provisions of an edition, with the same results on every database.

How it works (details and how to add a synonym: docs/search.md):

1. Every provision has a ``ProvisionSearchEntry``: its name, keywords, summary and description as
   normalised words (lower case, accents stripped, "burn-out" → "burnout"), and the same words
   stemmed with the classic Snowball Dutch stemmer and weighted by field (name > keywords >
   summary > description). ``provision_search_refresh`` rebuilds it after every change.
2. A query is normalised and stemmed the same way, stopwords dropped, and expanded with
   ``catalogue.synonyms`` (synonyms weigh less than the words typed).
3. PostgreSQL finds the candidates through the GIN index on ``to_tsvector('dutch', document)``.
   Its ``dutch`` configuration uses the same stemmer (PyStemmer calls it ``dutch_porter``) and the
   same stopwords as this module, so it finds exactly the entries that share a stem with the query.
   Other databases take every entry of the edition as candidate (a few dozen rows).
4. Candidates are ranked here, in Python, from the stored weights: identical on every database.
5. Only when nothing matches, a typo fallback: ``pg_trgm`` word similarity on PostgreSQL,
   ``difflib`` close matches over the vocabulary elsewhere.
"""

from __future__ import annotations

import difflib
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import Stemmer
from django.contrib.postgres.search import SearchQuery, SearchVector, TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Greatest

from catalogue import synonyms
from catalogue.models import Edition, Provision, ProvisionSearchEntry

#: PostgreSQL 15's ``dutch`` configuration stems with the classic Snowball Dutch algorithm, which
#: PyStemmer 3 names ``dutch_porter`` (its ``dutch`` is a newer variant that turns "gezond" into "zon").
STEMMER_ALGORITHM = "dutch_porter"
#: PostgreSQL's tsearch_data/dutch.stop (the Snowball list), so both sides drop the same words.
_DUTCH_STOP = (
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan "
    "zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft "
    "hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet "
    "ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen "
    "na reeds wil kon niets uw iemand geweest andere"
)
STOPWORDS = frozenset(_DUTCH_STOP.split())
FIELD_WEIGHTS = {"name": 8, "keywords": 4, "summary": 2, "description": 1}
TYPED_WEIGHT = 1.0
SYNONYM_WEIGHT = 0.5
#: A query is cut to this many characters and words before anything else happens.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
#: Longer "words" are noise (pasted URLs, hashes) and PostgreSQL would skip them anyway.
MAX_WORD_CHARS = 60
DEFAULT_LIMIT = 50
#: pg_trgm word similarity above which a misspelt word still counts ("mediaton" ~ 0.78).
TRIGRAM_THRESHOLD = 0.5
#: difflib ratio above which a vocabulary word counts as what was meant.
CLOSE_MATCH_CUTOFF = 0.8

_JOINED = re.compile(r"(?<=[a-z0-9])[-&@'’](?=[a-z0-9])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_stemmers = threading.local()  # PyStemmer objects must not be shared between threads


# --- Text analysis (shared by documents and queries) --------------------------------------


def normalised_words(text: str) -> list[str]:
    """Lower-case ASCII words: accents stripped, words joined by -, &, @ or ' written as one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [word for word in _NON_WORD.split(_JOINED.sub("", plain)) if word and len(word) <= MAX_WORD_CHARS]


def stem(word: str) -> str:
    """The stem PostgreSQL's ``dutch`` configuration gives a normalised word (numbers stay as they are)."""
    if any(char.isdigit() for char in word):
        return word
    stemmer = getattr(_stemmers, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmers.stemmer = Stemmer.Stemmer(STEMMER_ALGORITHM)
    return str(stemmer.stemWord(word))


def content_words(text: str) -> list[str]:
    return [word for word in normalised_words(text) if word not in STOPWORDS]


def terms(text: str) -> list[str]:
    """The stems of the words of ``text`` that are not stopwords, in order."""
    return [stem(word) for word in content_words(text)]


# --- Search documents ---------------------------------------------------------------------


@dataclass(frozen=True)
class SearchDocument:
    document: str
    vocabulary: str
    terms: dict[str, int]


def search_document(provision: Any) -> SearchDocument:
    """The search document of a provision; a parent's keywords include its sub-provisions' names."""
    subs = list(provision.sub_provisions.all()) if provision.pk and provision.parent_id is None else []
    fields = {
        "name": provision.name,
        "keywords": " , ".join([provision.keywords, *(sub.name for sub in subs)]),
        "summary": provision.summary,
        "description": " ".join([provision.description, *(sub.summary for sub in subs)]),
    }
    weights: dict[str, int] = {}
    for name, text in fields.items():
        for term in set(terms(text)):
            weights[term] = weights.get(term, 0) + FIELD_WEIGHTS[name]
    vocabulary = sorted(set(content_words(f"{fields['name']} {fields['keywords']}")))
    return SearchDocument(
        document=" ".join(normalised_words(" ".join(fields.values()))),
        vocabulary=" ".join(vocabulary),
        terms=dict(sorted(weights.items())),
    )


@transaction.atomic
def provision_search_refresh(provision: Provision) -> None:
    """Rebuild the search entry of ``provision`` (and of its parent, whose document names it)."""
    _refresh(provision, ProvisionSearchEntry)
    if provision.parent_id is not None:
        _refresh(Provision.objects.get(pk=provision.parent_id), ProvisionSearchEntry)


@transaction.atomic
def edition_search_refresh(edition: Any, get_model: Callable[[str], Any]) -> int:
    """Rebuild the search entries of every provision of an edition; returns how many.

    ``get_model`` gives (historical) models, as in ``catalogue.loading``; before migration 0004
    there are no search entries yet and nothing is done (0004 builds them).
    """
    try:
        entry_model = get_model("ProvisionSearchEntry")
    except LookupError:
        return 0
    provisions = get_model("Provision").objects.filter(edition=edition).prefetch_related("sub_provisions")
    for provision in provisions:
        _refresh(provision, entry_model)
    return len(provisions)


def _refresh(provision: Any, entry_model: Any) -> None:
    built = search_document(provision)
    entry_model.objects.update_or_create(
        provision_id=provision.pk,
        defaults={"document": built.document, "vocabulary": built.vocabulary, "terms": built.terms},
    )


# --- Queries ------------------------------------------------------------------------------

Phrase = tuple[str, ...]  # stems of consecutive words, stopwords left out


@dataclass
class ParsedQuery:
    """What a query searches for: phrases of stems with their weight, and their normalised words.

    A phrase matches an entry that holds all of its stems (in any field); the words are what
    PostgreSQL gets, so that its ``dutch`` configuration finds the same stems.
    """

    typed: list[str] = field(default_factory=list)
    weights: dict[Phrase, float] = field(default_factory=dict)
    words: dict[Phrase, list[str]] = field(default_factory=dict)

    def add(self, words: list[str], weight: float) -> None:
        phrase = tuple(stem(word) for word in words)
        if phrase and weight > self.weights.get(phrase, 0.0):
            self.weights[phrase] = weight
            self.words.setdefault(phrase, words)

    def tsquery(self) -> str:
        """``to_tsquery`` text: words are [a-z0-9]+ and never stopwords, so this is safe and never empty."""
        return " | ".join("(" + " & ".join(words) + ")" for words in self.words.values())


def parse_query(query: str) -> ParsedQuery:
    """Each typed word (the query cut to a safe length) and what the synonyms add to them."""
    cut = query[:MAX_QUERY_CHARS]
    typed = content_words(cut)[:MAX_QUERY_WORDS]
    parsed = ParsedQuery(typed=typed)
    for word in typed:
        parsed.add([word], TYPED_WEIGHT)
    said = _Said(tuple(stem(word) for word in typed), _with_stopwords(normalised_words(cut)[: 3 * MAX_QUERY_WORDS]))
    reached = [said.phrase]
    for group in _equivalent_groups():
        if any(member.said_in(said) for member in group):
            for member in group:
                reached.append(member.phrase)
                parsed.add(member.words, SYNONYM_WEIGHT)
    for trigger, targets in _leads_to():
        if trigger.said_in(said) or any(_contains(phrase, trigger.phrase) for phrase in reached[1:]):
            for words in targets:
                parsed.add(words, SYNONYM_WEIGHT)
    return parsed


@dataclass(frozen=True)
class _Said:
    """A query as synonyms see it: its content stems, and all its words (stopwords kept, others stemmed)."""

    phrase: Phrase
    spoken: Phrase


@dataclass(frozen=True)
class _Member:
    """A synonym entry: the stems it searches for, and how it is recognised in a query.

    An entry without stopwords is recognised by its stems in order, stopwords in the query
    aside ("schokkende gebeurtenis" in "een schokkende gebeurtenis gehad"). An entry with
    stopwords ("ziek door mijn werk", "ik wil er niet meer zijn") must be said with them: its
    content words alone ("ziek … werk") would also fire on unrelated queries, and some such
    sentences have no content words at all.
    """

    phrase: Phrase
    words: list[str]
    spoken: Phrase | None

    def said_in(self, said: _Said) -> bool:
        if self.spoken is not None:
            return _contains(said.spoken, self.spoken)
        return _contains(said.phrase, self.phrase)


def _with_stopwords(words: list[str]) -> Phrase:
    return tuple(word if word in STOPWORDS else stem(word) for word in words)


def _member(text: str) -> _Member:
    words = content_words(text)
    everything = normalised_words(text)
    spoken = _with_stopwords(everything) if any(word in STOPWORDS for word in everything) else None
    return _Member(phrase=tuple(stem(word) for word in words), words=words, spoken=spoken)


@lru_cache(maxsize=1)
def _equivalent_groups() -> list[list[_Member]]:
    return [[_member(member) for member in group] for group in synonyms.EQUIVALENT]


@lru_cache(maxsize=1)
def _leads_to() -> list[tuple[_Member, list[list[str]]]]:
    return [(_member(trigger), [content_words(t) for t in targets]) for trigger, targets in synonyms.LEADS_TO.items()]


def _contains(haystack: Phrase, needle: Phrase) -> bool:
    size = len(needle)
    return size > 0 and any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


# --- Searching ----------------------------------------------------------------------------


def search_provisions(
    edition: Edition | None, query: str, *, limit: int = DEFAULT_LIMIT, within: QuerySet[Provision] | None = None
) -> list[Provision]:
    """Provisions of ``edition`` (top level unless ``within`` says otherwise), best match first."""
    if edition is None:
        return []
    within = within if within is not None else Provision.objects.filter(edition=edition, parent__isnull=True)
    ids = ranked_ids(within, query, limit=limit)
    found = within.filter(pk__in=ids).in_bulk()
    return [found[pk] for pk in ids if pk in found]


def search_queryset(within: QuerySet[Provision], query: str, *, limit: int = DEFAULT_LIMIT) -> QuerySet[Provision]:
    """``within`` narrowed to the matches of ``query`` and ordered by relevance (for the API)."""
    ids = ranked_ids(within, query, limit=limit)
    if not ids:
        return within.none()
    rank = Case(*(When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)), output_field=IntegerField())
    return within.filter(pk__in=ids).order_by(rank)


def ranked_ids(within: QuerySet[Provision], query: str, *, limit: int = DEFAULT_LIMIT) -> list[int]:
    """Primary keys of the provisions in ``within`` that match ``query``, best first."""
    parsed = parse_query(query)
    if not parsed.weights:
        return []
    entries = ProvisionSearchEntry.objects.filter(provision__in=within.values("pk"))
    ranked = _rank(_candidates(entries, parsed), parsed.weights)
    if not ranked:
        ranked = _typo_fallback(entries, parsed)
    return ranked[:limit]


Row = tuple[int, str, dict[str, int]]  # provision id, provision name, weighted terms


def candidate_entries(entries: QuerySet[ProvisionSearchEntry], parsed: ParsedQuery) -> QuerySet[ProvisionSearchEntry]:
    """On PostgreSQL the entries sharing a stem with the query (GIN index); elsewhere all of them."""
    if connection.vendor != "postgresql":
        return entries
    tsquery = SearchQuery(parsed.tsquery(), config="dutch", search_type="raw")
    return entries.annotate(vector=SearchVector("document", config="dutch")).filter(vector=tsquery)


def _candidates(entries: QuerySet[ProvisionSearchEntry], parsed: ParsedQuery) -> list[Row]:
    return list(candidate_entries(entries, parsed).values_list("provision_id", "provision__name", "terms"))


def score(stored: dict[str, int], weights: dict[Phrase, float]) -> float:
    """Sum over the matching phrases of their weight times the mean field weight of their stems."""
    total = 0.0
    for phrase, weight in weights.items():
        if all(term in stored for term in phrase):
            total += weight * sum(stored[term] for term in phrase) / len(phrase)
    return total


def _rank(rows: list[Row], weights: dict[Phrase, float]) -> list[int]:
    scored = [(-score(stored, weights), name.casefold(), pk) for pk, name, stored in rows]
    return [pk for negative, _name, pk in sorted(scored) if negative < 0]


def _typo_fallback(entries: QuerySet[ProvisionSearchEntry], parsed: ParsedQuery) -> list[int]:
    """Nothing matched exactly: look for words spelt nearly like the typed ones."""
    typed = [word for word in parsed.typed if not word.isdigit()]
    if not typed:
        return []
    if connection.vendor == "postgresql":
        similarity = [TrigramWordSimilarity(word, "vocabulary") for word in typed]
        best = similarity[0] if len(similarity) == 1 else Greatest(*similarity)
        found = entries.annotate(similarity=best).filter(similarity__gte=TRIGRAM_THRESHOLD)
        return list(found.order_by("-similarity", "provision__name").values_list("provision_id", flat=True))
    rows = list(entries.values_list("provision_id", "provision__name", "terms", "vocabulary"))
    vocabulary = sorted({word for *_row, words in rows for word in words.split()})
    corrected = ParsedQuery()
    for word in typed:
        for match in difflib.get_close_matches(word, vocabulary, n=3, cutoff=CLOSE_MATCH_CUTOFF):
            corrected.add([match], TYPED_WEIGHT)
    return _rank([(pk, name, stored) for pk, name, stored, _words in rows], corrected.weights)
