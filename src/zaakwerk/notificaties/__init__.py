"""The Notificaties register (Notificaties API 1.0.1) and durable delivery to its subscribers."""

from pathlib import Path

#: The OpenAPI fragment of ``PUT /kanaal/{uuid}`` (docs/adr/0014), merged into the served document.
EXTENSION_SPEC = Path(__file__).resolve().parent / "extension_spec.yaml"
