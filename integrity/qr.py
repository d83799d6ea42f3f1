"""The join link as a QR code: an inline SVG made here (no external service, no script)."""

from __future__ import annotations

import re

import qrcode
import qrcode.image.svg
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, label: str) -> SafeString:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r'^<svg width="[^"]*" height="[^"]*"', "<svg", svg)
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{escape(label)}" class="zw-qr" focusable="false"', 1)
    return mark_safe(svg)  # noqa: S308 - made by the qrcode library from our own data; the label is escaped
