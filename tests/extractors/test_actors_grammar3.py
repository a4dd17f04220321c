"""The actors step, third round: unknown heads of state, the two Koreas, titles and bodies of our own sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from diplomev import Article, Document, Reference, Source
from diplomev.extractors.actors import ActorRecogniser
from diplomev.kb import KnowledgeBase

STEP = ActorRecogniser()


def mentions(text: str, day: dt.date, dateline: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(text, country, name) of each mention of *text*."""
    doc = Document(
        article=Article(id="t", text=text, source=Source(dateline=dateline, published=day)),
        reference=Reference(date=day, method="test"),
    )
    return [(m.text, m.actor.country, m.actor.name) for m in STEP(doc).mentions]


class TestUnknownHeads:
    def test_an_unknown_president_is_not_of_a_state_whose_president_is_known(self):
        text = (
            "Guyana and Venezuela traded warnings. The U.S. Navy sent two ships to Guyana on Monday.\n\n"
            "President Tomas Verano said the visit showed the support of Guyana's friends."
        )
        found = {t: c for t, c, _ in mentions(text, dt.date(1995, 3, 1), dateline="Georgetown")}
        assert found["President Tomas Verano"] == "GUY"

    def test_without_any_other_state_the_usual_choice_stays(self):
        text = "The U.S. Navy sent two ships on Monday.\n\nPresident Tomas Verano welcomed them."
        found = {t: c for t, c, _ in mentions(text, dt.date(2023, 3, 1))}
        assert found["President Tomas Verano"] == "USA"  # perhaps a spelling the knowledge base lacks

    def test_a_title_with_no_role_of_the_knowledge_base_keeps_the_nearest_state(self):
        text = "The U.S. Navy sent two ships on Monday.\n\nSenator Tomas Verano welcomed them."
        found = {t: c for t, c, _ in mentions(text, dt.date(2023, 3, 1))}
        assert found["Senator Tomas Verano"] == "USA"

    @pytest.mark.parametrize(
        ("country", "day", "name"),
        [
            ("GUY", dt.date(2023, 12, 5), "Irfaan Ali"),
            ("GUY", dt.date(2017, 1, 1), "David Granger"),
            ("MDV", dt.date(2024, 2, 1), "Mohamed Muizzu"),
            ("BWA", dt.date(2020, 6, 1), "Mokgweetsi Masisi"),
            ("NAM", dt.date(2025, 6, 1), "Netumbo Nandi-Ndaitwah"),
            ("GMB", dt.date(2019, 1, 1), "Adama Barrow"),
        ],
    )
    def test_more_heads_of_state_are_known(self, country, day, name):
        holder = KnowledgeBase.default().holder(country, "head_of_state", on=day)
        assert holder is not None
        assert holder.name == name


class TestTheTwoKoreas:
    TEXT = (
        "North Korea fired rockets at a South Korean island. The North blamed the South of starting it. "
        "Russia urged both Koreas to talk, and trade between the two Koreas stopped."
    )

    def test_the_north_and_the_south(self):
        found = mentions(self.TEXT, dt.date(2015, 1, 1))
        assert ("The North", "PRK", None) in found
        assert ("the South", "KOR", None) in found

    def test_both_koreas_are_the_two_states(self):
        found = mentions(self.TEXT, dt.date(2015, 1, 1))
        assert [c for t, c, _ in found if t == "both Koreas"] == ["KOR", "PRK"]
        assert [c for t, c, _ in found if t == "the two Koreas"] == ["KOR", "PRK"]

    @pytest.mark.parametrize(
        "text",
        [
            "Italy sent ships to the South China Sea.",
            "Farmers in the South of France protested against Italy.",
            "The North won the match against France.",
        ],
    )
    def test_without_a_korea_or_before_a_name_no_state(self, text):
        assert not any(
            t.lower().startswith("the north") or "South" in t for t, _, _ in mentions(text, dt.date(2015, 1, 1))
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru's High Commissioner Ana Lucero was summoned.",
            ("Peru's High Commissioner Ana Lucero", "PER", "Ana Lucero"),
        ),
        ("Brazilian investigators arrived on Monday.", ("Brazilian investigators", "BRA", None)),
        (
            "Japan's Southern Regional Command said jets were scrambled.",
            ("Japan's Southern Regional Command", "JPN", None),
        ),
    ],
)
def test_titles_and_commands_after_a_nationality(text, expected):
    assert expected in mentions(text, dt.date(2021, 5, 1))


def test_the_head_of_a_national_body_named_with_capitals():
    text = "Chile's police clashed with students. Police detained the head of the Federal Electoral Tribunal on Sunday."
    found = mentions(text, dt.date(2021, 5, 1), dateline="Santiago")
    assert ("head of the Federal Electoral Tribunal", "CHL", None) in found


def test_the_head_of_a_title_is_no_body():
    text = "Spain's police clashed with students. The Director of National Planning Ana Ruiz resigned."
    found = mentions(text, dt.date(2021, 5, 1), dateline="Madrid")
    assert not any(t.startswith("Director of National") and t.endswith("National") for t, _, _ in found)


def pipeline_mentions(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(text, country, code, role) of each mention after the actors and coreference steps."""
    from diplomev import DEFAULT_STEPS, Pipeline

    day = dt.date(2022, 5, 1)
    doc = Document(article=Article(id="t", text=text), reference=Reference(date=day, method="test"))
    doc = Pipeline(DEFAULT_STEPS[:-1]).run(doc)
    return [(m.text, m.actor.country, m.actor.code, m.actor.role) for m in doc.mentions]


class TestOrganisationsReferredTo:
    def test_its_title_after_an_organisation_is_its_official(self):
        found = pipeline_mentions("The World Health Organization said its chief would visit Chile.")
        assert ("chief", None, "WHO", "chief") in found

    def test_its_members_after_an_armed_group_are_of_its_state(self):
        found = pipeline_mentions("Under the deal, the Taliban will disarm its fighters.")
        fighters = [c for t, c, _, _ in found if t == "fighters"]
        assert fighters == ["AFG"]

    def test_the_agency_and_its_director(self):
        text = (
            "The International Atomic Energy Agency sent inspectors to Chile. "
            "The agency's director general met Chilean officials. Chile later criticised the nuclear watchdog."
        )
        found = pipeline_mentions(text)
        assert ("The agency's director general", None, "IAE", "director general") in found
        assert ("the nuclear watchdog", None, "IAE", None) in found

    def test_a_news_agency_is_no_official(self):
        text = "The International Atomic Energy Agency met Chile. The agency's director spoke to the news agency."
        assert not any(t == "news agency" and code == "IAE" for t, _, code, _ in pipeline_mentions(text))

    def test_both_sides_of_talks_with_an_organisation(self):
        text = (
            "The IAEA sent a team to Santiago. Chile and the IAEA held talks. "
            "The IAEA said both sides would meet again. Chile thanked the IAEA."
        )
        sides = [(c, code) for t, c, code, _ in pipeline_mentions(text) if t == "both sides"]
        assert sorted(sides, key=str) == sorted([("CHL", "CHL"), (None, "IAE")], key=str)


def test_two_nationalities_sharing_a_role_title_are_the_two_holders():
    found = mentions("The Spanish and Canadian prime ministers met in Rome.", dt.date(2019, 6, 1))
    assert ("Spanish", "ESP", "Pedro Sanchez") in found
    assert ("Canadian prime ministers", "CAN", "Justin Trudeau") in found
