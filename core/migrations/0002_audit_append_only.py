"""Database triggers that make core_auditevent append-only for every client, not only the ORM.

UPDATE is always refused. DELETE is refused unless the deleting transaction has first put a
row in ``zorgwijzer_audit_purge`` (the "purge window", opened by ``core.management.commands.
flush.audit_purge_window``). Django's ``flush`` opens that window: on SQLite it empties tables
with DELETE, which the trigger would otherwise refuse (on PostgreSQL it uses TRUNCATE, which
row triggers do not see). Both databases raise an integrity error (SQLSTATE 23001 /
SQLITE_CONSTRAINT_TRIGGER), so Django reports ``django.db.IntegrityError`` on both.

SQLite drops a table's triggers when Django rebuilds the table (most ALTERs on SQLite do), so a
later migration that alters core_auditevent must run ``install_triggers`` again; the tests in
core/tests/test_audit.py fail if the triggers are missing.
"""

from django.db import migrations

MARKER_TABLE = "zorgwijzer_audit_purge"
MESSAGE = "core_auditevent is append-only: audit events cannot be changed or removed"

POSTGRESQL_INSTALL = [
    f"""
    CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (
        id bigserial PRIMARY KEY,
        reason varchar(200) NOT NULL DEFAULT ''
    )
    """,
    f"""
    CREATE OR REPLACE FUNCTION zorgwijzer_audit_append_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM {MARKER_TABLE}) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
    END;
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent",
    """
    CREATE TRIGGER core_auditevent_append_only
        BEFORE UPDATE OR DELETE ON core_auditevent
        FOR EACH ROW EXECUTE FUNCTION zorgwijzer_audit_append_only()
    """,
]
POSTGRESQL_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent",
    "DROP FUNCTION IF EXISTS zorgwijzer_audit_append_only()",
    f"DROP TABLE IF EXISTS {MARKER_TABLE}",
]

SQLITE_INSTALL = [
    f"""
    CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (
        id integer PRIMARY KEY,
        reason varchar(200) NOT NULL DEFAULT ''
    )
    """,
    "DROP TRIGGER IF EXISTS core_auditevent_no_update",
    f"""
    CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete",
    f"""
    CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent
    WHEN NOT EXISTS (SELECT 1 FROM {MARKER_TABLE})
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete",
    f"DROP TABLE IF EXISTS {MARKER_TABLE}",
]

STATEMENTS = {
    "postgresql": (POSTGRESQL_INSTALL, POSTGRESQL_REMOVE),
    "sqlite": (SQLITE_INSTALL, SQLITE_REMOVE),
}


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement, params=None)


def install_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"No append-only trigger for the {vendor} database; add one before using it.")
    _run(schema_editor, STATEMENTS[vendor][0])


def remove_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in STATEMENTS:
        _run(schema_editor, STATEMENTS[vendor][1])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install_triggers, remove_triggers, elidable=False),
    ]
