"""Documents: only PDF, DOCX, ODT, TXT, PNG and JPEG by their content, up to the size limit; the
message is at the file field."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from complaints.forms import DocumentForm
from complaints.tests import factories
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
DOCM = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>", "word/vbaProject.bin": b"macro"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def _form(name: str, content: bytes) -> DocumentForm:
    return DocumentForm({"kind": "klachtbrief"}, MultiValueDict({"file": [SimpleUploadedFile(name, content)]}))


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("brief.pdf", b"%PDF-1.7\n...", "application/pdf"),
        ("brief.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("brief.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("brief.txt", "Geachte heer, één klacht.".encode(), "text/plain"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
    ],
)
def test_the_allowed_types_are_accepted_by_their_content(name: str, content: bytes, content_type: str) -> None:
    form = _form(name, content)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["content_type"] == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.pdf", b"MZ\x90\x00 windows program"),  # an executable named .pdf
        ("brief.exe", b"%PDF-1.7"),  # a pdf under the wrong name
        ("brief.docm", DOCM),
        ("brief.docx", DOCM),  # macros in a docx name
        ("pagina.html", b"<script>alert(1)</script>"),
        ("foto.png", b"\xff\xd8\xff\xe0"),  # a jpeg named png
    ],
)
def test_other_types_are_refused_at_the_file_field(name: str, content: bytes) -> None:
    form = _form(name, content)
    assert not form.is_valid()
    assert "Dit soort bestand kan niet worden toegevoegd" in form.errors["file"][0]


def test_a_file_above_the_size_limit_is_refused(settings: Any) -> None:
    settings.COMPLAINTS_DOCUMENT_MAX_BYTES = 10
    form = _form("brief.txt", b"Dit is meer dan tien bytes.")
    assert not form.is_valid()
    assert "te groot" in form.errors["file"][0]


def test_an_upload_through_the_page_is_stored_under_a_random_name(
    organisation: Any, login_as: Any, document_root: Any
) -> None:
    complaint = factories.complaint(organisation)
    client = login_as(organisation.users[Role.KLACHTBEHANDELAAR])
    upload = SimpleUploadedFile("intake Jan Jansen.pdf", b"%PDF-1.7\nverslag")
    response = client.post(f"/klachten/{complaint.pk}/stukken/", {"kind": "intakeverslag", "file": upload})
    assert response.status_code == 302
    document = complaint.documents.get()
    assert document.original_name == "intake Jan Jansen.pdf"
    stored = document.file.name or ""
    assert "Jansen" not in stored and stored.endswith(".pdf")
    assert (document_root / stored).read_bytes() == b"%PDF-1.7\nverslag"


def test_a_refused_upload_is_not_stored(organisation: Any, login_as: Any, document_root: Any) -> None:
    complaint = factories.complaint(organisation)
    client = login_as(organisation.users[Role.KLACHTBEHANDELAAR])
    upload = SimpleUploadedFile("brief.pdf", b"MZ\x90\x00")
    response = client.post(f"/klachten/{complaint.pk}/stukken/", {"kind": "klachtbrief", "file": upload})
    assert response.status_code == 200
    assert "Dit soort bestand" in response.context["document_form"].errors["file"][0]
    assert not complaint.documents.exists()
    assert not document_root.exists() or not any(document_root.iterdir())
