"""Enumerations of the Documenten API 1.7.0."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    in_bewerking = "in_bewerking", "In bewerking"
    ter_vaststelling = "ter_vaststelling", "Ter vaststelling"
    definitief = "definitief", "Definitief"
    gearchiveerd = "gearchiveerd", "Gearchiveerd"


class Ondertekeningsoort(models.TextChoices):
    analoog = "analoog", "Analoog"
    digitaal = "digitaal", "Digitaal"
    pki = "pki", "PKI"


class Algoritme(models.TextChoices):
    crc_16 = "crc_16", "CRC-16"
    crc_32 = "crc_32", "CRC-32"
    crc_64 = "crc_64", "CRC-64"
    fletcher_4 = "fletcher_4", "Fletcher-4"
    fletcher_8 = "fletcher_8", "Fletcher-8"
    fletcher_16 = "fletcher_16", "Fletcher-16"
    fletcher_32 = "fletcher_32", "Fletcher-32"
    hmac = "hmac", "HMAC"
    md5 = "md5", "MD5"
    sha_1 = "sha_1", "SHA-1"
    sha_256 = "sha_256", "SHA-256"
    sha_512 = "sha_512", "SHA-512"
    sha_3 = "sha_3", "SHA-3"


class ObjectType(models.TextChoices):
    besluit = "besluit", "Besluit"
    zaak = "zaak", "Zaak"
    verzoek = "verzoek", "Verzoek"


class AardRelatie(models.TextChoices):
    afzender = "afzender", "Afzender"
    geadresseerde = "geadresseerde", "Geadresseerde"


class PostadresType(models.TextChoices):
    antwoordnummer = "antwoordnummer", "Antwoordnummer"
    postbusnummer = "postbusnummer", "Postbusnummer"
