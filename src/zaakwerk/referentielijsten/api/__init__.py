"""The Referentielijsten API endpoints."""

from zaakwerk.api.factory import build_api

api = build_api("referentielijsten")
