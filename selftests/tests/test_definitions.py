"""Definition files: the schema, cross-references, catalogue links and drop-in instruments."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from django.core.checks import run_checks
from django.urls import reverse

from selftests import loading
from selftests.loading import DefinitionError, Instrument
from selftests.tests.conftest import EXAMPLE_DIR, highest, lowest

SHIPPED = sorted(path for path in loading.SHIPPED_DIR.glob("*.yaml"))


def _raw(name: str = "mirror.yaml") -> dict[str, Any]:
    return loading.read_file(loading.SHIPPED_DIR / name)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_definitions_match_the_schema(path: Path) -> None:
    data = loading.read_file(path)
    jsonschema.Draft202012Validator.check_schema(loading.schema())
    jsonschema.validate(data, loading.schema())
    assert loading.parse(data, source=path.name).slug == data["slug"]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["mentale-fitheid", "mirror"])
def test_shipped_definitions_link_only_provisions_and_experts_of_the_published_edition(slug: str) -> None:
    instrument = loading.get(slug)
    assert instrument is not None
    loading.validate_against_catalogue(instrument)  # raises on an unknown slug


def test_shipped_definitions_link_only_provisions_in_the_catalogue_source_file() -> None:
    source = json.loads((Path(loading.__file__).parents[1] / "catalogue/data/zorgwijzer-2022-2023.json").read_text())
    provisions = {p["slug"] for p in source["provisions"]} | {
        sub["slug"] for p in source["provisions"] for sub in p.get("sub_provisions", [])
    }
    experts = {e["slug"] for e in source["experts"]}
    for instrument in loading.instruments().values():
        assert loading.catalogue_link_errors(instrument, provisions, experts) == []


@pytest.mark.django_db
def test_a_definition_linking_an_unknown_provision_fails_validation() -> None:
    data = _raw()
    data["advice"][0]["provisions"] = ["bestaat-niet-in-de-catalogus"]
    instrument = loading.parse(data)
    with pytest.raises(DefinitionError, match="unknown provision slug 'bestaat-niet-in-de-catalogus'"):
        loading.validate_against_catalogue(instrument)


@pytest.mark.django_db
def test_the_database_check_reports_an_unknown_provision(settings: Any, tmp_path: Path) -> None:
    data = _raw()
    data["slug"] = "kapotte-test"
    data["advice"][0]["provisions"] = ["bestaat-niet"]
    (tmp_path / "kapot.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    settings.SELFTESTS_DEFINITION_DIRS = [str(tmp_path)]
    messages = [message for message in run_checks(include_deployment_checks=False, databases=["default"])]
    assert [m.id for m in messages if (m.id or "").startswith("selftests.")] == ["selftests.E002"]


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    change(data)
    return data


BAD_DEFINITIONS = {
    "missing title": lambda d: d.pop("title"),
    "no English text": lambda d: d["pages"][0]["items"][0]["text"].pop("en"),
    "unknown key": lambda d: d.update(colour="blauw"),
    "points below zero": lambda d: d["scales"]["reactie"][0].update(points=-1),
    "unknown condition": lambda d: d["bands"][0].update(when={"average_at_least": 2}),
    "bad slug": lambda d: d.update(slug="Mirror Test"),
    "unknown scale": lambda d: d["pages"][0]["items"][0].update(scale="bestaat-niet"),
    "unknown domain": lambda d: d["pages"][0]["items"][0].update(domain="bestaat-niet"),
    "item used twice": lambda d: d["pages"][1]["items"][0].update(id="mi-herbeleven-beelden"),
    "condition on unknown item": lambda d: d["safety"][0].update(when={"points_at_least": {"item": "x", "points": 1}}),
    "answer not on the scale": lambda d: d["safety"][0].update(
        when={"answer": {"item": "mi-veiligheid", "in": ["misschien"]}}
    ),
    "unknown band in advice": lambda d: d["advice"][0].update(when={"band": ["rood"]}),
    "default band with a condition": lambda d: d["bands"][-1].update(when={"total_at_least": 1}),
    "unreachable threshold": lambda d: d["domains"][0]["thresholds"].update(hoog=99),
    "no catch-all advice with a provision": lambda d: d["advice"].pop(),
    "mode not offered": lambda d: d.update(modes=["zelf"]),
}


@pytest.mark.parametrize("change", BAD_DEFINITIONS.values(), ids=BAD_DEFINITIONS.keys())
def test_a_bad_definition_fails_at_load_time(change: Any) -> None:
    with pytest.raises(DefinitionError):
        loading.parse(_broken(change), source="kapot.yaml")


def test_a_bad_file_in_a_drop_in_folder_stops_loading(settings: Any, tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("slug: kapot\nversion: 1\n")
    settings.SELFTESTS_DEFINITION_DIRS = [str(tmp_path)]
    with pytest.raises(DefinitionError, match=r"kapot\.yaml"):
        loading.instruments()


def test_a_drop_in_cannot_reuse_a_shipped_slug(settings: Any, tmp_path: Path) -> None:
    (tmp_path / "dubbel.yaml").write_text(yaml.safe_dump(_raw(), allow_unicode=True))
    settings.SELFTESTS_DEFINITION_DIRS = [str(tmp_path)]
    with pytest.raises(DefinitionError, match="already used"):
        loading.instruments()


# --- The example licensed instrument, dropped in as an organisation would ---------------------


def test_example_licensed_instrument_is_valid_and_listed(example_instrument: Instrument) -> None:
    assert (EXAMPLE_DIR / "voorbeeld-licentie.yaml").exists()
    assert list(loading.instruments()) == ["mentale-fitheid", "mirror", "voorbeeld-licentie"]
    assert example_instrument.license["holder"] == "Voorbeeld Instituut B.V."


@pytest.mark.django_db
def test_example_licensed_instrument_works_on_pages_and_api(client: Any, example_instrument: Instrument) -> None:
    loading.validate_against_catalogue(example_instrument)
    index = client.get(reverse("selftests:index"))
    assert "Voorbeeldtest met licentie" in index.text
    start = client.get(reverse("selftests:run", args=["voorbeeld-licentie"]))
    assert "Voorbeeld Instituut B.V." in start.text
    page = client.post(reverse("selftests:result", args=["voorbeeld-licentie"]), highest(example_instrument))
    assert "XQ7 hoog" in page.text
    api = client.post(
        reverse("selftest-score", args=["voorbeeld-licentie"]),
        data=json.dumps({"answers": lowest(example_instrument)}),
        content_type="application/json",
    )
    assert api.json()["band"]["id"] == "laag"
    assert [link["slug"] for link in api.json()["provisions"]] == ["fit-at-np"]


def test_texts_follow_the_active_language(fitheid: Instrument) -> None:
    from django.utils import translation

    with translation.override("en"):
        assert str(fitheid.title) == "Mental Fitness Self-Test"
    with translation.override("nl"):
        assert str(fitheid.title) == "Zelftest Mentale Fitheid"


@pytest.mark.django_db
def test_a_link_the_published_edition_lacks_is_left_out_and_logged_without_the_visitors_answers(
    caplog: Any, fitheid: Any
) -> None:
    from catalogue.models import Provision
    from selftests import presentation
    from selftests.forms import answers_of
    from selftests.scoring import score
    from selftests.tests.conftest import highest

    result = score(fitheid, answers_of(fitheid, highest(fitheid)))
    gone = result.provision_slugs[0]
    Provision.objects.filter(slug=gone).update(slug=f"{gone}-oud")
    with caplog.at_level("ERROR", logger="selftests.presentation"):
        context = presentation.result_context(result)
    assert gone not in [link.slug for link in context["provisions"]]
    assert f"unknown provision slug {gone!r}" in caplog.text
    assert "mf-" not in caplog.text  # no item ids or answers


@pytest.mark.django_db
def test_the_links_a_process_keeps_follow_the_content_version_also_after_the_cache_was_lost(fitheid: Any) -> None:
    from django.core.cache import cache

    from catalogue import selectors
    from catalogue.models import Provision
    from selftests import presentation

    slug = sorted(presentation.instrument_links(fitheid)[0])[0]
    before = presentation.instrument_links(fitheid)[0][slug].name
    # A rename that no signal reports (a raw update, a restore): the version stays, the process
    # keeps the links it has ...
    Provision.objects.filter(slug=slug).update(name="Nieuwe naam")
    assert presentation.instrument_links(fitheid)[0][slug].name == before
    # ... until the cache is lost: the version then starts at a number not used before, so the
    # process does not take its old links for the new version.
    cache.clear()
    assert presentation.instrument_links(fitheid)[0][slug].name == "Nieuwe naam"
    # A change through the models moves the version at once.
    provision = Provision.objects.get(edition=selectors.current_edition(), slug=slug)
    provision.name = "Derde naam"
    provision.save()
    assert presentation.instrument_links(fitheid)[0][slug].name == "Derde naam"
