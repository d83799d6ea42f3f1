"""``manage.py check --database default``: every instrument links only to existing provisions."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Tags, register
from django.db import DatabaseError


@register(Tags.database)
def instruments_link_existing_provisions(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from selftests import loading

    try:
        instruments = loading.instruments()
    except loading.DefinitionError as error:
        return [Error(str(error), id="selftests.E001")]
    try:
        provisions, experts = loading.published_catalogue_slugs()
    except DatabaseError:  # not migrated yet: nothing to compare with
        return []
    if not provisions:
        return []
    return [
        Error(message, id="selftests.E002")
        for instrument in instruments.values()
        for message in loading.catalogue_link_errors(instrument, provisions, experts)
    ]
