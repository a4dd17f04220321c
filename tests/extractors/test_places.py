"""The places step: names of the knowledge base used as locations."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Article, Document, Span
from diplomev.extractors.places import PlaceRecogniser

STEP = PlaceRecogniser()


def places(text: str, sentences: tuple[Span, ...] = ()) -> list[tuple[str, str, str | None]]:
    doc = STEP(Document(article=Article(id="p", text=text), sentences=sentences))
    return [(p.text, p.location.name, p.location.country) for p in doc.places]


class TestPlaceRecogniser:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The ministers met in Beijing on Friday.", [("Beijing", "Beijing", "CHN")]),
            ("Leaders gathered in Da Nang, Vietnam, for the forum.", [("Da Nang, Vietnam", "Da Nang", "VNM")]),
            ("The summit was held in Papua New Guinea.", [("Papua New Guinea", "Papua New Guinea", "PNG")]),
            ("They met in Seoul's Blue House on Thursday.", [("Seoul's Blue House", "Seoul", "KOR")]),
            ("The envoy arrived in Tokyo late on Monday.", [("Tokyo", "Tokyo", "JPN")]),
            ("He made a trip to Seoul last week.", [("Seoul", "Seoul", "KOR")]),
            ("The talks took place at the Kremlin.", [("the Kremlin", "Moscow", "RUS")]),
            (
                "Troops were deployed in the U.S. and Japan.",
                [("the U.S.", "United States", "USA"), ("Japan", "Japan", "JPN")],
            ),
            ("The delegation flew to Hanoi, Vietnam.", [("Hanoi, Vietnam", "Hanoi", "VNM")]),
            ("The fair opened in Osaka, Japan.", [("Osaka, Japan", "Osaka", "JPN")]),
            ("A forum met in Ruritown, Ghana, in May.", [("Ruritown, Ghana", "Ruritown", "GHA")]),
            ("She returned from Moscow on Sunday.", [("Moscow", "Moscow", "RUS")]),
            ("They visited Seoul, Tokyo and Beijing.", []),
            ("Seoul and Washington agreed on the plan.", []),
            ("According to Beijing, the talks went well.", []),
            ("The missiles are aimed at North Korea.", []),
            ("Pressure from Washington grew.", []),
            ("The policy toward China changed.", []),
            ("Chile expressed its gratitude to Peru.", []),
            ("Chile extended an invitation to Peru.", []),
            ("Chile sold jets to Peru last year.", []),
        ],
    )
    def test_places(self, text, expected):
        """Names after locative prepositions are places; others are not."""
        assert places(text) == expected

    def test_lists_after_a_preposition(self):
        """Every name of a list after a locative preposition is a place."""
        assert [p[0] for p in places("Talks were held in Seoul, Tokyo and Beijing.")] == ["Seoul", "Tokyo", "Beijing"]

    def test_only_sentences_are_read(self):
        """With sentence spans, text outside them is ignored."""
        text = "Menu in Paris\nThey met in Berlin."
        assert [p[0] for p in places(text, (Span(start=14, end=len(text)),))] == ["Berlin"]

    def test_picklable(self):
        """The step pickles and still works."""
        step = pickle.loads(pickle.dumps(PlaceRecogniser()))
        doc = step(Document(article=Article(id="p", text="They met in Oslo.")))
        assert doc.places[0].location.country == "NOR"

    @given(st.text(max_size=300))
    def test_spans_slice_to_their_text(self, text):
        """Place spans slice the text to the place's text, on any input."""
        doc = STEP(Document(article=Article(id="p", text=text)))
        for p in doc.places:
            assert p.span.slice(text) == p.text


def test_known_city_keeps_its_country_before_a_comma_and_a_country() -> None:
    """'landed in Tokyo, North Korea fired ...' is Tokyo in Japan, not a Tokyo in North Korea."""
    from diplomev import Article, Document
    from diplomev.extractors.places import PlaceRecogniser

    text = "Hours before the president landed in Tokyo, North Korea fired a missile."
    doc = PlaceRecogniser()(Document(article=Article(id="t", text=text)))
    assert (doc.places[0].text, doc.places[0].location.country) == ("Tokyo", "JPN")


def test_regions_are_places() -> None:
    """A region is a place of its state, with or without "region" or "province" after it."""
    assert places("Fighting spread to the Amhara region and into Oromia.") == [
        ("Amhara region", "Amhara region", "ETH"),
        ("Oromia", "Oromia", "ETH"),
    ]


def test_a_region_of_two_states_takes_the_one_named_more() -> None:
    """Punjab is a province of Pakistan and a state of India: the country the text names decides."""
    assert places("India said India's troops moved into Punjab.")[-1][2] == "IND"
    assert places("Pakistan said Pakistan's troops moved into Punjab.")[-1][2] == "PAK"


def test_the_capital_of_a_nationality() -> None:
    """'in the Peruvian capital' is a place: Lima; the nationality stays outside the place."""
    from diplomev import Article, Document
    from diplomev.extractors.places import PlaceRecogniser

    doc = PlaceRecogniser()(Document(article=Article(id="c", text="They met in the Peruvian capital on Monday.")))
    assert [(p.text, p.location.name, p.location.country) for p in doc.places] == [("capital", "Lima", "PER")]
