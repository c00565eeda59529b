"""The Autorisaties API endpoints: one module per resource."""

from zaakwerk.api.factory import build_api
from zaakwerk.autorisaties.api import applicaties

api = build_api("autorisaties")
api.add_router("", applicaties.router)
