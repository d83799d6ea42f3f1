"""Versioned questionnaire definitions (``monitor/questionnaires/<version>.json``) and scoring.

A definition holds scales of 5-point items with Dutch and English wording, a direction per scale
(higher is better or worse) and a risk threshold on the scale mean. A respondent's scale score is
the mean of the scale's items; it is "in the risk zone" when it is at or past the threshold on the
bad side. Definitions are validated against ``SCHEMA`` when loaded; a file never changes once a
campaign used it (a new wording is a new version).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from django.utils.translation import get_language

from monitor.constants import Direction

DIRECTORY = Path(__file__).resolve().parent / "questionnaires"
CURRENT_VERSION = "weerbaarheid-2026"
POINTS = 5
#: The answer "Zeg ik liever niet", offered on the items of sensitive scales only. Stored as this
#: string (never as a number); a scale with such an answer gets no score for that respondent.
RATHER_NOT = "liever_niet"

_TEXT = {
    "type": "object",
    "required": ["nl", "en"],
    "properties": {"nl": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "title", "intro", "answer_sets", "scales"],
    "properties": {
        "version": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "title": _TEXT,
        "intro": _TEXT,
        "answer_sets": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": _TEXT, "minItems": POINTS, "maxItems": POINTS},
        },
        "scales": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["slug", "name", "question", "answers", "direction", "risk_threshold", "items"],
                "properties": {
                    "slug": {"type": "string", "pattern": "^[a-z0-9-]+$", "maxLength": 40},
                    "name": _TEXT,
                    "question": _TEXT,
                    "answers": {"type": "string"},
                    "direction": {"enum": [choice.value for choice in Direction]},
                    "risk_threshold": {"type": "number", "minimum": 1, "maximum": POINTS},
                    "sensitive": {"type": "boolean"},
                    "items": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["code", "text"],
                            "properties": {"code": {"type": "string", "pattern": "^[A-Z0-9]+$"}, "text": _TEXT},
                        },
                    },
                },
            },
        },
    },
}


def _text(value: dict[str, str]) -> str:
    """The wording in the active language (Dutch when the language has none)."""
    language = (get_language() or "nl")[:2]
    return value.get(language) or value["nl"]


@dataclass(frozen=True)
class Item:
    code: str
    wording: dict[str, str]

    @property
    def text(self) -> str:
        return _text(self.wording)


@dataclass(frozen=True)
class Scale:
    slug: str
    names: dict[str, str]
    questions: dict[str, str]
    answer_labels: tuple[dict[str, str], ...]
    direction: str
    risk_threshold: float
    items: tuple[Item, ...]
    #: Its items offer "Zeg ik liever niet" (``RATHER_NOT``).
    sensitive: bool = False

    @property
    def name(self) -> str:
        return _text(self.names)

    @property
    def question(self) -> str:
        return _text(self.questions)

    @property
    def answers(self) -> list[tuple[int, str]]:
        return [(value, _text(label)) for value, label in enumerate(self.answer_labels, start=1)]

    @property
    def higher_is_better(self) -> bool:
        return self.direction == Direction.HIGHER_IS_BETTER

    def accepts(self, answer: object) -> bool:
        """Whether ``answer`` is a valid answer to an item of this scale (1–5, or ``RATHER_NOT``
        on a sensitive scale)."""
        if answer == RATHER_NOT:
            return self.sensitive
        return isinstance(answer, int) and not isinstance(answer, bool) and 1 <= answer <= POINTS

    def score(self, answers: Mapping[str, int | str]) -> float | None:
        """The mean of this scale's items in ``answers`` (every item must be answered), or ``None``
        when the respondent chose "Zeg ik liever niet" at any of them: no score for this scale."""
        values = [answers[item.code] for item in self.items]
        if any(value == RATHER_NOT for value in values):
            return None
        return sum(int(value) for value in values) / len(values)

    def in_risk(self, score: float | None) -> bool:
        if score is None:
            return False
        return score <= self.risk_threshold if self.higher_is_better else score >= self.risk_threshold


@dataclass(frozen=True)
class Questionnaire:
    version: str
    titles: dict[str, str]
    intros: dict[str, str]
    scales: tuple[Scale, ...]

    @property
    def title(self) -> str:
        return _text(self.titles)

    @property
    def intro(self) -> str:
        return _text(self.intros)

    def scale(self, slug: str) -> Scale:
        for scale in self.scales:
            if scale.slug == slug:
                return scale
        raise KeyError(slug)

    def selected(self, slugs: list[str]) -> list[Scale]:
        """The scales of a campaign, in the order of the definition."""
        return [scale for scale in self.scales if scale.slug in slugs]

    @property
    def scale_choices(self) -> list[tuple[str, str]]:
        return [(scale.slug, scale.name) for scale in self.scales]


def parse(data: dict[str, Any]) -> Questionnaire:
    """Validate a definition and build it; raises ``jsonschema.ValidationError`` or ``ValueError``."""
    jsonschema.validate(data, SCHEMA)
    codes = [item["code"] for scale in data["scales"] for item in scale["items"]]
    if len(codes) != len(set(codes)):
        raise ValueError("item codes must be unique within a questionnaire")
    slugs = [scale["slug"] for scale in data["scales"]]
    if len(slugs) != len(set(slugs)):
        raise ValueError("scale slugs must be unique within a questionnaire")
    scales = []
    for scale in data["scales"]:
        if scale["answers"] not in data["answer_sets"]:
            raise ValueError(f"scale {scale['slug']}: unknown answer set {scale['answers']!r}")
        scales.append(
            Scale(
                slug=scale["slug"],
                names=scale["name"],
                questions=scale["question"],
                answer_labels=tuple(data["answer_sets"][scale["answers"]]),
                direction=scale["direction"],
                risk_threshold=float(scale["risk_threshold"]),
                items=tuple(Item(code=item["code"], wording=item["text"]) for item in scale["items"]),
                sensitive=bool(scale.get("sensitive", False)),
            )
        )
    return Questionnaire(version=data["version"], titles=data["title"], intros=data["intro"], scales=tuple(scales))


@cache
def load(version: str = CURRENT_VERSION) -> Questionnaire:
    """The questionnaire of one version, read from its definition file once per process."""
    if not version.replace("-", "").isalnum():
        raise KeyError(version)
    path = DIRECTORY / f"{version}.json"
    if not path.is_file():
        raise KeyError(version)
    questionnaire = parse(json.loads(path.read_text(encoding="utf-8")))
    if questionnaire.version != version:
        raise ValueError(f"{path.name} declares version {questionnaire.version!r}")
    return questionnaire


@cache
def versions() -> tuple[str, ...]:
    """Every questionnaire version on disk (read once per process)."""
    return tuple(sorted(path.stem for path in DIRECTORY.glob("*.json")))


@cache
def sensitive_item_codes() -> frozenset[str]:
    """The item codes that offer "Zeg ik liever niet" in some version (whether a campaign's own
    scale does is checked when the response is stored)."""
    return frozenset(
        item.code for version in versions() for scale in load(version).scales if scale.sensitive for item in scale.items
    )


def answer_accepted(code: str, value: object) -> bool:
    """Whether ``value`` may be kept as the answer to item ``code``: 1–5, or ``RATHER_NOT`` on an
    item that offers it in some version (``Scale.accepts`` checks the campaign's own scale)."""
    if value == RATHER_NOT:
        return code in sensitive_item_codes()
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= POINTS


@cache
def item_codes() -> frozenset[str]:
    """The item codes of every version: the only form fields an answer can come from."""
    return frozenset(item.code for version in versions() for scale in load(version).scales for item in scale.items)
