"""The vertrouwelijkheidaanduiding scale, lowest first (RULES.md 1.7)."""

from __future__ import annotations

from django.db import models


class VertrouwelijkheidAanduiding(models.TextChoices):
    openbaar = "openbaar", "Openbaar"
    beperkt_openbaar = "beperkt_openbaar", "Beperkt openbaar"
    intern = "intern", "Intern"
    zaakvertrouwelijk = "zaakvertrouwelijk", "Zaakvertrouwelijk"
    vertrouwelijk = "vertrouwelijk", "Vertrouwelijk"
    confidentieel = "confidentieel", "Confidentieel"
    geheim = "geheim", "Geheim"
    zeer_geheim = "zeer_geheim", "Zeer geheim"


ORDER: list[str] = [choice.value for choice in VertrouwelijkheidAanduiding]
RANK: dict[str, int] = {value: index for index, value in enumerate(ORDER)}


def rank(value: str) -> int:
    """Position on the scale; a stored row keeps this number so lists filter with ``<=``."""
    return RANK[value]
