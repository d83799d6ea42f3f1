"""Writes of the organisation app (services layer): HR import and roles."""

from __future__ import annotations

from organisation.services.hr_import import (
    HR_IMPORT_CHECK_VALID_MINUTES,
    PERSON_FIELDS,
    HrImportConfirmation,
    HrImportRefused,
    HrImportReport,
    PersonChange,
    hr_import_apply,
    hr_import_check_keep,
    hr_import_confirm,
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
    "HR_IMPORT_CHECK_VALID_MINUTES",
    "PERSON_FIELDS",
    "UNSCOPED_ROLES",
    "DemoAccount",
    "HrImportConfirmation",
    "HrImportRefused",
    "HrImportReport",
    "PersonChange",
    "demo_accounts_ensure",
    "hr_import_apply",
    "hr_import_check_keep",
    "hr_import_confirm",
    "hr_import_run",
    "load_reference",
    "role_grant",
    "role_revoke",
    "role_revoke_refusal",
    "role_scope_errors",
]
