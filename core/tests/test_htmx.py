"""``core.htmx.wants_partial``: the part of a page for htmx swaps, the whole page otherwise."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django_htmx.middleware import HtmxMiddleware


def _request(**headers: str) -> HttpRequest:
    request = RequestFactory().get("/", headers=headers)
    HtmxMiddleware(lambda r: HttpResponse())(request)
    return request


def test_only_an_htmx_swap_gets_the_partial():
    from core.htmx import wants_partial

    assert wants_partial(_request(**{"HX-Request": "true"}))
    assert not wants_partial(_request())
    assert not wants_partial(_request(**{"HX-Request": "true", "HX-History-Restore-Request": "true"}))
