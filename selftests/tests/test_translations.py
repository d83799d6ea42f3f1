"""Every definition text has both languages (interface strings are checked for the whole project
by ``make checks``: the English catalogue may have no untranslated or fuzzy entries)."""

from __future__ import annotations

from selftests import loading


def test_every_definition_text_is_in_dutch_and_english() -> None:
    for instrument in loading.instruments().values():
        texts = [instrument.title, instrument.summary, instrument.intro]
        texts += [item.text for item in instrument.items] + [band.summary for band in instrument.bands]
        texts += [rule.text for rule in instrument.advice]
        assert all(text.nl.strip() and text.en.strip() and text.nl != text.en for text in texts), instrument.slug
