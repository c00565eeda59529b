"""``/resultaattypen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from django.db.models import QuerySet
from pydantic import AfterValidator, BaseModel, Field

from zaakwerk.api.schemas import Duration, ZGWValueError
from zaakwerk.catalogi.api.common import sent_keys
from zaakwerk.catalogi.api.subtype_endpoints import (
    SubtypeApi,
    SubtypeIn,
    SubtypeQuery,
    build_router,
    filter_by_zaaktype,
)
from zaakwerk.catalogi.models import ResultaatType
from zaakwerk.catalogi.models.choices import OBJECTTYPEN, Afleidingswijze, Archiefnominatie
from zaakwerk.catalogi.queries import geldig_op
from zaakwerk.catalogi.services.brondatum import COLUMNS as BRONDATUM_COLUMNS
from zaakwerk.catalogi.services.inputs import ResultaatTypeValues
from zaakwerk.catalogi.services.resultaattypen import (
    create_resultaattype,
    delete_resultaattype,
    update_resultaattype,
)
from zaakwerk.catalogi.subtype_representations import render_resultaattypen
from zaakwerk.core.values import only


def _objecttype(value: str) -> str:
    if value and value not in OBJECTTYPEN:
        raise ZGWValueError("invalid_choice", f"{value!r} is geen geldig objecttype.")
    return value


Objecttype = Annotated[str, AfterValidator(_objecttype)]


class BrondatumArchiefprocedureIn(BaseModel):
    afleidingswijze: Afleidingswijze
    datumkenmerk: str = Field("", max_length=80)
    einddatum_bekend: bool = Field(False, alias="einddatumBekend")
    objecttype: Objecttype = ""
    registratie: str = Field("", max_length=80)
    procestermijn: Duration | None = None


class ResultaatTypeIn(SubtypeIn):
    zaaktype: str = Field(min_length=1, max_length=1000)
    omschrijving: str = Field(min_length=1, max_length=30)
    resultaattypeomschrijving: str = Field(min_length=1, max_length=1000)
    selectielijstklasse: str = Field(min_length=1, max_length=1000)
    toelichting: str = ""
    archiefnominatie: Archiefnominatie | Literal[""] = ""
    archiefactietermijn: Duration | None = None
    brondatum_archiefprocedure: BrondatumArchiefprocedureIn | None = None
    procesobjectaard: str | None = Field(None, max_length=200)
    # deprecated: if given, it must be the zaaktype's catalogus
    catalogus: str | None = Field(None, max_length=1000)
    begin_geldigheid: date | None = None
    einde_geldigheid: date | None = None
    begin_object: date | None = None
    einde_object: date | None = None
    indicatie_specifiek: bool | None = None
    procestermijn: Duration | None = None
    # omschrijvingen (1.3.x) or URLs of local versions (1.3.1-era clients)
    besluittypen: list[str] = Field(default_factory=list)
    informatieobjecttypen: list[str] = Field(default_factory=list)

    def to_values(self, fields: set[str] | None = None) -> ResultaatTypeValues:
        values: ResultaatTypeValues = {
            "zaaktype": self.zaaktype,
            "omschrijving": self.omschrijving,
            "resultaattypeomschrijving": self.resultaattypeomschrijving,
            "selectielijstklasse": self.selectielijstklasse,
            "toelichting": self.toelichting or "",
            "archiefnominatie": (
                self.archiefnominatie.value if isinstance(self.archiefnominatie, Archiefnominatie) else ""
            ),
            "archiefactietermijn": self.archiefactietermijn,
            "procesobjectaard": self.procesobjectaard,
            "catalogus": self.catalogus,
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "begin_object": self.begin_object,
            "einde_object": self.einde_object,
            "indicatie_specifiek": self.indicatie_specifiek,
            "procestermijn": self.procestermijn,
            "besluittypen": list(self.besluittypen or []),
            "informatieobjecttypen": list(self.informatieobjecttypen or []),
        }
        group = self.brondatum_archiefprocedure
        # none given: the columns are emptied
        values["brondatum_afleidingswijze"] = group.afleidingswijze.value if group is not None else ""
        values["brondatum_datumkenmerk"] = (group.datumkenmerk if group is not None else "") or ""
        values["brondatum_einddatum_bekend"] = bool(group.einddatum_bekend) if group is not None else False
        values["brondatum_objecttype"] = (group.objecttype if group is not None else "") or ""
        values["brondatum_registratie"] = (group.registratie if group is not None else "") or ""
        values["brondatum_procestermijn"] = group.procestermijn if group is not None else None
        if fields is None:
            return values
        return only(values, sent_keys(fields, {"brondatum_archiefprocedure": BRONDATUM_COLUMNS}))


class ResultaatTypeQuery(SubtypeQuery):
    # the spec lists the snake_case spellings too
    zaaktype_identificatie_snake: str | None = Field(None, alias="zaaktype_identificatie")
    datum_geldigheid_snake: date | None = Field(None, alias="datum_geldigheid")


def _filter(rows: QuerySet[Any], query: ResultaatTypeQuery) -> QuerySet[Any]:
    rows = filter_by_zaaktype(rows, query)
    if query.zaaktype_identificatie_snake is not None:
        rows = rows.filter(zaaktype__identificatie=query.zaaktype_identificatie_snake)
    if query.datum_geldigheid_snake is not None:
        rows = rows.filter(geldig_op(query.datum_geldigheid_snake, "zaaktype__"))
    return rows


router = build_router(
    SubtypeApi(
        collection="resultaattypen",
        model=ResultaatType,
        schema=ResultaatTypeIn,
        query=ResultaatTypeQuery,
        filter=_filter,
        render=render_resultaattypen,
        create=create_resultaattype,
        update=update_resultaattype,
        delete=delete_resultaattype,
    )
)
