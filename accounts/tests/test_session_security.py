"""Anonymous submissions write no session row (insider review: a session write timed with a vote or
an anonymous report would link it to the logged-in user), and the idle timeout does not throw away
what a visitor was writing there."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from accounts.middleware import LAST_SEEN, SessionSecurityMiddleware
from core.middleware import unlogged
from organisation.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


@unlogged
def _anonymous_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def _request(last_seen: int) -> Any:
    request: Any = RequestFactory().post("/")
    request.user = UserFactory()
    request.session = SessionStore()
    request.session[LAST_SEEN] = last_seen
    request.session.save()
    request.session.modified = False
    return request


def test_a_logged_in_visitor_of_an_anonymous_view_leaves_the_session_untouched() -> None:
    request = _request(last_seen=int(time.time()) - 3600 * 24)  # long idle: would be logged out elsewhere
    middleware = SessionSecurityMiddleware(lambda r: HttpResponse())
    assert middleware.process_view(request, _anonymous_view, (), {}) is None
    assert request.session.modified is False
    assert request.user.is_authenticated


def test_the_same_idle_session_counts_as_expired_for_ordinary_views() -> None:
    # The anonymous view above passed an idle session through on purpose; every other view ends it.
    idle = _request(last_seen=int(time.time()) - 3600 * 24)
    assert SessionSecurityMiddleware._expired(idle)
