"""What a contact channel may hold, and the link it becomes.

A website channel is a link an editor types and every visitor clicks, so it may only lead to a
web page (http, https), an e-mail (mailto), a phone number (tel) or a page of Zorgwijzer itself
(a path that starts with exactly one ``/``). ``javascript:`` would run script in the visitor's
session and ``//host`` or ``/\\host`` leaves the site while looking internal; both are refused at
the field, by the model, and never rendered as a link (the Content-Security-Policy is the last
line of defence, not the first).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from catalogue.constants import ChannelKind

EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

#: Schemes a website channel may link to.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: A scheme as a browser reads it: a letter, then letters, digits, ``+``, ``-`` or ``.``, then ``:``.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")

#: Browsers drop tabs and newlines inside a URL (``java\tscript:``) and read ``\`` as ``/``.
_UNSAFE_CHARACTERS = re.compile(r"[\s\\\x00-\x1f\x7f]")

SCHEME_MESSAGE = _("Alleen links die beginnen met http://, https://, mailto: of tel: zijn toegestaan.")
INTERNAL_MESSAGE = _(
    "Een pagina van Zorgwijzer begint met precies één /, zoals /zelftest/. Een ander adres begint met https://."
)
WEBSITE_MESSAGE = _("Vul een webadres in, zoals pzp.nl, https://www.politie.nl of /zelftest/.")


def _is_internal(value: str) -> bool:
    return value.startswith("/") and not value.startswith("//")


def website_problem(value: str) -> Promise | None:
    """Why a website channel's value cannot be a safe link, or None when it can."""
    if not value or _UNSAFE_CHARACTERS.search(value):
        return INTERNAL_MESSAGE if "\\" in value else WEBSITE_MESSAGE
    if value.startswith("/"):
        return None if _is_internal(value) else INTERNAL_MESSAGE
    scheme = _SCHEME.match(value)
    if scheme is None:
        # A bare address (pzp.nl) becomes https://…; it must then have a host with a dot.
        return None if "." in _hostname(f"https://{value}") else WEBSITE_MESSAGE
    name = scheme.group(1).lower()
    if name not in ALLOWED_SCHEMES:
        return SCHEME_MESSAGE
    if name in {"http", "https"} and not (value[scheme.end() :].startswith("//") and _hostname(value)):
        return WEBSITE_MESSAGE
    return None


def _hostname(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""


def website_href(value: str) -> str:
    """The link of a website channel; empty when the value is not a safe link (stored before
    this check existed, or written around the form), so it is shown as text."""
    if website_problem(value) is not None:
        return ""
    if _is_internal(value) or _SCHEME.match(value):
        return value
    return f"https://{value}"


def channel_errors(channel: dict[str, Any]) -> dict[str, str | Promise]:
    """Dutch messages, keyed by field, for one contact channel that cannot be used as entered."""
    value = str(channel.get("value") or "").strip()
    kind = channel.get("kind")
    errors: dict[str, str | Promise] = {}
    if not str(channel.get("label") or "").strip():
        errors["label"] = _("Geef het kanaal een naam, bijvoorbeeld het team of loket.")
    if not value:
        errors["value"] = _("Vul in hoe je dit kanaal bereikt: een nummer, adres, link of plek op intranet.")
    elif kind == ChannelKind.PHONE and sum(ch.isdigit() for ch in value) < 3:
        errors["value"] = _("Een telefoonnummer bestaat uit cijfers, bijvoorbeeld 0800-0113.")
    elif kind == ChannelKind.EMAIL and not EMAIL_PATTERN.fullmatch(value):
        errors["value"] = _("Vul een e-mailadres in, zoals naam@politie.nl.")
    elif kind == ChannelKind.WEBSITE and (problem := website_problem(str(channel.get("value") or ""))):
        errors["value"] = problem
    return errors
