"""API tokens for systems that push data (issue 23 §4): made, listed (the token shown once) and
revoked by the functioneel beheerder; the Barista import accepts only a token with its scope;
every use and every refusal is in the audit trail, and the token is in no log line or audit row."""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

import access
from accounts import tokens
from accounts.constants import ApiScope
from accounts.models import ApiToken
from barista.models import Exposure
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db

#: Exposures must lie in the past and within the retention period: the clock stands still here.
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
PUSH_URL = "/api/v1/barista-import/"
TOKENS_URL = "/account/api-tokens/"


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def beheerder(organisation: Any) -> Any:
    return organisation.users[Role.FUNCTIONEEL_BEHEERDER]


@pytest.fixture
def made(beheerder: Any, frozen: Any) -> tokens.NewToken:
    return tokens.api_token_create(actor=beheerder, name="Meldingensysteem Noord", scopes=[ApiScope.BARISTA_EXPOSURES])


def records(employee: Any, *external_ids: str) -> str:
    return json.dumps(
        {
            "records": [
                {
                    "extern_id": external_id,
                    "personeelsnummer": employee.employee_number,
                    "soort": "belediging",
                    "datum_tijd": "2026-06-10T22:15:00+02:00",
                }
                for external_id in external_ids
            ]
        }
    )


def push(body: str, token: str | None, *, keyword: str = "Bearer", client: Client | None = None) -> Any:
    headers = {"Authorization": f"{keyword} {token}"} if token is not None else {}
    return (client or Client()).post(PUSH_URL, body, content_type="application/json", headers=headers)


def everything_recorded() -> str:
    """Every audit row as text, to search for what must never be in it."""
    return json.dumps(list(AuditEvent.objects.values()), default=str)


# --- Making, listing and revoking on the beheer pages ----------------------------------------------


def test_a_new_token_is_shown_once_and_the_list_shows_only_its_prefix(
    login_as: Any, beheerder: Any, frozen: Any
) -> None:
    client = login_as(beheerder)
    response = client.post(
        reverse("accounts:api_token_create"),
        {"name": "Meldingensysteem Noord", "scopes": [ApiScope.BARISTA_EXPOSURES], "expires_on": "2027-06-30"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    shown = re.search(r'data-testid="api-token">([^<]+)<', response.content.decode())
    assert shown is not None
    token = shown.group(1)
    assert tokens.TOKEN_PATTERN.match(token)

    record = ApiToken.objects.get()
    assert (record.name, record.scopes, str(record.expires_on)) == (
        "Meldingensysteem Noord",
        ["barista:blootstellingen"],
        "2027-06-30",
    )
    assert record.secret_hash == tokens.token_hash(token) and token.startswith(record.prefix + "_")
    stored = json.dumps(list(ApiToken.objects.values()), default=str)
    assert token not in stored and token[len(record.prefix) :] not in stored

    listing = client.get(TOKENS_URL).content.decode()
    assert record.prefix in listing and "Meldingensysteem Noord" in listing
    assert token not in listing and token[len(record.prefix) + 1 :] not in listing
    # Nowhere to be shown again: the creation page is the answer to the POST, a GET is an empty form.
    assert token not in client.get(reverse("accounts:api_token_create")).content.decode()

    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="accounts.apitoken")
    assert (created.actor_id, created.object_id) == (beheerder.pk, str(record.pk))
    assert token not in everything_recorded()


def test_the_token_pages_need_a_verified_second_factor(client: Client, beheerder: Any, frozen: Any) -> None:
    client.force_login(beheerder)  # password only: no second factor in this session
    verify = reverse("accounts:two_factor_verify")
    for response in (
        client.get(TOKENS_URL),
        client.post(reverse("accounts:api_token_create"), {"name": "X", "scopes": [ApiScope.BARISTA_EXPOSURES]}),
    ):
        assert response.status_code == 302 and response["Location"].split("?")[0] == verify
    assert not ApiToken.objects.exists()


def test_the_form_refuses_a_token_without_rights_or_with_an_expiry_date_in_the_past(
    login_as: Any, beheerder: Any, frozen: Any
) -> None:
    client = login_as(beheerder)
    response = client.post(reverse("accounts:api_token_create"), {"name": "X", "expires_on": "2026-06-15"})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "scopes": ["Kies minstens één recht."],
        "expires_on": ["Kies een datum na vandaag."],
    }
    assert not ApiToken.objects.exists()


