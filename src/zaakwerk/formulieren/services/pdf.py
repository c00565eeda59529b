"""The PDF of a submission: the form's title, the reference and every answer, step by step.

Made with ReportLab (BSD licence; docs/adr/0086): pure Python plus a small C extension, no system
libraries, so it works wherever Zaakwerk installs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


@dataclass(frozen=True)
class Answer:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    titel: str
    answers: list[Answer]


def render(
    titel: str, referentie: str, moment: datetime, organisation: str, sections: list[Section]
) -> bytes:
    """The submission as a PDF/A-like A4 document (text only, embedded standard fonts)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=titel,
        author=organisation,
        subject=f"Inzending {referentie}",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        invariant=True,  # the same input gives the same bytes (no creation time, fixed ids)
    )
    styles = getSampleStyleSheet()
    story: list[object] = [
        Paragraph(escape(organisation), styles["Normal"]),
        Paragraph(escape(titel), styles["Title"]),
        Paragraph(
            escape(f"Kenmerk {referentie} · ingediend op {moment.strftime('%d-%m-%Y %H:%M')}"),
            styles["Normal"],
        ),
        Spacer(1, 6 * mm),
    ]
    for section in sections:
        story.append(Paragraph(escape(section.titel), styles["Heading2"]))
        rows = [
            [
                Paragraph(escape(answer.label), styles["Normal"]),
                Paragraph(escape(answer.value), styles["Normal"]),
            ]
            for answer in section.answers
        ]
        if rows:
            table = Table(rows, colWidths=[65 * mm, 105 * mm])
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                    ]
                )
            )
            story.append(table)
        story.append(Spacer(1, 4 * mm))
    document.build(story)
    return buffer.getvalue()
