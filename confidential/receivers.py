"""Receivers: what the confidential app does when other apps say something happened."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from organisation.signals import demo_organisation_loaded


@receiver(demo_organisation_loaded, dispatch_uid="confidential.demo")
def demo_data(sender: Any, **kwargs: Any) -> str:
    from confidential import demo

    return demo.load()
