"""What every resource of the Documenten register has: a UUID for its URL, and URL columns."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from django.db import models

# A reference to another register's object (informatieobjecttype, zaak, besluit, …) is ONE URL
# column: local URLs resolve in-process, others over HTTP (zaakwerk.core.references).
URL_LENGTH = 1000


def url_field(**kwargs: Any) -> models.CharField[str, str]:
    return models.CharField(max_length=URL_LENGTH, **kwargs)


class UUIDModel(models.Model):
    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True
