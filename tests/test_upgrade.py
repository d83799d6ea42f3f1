"""An upgrade keeps an installation's data: a database of the previous release, filled with that
release's demo data, migrates to the current schema with every row, every link between rows and
the audit trail's append-only guard intact.

The release's state comes from ``tests/fixtures/upgrade/<release>/`` (``bin/make-upgrade-fixture``):
``migrations.json`` names each app's last migration in that release, ``data.json.xz`` is
``dumpdata`` of its demo database. The test takes the test database back to that state (it
unapplies only the migrations that came after the release, which is what makes it take seconds
instead of the minute and a half of migrating from nothing), loads the data through the models
as they were then, migrates forward to head and checks. A later migration that cannot be
unapplied (a ``RunPython`` without ``reverse_code``) makes the test fail with that name: give it
``migrations.RunPython.noop`` as its reverse.
"""

from __future__ import annotations

import json
import lzma
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps.registry import Apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializedObject
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from core.audit import log_change
from core.models import AuditEvent
from organisation.models import Person

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

RELEASE = "v0.1.0"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "upgrade" / RELEASE
#: Tables of the release that a later migration removed on purpose (none yet): label -> why.
RETIRED: dict[str, str] = {}

#: The fields of each natural key in the dump (``dumpdata --natural-foreign``).
NATURAL_KEYS = {"auth.user": ("username",), "contenttypes.contenttype": ("app_label", "model")}

Target = tuple[str, str | None]


def _release_targets(executor: MigrationExecutor) -> list[Target]:
    """Each app's last migration in the release; apps that came later go back to nothing."""
    names: dict[str, str] = json.loads((FIXTURE / "migrations.json").read_text())
    later = sorted(set(executor.loader.migrated_apps) - set(names))
    return [*sorted(names.items()), *[(app, None) for app in later]]


def _release_objects() -> list[dict[str, Any]]:
    with lzma.open(FIXTURE / "data.json.xz", "rt", encoding="utf-8") as handle:
        objects: list[dict[str, Any]] = json.load(handle)
    return objects


class _ReleaseDeserializer(PythonDeserializer):
    """Django's deserializer, reading each object into the model as it was in the release."""

    def __init__(self, objects: list[dict[str, Any]], *, release_apps: Apps) -> None:
        super().__init__(objects, using=connection.alias)
        self.release_apps = release_apps
        # A natural key (``dumpdata --natural-foreign``) resolves to an object of the dump itself,
        # so nothing has to be saved before the next object is read.
        self.natural_pks = {
            (obj["model"], tuple(obj["fields"][name] for name in NATURAL_KEYS[obj["model"]])): obj["pk"]
            for obj in objects
            if obj["model"] in NATURAL_KEYS
        }

    def _get_model_from_node(self, model_identifier: str) -> Any:  # type: ignore[override]
        return self.release_apps.get_model(model_identifier)

    def _handle_fk_field_node(self, field: Any, field_value: Any) -> Any:
        """A natural key, looked up by its fields: the models of a migration state have no
        ``natural_key`` methods (content types are not in the dump: ``migrate`` made them)."""
        target = field.remote_field.model
        if not isinstance(field_value, list):
            return target._meta.get_field(field.remote_field.field_name).to_python(field_value)
        label = target._meta.label_lower
        found = self.natural_pks.get((label, tuple(field_value)))
        if found is not None:
            return found
        lookup = dict(zip(NATURAL_KEYS[label], field_value, strict=True))
        return getattr(target._default_manager.using(connection.alias).get(**lookup), field.remote_field.field_name)


def _load_release_data(objects: list[dict[str, Any]], release_apps: Apps) -> None:
    """What ``loaddata`` does, with the release's models and in bulk: one transaction, links
    checked at the end, sequences moved past the ids."""
    by_model: dict[Any, list[DeserializedObject]] = defaultdict(list)
    for deserialized in _ReleaseDeserializer(objects, release_apps=release_apps):
        by_model[type(deserialized.object)].append(deserialized)
    with transaction.atomic(), connection.constraint_checks_disabled():
        for model, rows in by_model.items():
            model._default_manager.bulk_create([row.object for row in rows], batch_size=500)
            for name in rows[0].m2m_data or {}:
                field = model._meta.get_field(name)
                source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
                links = [
                    field.remote_field.through(**{source: row.object.pk, target: pk})
                    for row in rows
                    for pk in (row.m2m_data or {})[name]
                ]
                field.remote_field.through._default_manager.bulk_create(links, batch_size=500)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), list(by_model)):
                cursor.execute(statement)
    connection.check_constraints()


def _migrate(targets: list[Target]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader sees what is applied now


def _to_head() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def back_at_head() -> Iterator[None]:
    """Whatever happens in the test, the next test finds the current schema."""
    yield
    _to_head()


def _table_count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - a model's table
        (count,) = cursor.fetchone()
    return int(count)


def test_the_previous_release_with_its_demo_data_migrates_to_head_keeping_every_row(back_at_head: None) -> None:
    objects = _release_objects()
    call_command("flush", interactive=False, verbosity=0)  # no content from this schema's data migrations

    executor = MigrationExecutor(connection)
    targets = _release_targets(executor)
    executor = _migrate(targets)
    release_nodes = [(app, name) for app, name in targets if name is not None]
    release_apps = executor.loader.project_state(release_nodes, at_end=True).apps
    _load_release_data(objects, release_apps)
    expected = Counter(obj["model"] for obj in objects)
    tables = {label: release_apps.get_model(label)._meta.db_table for label in expected}

    executor = _migrate(executor.loader.graph.leaf_nodes())

    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []  # at head
    existing = set(connection.introspection.table_names())
    assert {label for label, table in tables.items() if table not in existing} == set(RETIRED)
    counts = {label: _table_count(table) for label, table in tables.items() if label not in RETIRED}
    assert counts == {label: count for label, count in expected.items() if label not in RETIRED}
    connection.check_constraints()  # every link between rows still points at a row
    _assert_the_audit_trail_survived(objects)
    # The current models read what the release wrote: every person with their team and account.
    accounts = {
        obj["pk"]: obj["fields"]["user"][0] if obj["fields"]["user"] else None
        for obj in objects
        if obj["model"] == "organisation.person"
    }
    people = Person.objects.select_related("team__unit", "user")
    assert {person.pk: person.user.username if person.user else None for person in people} == accounts


def _assert_the_audit_trail_survived(objects: list[dict[str, Any]]) -> None:
    """The same events in the same order, still append-only, and new events come after them."""
    dumped = [
        (obj["pk"], obj["fields"]["action"], obj["fields"]["object_type"], obj["fields"]["object_id"])
        for obj in objects
        if obj["model"] == "core.auditevent"
    ]
    assert dumped
    assert list(AuditEvent.objects.order_by("pk").values_list("pk", "action", "object_type", "object_id")) == dumped
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    for statement in (f"UPDATE {table} SET object_id = 'changed'", f"DELETE FROM {table}"):  # noqa: S608
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    person = Person.objects.order_by("pk").first()
    assert person is not None
    assert log_change(actor=None, obj=person).pk > dumped[-1][0]
