"""What the Plan van Aanpak page shows of each measure, as typed values: names instead of slugs,
the change on its scales, its progress notes and the form for a quick status update. The page
reads these instead of looking names up in the template or on patched model objects."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from monitor.forms import MeasureUpdateForm
from monitor.models import Campaign, Measure, ProgressNote
from monitor.results import Comparison
from monitor.selectors import MeasureEffect, measure_effects


@dataclass(frozen=True)
class ProvisionLink:
    """A provision a measure uses; ``name`` is empty when the current catalogue lacks the slug."""

    slug: str
    name: str


@dataclass(frozen=True)
class MeasureCard:
    measure: Measure
    scale_names: tuple[str, ...]
    provisions: tuple[ProvisionLink, ...]
    effects: tuple[MeasureEffect, ...]
    notes: tuple[ProgressNote, ...]
    update_form: MeasureUpdateForm

    @property
    def effects_caption_id(self) -> str:
        return f"effect-{self.measure.pk}"


def measure_cards(
    measures: list[Measure],
    campaigns: list[Campaign],
    scale_names: dict[str, str],
    provision_names: dict[str, str],
) -> list[MeasureCard]:
    """One card per measure (notes from the prefetch of ``selectors.plan_measures``)."""
    return [
        MeasureCard(
            measure=measure,
            # A slug the questionnaire no longer knows shows no name, as before.
            scale_names=tuple(scale_names.get(slug, "") for slug in measure.scales),
            provisions=tuple(ProvisionLink(slug, provision_names.get(slug, "")) for slug in measure.provisions),
            effects=tuple(measure_effects(measure, campaigns)),
            notes=tuple(measure.notes.all()),
            update_form=MeasureUpdateForm(initial={"status": measure.status}, prefix=f"m{measure.pk}"),
        )
        for measure in measures
    ]


@dataclass(frozen=True)
class ChartGroup:
    """The dashboard chart's scales of one direction, drawn as their own labelled group, so a
    longer bar means the same thing within a group: better in one, heavier in the other."""

    slug: str
    title: str
    axis: str
    rows: tuple[Comparison, ...]


def chart_groups(comparisons: list[Comparison]) -> list[ChartGroup]:
    """The scales where higher is better, then those where higher is worse (empty groups left out)."""
    groups = [
        ChartGroup(
            "hoger-beter",
            _("Schalen waar hoger beter is"),
            _("Langere balk is beter: 1 is het minst goed, 5 het best."),
            tuple(row for row in comparisons if row.higher_is_better),
        ),
        ChartGroup(
            "hoger-zwaarder",
            _("Schalen waar hoger zwaarder is"),
            _("Langere balk is zwaarder: 1 is het lichtst, 5 het zwaarst."),
            tuple(row for row in comparisons if not row.higher_is_better),
        ),
    ]
    return [group for group in groups if group.rows]
