"""The personas of the load test (bench/load.py), for ``locust -f bench/locustfile.py``.

Runs inside the throw-away locust environment (``var/bench/locust-venv``), never inside Django.
What each persona needs (session cookies, invitation tokens, the answers) comes from the JSON
file named by ``BENCH_LOAD_DATA``, written by bench/load.py's preparing step. No think time: each
simulated person sends the next request as soon as the last one is answered, so the figures are
the capacity of the servers for this mix, not a model of people's pace.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

from locust import HttpUser, constant, task
from locust.exception import StopUser

with open(os.environ["BENCH_LOAD_DATA"], encoding="utf-8") as data_file:
    DATA: dict[str, Any] = json.load(data_file)
TOKENS: Iterator[str] = iter(DATA["tokens"])
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
JSON = {"Content-Type": "application/json"}


class _Persona(HttpUser):
    abstract = True
    wait_time = constant(0)
    persona = ""

    def on_start(self) -> None:
        name, _, value = DATA["cookies"][self.persona].partition("=") if self.persona else ("", "", "")
        if name:
            self.client.cookies.set(name, value)

    def _get(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")


class Employee(_Persona):
    """Reads the catalogue (logged in: no whole-page cache) and takes a self-test (its page, then
    the score API with the session and CSRF token, as the page's script sends it; nothing stored)."""

    weight = 8
    persona = "employee"
    csrf = ""

    def on_start(self) -> None:
        super().on_start()
        # The page's own form gives the CSRF token its script sends with the score request.
        page = self.client.get("/zelftest/mentale-fitheid/", name="employee: self-test page")
        found = CSRF_FIELD.search(page.text or "")
        self.csrf = found.group(1) if found else ""

    @task(3)
    def catalogue(self) -> None:
        self._get("/zorgwijzer/", "employee: catalogue /zorgwijzer/")

    @task(2)
    def selftest_page(self) -> None:
        self._get("/zelftest/mentale-fitheid/", "employee: self-test page")

    @task(2)
    def selftest_score(self) -> None:
        body = DATA["score_body"]
        path = "/api/v1/zelftests/mentale-fitheid/score/"
        headers = {**JSON, "X-CSRFToken": self.csrf}
        with self.client.post(
            path, data=body, headers=headers, name="employee: self-test score API", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task(1)
    def home(self) -> None:
        self._get("/", "employee: home /")


class Respondent(HttpUser):
    """Opens their invitation link and submits the monitor questionnaire (40 items) once; then
    the next simulated respondent with a fresh link takes their place."""

    weight = 5
    wait_time = constant(0)

    @task
    def answer(self) -> None:
        token = next(TOKENS, None)
        if token is None:
            raise StopUser  # every prepared invitation used
        self.client.cookies.clear()
        path = f"/monitor/vragenlijst/{token}/"
        with self.client.get(path, name="respondent: questionnaire page", catch_response=True) as page:
            found = CSRF_FIELD.search(page.text or "")
            if page.status_code != 200 or not found:
                page.failure(f"status {page.status_code}")
                return
        form = {**DATA["answers"], "actie": "versturen", "csrfmiddlewaretoken": found.group(1)}
        with self.client.post(
            path, data=form, name="respondent: submit questionnaire", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")


class Manager(_Persona):
    """A team manager working their lists: the team's aftercare plans and the Barista invitations;
    now and then the TCO coordinator's board of the unit (a second manager persona)."""

    weight = 3
    persona = "manager"

    @task(3)
    def aftercare(self) -> None:
        self._get("/nazorg/mijn-team/", "manager: /nazorg/mijn-team/")

    @task(3)
    def barista(self) -> None:
        self._get("/barista/", "manager: /barista/")

    @task(1)
    def home(self) -> None:
        self._get("/", "manager: home /")


class Coordinator(_Persona):
    weight = 1
    persona = "coordinator"

    @task
    def board(self) -> None:
        self._get("/nazorg/coordinatie/", "coordinator: /nazorg/coordinatie/")
