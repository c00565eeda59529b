"""Records every register writes beside a change, in the same transaction: the audit trail
and the notification outbox."""

from __future__ import annotations

import uuid as uuid_lib
from datetime import UTC

from django.db import models


class AuditTrail(models.Model):
    """One line of a main object's audit trail (the standard's ``AuditTrail`` resource)."""

    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)
    bron = models.CharField(max_length=50, help_text="Component that made the change: zrc, ztc, ac, …")
    applicatie_id = models.CharField(max_length=100, blank=True)
    applicatie_weergave = models.CharField(max_length=200, blank=True)
    gebruikers_id = models.CharField(max_length=255, blank=True)
    gebruikers_weergave = models.CharField(max_length=255, blank=True)
    actie = models.CharField(max_length=50)
    actie_weergave = models.CharField(max_length=200, blank=True)
    resultaat = models.PositiveSmallIntegerField(help_text="HTTP status of the operation")
    hoofd_object = models.URLField(max_length=1000, db_index=True)
    resource = models.CharField(max_length=50)
    resource_url = models.URLField(max_length=1000)
    toelichting = models.TextField(blank=True)
    resource_weergave = models.CharField(max_length=200, blank=True)
    aanmaakdatum = models.DateTimeField(auto_now_add=True)
    oud = models.JSONField(null=True, blank=True)
    nieuw = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "audit trail line"
        ordering = ["aanmaakdatum", "id"]

    def __str__(self) -> str:
        return f"{self.bron} {self.actie} {self.resource} {self.resource_url}"

    def as_resource(self) -> dict[str, object]:
        """The line as the standard's ``AuditTrail`` resource (every register serves the same)."""
        # Wijzigingen has object-typed members: a side that does not exist is left out, not null.
        wijzigingen = {
            key: value for key, value in (("oud", self.oud), ("nieuw", self.nieuw)) if value is not None
        }
        return {
            "uuid": str(self.uuid),
            "bron": self.bron,
            "applicatieId": self.applicatie_id,
            "applicatieWeergave": self.applicatie_weergave,
            "gebruikersId": self.gebruikers_id,
            "gebruikersWeergave": self.gebruikers_weergave,
            "actie": self.actie,
            "actieWeergave": self.actie_weergave,
            "resultaat": self.resultaat,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "toelichting": self.toelichting,
            "resourceWeergave": self.resource_weergave,
            "aanmaakdatum": self.aanmaakdatum.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "wijzigingen": wijzigingen,
        }


class OutboxMessage(models.Model):
    """A notification (the Notificaties API ``Message``) waiting to be published.

    Rows are written in the transaction of the change they announce, so a change and its
    notification commit together or not at all; a worker publishes them after commit.
    """

    kanaal = models.CharField(max_length=50)
    hoofd_object = models.URLField(max_length=1000)
    resource = models.CharField(max_length=100)
    resource_url = models.URLField(max_length=1000)
    actie = models.CharField(max_length=100)
    aanmaakdatum = models.DateTimeField()
    kenmerken = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "notification outbox message"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kanaal} {self.resource} {self.actie}"

    def as_message(self) -> dict[str, object]:
        """The message body as the Notificaties API defines it."""
        return {
            "kanaal": self.kanaal,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.actie,
            "aanmaakdatum": self.aanmaakdatum.isoformat().replace("+00:00", "Z"),
            "kenmerken": self.kenmerken,
        }
