"""Lexical coverage of the cooperative CAMEO roots (02 to 08): common wire phrasings of each code.

Whole-pipeline checks on invented sentences: each phrase is coded with its
PLOVER type, its most specific CAMEO code and the right source and target.
"""

from __future__ import annotations

import pytest

import diplomev

Row = tuple[str | None, str, str, str | None]


def coded(text: str) -> set[Row]:
    events = diplomev.extract(text, published="2023-04-27")
    return {
        (
            e.source.country or e.source.name,
            e.type.value,
            e.cameo,
            (e.target.country or e.target.name) if e.target else None,
        )
        for e in events
    }


def check(text: str, expected: Row) -> None:
    got = coded(text)
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan made an urgent appeal to China on Monday.", ("JPN", "REQUEST", "020", "CHN")),
        ("Ukraine renewed its appeal to NATO for air defence systems.", ("UKR", "REQUEST", "020", "NATO")),
        ("Tokyo lobbied Washington to drop the new tariffs.", ("JPN", "REQUEST", "020", "USA")),
        ("Poland sought the extradition of the suspect from Belarus.", ("POL", "REQUEST", "0213", "BLR")),
        ("Turkey sought Sweden's support for its bid.", ("TUR", "REQUEST", "022", "SWE")),
        ("Kenya sought military assistance from the United States.", ("KEN", "REQUEST", "023", "USA")),
        ("Pakistan sought a bailout from the International Monetary Fund.",
         ("PAK", "REQUEST", "0231", "International Monetary Fund")),
        ("Sudan requested peacekeepers from the African Union.", ("SDN", "REQUEST", "0234", "African Union")),
        ("Germany pressed for the release of the journalist held by Iran.", ("DEU", "REQUEST", "0253", "IRN")),
        ("Brazil called for restraint from Israel and Hamas.", ("BRA", "REQUEST", "0256", "ISR")),
        ("The United States called for the withdrawal of Russian troops from Ukraine.",
         ("USA", "REQUEST", "0256", "RUS")),
        ("Kenya called for dialogue between Ethiopia and Eritrea.", ("KEN", "REQUEST", "026", "ETH")),
    ],
)  # fmt: skip
def test_appeals_root_02(text: str, expected: Row) -> None:
    check(text, expected)
