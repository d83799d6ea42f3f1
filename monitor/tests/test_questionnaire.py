"""The versioned questionnaire definition: valid, complete in both languages, scored as documented."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from django.utils import translation

from monitor import questionnaire


def test_the_current_definition_has_ten_scales_of_four_items_in_dutch_and_english() -> None:
    definition = questionnaire.load()
    assert len(definition.scales) == 10
    assert sum(len(scale.items) for scale in definition.scales) == 40
    with translation.override("en"):
        assert definition.scale("werkdruk").name == "Workload"
    assert definition.scale("werkdruk").name == "Werkdruk"


def test_scores_are_item_means_and_the_risk_zone_follows_the_direction() -> None:
    definition = questionnaire.load()
    workload, support = definition.scale("werkdruk"), definition.scale("steun-collegas")
    answers = {item.code: 4 for scale in definition.scales for item in scale.items}
    assert workload.score(answers) == 4.0 and workload.in_risk(4.0) and not workload.in_risk(3.0)
    assert support.in_risk(2.0) and not support.in_risk(4.0)


def test_a_definition_with_a_duplicate_item_code_or_missing_english_is_refused() -> None:
    data = json.loads((questionnaire.DIRECTORY / f"{questionnaire.CURRENT_VERSION}.json").read_text())
    duplicate = copy.deepcopy(data)
    duplicate["scales"][1]["items"][0]["code"] = duplicate["scales"][0]["items"][0]["code"]
    with pytest.raises(ValueError, match="unique"):
        questionnaire.parse(duplicate)
    untranslated = copy.deepcopy(data)
    del untranslated["scales"][0]["items"][0]["text"]["en"]
    with pytest.raises(jsonschema.ValidationError):
        questionnaire.parse(untranslated)


def test_an_unknown_version_is_not_read_from_elsewhere_on_disk() -> None:
    with pytest.raises(KeyError):
        questionnaire.load("../../etc/passwd")
