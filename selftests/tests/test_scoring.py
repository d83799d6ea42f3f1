"""Every scoring rule, band, safety rule and advice rule of both instruments, table-driven,
plus the properties that must hold for every possible answer set (hypothesis)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selftests import loading
from selftests.loading import Instrument
from selftests.scoring import Answers, crisis, missing_or_invalid, score, visible_pages
from selftests.tests.conftest import TODAY, lowest, with_points


def _instrument(slug: str) -> Instrument:
    instrument = loading.get(slug)
    assert instrument is not None
    return instrument


FITHEID = _instrument("mentale-fitheid")
MIRROR = _instrument("mirror")


def by_domain(instrument: Instrument, points: dict[str, int], per_item: int = 0, **answers: str) -> dict[str, str]:
    """Answers where each named domain gets exactly these points (spread over its items), every
    other scored item ``per_item`` points, and the given raw answers (e.g. the zeden gate)."""
    wanted: dict[str, int] = {}
    for item in instrument.items:
        if item.domain in points:
            share = min(item.max_points, points[item.domain])
            points[item.domain] -= share
            wanted[item.id] = share
        elif item.domain:
            wanted[item.id] = per_item
    assert not any(points.values()), f"more points than the items of {points} can hold"
    values = with_points(instrument, wanted)
    return values | {
        item.id: value
        for item, value in ((instrument.item(k.replace("_", "-")), v) for k, v in answers.items())
        if item
    }


def _answers(values: dict[str, str], mode: str = "zelf", days: int | None = None) -> Answers:
    event = TODAY - datetime.timedelta(days=days) if days is not None else None
    return Answers(values=values, mode=mode, event_date=event, today=TODAY)


def _mirror(values: dict[str, str], mode: str = "zelf", days: int = 10) -> Answers:
    return _answers(values, mode=mode, days=days)


# --- Domain bands: every domain of both instruments, just below and at each threshold ---------

DOMAIN_CASES = [
    (instrument, domain, points, expected)
    for instrument in (FITHEID, MIRROR)
    for domain in instrument.domains
    for points, expected in (
        (domain.verhoogd - 1, "laag"),
        (domain.verhoogd, "verhoogd"),
        (domain.hoog - 1, "verhoogd" if domain.hoog - 1 >= domain.verhoogd else "laag"),
        (domain.hoog, "hoog"),
    )
]


@pytest.mark.parametrize(
    ("instrument", "domain", "points", "expected"),
    DOMAIN_CASES,
    ids=[f"{i.slug}-{d.id}-{p}" for i, d, p, _e in DOMAIN_CASES],
)
def test_domain_band_follows_its_thresholds(instrument: Instrument, domain: Any, points: int, expected: str) -> None:
    values = by_domain(instrument, {domain.id: points}, mf_zeden_werk="ja")
    result = score(instrument, _answers(values, days=5 if instrument.event_date else None))
    band = {row.domain.id: row for row in result.domains}[domain.id]
    assert (band.points, band.band) == (points, expected)


# --- Overall bands ---------------------------------------------------------------------------

FITHEID_BANDS = [
    ("niets aan de hand", lowest(FITHEID), "laag"),
    ("een onderdeel verhoogd", by_domain(FITHEID, {"werkdruk": 3}), "laag"),
    ("drie onderdelen verhoogd", by_domain(FITHEID, {"werkdruk": 3, "slaap": 3, "steun": 3}), "laag"),
    ("alles net onder verhoogd: totaal 21", by_domain(FITHEID, {"steun": 2}, per_item=1), "laag"),
    ("totaal 22 met een onderdeel verhoogd", by_domain(FITHEID, {}, per_item=1), "verhoogd"),
    (
        "vier onderdelen verhoogd",
        by_domain(FITHEID, {"werkdruk": 3, "slaap": 3, "steun": 3, "diensten": 3}),
        "verhoogd",
    ),
    ("een onderdeel hoog", by_domain(FITHEID, {"werkdruk": 5}), "verhoogd"),
    ("zeden-module verhoogd", by_domain(FITHEID, {"zeden": 4}, mf_zeden_werk="ja"), "verhoogd"),
    ("zeden-module net niet verhoogd", by_domain(FITHEID, {"zeden": 3}, mf_zeden_werk="ja"), "laag"),
    (
        "drie onderdelen hoog",
        by_domain(FITHEID, {"werkdruk": 5, "slaap": 5, "diensten": 5}),
        "verhoogd",
    ),
    (
        "vier onderdelen hoog",
        by_domain(FITHEID, {"werkdruk": 5, "slaap": 5, "diensten": 5, "steun": 5}),
        "hoog",
    ),
    ("totaal 40 of meer", by_domain(FITHEID, {}, per_item=2), "hoog"),
    ("alles maximaal", with_points(FITHEID, {}, default=3), "hoog"),
]

MIRROR_BANDS = [
    ("geen reacties", lowest(MIRROR), "laag"),
    ("een onderdeel verhoogd", by_domain(MIRROR, {"herbeleven": 3}), "laag"),
    ("totaal 7", by_domain(MIRROR, {"herbeleven": 2, "spanning": 2, "vermijden": 2, "slaap": 1}), "laag"),
    (
        "totaal 8",
        by_domain(MIRROR, {"herbeleven": 2, "spanning": 2, "vermijden": 2, "slaap": 1, "functioneren": 1}),
        "verhoogd",
    ),
    ("twee onderdelen verhoogd", by_domain(MIRROR, {"herbeleven": 3, "spanning": 3}), "verhoogd"),
    ("een onderdeel hoog", by_domain(MIRROR, {"herbeleven": 5}), "verhoogd"),
    (
        "totaal 17",
        by_domain(MIRROR, {"herbeleven": 4, "spanning": 4, "vermijden": 4, "slaap": 2, "schuld-boosheid": 3}),
        "verhoogd",
    ),
    (
        "totaal 18",
        by_domain(MIRROR, {"herbeleven": 4, "spanning": 4, "vermijden": 4, "slaap": 2, "schuld-boosheid": 4}),
        "hoog",
    ),
    ("drie onderdelen hoog", by_domain(MIRROR, {"herbeleven": 5, "spanning": 5, "vermijden": 5}), "hoog"),
]


@pytest.mark.parametrize(("name", "values", "expected"), FITHEID_BANDS, ids=[row[0] for row in FITHEID_BANDS])
def test_mentale_fitheid_band(name: str, values: dict[str, str], expected: str) -> None:
    assert score(FITHEID, _answers(values)).band.id == expected


@pytest.mark.parametrize(("name", "values", "expected"), MIRROR_BANDS, ids=[row[0] for row in MIRROR_BANDS])
def test_mirror_band(name: str, values: dict[str, str], expected: str) -> None:
    assert score(MIRROR, _mirror(values)).band.id == expected


def test_totals_are_the_sum_of_the_scored_items() -> None:
    assert score(FITHEID, _answers(by_domain(FITHEID, {}, per_item=1))).total == 22
    assert score(FITHEID, _answers(with_points(FITHEID, {}, default=3))).total == 66  # module closed
    assert score(MIRROR, _mirror(with_points(MIRROR, {}, default=3))).total == 33


# --- Conditional module ------------------------------------------------------------------------


@pytest.mark.parametrize(("gate", "shown"), [("nee", False), ("ja", True)])
def test_zeden_module_only_for_those_whose_work_it_is(gate: str, shown: bool) -> None:
    values = {**with_points(FITHEID, {}, default=3), "mf-zeden-werk": gate}
    pages = [page.id for page in visible_pages(FITHEID, _answers(values))]
    assert ("zeden" in pages) is shown
    result = score(FITHEID, _answers(values))
    assert ("zeden" in {row.domain.id for row in result.domains}) is shown
    assert result.total == (78 if shown else 66)


def test_module_answers_are_not_required_when_the_module_is_closed() -> None:
    values = {
        key: value
        for key, value in lowest(FITHEID).items()
        if not key.startswith("mf-zeden-") or key == "mf-zeden-werk"
    }
    assert missing_or_invalid(FITHEID, _answers(values)) == {}
    values["mf-zeden-werk"] = "ja"
    assert set(missing_or_invalid(FITHEID, _answers(values))) == {
        "mf-zeden-beelden",
        "mf-zeden-kijken",
        "mf-zeden-afsluiten",
        "mf-zeden-praten",
    }


# --- Safety rules ------------------------------------------------------------------------------

SAFETY_CASES = [
    (FITHEID, "mf-veiligheid", "nee", False),
    (FITHEID, "mf-veiligheid", "soms", True),
    (FITHEID, "mf-veiligheid", "vaak", True),
    (MIRROR, "mi-veiligheid", "nee", False),
    (MIRROR, "mi-veiligheid", "weet-niet", True),
    (MIRROR, "mi-veiligheid", "ja", True),
]


@pytest.mark.parametrize(("instrument", "item", "value", "expected"), SAFETY_CASES)
def test_safety_rule(instrument: Instrument, item: str, value: str, expected: bool) -> None:
    values = {**lowest(instrument), item: value}
    answers = _answers(values, days=2 if instrument.event_date else None)
    assert score(instrument, answers).crisis is expected
    # Halfway through the test, with only this answer given, the crisis block already shows.
    assert crisis(instrument, _answers({item: value})) is expected


# --- Advice rules: each one given when its condition holds, and not otherwise ------------------

FITHEID_ADVICE = [
    ("laag-fit-blijven", lowest(FITHEID), by_domain(FITHEID, {"werkdruk": 5})),
    ("verhoogd-check-up", by_domain(FITHEID, {"werkdruk": 5}), lowest(FITHEID)),
    ("hoog-hulp-nu", by_domain(FITHEID, {}, per_item=2), by_domain(FITHEID, {"werkdruk": 5})),
    ("werkdruk", by_domain(FITHEID, {"werkdruk": 3}), by_domain(FITHEID, {"werkdruk": 2})),
    ("emotie-en-gebeurtenissen", by_domain(FITHEID, {"ingrijpende-gebeurtenissen": 3}), lowest(FITHEID)),
    (
        "emotie-en-gebeurtenissen",
        by_domain(FITHEID, {"emotionele-belasting": 3}),
        by_domain(FITHEID, {"emotionele-belasting": 2}),
    ),
    ("steun-en-gedrag", by_domain(FITHEID, {"regelruimte": 3}), by_domain(FITHEID, {"regelruimte": 2})),
    ("steun-en-gedrag", {**lowest(FITHEID), "mf-steun-ongewenst": "soms"}, lowest(FITHEID)),
    ("balans-en-diensten", by_domain(FITHEID, {"diensten": 3}), by_domain(FITHEID, {"diensten": 2})),
    ("balans-en-diensten", by_domain(FITHEID, {"slaap": 3}), lowest(FITHEID)),
    ("balans-en-diensten", by_domain(FITHEID, {"werk-prive": 3}), lowest(FITHEID)),
    ("geldzorgen", by_domain(FITHEID, {"geldzorgen": 2}), by_domain(FITHEID, {"geldzorgen": 1})),
    ("thuis", by_domain(FITHEID, {"relaties": 2}), by_domain(FITHEID, {"relaties": 1})),
    ("thuis", by_domain(FITHEID, {"zorgtaken": 2}), lowest(FITHEID)),
    ("gezondheid", by_domain(FITHEID, {"gezondheid": 3}), by_domain(FITHEID, {"gezondheid": 2})),
    (
        "zeden-module",
        by_domain(FITHEID, {"zeden": 4}, mf_zeden_werk="ja"),
        by_domain(FITHEID, {"zeden": 3}, mf_zeden_werk="ja"),
    ),
]


@pytest.mark.parametrize(("rule", "given_for", "not_for"), FITHEID_ADVICE, ids=[row[0] for row in FITHEID_ADVICE])
def test_mentale_fitheid_advice_rule(rule: str, given_for: dict[str, str], not_for: dict[str, str]) -> None:
    assert rule in [advice.id for advice in score(FITHEID, _answers(given_for)).advice]
    assert rule not in [advice.id for advice in score(FITHEID, _answers(not_for)).advice]


PERSISTING = by_domain(MIRROR, {"herbeleven": 3, "spanning": 3, "slaap": 2})  # verhoogd
MANY = by_domain(MIRROR, {}, per_item=2)  # hoog
FEW = lowest(MIRROR)

MIRROR_ADVICE = [
    ("vroeg-normale-verwerking", _mirror(PERSISTING, days=3), _mirror(PERSISTING, days=28)),
    ("vroeg-normale-verwerking", _mirror(FEW, days=27), _mirror(FEW, mode="collega", days=3)),
    ("vroeg-veel-last", _mirror(MANY, days=3), _mirror(PERSISTING, days=3)),
    ("vroeg-veel-last", _mirror(MANY, days=27), _mirror(MANY, days=28)),
    ("laat-aanhoudend", _mirror(PERSISTING, days=28), _mirror(PERSISTING, days=27)),
    ("laat-aanhoudend", _mirror(MANY, days=400), _mirror(FEW, days=42)),
    ("laat-goed-bezig", _mirror(FEW, days=42), _mirror(PERSISTING, days=42)),
    ("collega-gesprek", _mirror(FEW, mode="collega", days=3), _mirror(FEW, days=3)),
    ("collega-vroeg", _mirror(MANY, mode="collega", days=3), _mirror(MANY, mode="collega", days=28)),
    ("collega-laat", _mirror(PERSISTING, mode="collega", days=42), _mirror(FEW, mode="collega", days=42)),
]


@pytest.mark.parametrize(("rule", "given_for", "not_for"), MIRROR_ADVICE, ids=[row[0] for row in MIRROR_ADVICE])
def test_mirror_advice_rule(rule: str, given_for: Answers, not_for: Answers) -> None:
    assert rule in [advice.id for advice in score(MIRROR, given_for).advice]
    assert rule not in [advice.id for advice in score(MIRROR, not_for).advice]


@pytest.mark.parametrize("instrument", [FITHEID, MIRROR], ids=lambda i: i.slug)
def test_the_catch_all_advice_is_always_given(instrument: Instrument) -> None:
    for values in (lowest(instrument), with_points(instrument, {}, default=3)):
        assert "altijd-loket" in [rule.id for rule in score(instrument, _answers(values, days=9)).advice]


def test_referral_advice_names_the_routes_to_tco_bedrijfsarts_and_eenheidspsycholoog() -> None:
    result = score(MIRROR, _mirror(PERSISTING, days=42))
    rule = next(rule for rule in result.advice if rule.id == "laat-aanhoudend")
    assert {"bedrijfsarts", "eenheidspsycholoog"} <= set(rule.experts)
    assert "team-collegiale-ondersteuning" in rule.provisions
    assert "zonder je leidinggevende" in rule.text.nl


# --- Properties over every possible answer set ------------------------------------------------


@st.composite
def answer_sets(draw: st.DrawFn, instrument: Instrument) -> Answers:
    values = {item.id: draw(st.sampled_from([option.value for option in item.scale])) for item in instrument.items}
    mode = draw(st.sampled_from(instrument.modes))
    days = draw(st.integers(min_value=0, max_value=3650)) if instrument.event_date else None
    return _answers(values, mode=mode, days=days)


INSTRUMENTS = st.sampled_from([FITHEID, MIRROR])


@st.composite
def alarming_answer_sets(draw: st.DrawFn, instrument: Instrument) -> Answers:
    """Any answer set, with an answer to the safety question that fires the safety rule."""
    answers = draw(answer_sets(instrument))
    item_id = "mf-veiligheid" if instrument is FITHEID else "mi-veiligheid"
    item = instrument.item(item_id)
    assert item is not None
    alarming = draw(st.sampled_from([option.value for option in item.scale if option.points >= 1]))
    return Answers({**answers.values, item_id: alarming}, answers.mode, answers.event_date, answers.today)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), instrument=INSTRUMENTS)
def test_every_answer_set_links_at_least_one_existing_provision(
    published_slugs: tuple[set[str], set[str]], data: st.DataObject, instrument: Instrument
) -> None:
    provisions, experts = published_slugs
    result = score(instrument, data.draw(answer_sets(instrument)))
    assert result.provision_slugs, "every result links at least one provision"
    assert set(result.provision_slugs) <= provisions
    assert set(result.expert_slugs) <= experts


@pytest.fixture
def published_slugs(db: None) -> tuple[set[str], set[str]]:
    return loading.published_catalogue_slugs()


@settings(max_examples=400, deadline=None)
@given(data=st.data(), instrument=INSTRUMENTS)
def test_raising_any_risk_answer_never_lowers_the_band(data: st.DataObject, instrument: Instrument) -> None:
    answers = data.draw(answer_sets(instrument))
    scored = [item for page in visible_pages(instrument, answers) for item in page.items if item.domain]
    item = data.draw(st.sampled_from(scored))
    current = item.option(answers.values[item.id])
    assert current is not None
    higher = [option for option in item.scale if option.points > current.points]
    if not higher:
        return
    raised = Answers(
        {**answers.values, item.id: data.draw(st.sampled_from(higher)).value},
        answers.mode,
        answers.event_date,
        answers.today,
    )
    before, after = score(instrument, answers), score(instrument, raised)
    assert instrument.band_rank(after.band.id) >= instrument.band_rank(before.band.id)
    assert after.total > before.total
    for old, new in zip(before.domains, after.domains, strict=True):
        assert loading.BAND_ORDER.index(new.band) >= loading.BAND_ORDER.index(old.band)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), instrument=INSTRUMENTS)
def test_a_safety_answer_always_shows_the_crisis_block(data: st.DataObject, instrument: Instrument) -> None:
    answers = data.draw(alarming_answer_sets(instrument))
    assert score(instrument, answers).crisis
    assert crisis(instrument, answers)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), instrument=INSTRUMENTS)
def test_a_safety_answer_never_comes_with_a_reassuring_card(data: st.DataObject, instrument: Instrument) -> None:
    # A crisis box next to "this is part of normal processing" tells the person two opposite things.
    result = score(instrument, data.draw(alarming_answer_sets(instrument)))
    assert result.crisis
    assert not [rule.id for rule in result.advice if rule.reassuring]
    assert result.advice, "the person still gets advice on what to do"


@pytest.mark.parametrize("instrument", [FITHEID, MIRROR], ids=lambda i: i.slug)
def test_each_instrument_marks_its_reassuring_advice(instrument: Instrument) -> None:
    # Without a marked card the property above would hold for the wrong reason.
    assert [rule.id for rule in instrument.advice if rule.reassuring]


def test_the_mirror_three_days_after_with_every_reaction_and_a_safety_answer_shows_no_normal_card() -> None:
    values = {item.id: max(item.scale, key=lambda option: option.points).value for item in MIRROR.items}
    result = score(MIRROR, _answers(values, mode="zelf", days=3))
    assert result.crisis
    shown = {rule.id for rule in result.advice}
    assert "vroeg-normale-verwerking" not in shown
    assert "altijd-loket" in shown
    safety_item = MIRROR.item("mi-veiligheid")
    assert safety_item is not None
    without_safety = score(MIRROR, _answers({**values, "mi-veiligheid": safety_item.scale[0].value}, days=3))
    assert "vroeg-normale-verwerking" in {rule.id for rule in without_safety.advice}
