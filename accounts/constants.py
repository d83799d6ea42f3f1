"""Names shared by the login receivers, the single sign-on backend and the API tokens."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The dotted path of the single sign-on (OIDC) authentication backend.
OIDC_BACKEND = "accounts.oidc.ZorgwijzerOIDCBackend"
#: Request attribute on which the OIDC backend notes that the identity provider did a second factor.
IDP_SECOND_FACTOR_ATTR = "zw_idp_second_factor"


class ApiScope(models.TextChoices):
    """What a system may do with an API token (``accounts.ApiToken.scopes``). A token opens only the
    endpoints that name one of its scopes (``accounts.token_auth.TokenScope``), never a page."""

    BARISTA_EXPOSURES = "barista:blootstellingen", _("Barista: gebeurtenissen aanleveren (blootstellingen)")
