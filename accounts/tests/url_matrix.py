"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them), with the
OpenID Connect URLs that exist only when OIDC is switched on."""

from __future__ import annotations

from tests.matrix import Case, everyone, logged_in

ROWS: dict[str, Case] = {
    "accounts:login": Case(everyone()),
    "accounts:logout": Case(everyone(), method="post"),
    "accounts:logout_everywhere": Case(logged_in(), method="post"),
    "accounts:profile": Case(logged_in()),
    "accounts:two_factor_setup": Case(logged_in()),
    "accounts:two_factor_verify": Case(logged_in()),
    "oidc_authentication_init": Case(everyone(), optional=True),
    "oidc_authentication_callback": Case(everyone(), optional=True),
    "oidc_logout": Case(everyone(), method="post", optional=True),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout"}
