"""The edition as one document: HTML (for a file or the page) and a tagged PDF (WeasyPrint).

Used by ``manage.py jaarbeeld``, by the document pages and by the bench. ``steps`` reports
progress (``callback(done, total, label)``) so the command can draw a progress bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from jaarbeeld import selectors, services
from jaarbeeld.models import Edition
from jaarbeeld.presentation import thread_parts
from organisation.models import Unit

Progress = Callable[[int, int, str], None]
STEPS = 4


def _quiet(done: int, total: int, label: str) -> None:
    return None


def context(edition: Edition, *, unit: Unit | None = None) -> dict[str, Any]:
    return {
        "edition": edition,
        "unit": unit,
        "parts": thread_parts(selectors.thread_items(edition)),
        "pages": selectors.dimension_pages(edition, unit=unit),
        "rounds": list(edition.rounds.all()),
    }


def render_html(edition: Edition, *, unit: Unit | None = None, standalone: bool = True) -> str:
    """The whole edition; ``standalone``: a complete HTML file with its own print stylesheet."""
    template = "jaarbeeld/document_file.html" if standalone else "jaarbeeld/_document_body.html"
    return render_to_string(template, context(edition, unit=unit))


def render_pdf(html: str) -> bytes:
    """A tagged PDF (headings, lists and tables as structure), so it is readable with assistive
    technology and its text can be extracted."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_tags=True)


@dataclass(frozen=True)
class Written:
    html: Path
    pdf: Path | None


def regenerate(
    edition: Edition,
    *,
    pdf: bool,
    unit: Unit | None = None,
    directory: Path | None = None,
    progress: Progress = _quiet,
) -> Written:
    """Freeze the platform values of the year (if it is over), then write the HTML and the PDF."""
    total = STEPS if pdf else STEPS - 1
    progress(0, total, _("Cijfers van het platform vastleggen"))
    services.platform_values_freeze(year=edition.year)
    progress(1, total, _("Tekst en indicatoren verzamelen"))
    html = render_html(edition, unit=unit)
    progress(2, total, _("HTML schrijven"))
    directory = directory or Path(settings.JAARBEELD_OUTPUT_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"sociaal-jaarbeeld-{edition.year}" + (f"-{unit.code}" if unit else "")
    html_path = directory / f"{stem}.html"
    html_path.write_text(html, encoding="utf-8")
    pdf_path = None
    if pdf:
        progress(3, total, _("PDF opmaken"))
        pdf_path = directory / f"{stem}.pdf"
        pdf_path.write_bytes(render_pdf(html))
    progress(total, total, _("Klaar"))
    return Written(html=html_path, pdf=pdf_path)
