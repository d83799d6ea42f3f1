"""Choices of the health themes: what kind of item it is and who it is written for."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    ARTICLE = "artikel", _("Artikel")
    EXERCISE = "oefening", _("Korte oefening")
    STORY = "ervaringsverhaal", _("Ervaringsverhaal")


class ItemAudience(models.TextChoices):
    EMPLOYEE = "medewerker", _("Medewerker")
    MANAGER = "leidinggevende", _("Leidinggevende")


#: Words in /zorgwijzer/themas/<word>/ that belong to the app itself and can never be a theme slug.
RESERVED_THEME_SLUGS = ("beheer",)

#: A body shorter than this says too little to help anyone (checked in the editor form).
MIN_BODY_LENGTH = 40
