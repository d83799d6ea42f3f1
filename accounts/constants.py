"""Names shared by the login receivers and the single sign-on backend."""

from __future__ import annotations

#: The dotted path of the single sign-on (OIDC) authentication backend.
OIDC_BACKEND = "accounts.oidc.ZorgwijzerOIDCBackend"
#: Request attribute on which the OIDC backend notes that the identity provider did a second factor.
IDP_SECOND_FACTOR_ATTR = "zw_idp_second_factor"
