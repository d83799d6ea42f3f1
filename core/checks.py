"""System checks of our own, run by ``manage.py check`` (``--deploy`` for the production ones)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

#: Backends that do not deliver mail: they print it, write it to disk, keep it in memory or drop it.
UNDELIVERED_MAIL = frozenset(
    {
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
    }
)


@register(Tags.security, deploy=True)
def mail_is_delivered(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """In production, mail must go to a mail server: a console or file backend would put every
    invitee's personal questionnaire link (person ↔ token) in a log or on disk."""
    if settings.DEBUG or settings.EMAIL_BACKEND not in UNDELIVERED_MAIL:
        return []
    return [
        Error(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: mail is not delivered but printed or stored.",
            hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST.",
            id="zorgwijzer.E001",
        )
    ]
