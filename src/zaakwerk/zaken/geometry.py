"""zaakgeometrie without GDAL (DESIGN.md): GeoJSON in EPSG:4326, checked and tested with shapely.

A stored geometry keeps its bounding box in four indexed columns. ``zaakgeometrie.within``
narrows the candidates in SQL with the search area's box, then tests each exactly.
"""

from __future__ import annotations

import math
from typing import Any

from django.db.models import Q
from shapely.errors import GEOSException, ShapelyError
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from zaakwerk.core.errors import ValidationError

BBox = tuple[float, float, float, float]


def parse(value: Any, *, field: str) -> BaseGeometry:
    """A shapely geometry from GeoJSON; 400 ``invalid`` when it is not valid GeoJSON."""
    try:
        geometry = shape(value)
    except (GEOSException, ShapelyError, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise ValidationError.single(field, "invalid", f"Geen geldige GeoJSON-geometrie: {exc}") from exc
    if geometry.is_empty:
        raise ValidationError.single(field, "invalid", "De geometrie is leeg.")
    bounds = geometry.bounds
    if not all(math.isfinite(v) for v in bounds):
        raise ValidationError.single(field, "invalid", "De geometrie bevat ongeldige coördinaten.")
    return geometry


def bbox(value: Any, *, field: str) -> BBox:
    minx, miny, maxx, maxy = parse(value, field=field).bounds
    return (float(minx), float(miny), float(maxx), float(maxy))


def within_prefilter(area: BaseGeometry) -> Q:
    """Zaken whose bounding box lies inside the area's box: a superset of the exact answer."""
    minx, miny, maxx, maxy = area.bounds
    return Q(bbox_min_x__gte=minx, bbox_max_x__lte=maxx, bbox_min_y__gte=miny, bbox_max_y__lte=maxy)


def is_within(geometry: Any, area: BaseGeometry) -> bool:
    try:
        return bool(shape(geometry).within(area))
    except (GEOSException, ShapelyError, ValueError, TypeError, KeyError, AttributeError):
        return False
