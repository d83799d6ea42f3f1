"""What the Plan van Aanpak page shows of each measure, as typed values: names instead of slugs,
the change on its scales, its progress notes and the form for a quick status update. The page
reads these instead of looking names up in the template or on patched model objects."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.forms import MeasureUpdateForm
from monitor.models import Campaign, Measure, ProgressNote
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
