"""Pause and resume without the server keeping the answers: the draft lives in a cookie.

Answers stored on the server next to an invitation could be read by anyone holding the database
and the token key (recompute each invitee's token hash, read their half-filled questionnaire), and
"started" alone would say who began. So the answers so far go back to the respondent's browser in
a signed cookie scoped to their own questionnaire address; the server keeps nothing. The signature
(bound to the token) only stops a tampered cookie from being shown as the person's own answers.
Works without JavaScript: the "Tussentijds opslaan" button sets the cookie.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from monitor import questionnaire, tokens

COOKIE = "zw_monitor_concept"


def _salt(token: str) -> str:
    return f"monitor.draft:{tokens.token_hash(token)}"


def read(request: HttpRequest, token: str, codes: frozenset[str]) -> dict[str, int | str]:
    """The answers saved in this browser for this token (only known item codes with valid points,
    or "Zeg ik liever niet" on an item that offers it)."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return {}
    try:
        saved = signing.loads(value, salt=_salt(token))
    except signing.BadSignature:
        return {}
    if not isinstance(saved, dict):
        return {}
    return {
        code: value for code, value in saved.items() if code in codes and questionnaire.answer_accepted(code, value)
    }


def keep(
    response: HttpResponse, request: HttpRequest, token: str, answers: dict[str, int | str], last_day: dt.date
) -> None:
    """Put the answers in the cookie until the end of the campaign's last day."""
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min, tzinfo=timezone.get_current_timezone())
    response.set_cookie(
        COOKIE,
        signing.dumps(answers, salt=_salt(token), compress=True),
        max_age=max(0, int((end - timezone.now()).total_seconds())),
        path=request.path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget(response: HttpResponse, request: HttpRequest) -> None:
    response.delete_cookie(COOKIE, path=request.path, samesite="Lax")
