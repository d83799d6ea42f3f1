"""A website contact channel becomes a link only to http(s), mailto, tel or a page of Zorgwijzer
itself: ``javascript:`` and ``//host`` "internal" links are refused at the field, by the model,
and never rendered as a link even when already stored (the CSP is the last line, not the first)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogue import selectors
from catalogue.constants import ChannelKind
from catalogue.models import ContactChannel, Edition, Provision
from catalogue.tests.factories import channel_rows, concept_edition, edit_url, form_data
from conftest import Organisation
from organisation.constants import Role

pytestmark = pytest.mark.django_db

REFUSED = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)//pzp.nl",
    "javascript://pzp.nl/%0aalert(1)",
    " javascript:alert(1).nl",
    "java\tscript:alert(1).nl",
    "data:text/html;base64,PHNjcmlwdD4=.nl",
    "vbscript:msgbox(1).nl",
    "//evil.example/zelftest/",
    "///evil.example",
    "/\\evil.example",
    "https:evil.example",
    "https://",
]
ACCEPTED = {
    "pzp.nl": "https://pzp.nl",
    "https://www.politie.nl/pad?x=1#top": "https://www.politie.nl/pad?x=1#top",
    "HTTP://example.nl": "HTTP://example.nl",
    "mailto:vgw@politie.nl": "mailto:vgw@politie.nl",
    "tel:+31881234567": "tel:+31881234567",
    "/zelftest/mirror/": "/zelftest/mirror/",
}


@pytest.fixture
def concept(organisation: Organisation) -> Edition:
    return concept_edition(organisation.users[Role.INHOUDSBEHEERDER])


def _post(login_as: Any, organisation: Organisation, provision: Provision, value: str) -> Any:
    row = {"kind": ChannelKind.WEBSITE, "unit": "", "label": "Website", "value": value}
    data = {**form_data(provision), **channel_rows(row)}
    return login_as(organisation.users[Role.INHOUDSBEHEERDER]).post(edit_url(provision), data)


@pytest.mark.parametrize("value", REFUSED)
def test_the_editor_refuses_a_link_that_is_not_http_mailto_tel_or_one_of_our_pages(
    login_as: Any, organisation: Organisation, concept: Edition, value: str
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    response = _post(login_as, organisation, provision, value)
    assert response.status_code == 200
    message = response.context["channels"].forms[0].errors["value"][0]
    assert "http" in message or "/" in message
    assert not provision.channels.filter(value=value.strip()).exists()


@pytest.mark.parametrize(("value", "href"), ACCEPTED.items())
def test_the_editor_accepts_http_mailto_tel_and_our_own_pages(
    login_as: Any, organisation: Organisation, concept: Edition, value: str, href: str
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    assert _post(login_as, organisation, provision, value).status_code == 302
    assert provision.channels.get(kind=ChannelKind.WEBSITE).href == href


def test_the_refusal_names_what_is_allowed_in_dutch(
    login_as: Any, organisation: Organisation, concept: Edition
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    scheme = _post(login_as, organisation, provision, "javascript:alert(1)")
    assert (
        "Alleen links die beginnen met http://, https://, mailto: of tel: zijn toegestaan."
        in (scheme.context["channels"].forms[0].errors["value"][0])
    )
    relative = _post(login_as, organisation, provision, "//evil.example")
    assert (
        "Een pagina van Zorgwijzer begint met precies één /" in relative.context["channels"].forms[0].errors["value"][0]
    )


@pytest.mark.parametrize("value", REFUSED)
def test_the_model_refuses_the_same_links(value: str) -> None:
    provision = Provision.objects.filter(edition=selectors.current_edition()).first()
    channel = ContactChannel(provision=provision, kind=ChannelKind.WEBSITE, label="Website", value=value)
    with pytest.raises(ValidationError) as refused:
        channel.full_clean()
    assert "value" in refused.value.message_dict


@pytest.mark.parametrize("value", REFUSED)
def test_a_stored_bad_link_is_shown_as_text_not_as_a_link(client: Any, value: str) -> None:
    provision = Provision.objects.get(edition=selectors.current_edition(), slug="mental-check-up")
    channel = ContactChannel.objects.create(provision=provision, kind=ChannelKind.WEBSITE, label="Oud", value=value)
    assert channel.href == ""
    page = client.get(reverse("catalogue:provision", args=["mental-check-up"])).content.decode()
    assert 'href="javascript' not in page.lower() and 'href="//' not in page and 'href="/\\' not in page


def test_the_api_does_not_write_channels(login_as: Any, organisation: Organisation) -> None:
    client = login_as(organisation.users[Role.INHOUDSBEHEERDER])
    url = "/api/v1/voorzieningen/mental-check-up/"
    channel = {"kind": "website", "label": "X", "value": "javascript:alert(1)"}
    for method in (client.post, client.put, client.patch):
        response = method(url, {"contact_channels": [channel]}, content_type="application/json")
        assert response.status_code in (403, 405)
    assert not ContactChannel.objects.filter(value__startswith="javascript").exists()