def test_revoking_is_audited_and_stops_the_token_at_once(
    login_as: Any, beheerder: Any, made: tokens.NewToken, organisation: Any
) -> None:
    client = login_as(beheerder)
    url = reverse("accounts:api_token_revoke", kwargs={"pk": made.record.pk})
    assert "Ja, token intrekken" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "is ingetrokken" in response.content.decode()
    made.record.refresh_from_db()
    assert made.record.revoked_at is not None and made.record.revoked_by == beheerder
    revoked = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="accounts.apitoken")
    assert (revoked.actor_id, revoked.fields) == (beheerder.pk, ["revoked_at"])
    assert "was al ingetrokken" in client.post(url, follow=True).content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="accounts.apitoken").count() == 1

    response = push(records(organisation.people[Role.MEDEWERKER], "GTPA-1"), made.token)
    assert response.status_code == 401
    assert response.json() == {"detail": "Dit API-token is ingetrokken."}
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert not Exposure.objects.exists()


def test_a_revocation_by_another_process_counts_from_the_next_request(made: tokens.NewToken, organisation: Any) -> None:
    """Nothing about a token is cached in a process: a revocation written by another web process
    (here a bare UPDATE: no signal, no hook in this process) stops the very next request."""
    body = records(organisation.people[Role.MEDEWERKER], "GTPA-1")
    assert push(body, made.token).status_code == 200
    ApiToken.objects.filter(pk=made.record.pk).update(revoked_at=NOW)
    assert push(body, made.token).status_code == 401


# --- Using a token -------------------------------------------------------------------------------------


@pytest.mark.parametrize("keyword", ["Bearer", "Token", "bearer"])
def test_a_system_pushes_exposures_with_its_token_and_every_use_is_audited(
    made: tokens.NewToken, organisation: Any, keyword: str, django_capture_on_commit_callbacks: Any
) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    with django_capture_on_commit_callbacks(execute=True):
        response = push(records(employee, "GTPA-1", "GTPA-2"), made.token, keyword=keyword)
    assert response.status_code == 200, response.content
    assert response.json() == {"created": 2, "unchanged": 0}
    assert Exposure.objects.filter(person=employee, source="import", recorded_by=None).count() == 2

    use = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert (use.actor_id, use.actor_username, use.actor_roles) == (
        None,
        f"API-token {made.record.prefix} (Meldingensysteem Noord)",
        "",
    )
    assert (use.object_type, use.object_id, use.fields) == (
        "accounts.apitoken",
        str(made.record.pk),
        ["barista:blootstellingen"],
    )
    assert (use.method, use.path) == ("POST", PUSH_URL)
    imported = AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="barista.exposure")
    assert imported.count() == 2
    assert set(imported.values_list("actor_username", "subject_employee_number")) == {
        (use.actor_username, employee.employee_number)
    }
    made.record.refresh_from_db()
    assert made.record.last_used_at == NOW
    assert made.token not in everything_recorded()


def test_reading_the_type_codes_is_a_use_as_well(made: tokens.NewToken) -> None:
    response = Client().get(PUSH_URL, HTTP_AUTHORIZATION=f"Bearer {made.token}")
    assert response.status_code == 200
    assert "belediging" in {row["code"] for row in response.json()}
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, method="GET").count() == 1


