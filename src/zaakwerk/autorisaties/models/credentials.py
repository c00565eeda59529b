"""API clients' JWT secrets, stored encrypted, and the cache generation counter."""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models


def _fernet() -> Fernet:
    key = hashlib.sha256(f"zaakwerk-client-secrets:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


class ApiClient(models.Model):
    """A client id and the secret its JWTs are signed with.

    HS256 is symmetric, so the secret itself is needed to verify a signature and cannot be
    hashed; it is encrypted with a key derived from ``SECRET_KEY`` so that neither the admin nor
    a database dump shows it.
    """

    client_id = models.CharField(max_length=255, unique=True)
    secret_encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "API client"
        ordering = ["client_id"]

    def __str__(self) -> str:
        return self.client_id

    def set_secret(self, secret: str) -> None:
        self.secret_encrypted = _fernet().encrypt(secret.encode()).decode()

    def get_secret(self) -> str | None:
        try:
            return _fernet().decrypt(self.secret_encrypted.encode()).decode()
        except InvalidToken:
            return None  # encrypted with another SECRET_KEY: unusable, so refused


class AuthorisationsGeneration(models.Model):
    """A single row whose value changes with every change to clients or authorisations.

    Each process caches what it read and checks this value once per request: one indexed
    read instead of several joins, and a change made by any process is seen by all at once.
    The value is random rather than a counter: a rolled-back change must never leave a number
    behind that a later change reuses, or a process that saw the rolled-back state would keep
    it (the number would look current again).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"generation {self.generation}"

    @classmethod
    def bump(cls) -> None:
        """Call inside the transaction of every change to applicaties, autorisaties or clients."""
        value = secrets.randbits(62) + 1
        updated = cls.objects.filter(id=1).update(generation=value)
        if not updated:
            cls.objects.update_or_create(id=1, defaults={"generation": value})

    @classmethod
    def current(cls) -> int:
        value = cls.objects.filter(id=1).values_list("generation", flat=True).first()
        return value or 0
