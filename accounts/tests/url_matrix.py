"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them), with the
OpenID Connect URLs that exist only when OIDC is switched on."""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import Case, everyone, logged_in, only


def api_token(org: Organisation) -> dict[str, Any]:
    """A token that the functioneel beheerder really revokes (everyone before gets 403, the anonymous
    visitor after goes to the login page)."""
    from accounts import tokens
    from accounts.constants import ApiScope

    made = tokens.api_token_create(
        actor=org.users[Role.FUNCTIONEEL_BEHEERDER], name="Matrix", scopes=[ApiScope.BARISTA_EXPOSURES]
    )
    return {"pk": made.record.pk}


ROWS: dict[str, Case] = {
    "accounts:login": Case(everyone()),
    "accounts:logout": Case(everyone(), method="post"),
    "accounts:logout_everywhere": Case(logged_in(), method="post"),
    "accounts:profile": Case(logged_in()),
    "accounts:two_factor_setup": Case(logged_in()),
    "accounts:two_factor_verify": Case(logged_in()),
    "accounts:api_tokens": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    # An empty form: the beheerder gets the form back with errors (200), nothing is made.
    "accounts:api_token_create": Case(only(Role.FUNCTIONEEL_BEHEERDER), method="post", data={"name": ""}),
    "accounts:api_token_revoke": Case(only(Role.FUNCTIONEEL_BEHEERDER), method="post", kwargs=api_token),
    "oidc_authentication_init": Case(everyone(), optional=True),
    "oidc_authentication_callback": Case(everyone(), optional=True),
    "oidc_logout": Case(everyone(), method="post", optional=True),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout"}