def test_a_token_without_the_scope_gets_403_and_the_refusal_is_recorded(
    beheerder: Any, organisation: Any, frozen: Any
) -> None:
    # A token for another endpoint (a scope this endpoint does not name).
    other = "zwt_0badc0de_" + "A" * 43
    record = ApiToken.objects.create(
        name="Ander systeem", prefix="zwt_0badc0de", secret_hash=tokens.token_hash(other), scopes=["monitor:antwoorden"]
    )
    response = push(records(organisation.people[Role.MEDEWERKER], "GTPA-1"), other)
    assert response.status_code == 403
    assert not Exposure.objects.exists()
    refused = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (refused.actor_username, refused.object_id, refused.fields) == (
        record.audit_name,
        str(record.pk),
        ["barista:blootstellingen", "scope"],
    )
    assert not AuditEvent.objects.filter(action=AuditAction.LOGIN).exists()


def test_an_expired_token_gets_401(beheerder: Any, organisation: Any, frozen: Any) -> None:
    made = tokens.api_token_create(
        actor=beheerder, name="Tijdelijk", scopes=[ApiScope.BARISTA_EXPOSURES], expires_on=NOW.date().replace(day=16)
    )
    body = records(organisation.people[Role.MEDEWERKER], "GTPA-1")
    assert push(body, made.token).status_code == 200  # the day before it expires
    frozen.move_to(datetime(2026, 6, 16, 0, 0, 1, tzinfo=ZoneInfo("Europe/Amsterdam")))
    response = push(body, made.token)
    assert response.status_code == 401
    assert response.json() == {"detail": "Dit API-token is verlopen."}
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, fields=["expired"]).count() == 1


@pytest.mark.parametrize("presented", ["zwt_12345678_" + "x" * 43, "niet-eens-een-token", "", "zwt_12345678"], ids=str)
def test_an_unknown_or_malformed_token_gets_401_and_is_recorded_without_its_text(
    made: tokens.NewToken, organisation: Any, presented: str
) -> None:
    response = push(records(organisation.people[Role.MEDEWERKER], "GTPA-1"), presented)
    assert response.status_code == 401
    refused = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (refused.actor_id, refused.actor_username) == (None, "API-token (onbekend)")
    if presented:
        assert presented not in everything_recorded()


def test_a_token_with_one_wrong_character_is_unknown(made: tokens.NewToken, organisation: Any) -> None:
    wrong = made.token[:-1] + ("A" if made.token[-1] != "A" else "B")
    assert push(records(organisation.people[Role.MEDEWERKER], "GTPA-1"), wrong).status_code == 401


def test_refused_tokens_from_one_client_are_bounded_and_the_block_is_recorded_once(
    made: tokens.NewToken, organisation: Any, frozen: Any, settings: Any
) -> None:
    settings.ACCOUNTS_API_TOKEN_FAILURES_PER_MINUTE = 3
    body = records(organisation.people[Role.MEDEWERKER], "GTPA-1")
    guesses = [f"zwt_1234567{n}_" + "g" * 43 for n in range(3)]
    assert [push(body, guess).status_code for guess in guesses] == [401, 401, 401]

    # Further wrong tokens get 429 until the minute is over, and only the start of the block is recorded.
    for guess in guesses[:2]:
        blocked = push(body, guess)
        assert blocked.status_code == 429
        assert blocked["Retry-After"] == "60"
        assert "Te veel geweigerde API-tokens" in blocked.json()["detail"]
    assert not Exposure.objects.exists()
    # Guesses from a shared address cannot lock the real system out: the right token still passes.
    assert push(body, made.token).status_code == 200
    assert list(
        AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).order_by("pk").values_list("fields", flat=True)
    ) == [
        ["unknown"],
        ["unknown"],
        ["unknown"],
        ["throttled"],
    ]
    # Another client is not blocked; the blocked client's wrong tokens get 401 again in the next minute.
    assert push(body, guesses[0], client=Client(REMOTE_ADDR="192.0.2.7")).status_code == 401
    frozen.shift(60)
    assert push(records(organisation.people[Role.MEDEWERKER], "GTPA-2"), guesses[0]).status_code == 401
    assert push(records(organisation.people[Role.MEDEWERKER], "GTPA-2"), made.token).status_code == 200
    assert not any(guess in everything_recorded() for guess in guesses)


