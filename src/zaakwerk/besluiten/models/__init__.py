"""The Besluiten register's tables (Besluiten API 1.1.0)."""

from zaakwerk.besluiten.models.besluit import (
    Besluit,
    BesluitIdentificatieTeller,
    BesluitInformatieObject,
    Vervalreden,
)

__all__ = ["Besluit", "BesluitIdentificatieTeller", "BesluitInformatieObject", "Vervalreden"]
