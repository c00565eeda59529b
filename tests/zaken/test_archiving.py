"""zrc-021: archiefnominatie and archiefactiedatum for every afleidingswijze (RULES.md 3.6).

Pure rule functions, tested with tables of cases: nothing here touches the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from zaakwerk.zaken.archiving import Archiving, ArchivingError, ZaakFacts, add_duration, derive

EIND = date(2024, 5, 10)


def resultaattype(
    afleidingswijze: str | None = "afgehandeld",
    *,
    termijn: str | None = "P10Y",
    nominatie: str = "vernietigen",
    **brondatum: Any,
) -> dict[str, Any]:
    return {
        "archiefnominatie": nominatie,
        "archiefactietermijn": termijn,
        "brondatumArchiefprocedure": (
            {"afleidingswijze": afleidingswijze, **brondatum} if afleidingswijze is not None else None
        ),
    }


def facts(**values: Any) -> ZaakFacts:
    values.setdefault("einddatum", EIND)
    return ZaakFacts(**values)


CASES: list[tuple[str, dict[str, Any], ZaakFacts, Archiving]] = [
    # afgehandeld: the einddatum
    ("afgehandeld", resultaattype(), facts(), Archiving("vernietigen", date(2034, 5, 10))),
    ("no termijn: no date", resultaattype(termijn=None), facts(), Archiving("vernietigen", None)),
    ("no brondatumArchiefprocedure", resultaattype(None), facts(), Archiving("vernietigen", None)),
    (
        "blijvend bewaren without termijn",
        resultaattype(termijn=None, nominatie="blijvend_bewaren"),
        facts(),
        Archiving("blijvend_bewaren", None),
    ),
    (
        "the zaak's own archiefnominatie is kept",
        resultaattype(),
        facts(archiefnominatie="blijvend_bewaren"),
        Archiving("blijvend_bewaren", date(2034, 5, 10)),
    ),
    (
        "an archiefactiedatum set by hand is kept",
        resultaattype(),
        facts(archiefactiedatum=date(2030, 1, 1)),
        Archiving("vernietigen", date(2030, 1, 1)),
    ),
    # ander_datumkenmerk: set by hand, never derived
    (
        "ander_datumkenmerk",
        resultaattype("ander_datumkenmerk", datumkenmerk="x", objecttype="pand", registratie="BAG"),
        facts(),
        Archiving("vernietigen", None),
    ),
    # eigenschap: the value of the zaakeigenschap named datumkenmerk
    (
        "eigenschap",
        resultaattype("eigenschap", datumkenmerk="afgifte"),
        facts(eigenschappen={"afgifte": "2024-06-15", "ander": "2020-01-01"}),
        Archiving("vernietigen", date(2034, 6, 15)),
    ),
    (
        "eigenschap as a date-time",
        resultaattype("eigenschap", datumkenmerk="afgifte"),
        facts(eigenschappen={"afgifte": "2024-06-15T23:30:00Z"}),
        Archiving("vernietigen", date(2034, 6, 15)),
    ),
    (
        "eigenschap empty: no date",
        resultaattype("eigenschap", datumkenmerk="afgifte"),
        facts(eigenschappen={"afgifte": ""}),
        Archiving("vernietigen", None),
    ),
    # hoofdzaak: the hoofdzaak's einddatum
    (
        "hoofdzaak",
        resultaattype("hoofdzaak"),
        facts(has_hoofdzaak=True, hoofdzaak_einddatum=date(2024, 7, 1)),
        Archiving("vernietigen", date(2034, 7, 1)),
    ),
    (
        "hoofdzaak still open: no date",
        resultaattype("hoofdzaak"),
        facts(has_hoofdzaak=True, hoofdzaak_einddatum=None),
        Archiving("vernietigen", None),
    ),
    # gerelateerde_zaak: the latest einddatum of the related zaken
    (
        "gerelateerde_zaak",
        resultaattype("gerelateerde_zaak"),
        facts(gerelateerde_einddatums=[date(2024, 1, 1), None, date(2024, 8, 31)]),
        Archiving("vernietigen", date(2034, 8, 31)),
    ),
    (
        "no gerelateerde zaken: no date",
        resultaattype("gerelateerde_zaak"),
        facts(),
        Archiving("vernietigen", None),
    ),
    # ingangsdatum_besluit / vervaldatum_besluit: the latest of the related besluiten
    (
        "ingangsdatum_besluit",
        resultaattype("ingangsdatum_besluit"),
        facts(
            besluiten=[{"ingangsdatum": "2024-02-01"}, {"ingangsdatum": "2024-03-01", "vervaldatum": None}]
        ),
        Archiving("vernietigen", date(2034, 3, 1)),
    ),
    (
        "vervaldatum_besluit",
        resultaattype("vervaldatum_besluit", termijn="P5Y"),
        facts(
            besluiten=[{"vervaldatum": "2026-12-31"}, {"vervaldatum": None}, {"vervaldatum": "2025-01-01"}]
        ),
        Archiving("vernietigen", date(2031, 12, 31)),
    ),
    (
        "besluiten without vervaldatum: no date",
        resultaattype("vervaldatum_besluit"),
        facts(besluiten=[{"vervaldatum": None}]),
        Archiving("vernietigen", None),
    ),
    # termijn: einddatum + procestermijn
    (
        "termijn",
        resultaattype("termijn", procestermijn="P5Y"),
        facts(einddatum=date(2024, 2, 29)),
        Archiving("vernietigen", date(2039, 2, 28)),
    ),
    # zaakobject: the latest datumkenmerk of the zaakobjecten of that objecttype
    (
        "zaakobject",
        resultaattype("zaakobject", objecttype="adres", datumkenmerk="datumAfgifte"),
        facts(
            zaakobjecten=[
                ("adres", {"datumAfgifte": "2024-08-01"}),
                ("pand", {"datumAfgifte": "2030-01-01"}),
                ("adres", {"datumAfgifte": "2024-09-01"}),
                ("adres", {}),
            ]
        ),
        Archiving("vernietigen", date(2034, 9, 1)),
    ),
    (
        "zaakobject dates written without leading zeros",
        resultaattype("zaakobject", objecttype="woz_waarde", datumkenmerk="waardepeildatum", termijn="P5Y"),
        facts(
            zaakobjecten=[
                ("woz_waarde", {"waardepeildatum": "2008-1-1"}),
                ("woz_waarde", {"waardepeildatum": "2013-1-1"}),
            ]
        ),
        Archiving("vernietigen", date(2018, 1, 1)),
    ),
    (
        "no zaakobject of the objecttype: no date",
        resultaattype("zaakobject", objecttype="adres", datumkenmerk="datumAfgifte"),
        facts(zaakobjecten=[("pand", {"datumAfgifte": "2024-08-01"})]),
        Archiving("vernietigen", None),
    ),
]


@pytest.mark.parametrize(("resultaat", "zaak", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_derive(resultaat: dict[str, Any], zaak: ZaakFacts, expected: Archiving) -> None:
    assert derive(resultaat, zaak) == expected


ERRORS: list[tuple[str, dict[str, Any], ZaakFacts]] = [
    (
        "eigenschap missing",
        resultaattype("eigenschap", datumkenmerk="afgifte"),
        facts(eigenschappen={"x": "1"}),
    ),
    (
        "eigenschap not a date",
        resultaattype("eigenschap", datumkenmerk="afgifte"),
        facts(eigenschappen={"afgifte": "morgen"}),
    ),
    ("hoofdzaak without hoofdzaak", resultaattype("hoofdzaak"), facts()),
    (
        "zaakobject datumkenmerk not a date",
        resultaattype("zaakobject", objecttype="adres", datumkenmerk="d"),
        facts(zaakobjecten=[("adres", {"d": 12})]),
    ),
    (
        "zaakobject datumkenmerk an impossible date",
        resultaattype("zaakobject", objecttype="adres", datumkenmerk="d"),
        facts(zaakobjecten=[("adres", {"d": "2024-2-30"})]),
    ),
    ("archiefactietermijn not a duration", resultaattype(termijn="10 jaar"), facts()),
    ("procestermijn not a duration", resultaattype("termijn", procestermijn="P1,5Y"), facts()),
]


@pytest.mark.parametrize(("resultaat", "zaak"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_configuration_the_zaak_does_not_match_is_an_error(
    resultaat: dict[str, Any], zaak: ZaakFacts
) -> None:
    with pytest.raises(ArchivingError):
        derive(resultaat, zaak)


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (date(2024, 5, 10), "P10Y", date(2034, 5, 10)),
        (date(2024, 1, 31), "P1M", date(2024, 2, 29)),
        (date(2023, 1, 31), "P1M", date(2023, 2, 28)),
        (date(2024, 2, 29), "P1Y", date(2025, 2, 28)),
        (date(2024, 11, 30), "P3M", date(2025, 2, 28)),
        (date(2024, 5, 10), "P2W", date(2024, 5, 24)),
        (date(2024, 12, 31), "P1D", date(2025, 1, 1)),
        (date(2024, 5, 10), "P1Y2M3W4D", date(2025, 8, 4)),
        (date(2024, 5, 10), "PT36H", date(2024, 5, 10)),
    ],
)
def test_add_duration(start: date, duration: str, expected: date) -> None:
    assert add_duration(start, duration) == expected


@pytest.mark.parametrize("duration", ["", "P", "10Y", "P1.5Y", "PT", "P-1Y", "P9999Y"])
def test_add_duration_refuses(duration: str) -> None:
    with pytest.raises(ArchivingError):
        add_duration(date(2024, 5, 10), duration)
