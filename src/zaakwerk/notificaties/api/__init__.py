"""The Notificaties API 1.0.1 endpoints: one module per resource, each with its own router."""

from zaakwerk.api.factory import build_api
from zaakwerk.notificaties.api import abonnementen, kanalen, notificaties

api = build_api("notificaties")
for module in (kanalen, abonnementen, notificaties):
    api.add_router("", module.router)
