"""Receivers: what the complaints app does when other apps say something happened."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from organisation.signals import demo_organisation_loaded


@receiver(demo_organisation_loaded, dispatch_uid="complaints.demo_register")
def demo_register(sender: Any, **kwargs: Any) -> str:
    """``manage.py demo`` only: the fictional complaints register 2022-2024 (idempotent)."""
    from complaints import demo

    return demo.load_demo_register()
