"""Receivers: what the catalogue does when other apps say something happened."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from organisation.signals import demo_organisation_loaded


@receiver(demo_organisation_loaded, dispatch_uid="catalogue.demo_help_numbers")
def demo_help_numbers(sender: Any, **kwargs: Any) -> str:
    from catalogue import demo

    return demo.add_example_help_numbers()
