"""The 31 VIK dilemma cards (7 statements, 24 dilemmas) of the 2022 prevention session, each with
a first version in its history. The texts are Zorgwijzer's own wording of seed 003."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "cards_2022.json"


def load(apps: Any, schema_editor: Any) -> None:
    """Idempotent: cards that exist (by slug) are left alone. Tests that flush the database call it again."""
    card_model = apps.get_model("integrity", "Card")
    version_model = apps.get_model("integrity", "CardVersion")
    for item in json.loads(DATA.read_text(encoding="utf-8")):
        fields = {
            "number": item["number"],
            "kind": item["kind"],
            "theme": item["theme"],
            "title": item["title"],
            "text": item["text"],
            "options": item["options"],
            "prompts": "\n".join(item["prompts"]),
            "rules": "\n".join(item["rules"]),
        }
        card, created = card_model.objects.get_or_create(slug=item["slug"], defaults={**fields, "version": 1})
        if created:
            version_model.objects.create(
                card=card,
                version=1,
                **{key: fields[key] for key in ("title", "text", "options", "prompts", "rules", "theme")},
            )


def unload(apps: Any, schema_editor: Any) -> None:
    apps.get_model("integrity", "Card").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("integrity", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
