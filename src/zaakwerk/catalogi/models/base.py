"""What every catalogue resource has: a UUID for its URL, and validity dates."""

from __future__ import annotations

import uuid as uuid_lib

from django.db import models


class UUIDModel(models.Model):
    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class GeldigheidMixin(models.Model):
    """Validity of one version, inclusive on both ends (RULES.md 2.3); null end = open."""

    begin_geldigheid = models.DateField()
    einde_geldigheid = models.DateField(null=True, blank=True)
    begin_object = models.DateField(null=True, blank=True)
    einde_object = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True


class ConceptMixin(models.Model):
    """Main types are drafts (concept) until published; published versions are frozen."""

    concept = models.BooleanField(default=True)

    class Meta:
        abstract = True