def test_a_persons_session_can_no_longer_push(login_as: Any, beheerder: Any, organisation: Any, frozen: Any) -> None:
    """Before issue 23 an incident system pushed as a service account with the functioneel
    beheerder role; now the endpoint takes only a token, and a session counts for nothing there."""
    client = login_as(beheerder)
    response = push(records(organisation.people[Role.MEDEWERKER], "GTPA-1"), None, client=client)
    assert response.status_code == 401
    assert client.get(PUSH_URL).status_code == 401
    assert not Exposure.objects.exists()


def test_a_session_cannot_lend_its_person_to_a_bad_token(
    login_as: Any, beheerder: Any, organisation: Any, frozen: Any
) -> None:
    client = login_as(beheerder)
    response = push(records(organisation.people[Role.MEDEWERKER], "GTPA-1"), "zwt_12345678_" + "y" * 43, client=client)
    assert response.status_code == 401
    refused = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (refused.actor_id, refused.actor_username) == (None, "API-token (onbekend)")


def test_a_token_opens_no_page_and_no_other_endpoint(made: tokens.NewToken) -> None:
    client = Client(HTTP_AUTHORIZATION=f"Bearer {made.token}")
    for page in (TOKENS_URL, "/barista/import/", "/account/", "/barista/mijn-signalen/"):
        response = client.get(page)
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"], page
    for endpoint in ("/api/v1/barista-mijn-signalen/", "/api/v1/barista-cijfers/", "/api/v1/eenheden/"):
        assert client.get(endpoint).status_code == 403, endpoint
    # The system behind a token is no person: no rule of access grants it anything.
    client_user = tokens.ApiClient(made.record)
    assert not any(access.can(client_user, action) for action in access.ACTIONS)  # type: ignore[arg-type]
    assert not AuditEvent.objects.filter(action=AuditAction.LOGIN).exists()


def test_the_token_is_in_no_log_line(made: tokens.NewToken, organisation: Any, caplog: Any) -> None:
    revoked = tokens.api_token_create(actor=made.record.created_by, name="Oud", scopes=[ApiScope.BARISTA_EXPOSURES])
    tokens.api_token_revoke(actor=made.record.created_by, token=revoked.record)
    body = records(organisation.people[Role.MEDEWERKER], "GTPA-1")
    with caplog.at_level(logging.DEBUG):
        push(body, made.token)
        push(body, revoked.token)
        push(body, "zwt_12345678_" + "z" * 43)
    lines = [record.getMessage() + json.dumps(record.__dict__, default=str) for record in caplog.records]
    assert not [line for line in lines if made.token in line or revoked.token in line or "z" * 43 in line]
    refusals = [r for r in caplog.records if getattr(r, "event", "") == "api_token_refused"]
    assert [r.getMessage() for r in refusals] == [
        f"API token refused: revoked, token {revoked.record.prefix}",
        "API token refused: unknown, token unknown",
    ]
    assert all(r.levelno == logging.WARNING for r in refusals)


# --- The schema ----------------------------------------------------------------------------------------


def test_the_schema_documents_the_token_as_the_push_endpoints_security_scheme(client: Any) -> None:
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    operations = schema["paths"]["/api/v1/barista-import/"]
    for method in ("get", "post"):
        assert operations[method]["security"] == [{"apiToken": []}], method
        assert {"401", "403"} <= set(operations[method]["responses"]), method
    # The other endpoints keep the session login.
    assert {"cookieAuth": []} in schema["paths"]["/api/v1/barista-mijn-signalen/"]["get"]["security"]
