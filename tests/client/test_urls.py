"""The canonical spelling of a URL (docs/adr/0036): a table of cases."""

from __future__ import annotations

import pytest

from zaakwerk.client.urls import NotAUrl, canonical

UUID = "6f7c0000-0000-4000-8000-00000000000a"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            f"https://zaken.example.nl/zaken/api/v1/zaken/{UUID}",
            f"https://zaken.example.nl/zaken/api/v1/zaken/{UUID}",
        ),
        (
            f"HTTPS://Zaken.Example.NL/zaken/api/v1/zaken/{UUID}",
            f"https://zaken.example.nl/zaken/api/v1/zaken/{UUID}",
        ),
        (f"https://zaken.example.nl:443/zaken/{UUID.upper()}", f"https://zaken.example.nl/zaken/{UUID}"),
        ("http://zaken.example.nl:80/x", "http://zaken.example.nl/x"),
        ("http://zaken.example.nl:8080/x", "http://zaken.example.nl:8080/x"),
        ("https://zaken.example.nl/x#deel", "https://zaken.example.nl/x"),
        ("https://zaken.example.nl/x?b=2&a=1", "https://zaken.example.nl/x?b=2&a=1"),
        ("https://zaken.example.nl/Pad/Met/Hoofdletters", "https://zaken.example.nl/Pad/Met/Hoofdletters"),
        ("http://[::1]:8000/x", "http://[::1]:8000/x"),
    ],
)
def test_canonical_spelling(given: str, expected: str) -> None:
    assert canonical(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "https://zaken.example.nl/x\n",
        " https://zaken.example.nl/x",
        "https://zaken.example.nl/a b",
        "https://zaken.example.nl/x\x00",
        "https://gebruiker:geheim@zaken.example.nl/x",
        "ftp://zaken.example.nl/x",
        "zaken.example.nl/x",
        "https:///x",
        "https://zaken.example.nl:99999/x",
    ],
)
def test_what_is_not_a_usable_url(given: str) -> None:
    with pytest.raises(NotAUrl):
        canonical(given)
