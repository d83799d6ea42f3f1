"""Invitation tokens: derived from a server key, stored only as a hash.

``token_for(campaign, person)`` is an HMAC of the campaign and person ids under the monitor key,
so the same person always gets the same link for a campaign. The database keeps ``token_hash``
(an HMAC of the token under a second key) and never the person. To remind only those without a
response, the reminder job recomputes every invitee's token in memory, looks up which hashes are
not yet submitted, and mails those people; nothing about that lookup is stored (docs/monitor.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from django.conf import settings

TOKEN_LENGTH = 43  # 32 bytes, base64url without padding
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")


def _key(purpose: str) -> bytes:
    """A key for one purpose, from ``MONITOR_TOKEN_KEY`` (or, when unset, from ``SECRET_KEY``)."""
    secret = settings.MONITOR_TOKEN_KEY or settings.SECRET_KEY
    return hashlib.sha256(f"zorgwijzer.monitor.{purpose}:{secret}".encode()).digest()


def token_for(campaign_id: int, person_id: int) -> str:
    """The invitation token of one person for one campaign (recomputable, never stored)."""
    digest = hmac.new(_key("token"), f"{campaign_id}:{person_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_hash(token: str) -> str:
    """What the database keeps of a token: without the key it cannot be linked back to a person."""
    return hmac.new(_key("hash"), token.encode(), hashlib.sha256).hexdigest()


def well_formed(token: str) -> bool:
    return bool(_TOKEN_RE.match(token))
