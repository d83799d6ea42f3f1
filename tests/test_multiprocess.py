"""Two web server processes against one database and one shared cache (Redis), as production runs
several behind the reverse proxy (docs/operations.md, "Production topology"): a session made on
one is valid on the other, a rate limit counted on one applies on the other, the public page
cache filled by one is served, and emptied after a content change, on the other, and the
monitor's results cached by one are what the other shows.

Runs with ``CACHE_URL`` or ``REDIS_URL`` on PostgreSQL (``make suite-rq``), where a second process
reaches the test database; it is skipped otherwise. Both servers start once for the module."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from django.test import RequestFactory, override_settings

from organisation.constants import Role
from tests.worker_kill import ROOT, needs_shared_database, worker_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.multiprocess,
    needs_shared_database,
    pytest.mark.skipif(
        not (os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")),
        reason="needs a shared cache: CACHE_URL or REDIS_URL (make suite-rq)",
    ),
    pytest.mark.django_db(transaction=True),
]

#: The ports of this test (docs: 8250-8299 belong to the multiprocess and RQ tests).
PORTS = (8251, 8252)
START_SECONDS = 60
PDF_PER_MINUTE = 1


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server on {base} stopped"
        try:
            if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass  # not listening yet, or its worker still loading Django
        time.sleep(0.2)
    raise TimeoutError(f"the server on {base} did not start within {START_SECONDS} s")


@pytest.fixture(scope="module")
def servers(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[str, str]]:
    """Two gunicorn processes (one worker each) on the test database and the test's cache, with
    the public page cache and the PDF limit switched on (the suite switches them off)."""
    from django.core.cache import cache

    assert all(_free(port) for port in PORTS), f"ports {PORTS} are taken"
    cache.clear()  # no page, counter or version left from an earlier run
    with django_db_blocker.unblock():
        env = {
            **worker_env(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "ZORGWIJZER_PUBLIC_PAGE_SECONDS": "300",
            "SELFTESTS_PDF_PER_MINUTE": str(PDF_PER_MINUTE),
        }
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "zorgwijzer.wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    bases = tuple(f"http://127.0.0.1:{port}" for port in PORTS)
    try:
        for base, server in zip(bases, started, strict=True):
            _wait_until_up(base, server)
        yield bases[0], bases[1]
    finally:
        for server in started:
            server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        for server in started:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _csrf(response: requests.Response) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    assert match, "no CSRF token on the page"
    return match.group(1)


def test_a_session_made_on_one_server_is_valid_on_the_other(servers: tuple[str, str], organisation: Any) -> None:
    one, other = servers
    user = organisation.users[Role.MEDEWERKER]
    user.set_password("lang-genoeg-wachtwoord-42")
    user.save()
    browser = requests.Session()
    form = browser.get(f"{one}/account/inloggen/", timeout=10)
    browser.post(
        f"{one}/account/inloggen/",
        data={
            "username": user.get_username(),
            "password": "lang-genoeg-wachtwoord-42",
            "csrfmiddlewaretoken": _csrf(form),
        },
        headers={"Referer": f"{one}/account/inloggen/"},
        timeout=10,
    )
    assert "sessionid" in browser.cookies

    profile = browser.get(f"{other}/account/", allow_redirects=False, timeout=10)
    assert profile.status_code == 200  # logged in there too, not sent to the login page
    assert requests.get(f"{other}/account/", allow_redirects=False, timeout=10).status_code == 302


def test_a_rate_limit_counted_on_one_server_applies_on_the_other(servers: tuple[str, str]) -> None:
    from selftests import loading
    from selftests.tests.conftest import lowest

    one, other = servers
    instrument = loading.get("mentale-fitheid")
    assert instrument is not None
    path = f"/zelftest/{instrument.slug}/uitslag/pdf/"
    client = requests.Session()  # one client address (127.0.0.1): one budget, wherever it is counted
    page = client.get(f"{one}/zelftest/{instrument.slug}/", timeout=10)
    answers = {**lowest(instrument), "csrfmiddlewaretoken": _csrf(page)}

    allowed = client.post(f"{one}{path}", data=answers, timeout=30)
    assert allowed.status_code == 200
    assert allowed.content.startswith(b"%PDF")
    refused = client.post(f"{other}{path}", data=answers, timeout=30)
    assert refused.status_code == 429  # the other server knows the first download


def test_the_page_cache_filled_by_one_server_is_served_and_emptied_on_the_other(servers: tuple[str, str]) -> None:
    from django.core.cache import cache

    from catalogue.models import Provision
    from core import public_cache

    one, other = servers
    assert requests.get(f"{one}/zorgwijzer/", timeout=10).status_code == 200
    host = urlsplit(one).netloc
    with override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=60, ALLOWED_HOSTS=[host.rsplit(":", 1)[0]]):
        key = public_cache.cache_key(RequestFactory(HTTP_HOST=host).get("/zorgwijzer/"))
    assert key is not None
    stored = cache.get(key)
    assert stored is not None  # the first server stored the page in the shared cache
    # Mark the stored page: the other server serves it from there instead of rendering its own.
    marked = b"<!-- from the shared cache -->"
    cache.set(key, dataclasses.replace(stored, content=stored.content + marked), 300)
    assert marked.decode() in requests.get(f"{other}/zorgwijzer/", timeout=10).text

    # An edit of public content (a save, here in this third process) empties the cache for all.
    Provision.objects.order_by("pk").first().save()  # type: ignore[union-attr]
    for base in servers:
        assert marked.decode() not in requests.get(f"{base}/zorgwijzer/", timeout=10).text


def test_the_monitor_results_cached_by_one_server_are_served_by_the_other(
    servers: tuple[str, str], organisation: Any
) -> None:
    from django.test import Client

    from monitor.models import ResultSnapshot, ScaleScore
    from monitor.tests import factories

    one, other = servers
    campaign = factories.answered_campaign({organisation.team: 12}, lambda team, index: 4)
    client = Client()
    client.force_login(organisation.users[Role.MEDEWERKER])  # the session: in the database and Redis
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value)
    first = browser.get(f"{one}/monitor/", timeout=30).text
    assert "Team Noord" in first
    figures = first[first.index('<h2 class="utrecht-heading-2">') :]

    # Take away what the results are made of: the other server has only the shared cache left.
    ScaleScore.objects.filter(campaign=campaign).delete()
    ResultSnapshot.objects.filter(campaign=campaign).delete()
    second = browser.get(f"{other}/monitor/", timeout=30).text
    assert second[second.index('<h2 class="utrecht-heading-2">') :] == figures
