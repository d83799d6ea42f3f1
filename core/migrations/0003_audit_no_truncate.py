"""PostgreSQL: refuse TRUNCATE of the audit trail too, unless inside the purge window.

Row triggers (migration 0002) do not see TRUNCATE, so without this statement trigger the app's
database user could still empty core_auditevent in one statement. SQLite has no TRUNCATE.
"""

from django.db import migrations

MARKER_TABLE = "zorgwijzer_audit_purge"
MESSAGE = "core_auditevent is append-only: audit events cannot be removed"

INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION zorgwijzer_audit_no_truncate() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM {MARKER_TABLE}) THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
    END;
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent",
    """
    CREATE TRIGGER core_auditevent_no_truncate
        BEFORE TRUNCATE ON core_auditevent
        FOR EACH STATEMENT EXECUTE FUNCTION zorgwijzer_audit_no_truncate()
    """,
]
REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent",
    "DROP FUNCTION IF EXISTS zorgwijzer_audit_no_truncate()",
]


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in INSTALL:
            schema_editor.execute(statement, params=None)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REMOVE:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_audit_append_only"),
    ]

    operations = [
        migrations.RunPython(install, remove, elidable=False),
    ]
