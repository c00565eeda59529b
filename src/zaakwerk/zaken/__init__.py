"""The Zaken register: Zaken API 1.7.0 and the transactional registration extension."""

from pathlib import Path

#: The OpenAPI fragment of the extension (docs/adr/0012), merged into the served document.
EXTENSION_SPEC = Path(__file__).resolve().parent / "extension_spec.yaml"
