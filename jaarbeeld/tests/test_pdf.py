"""``manage.py jaarbeeld 2022 --pdf``: a tagged PDF with charts, tables and extractable text."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def rendered(
    django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    out, err = io.StringIO(), io.StringIO()
    directory = tmp_path_factory.mktemp("jaarbeeld")
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("jaarbeeld", "2022", "--pdf", "--uitvoer", str(directory), stdout=out, stderr=err)
    return directory / "sociaal-jaarbeeld-2022.pdf", err.getvalue()


def test_the_command_writes_html_and_pdf_with_a_progress_bar(rendered: tuple[Path, str]) -> None:
    pdf, progress = rendered
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.with_suffix(".html").exists()
    assert "[" + "#" * 30 + "] 4/4" in progress


def test_the_pdf_text_can_be_extracted(rendered: tuple[Path, str]) -> None:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(rendered[0]).pages)
    for phrase in ("Sociaal Jaarbeeld 2022", "Wat is het beeld", "Oorzaken en risico", "Ontwikkelingen en", "33%"):
        assert phrase in text


def test_the_pdf_headings_are_tagged(rendered: tuple[Path, str]) -> None:
    from pypdf import PdfReader

    reader = PdfReader(rendered[0])
    root: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    kinds: set[str] = set()

    def walk(node: object, depth: int = 0) -> None:
        if depth > 60:
            return
        obj = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(obj, dict):
            if "/S" in obj:
                kinds.add(str(obj["/S"]))
            kids = obj.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid, depth + 1)

    walk(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/H3"} <= kinds
    assert "/Table" in kinds


def test_the_rendered_pages_show_the_charts(rendered: tuple[Path, str]) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(rendered[0]))
    chart_pages = 0
    for index in range(len(document)):
        image = document[index].render(scale=1).to_pil().convert("RGB")
        # The bars are drawn in the theme colour #154273; text is black, so only charts have it.
        colours = dict((colour, count) for count, colour in image.getcolors(maxcolors=1 << 24) or [])
        if colours.get((0x15, 0x42, 0x73), 0) > 200:
            chart_pages += 1
    assert chart_pages >= 1
    assert len(document) >= 5  # rode draden, four dimension pages (each starts a page), history
