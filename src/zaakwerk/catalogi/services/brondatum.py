"""The ``brondatumArchiefprocedure`` rules of a resultaattype (ztc-003..008, RULES.md 2.1).

Which parameters an afleidingswijze needs (``required``) and which it may not have
(``must-be-empty``), and which afleidingswijze the selectielijstklasse's procestermijn demands
(``invalid-afleidingswijze-for-procestermijn``). Field errors come first: the VNG suite reads
the first error.
"""

from __future__ import annotations

from zaakwerk.catalogi.models.choices import Afleidingswijze
from zaakwerk.catalogi.services.inputs import ResultaatTypeValues
from zaakwerk.catalogi.services.subtypes import Values
from zaakwerk.core.errors import NON_FIELD, ErrorCollector
from zaakwerk.core.summaries import SelectielijstResultaat

COLUMNS = (
    "brondatum_afleidingswijze",
    "brondatum_datumkenmerk",
    "brondatum_einddatum_bekend",
    "brondatum_objecttype",
    "brondatum_registratie",
    "brondatum_procestermijn",
)
# parameter → (response name, afleidingswijzen that require it); for all others it must be empty
REQUIRED_FOR: dict[str, tuple[str, frozenset[str]]] = {
    "brondatum_datumkenmerk": (
        "datumkenmerk",
        frozenset(
            {Afleidingswijze.eigenschap, Afleidingswijze.zaakobject, Afleidingswijze.ander_datumkenmerk}
        ),
    ),
    "brondatum_objecttype": (
        "objecttype",
        frozenset({Afleidingswijze.zaakobject, Afleidingswijze.ander_datumkenmerk}),
    ),
    "brondatum_registratie": ("registratie", frozenset({Afleidingswijze.ander_datumkenmerk})),
    "brondatum_procestermijn": ("procestermijn", frozenset({Afleidingswijze.termijn})),
}
# ztc-005: einddatumBekend must be false for these
NO_EINDDATUM = frozenset({Afleidingswijze.afgehandeld, Afleidingswijze.termijn})
# ztc-003: the afleidingswijze a selectielijst procestermijn demands
FOR_PROCESTERMIJN = {
    "nihil": Afleidingswijze.afgehandeld,
    "ingeschatte_bestaansduur_procesobject": Afleidingswijze.termijn,
}
PREFIX = "brondatumArchiefprocedure."


def sent(values: Values[ResultaatTypeValues]) -> bool:
    return any(values.sent(column) for column in COLUMNS)


def check(
    values: Values[ResultaatTypeValues], resultaat: SelectielijstResultaat | None, errors: ErrorCollector
) -> None:
    afleidingswijze = values.get("brondatum_afleidingswijze") or ""
    if not afleidingswijze:
        return
    order = ("brondatum_datumkenmerk", "brondatum_einddatum_bekend", "brondatum_objecttype")
    for column in (*order, "brondatum_registratie", "brondatum_procestermijn"):
        if column == "brondatum_einddatum_bekend":
            if afleidingswijze in NO_EINDDATUM and values.get(column):
                errors.add(
                    f"{PREFIX}einddatumBekend", "must-be-empty", f"Niet toegestaan bij {afleidingswijze}."
                )
            continue
        name, needed_by = REQUIRED_FOR[column]
        value = values.get(column)
        if afleidingswijze in needed_by and not value:
            errors.add(f"{PREFIX}{name}", "required", f"Verplicht bij afleidingswijze {afleidingswijze}.")
        elif afleidingswijze not in needed_by and value:
            errors.add(
                f"{PREFIX}{name}", "must-be-empty", f"Niet toegestaan bij afleidingswijze {afleidingswijze}."
            )
    procestermijn = (resultaat.get("procestermijn") if resultaat is not None else None) or ""
    demanded = FOR_PROCESTERMIJN.get(procestermijn)
    if demanded is not None and afleidingswijze != demanded:
        # the VNG suite expects this on nonFieldErrors (RULES.md 9.1 names the afleidingswijze)
        errors.add(
            NON_FIELD,
            "invalid-afleidingswijze-for-procestermijn",
            f"Bij een selectielijstklasse met procestermijn {procestermijn} hoort afleidingswijze "
            f"{demanded}.",
        )
