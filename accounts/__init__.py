"""Login: local accounts, OpenID Connect single sign-on, two-factor authentication, sessions."""
