"""The APIs this deployment serves: URL segment, standard version, vendored spec."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SPEC_DIR = Path(__file__).resolve().parent / "specs"


@dataclass(frozen=True)
class ApiInfo:
    segment: str  # first URL segment: /<segment>/api/v1
    title: str
    version: str
    spec_file: str
    component: str  # component code in the Autorisaties API and audit trails

    @property
    def spec_path(self) -> Path:
        return SPEC_DIR / self.spec_file


APIS: dict[str, ApiInfo] = {
    info.segment: info
    for info in (
        ApiInfo("catalogi", "Catalogi API", "1.3.3", "catalogi-1.3.3.yaml", "ztc"),
        ApiInfo("zaken", "Zaken API", "1.7.0", "zaken-1.7.0.yaml", "zrc"),
        ApiInfo("besluiten", "Besluiten API", "1.1.0", "besluiten-1.1.0.yaml", "brc"),
        ApiInfo("documenten", "Documenten API", "1.7.0", "documenten-1.7.0.yaml", "drc"),
        ApiInfo("autorisaties", "Autorisaties API", "1.1.0", "autorisaties-1.1.0.yaml", "ac"),
        ApiInfo("notificaties", "Notificaties API", "1.0.1", "notificaties-1.0.1.yaml", "nrc"),
        ApiInfo(
            "referentielijsten",
            "Referentielijsten & Selectielijst API",
            "0.6.0",
            "referentielijsten-0.6.0.yaml",
            "vrl",
        ),
    )
}
