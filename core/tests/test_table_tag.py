"""The ``{% table %}`` tag: one NL Design System table scaffolding for every list page."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError

TEMPLATE = (
    '{% load zorgwijzer %}{% table caption "t-caption" "Naam" "Aantal" numeric="2" %}'
    "<tr><td>{{ name }}</td></tr>{% endtable %}"
)


def test_the_table_is_a_region_labelled_by_its_caption_with_numeric_headers_marked():
    html = Template(TEMPLATE).render(Context({"caption": "Teams <2026>", "name": "<script>"}))
    assert 'role="region" aria-labelledby="t-caption"' in html
    assert '<caption class="utrecht-table__caption" id="t-caption">Teams &lt;2026&gt;</caption>' in html
    assert '<th class="utrecht-table__header-cell" scope="col">Naam</th>' in html
    assert '<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Aantal</th>' in html
    assert '<tbody class="utrecht-table__body"><tr><td>&lt;script&gt;</td></tr></tbody>' in html


def test_a_table_without_caption_id_is_refused():
    with pytest.raises(TemplateSyntaxError, match="caption"):
        Template('{% load zorgwijzer %}{% table "Alleen een titel" %}{% endtable %}')


def test_a_footer_and_a_test_id_are_optional():
    source = (
        '{% load zorgwijzer %}{% table "Teams" "t" "Naam" testid="teams" %}<tr><td>a</td></tr>'
        "{% tablefoot %}<tr><td>totaal</td></tr>{% endtable %}"
    )
    html = Template(source).render(Context())
    assert '<table class="utrecht-table utrecht-table--html-table" data-testid="teams">' in html
    assert '<tfoot class="utrecht-table__footer"><tr><td>totaal</td></tr></tfoot>' in html
    assert "tfoot" not in Template(TEMPLATE).render(Context({"caption": "x"}))
    assert "data-testid" not in Template(TEMPLATE).render(Context({"caption": "x"}))


def test_an_empty_header_leaves_its_column_out():
    source = '{% load zorgwijzer %}{% table "T" "t" "Naam" actions %}{% endtable %}'
    assert 'scope="col">Acties' in Template(source).render(Context({"actions": "Acties"}))
    assert Template(source).render(Context({})).count('scope="col"') == 1


def test_a_stacked_table_is_marked_for_the_phone_layout_and_others_are_not():
    stacked = Template(
        '{% load zorgwijzer %}{% table "Teams" "t" "Naam" stacked="1" %}'
        '<tr><td data-label="Naam">a</td></tr>{% endtable %}'
    ).render(Context())
    plain = Template(TEMPLATE).render(Context({"caption": "Teams", "name": "a"}))
    assert 'class="utrecht-table utrecht-table--html-table zw-table--stacked"' in stacked
    assert "zw-table--stacked" not in plain
