"""Writes of the organisation app (services layer): HR import and roles."""

from __future__ import annotations

from organisation.services.hr_import import (
    PERSON_FIELDS,
    HrImportReport,
    PersonChange,
    hr_import_apply,
    hr_import_run,
    load_reference,
)
from organisation.services.roles import (
    UNSCOPED_ROLES,
    DemoAccount,
    demo_accounts_ensure,
    role_grant,
    role_revoke,
    role_revoke_refusal,
    role_scope_errors,
)

__all__ = [
    "PERSON_FIELDS",
    "UNSCOPED_ROLES",
    "DemoAccount",
    "HrImportReport",
    "PersonChange",
    "demo_accounts_ensure",
    "hr_import_apply",
    "hr_import_run",
    "load_reference",
    "role_grant",
    "role_revoke",
    "role_revoke_refusal",
    "role_scope_errors",
]
