"""Links in e-mails: the site's base address (``ZORGWIJZER_SITE_URL``) in front of a path."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def site_url() -> str:
    """The configured base address without a trailing slash; empty when not set."""
    return str(settings.ZORGWIJZER_SITE_URL or "").rstrip("/")


def absolute(url_name: str) -> str:
    """The absolute address of a named URL, or only its path when no base address is set."""
    return f"{site_url()}{reverse(url_name)}"
