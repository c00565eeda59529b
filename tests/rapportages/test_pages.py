"""The report page and its exports over HTTP: login, roles, filters, the tables beside the
charts, CSV and XLSX with the same figures, and the norm read from the catalogue."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from tests.rapportages.support import MELDING, PARKEREN, row
from tests.werkplek.actions_support import staff, werkplek_client, zaaktype
from zaakwerk.rapportages.services import norms
from zaakwerk.rapportages.services.figures import monday
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.read_model import choices

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    werkplek_client()
    norms.clear()
    choices.clear()


def browser(user: User) -> Client:
    found = Client()
    found.force_login(user)
    return found


def this_week_and_last() -> None:
    today = timezone.localdate()
    last_week = monday(today) - timedelta(days=7)
    row(
        startdatum=last_week,
        einddatum=last_week + timedelta(days=2),
        uiterlijke_einddatum_afdoening=last_week,
    )
    row(startdatum=last_week, status_omschrijving="In behandeling")
    row(startdatum=monday(today), status_omschrijving="In behandeling")
    row(zaaktype_identificatie=MELDING, zaaktype_omschrijving="Melding", startdatum=monday(today))


def table(html: str, key: str) -> list[list[str]]:
    """The rows of the table in the section ``key`` (cells as text)."""
    section = html.split(f'id="kop-{key}"', 1)[1].split("</section>", 1)[0]
    body = section.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return [
        [re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_a_visitor_is_sent_to_the_login_page() -> None:
    answer = Client().get("/rapportages/")
    assert answer.status_code == 302 and "inloggen" in answer["Location"]
    assert Client().get("/rapportages/export/werkvoorraad.csv").status_code == 302


def test_without_a_role_there_is_no_report() -> None:
    answer = browser(staff("nina", "team-a")).get("/rapportages/")
    assert answer.status_code == 403
    assert "geen enkel zaaktype een rol" in answer.content.decode()
    assert (
        browser(User.objects.get(username="nina")).get("/rapportages/export/werkvoorraad.csv").status_code
        == 403
    )


def test_the_page_shows_each_chart_with_its_table() -> None:
    this_week_and_last()
    html = browser(staff("cora", Role.COORDINATOR.value)).get("/rapportages/").content.decode()
    flows = table(html, "instroom-uitstroom")
    assert len(flows) == 12
    assert [cells[1:] for cells in flows[-2:]] == [["2", "1"], ["2", "0"]]
    assert [cells[1] for cells in table(html, "werkvoorraad")[-2:]] == ["1", "3"]
    assert table(html, "zaken-per-status") == [["In behandeling", "2", "0"], ["Ontvangen", "1", "0"]]
    # the chart's figures come as JSON data, drawn by a script file (no inline script)
    data = json.loads(
        html.split('id="grafiek-instroom-uitstroom" type="application/json">', 1)[1].split("</script>")[0]
    )
    assert [dataset["data"][-2:] for dataset in data["datasets"]] == [[2, 2], [1, 0]]
    assert 'data-chart="grafiek-instroom-uitstroom"' in html and "<script>" not in html


def test_filters_narrow_the_report_and_bad_input_says_why() -> None:
    this_week_and_last()
    client = browser(staff("cora", Role.COORDINATOR.value))
    html = client.get("/rapportages/", {"zaaktype": MELDING}).content.decode()
    assert [cells[1] for cells in table(html, "instroom-uitstroom")[-2:]] == ["0", "1"]
    today = timezone.localdate()
    html = client.get(
        "/rapportages/", {"van": today.isoformat(), "tot": (today - timedelta(days=30)).isoformat()}
    ).content.decode()
    assert "Deze datum ligt voor de datum" in html and 'aria-invalid="true"' in html
    html = client.get("/rapportages/", {"van": (today - timedelta(weeks=200)).isoformat()}).content.decode()
    assert "hoogstens 104 weken" in html


def test_a_user_sees_only_the_zaaktypen_of_their_roles() -> None:
    this_week_and_last()
    from django.contrib.auth.models import Group

    from zaakwerk.werkplek.models import RoleGrant

    user = staff("bram", "team-a")
    grant = Group.objects.create(name="grant-bram")
    RoleGrant.objects.create(group=grant, role=Role.RAADPLEGER.value, zaaktype_identificatie=MELDING)
    user.groups.add(grant)
    html = browser(user).get("/rapportages/").content.decode()
    assert [cells[1] for cells in table(html, "instroom-uitstroom")[-2:]] == ["0", "1"]
    assert f'value="{PARKEREN}"' not in html


def test_csv_and_xlsx_hold_the_tables_figures() -> None:
    this_week_and_last()
    client = browser(staff("cora", Role.COORDINATOR.value))
    answer = client.get("/rapportages/export/instroom-uitstroom.csv", {"zaaktype": PARKEREN})
    assert answer["Content-Type"].startswith("text/csv") and "attachment" in answer["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Week", "Instroom", "Uitstroom"]
    assert lines[-2:] == [
        [(monday(timezone.localdate()) - timedelta(days=7)).isoformat(), "2", "1"],
        [monday(timezone.localdate()).isoformat(), "1", "0"],
    ]
    answer = client.get("/rapportages/export/zaken-per-status.xlsx")
    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert [list(values) for values in sheet.iter_rows(values_only=True)] == [
        ["Status", "Open", "Over de uiterlijke einddatum"],
        ["In behandeling", 2, 0],
        ["Ontvangen", 1, 0],
    ]
    assert client.get("/rapportages/export/onbekend.csv").status_code == 404
    assert client.get("/rapportages/export/werkvoorraad.pdf").status_code == 404


def test_the_norm_comes_from_the_catalogue() -> None:
    # given the demo zaaktype parkeervergunning (doorlooptijd P8W) and one zaak afgehandeld in 10 days
    zaaktype(werkplek_client(), PARKEREN)
    today = timezone.localdate()
    row(startdatum=today - timedelta(days=10), einddatum=today)
    html = browser(staff("cora", Role.COORDINATOR.value)).get("/rapportages/").content.decode()
    [cells] = table(html, "doorlooptijd-per-zaaktype")
    assert cells[:5] == ["Aanvraag parkeervergunning", "1", "10,0", "10,0", "56"]
