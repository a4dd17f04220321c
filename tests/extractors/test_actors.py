"""The actors step: states, metonyms, descriptions, people and organisations in sentences of our own."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomev import ActorKind, Article, Document, MentionKind, Pipeline, Reference, Source
from diplomev.extractors.actors import ActorRecogniser

STEP = ActorRecogniser()


def doc_of(text: str, day: dt.date | None = None, publisher: str | None = None) -> Document:
    return Document(
        article=Article(id="a", text=text, source=Source(publisher=publisher)),
        reference=None if day is None else Reference(date=day, method="test"),
    )


def found(text: str, day: dt.date | None = None) -> list[tuple[str, str | None, str | None, str | None]]:
    """(mention text, country, sector, name) of each mention."""
    return [(m.text, m.actor.country, m.actor.sector, m.actor.name) for m in STEP(doc_of(text, day)).mentions]


D2017 = dt.date(2017, 11, 22)


class TestStatesAndMetonyms:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "South Korea and China agreed to talk.",
                [("South Korea", "KOR", None, None), ("China", "CHN", None, None)],
            ),
            (
                "S. Korea and N.Korea exchanged notes.",
                [("S. Korea", "KOR", None, None), ("N.Korea", "PRK", None, None)],
            ),
            (
                "Talks between the U.S. and Japan resumed.",
                [("the U.S.", "USA", None, None), ("Japan", "JPN", None, None)],
            ),
            (
                "Seoul and Washington said the system is defensive.",
                [("Seoul", "KOR", "GOV", None), ("Washington", "USA", "GOV", None)],
            ),
            ("The Kremlin rejected the claim.", [("The Kremlin", "RUS", "GOV", None)]),
            ("Cheong Wa Dae welcomed the decision.", [("Cheong Wa Dae", "KOR", "GOV", None)]),
            ("Officials at Zhongnanhai were silent.", [("Officials at Zhongnanhai", "CHN", "GOV", None)]),
            ("North Korea's nuclear issue dominated the agenda.", [("North Korea", "PRK", None, None)]),
        ],
    )
    def test_names_and_seats_of_government(self, text, expected):
        """Country names are states; capitals and seats of government are governments."""
        assert found(text) == expected

    def test_metonym_kind(self):
        """A capital standing for its government is a metonym mention."""
        (m,) = STEP(doc_of("Tokyo protested.")).mentions
        assert m.kind is MentionKind.METONYM
        assert m.actor.kind is ActorKind.STATE

    @pytest.mark.parametrize(
        "text",
        [
            "Kang arrived in Seoul on Tuesday.",
            "The minister flew to Beijing.",
            "Moon's visit to China ended.",
            "They met in Da Nang, Vietnam.",
        ],
    )
    def test_places_are_not_actors(self, text):
        """A name after a locative preposition is a place, not an actor."""
        assert not [m for m in STEP(doc_of(text)).mentions if m.actor.kind is ActorKind.STATE]

    @pytest.mark.parametrize(
        "text",
        [
            "The Korean Peninsula stayed calm.",
            "Veterans of the Korean War gathered.",
            "He praised the Chinese development initiative.",
            "They hoped for a Peace Olympics.",
            "Students of Seoul National University protested.",
        ],
    )
    def test_no_false_positives(self, text):
        """Adjectives without a sector noun and names inside longer names are not actors."""
        assert [m for m in found(text) if m[2] != "CVL"] == []

    def test_a_country_inside_a_newspaper_name(self):
        """ "The Korea Herald" is a newspaper of South Korea, not the state."""
        assert found("The Korea Herald reported it.") == [("The Korea Herald", "KOR", "MED", "Korea Herald")]


class TestDescriptions:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The South Korean foreign ministry said so.", ("South Korean foreign ministry", "KOR", "GOV")),
            ("Seoul's foreign ministry said so.", ("Seoul's foreign ministry", "KOR", "GOV")),
            ("China's foreign ministry said so.", ("China's foreign ministry", "CHN", "GOV")),
            ("South Korean firms suffered losses.", ("South Korean firms", "KOR", "BUS")),
            ("Chinese tourists stayed away.", ("Chinese tourists", "CHN", "CVL")),
            ("She spoke to the Chinese side.", ("Chinese side", "CHN", "GOV")),
            ("A Chinese travel agency resumed tours.", ("Chinese travel agency", "CHN", "BUS")),
            ("Japanese troops withdrew.", ("Japanese troops", "JPN", "MIL")),
            ("French police detained him.", ("French police", "FRA", "COP")),
            ("The Chinese Communist Party met.", ("Chinese Communist Party", "CHN", "PTY")),
            ("Thai opposition parties protested.", ("Thai opposition parties", "THA", "OPP")),
            ("Syrian rebels attacked.", ("Syrian rebels", "SYR", "REB")),
            ("Russian state media reported it.", ("Russian state media", "RUS", "MED")),
            ("Brazilian judges ruled.", ("Brazilian judges", "BRA", "JUD")),
            ("German lawmakers voted.", ("German lawmakers", "DEU", "LEG")),
            ("Afghan refugees crossed.", ("Afghan refugees", "AFG", "REF")),
            ("Kenyan aid groups appealed.", ("Kenyan aid groups", "KEN", "NGO")),
            ("US officials declined.", ("US officials", "USA", "GOV")),
            ("A Cheong Wa Dae official said so.", ("Cheong Wa Dae official", "KOR", "GOV")),
            ("Americans voted.", ("Americans", "USA", "CVL")),
            ("The Japanese defence ministry said so.", ("Japanese defence ministry", "JPN", "GOV")),
        ],
    )
    def test_cue_and_sector_word(self, text, expected):
        """A nationality or possessive with a sector word gives that country and sector."""
        assert found(text) == [(*expected, None)]

    def test_official_from_a_country(self):
        """ "an official from <country>'s <body>" takes the body's country."""
        (m,) = STEP(doc_of("An official from South Korea's presidential office Cheong Wa Dae said it.")).mentions
        assert (m.actor.country, m.actor.sector, m.actor.kind) == ("KOR", "GOV", ActorKind.PERSON)
        assert m.text.endswith("Cheong Wa Dae")

    def test_possessive_action_noun(self):
        """ "Beijing's opposition to" is Beijing acting, not an opposition group."""
        assert found("Beijing's opposition to the plan grew.") == [("Beijing", "CHN", "GOV", None)]

    def test_title_without_a_name_resolves_to_the_holder(self):
        """ "the Chinese foreign minister" in 2018 is Wang Yi."""
        assert found("The Chinese foreign minister spoke.", dt.date(2018, 4, 1)) == [
            ("Chinese foreign minister", "CHN", "GOV", "Wang Yi")
        ]

    def test_plural_titles_of_two_countries(self):
        """ "the foreign ministers of South Korea and China" is one mention per minister."""
        assert found("The foreign ministers of South Korea and China met.", D2017) == [
            ("foreign ministers of South Korea and China", "KOR", "GOV", "Kang Kyung-wha"),
            ("foreign ministers of South Korea and China", "CHN", "GOV", "Wang Yi"),
        ]


class TestPeople:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Kang Kyung-wha met reporters.", ("Kang Kyung-wha", "KOR", "GOV", "Kang Kyung-wha")),
            ("Xi Jinping spoke.", ("Xi Jinping", "CHN", "GOV", "Xi Jinping")),
            (
                "South Korean Foreign Minister Kang Kyung-wha spoke.",
                ("South Korean Foreign Minister Kang Kyung-wha", "KOR", "GOV", "Kang Kyung-wha"),
            ),
            (
                "Chinese assistant foreign minister Kong Xuanyou spoke.",
                ("Chinese assistant foreign minister Kong Xuanyou", "CHN", "GOV", "Kong Xuanyou"),
            ),
            (
                "Ghanaian Trade Minister Kwame Mensah spoke.",
                ("Ghanaian Trade Minister Kwame Mensah", "GHA", "GOV", "Kwame Mensah"),
            ),
            (
                "Kong Xuanyou, Chinese assistant foreign minister, spoke.",
                ("Kong Xuanyou, Chinese assistant foreign minister", "CHN", "GOV", "Kong Xuanyou"),
            ),
            ("South Korea's Kang Kyung-wha spoke.", ("South Korea's Kang Kyung-wha", "KOR", "GOV", "Kang Kyung-wha")),
            ("Her Chinese counterpart Wang Yi spoke.", ("Chinese counterpart Wang Yi", "CHN", "GOV", "Wang Yi")),
            ("Her Chinese counterpart, Wang Yi, spoke.", ("Chinese counterpart, Wang Yi", "CHN", "GOV", "Wang Yi")),
            ("Wang Yi, a senior diplomat, spoke.", ("Wang Yi, a senior diplomat", "CHN", "GOV", "Wang Yi")),
            (
                "China's top diplomat Wang Yi spoke.",
                ("China's top diplomat Wang Yi", "CHN", "GOV", "Wang Yi"),
            ),
            (
                "Russian Foreign Ministry spokeswoman Olga Petrova spoke.",
                ("Russian Foreign Ministry spokeswoman Olga Petrova", "RUS", "GOV", "Olga Petrova"),
            ),
            (
                "Kenyan opposition leader Amos Njoroge spoke.",
                ("Kenyan opposition leader Amos Njoroge", "KEN", "OPP", "Amos Njoroge"),
            ),
        ],
    )
    def test_people(self, text, expected):
        """Known people keep their KB country; unknown people get the country of their title."""
        assert found(text, D2017) == [expected]

    def test_a_known_person_keeps_the_kb_country(self):
        """A wrong nationality word does not move a known person."""
        assert found("Japanese official Wang Yi spoke.", D2017)[0][1] == "CHN"

    def test_national_body_takes_the_home_country(self):
        """A presidential body with no nationality takes the article's home country."""
        text = (
            "South Korea and China agreed. Seoul welcomed it. South Korean firms cheered. "
            "Mina Ro, a director of the presidential National Security Office and Li Wen, Chinese assistant "
            "foreign minister, held talks."
        )
        mentions = {m.actor.name: m.actor for m in STEP(doc_of(text, D2017)).mentions if m.actor.name}
        assert mentions["Mina Ro"].country == "KOR"
        assert mentions["Li Wen"].country == "CHN"

    def test_publisher_fixes_the_home_country(self):
        """With an ambiguous count, the publisher's country decides."""
        text = "South Korea and China agreed. Presidential office officials said so."
        doc = STEP(doc_of(text, D2017, publisher="Yonhap"))
        assert doc.mentions[-1].actor.country == "KOR"

    def test_nearest_nationality_when_no_home_country(self):
        """Without a home country, a national title takes the nearest nationality in the sentence."""
        text = "In Beijing, Foreign Ministry spokesperson Mei Lan said Japan and Chile agreed."
        person = next(m for m in STEP(doc_of(text, D2017)).mentions if m.actor.name == "Mei Lan")
        assert person.actor.country == "CHN"


class TestArticleContext:
    def test_its_body_takes_the_country_named_before(self):
        """ "Its government spokesperson" belongs to the country named just before."""
        text = "Kenya and Uganda met. Uganda rejected the claim. Its government spokesperson, Ann Mugisha, said so."
        person = next(m for m in STEP(doc_of(text, D2017)).mentions if m.actor.name == "Ann Mugisha")
        assert person.actor.country == "UGA"

    def test_title_case_body_is_national(self):
        """A capitalised body with no nationality ("the Department of Foreign Affairs") is the home country's."""
        text = (
            "The Philippines and China clashed. Philippine officials met. The Department of Foreign Affairs protested."
        )
        doc = STEP(doc_of(text, D2017, publisher="Philippine News Agency"))
        body = next(m for m in doc.mentions if "Department" in m.text)
        assert (body.actor.country, body.actor.sector) == ("PHL", "GOV")

    def test_wire_services_do_not_set_the_home_country(self):
        """An international wire's country is not the home country; the dateline's is."""
        article = Article(
            id="a",
            text="Niger and France argued. France and Niger talked. President Issa Garba spoke.",
            source=Source(publisher="AFP", dateline="Niamey"),
        )
        doc = STEP(Document(article=article, reference=Reference(date=D2017, method="test")))
        assert next(m for m in doc.mentions if m.actor.name == "Issa Garba").actor.country == "NER"

    def test_ambiguous_adjective_follows_the_article(self):
        """ "Congolese" is the Congo the article names."""
        text = "The Democratic Republic of Congo expelled the envoy. The Congolese army advanced."
        army = next(m for m in STEP(doc_of(text)).mentions if "army" in m.text)
        assert army.actor.country == "COD"

    def test_armed_groups(self):
        """A non-state armed group of the knowledge base is a REB group of its country."""
        (m,) = STEP(doc_of("Hamas released the hostages.")).mentions[:1]
        assert (m.actor.name, m.actor.country, m.actor.sector, m.actor.kind) == ("Hamas", "PSE", "REB", ActorKind.GROUP)

    def test_generic_titles_take_only_known_people(self):
        """ "Member States" is not a person named "States"."""
        assert not [
            m for m in STEP(doc_of("The EU and its Member States agreed.")).mentions if m.actor.name == "States"
        ]


class TestRolesInTime:
    @pytest.mark.parametrize(
        ("text", "day", "name"),
        [
            ("Foreign Minister Wang spoke.", dt.date(2018, 6, 1), "Wang Yi"),
            ("Foreign Minister Wang spoke.", dt.date(2024, 6, 1), "Wang Yi"),
            ("Foreign Minister Yang spoke.", dt.date(2010, 6, 1), "Yang Jiechi"),
            ("President Moon spoke.", dt.date(2018, 6, 1), "Moon Jae-in"),
            ("President Yoon spoke.", dt.date(2023, 6, 1), "Yoon Suk Yeol"),
            ("Prime Minister Abe spoke.", dt.date(2015, 6, 1), "Shinzo Abe"),
            ("Prime Minister Kishida spoke.", dt.date(2022, 6, 1), "Fumio Kishida"),
            ("Premier Li spoke.", dt.date(2015, 6, 1), "Li Keqiang"),
            ("Premier Li spoke.", dt.date(2024, 6, 1), "Li Qiang"),
            ("President Lee spoke.", dt.date(2010, 6, 1), "Lee Myung-bak"),
            ("President Lee spoke.", dt.date(2025, 8, 1), "Lee Jae-myung"),
            ("Foreign Minister Cho spoke.", dt.date(2024, 6, 1), "Cho Tae-yul"),
            ("Foreign Minister Cho spoke.", dt.date(2025, 9, 1), "Cho Hyun"),
            ("The Japanese prime minister spoke.", dt.date(2015, 6, 1), "Shinzo Abe"),
            ("The Japanese prime minister spoke.", dt.date(2022, 6, 1), "Fumio Kishida"),
            ("The South Korean president spoke.", dt.date(2018, 6, 1), "Moon Jae-in"),
            ("The South Korean president spoke.", dt.date(2023, 6, 1), "Yoon Suk Yeol"),
            ("Russia's defence minister spoke.", dt.date(2016, 6, 1), "Sergei Shoigu"),
            ("The Russian defense minister spoke.", dt.date(2024, 9, 1), "Andrei Belousov"),
            ("Defense Secretary Austin spoke.", dt.date(2023, 6, 1), "Lloyd Austin"),
            ("Defence Minister Pistorius spoke.", dt.date(2023, 6, 1), "Boris Pistorius"),
        ],
    )
    def test_title_and_surname_resolve_at_the_date(self, text, day, name):
        """The same title resolves to whoever held it on the article's date."""
        (m,) = STEP(doc_of(text, day)).mentions
        assert m.actor.name == name

    def test_no_holder_with_that_surname(self):
        """ "Foreign Minister Wang" in 2012 is no known person (Yang Jiechi was minister)."""
        (m,) = STEP(doc_of("Foreign Minister Wang spoke.", dt.date(2012, 6, 1))).mentions
        assert m.actor.name == "Wang"

    def test_without_a_date_current_holders_are_preferred(self):
        """Without a reference date, the current holder is chosen with lower confidence."""
        (m,) = STEP(doc_of("President Moon spoke.")).mentions
        assert m.actor.name == "Moon Jae-in"
        assert m.confidence < 0.9

    def test_publication_date_is_the_fallback(self):
        """Without a reference, the publication date anchors roles."""
        article = Article(id="a", text="Premier Li spoke.", source=Source(published=dt.date(2024, 1, 5)))
        (m,) = STEP(Document(article=article)).mentions
        assert m.actor.name == "Li Qiang"


class TestOrganisations:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("The United Nations condemned it.", "United Nations"),
            ("The UN Security Council met.", "United Nations Security Council"),
            ("NATO expanded.", "NATO"),
            ("ASEAN issued a statement.", "ASEAN"),
        ],
    )
    def test_international_organisations(self, text, name):
        """International organisations have no country, sector IGO and their canonical name."""
        (m,) = STEP(doc_of(text)).mentions
        assert (m.actor.kind, m.actor.country, m.actor.sector, m.actor.name) == (
            ActorKind.ORGANISATION,
            None,
            "IGO",
            name,
        )
        assert m.actor.code

    @pytest.mark.parametrize(
        "text",
        [
            "They met on the sidelines of the APEC summit.",
            "Leaders met on the sidelines of the Group of 20 summit.",
            "They met at the G20 Summit in Osaka.",
        ],
    )
    def test_forums_as_settings_are_not_actors(self, text):
        """A forum named as the setting of a summit is not an actor."""
        assert not [m for m in STEP(doc_of(text)).mentions if m.actor.kind is ActorKind.ORGANISATION]

    def test_official_of_an_organisation_is_the_organisation(self):
        """A head of an international organisation acts for it."""
        (m,) = STEP(doc_of("Jens Stoltenberg warned Russia off.", dt.date(2020, 1, 1))).mentions[:1]
        assert (m.actor.name, m.actor.kind) == ("NATO", ActorKind.ORGANISATION)

    def test_news_agency(self):
        """A national news agency is a media organisation of its country."""
        (m,) = STEP(doc_of("Xinhua reported the visit.")).mentions
        assert (m.actor.name, m.actor.country, m.actor.sector) == ("Xinhua", "CHN", "MED")


class TestRecogniser:
    def test_user_dictionary(self, tmp_path):
        """A user dictionary adds people the step then recognises."""
        path = tmp_path / "people.json"
        entry = {"name": "Ama Owusu", "country": "GHA", "roles": [{"role": "foreign_minister", "start": "2030-01-01"}]}
        path.write_text(json.dumps({"people": [entry]}), encoding="utf-8")
        step = ActorRecogniser(dictionaries=[path])
        (m,) = step(doc_of("Foreign Minister Owusu spoke.", dt.date(2031, 1, 1))).mentions
        assert (m.actor.name, m.actor.country) == ("Ama Owusu", "GHA")

    def test_picklable(self):
        """The step pickles small and works after unpickling."""
        data = pickle.dumps(ActorRecogniser())
        assert len(data) < 1000
        assert pickle.loads(data)(doc_of("China spoke.")).mentions

    def test_in_the_default_pipeline(self):
        """The default pipeline runs the step after places."""
        assert "actors" in Pipeline.default().names

    def test_without_sentences_lines_are_sentences(self):
        """With no sentence spans, each line is read as a sentence."""
        assert [m.text for m in STEP(doc_of("Seoul\nagreed with Tokyo")).mentions] == ["Seoul", "Tokyo"]

    @settings(max_examples=40)
    @given(
        st.text(max_size=300)
        | st.lists(
            st.sampled_from(
                [
                    "South",
                    "Korea",
                    "'s",
                    "Chinese",
                    "foreign",
                    "minister",
                    "Kang",
                    "Kyung-wha",
                    ",",
                    "a",
                    "director",
                    "of",
                    "the",
                    "presidential",
                    "office",
                    "in",
                    "Seoul",
                    "Wang",
                    "President",
                    "Moon",
                    "Mr.",
                    "-",
                    "NATO",
                    "summit",
                ]
            ),
            max_size=40,
        ).map(" ".join)
    )
    def test_spans_slice_to_their_text(self, text):
        """Mention spans slice the text to the mention's text, and nothing raises, on any input."""
        doc = STEP(doc_of(text, D2017))
        for m in doc.mentions:
            assert m.span.slice(text) == m.text


class TestSeeds:
    def test_gold_people_and_organisations_are_recognised(self, seeds_dir: Path):
        """Every person and organisation named in the seed gold files is recognised with its country and sector."""
        pipeline = Pipeline(["clean", "sentences", "times", "places", "actors", "coreference"])
        from diplomev import read

        missing = []
        for gold_path in sorted((seeds_dir / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            wanted = {
                (a["name"], a.get("country"), a.get("sector"))
                for e in gold["events"]
                for a in (e.get("source"), e.get("target"))
                if a and a.get("name")
            }
            doc = pipeline.run(read(seeds_dir / f"{gold['article']}.txt"))
            got = {(m.actor.name, m.actor.country, m.actor.sector) for m in doc.mentions}
            missing += [(gold["article"], w) for w in sorted(wanted, key=str) if w not in got]
        assert missing == []


def test_sentence_initial_title_continues_the_previous_subject() -> None:
    """'Seoul reacted sharply. Trade Minister X ...' makes X South Korean even in a Japanese report."""
    from diplomev import Article, Pipeline, Source

    text = (
        "TOKYO, July 1 (Kyodo) -- Japan tightened controls on exports to South Korea, the ministry said. "
        "Seoul reacted sharply. Trade Minister Han Min-jun denounced the step."
    )
    doc = Pipeline(["clean", "sentences", "times", "places", "actors"]).run(
        Article(id="k", text=text, source=Source(publisher="Kyodo")),
    )
    assert doc is not None
    [minister] = [m for m in doc.mentions if "Han Min-jun" in m.text]
    assert minister.actor.country == "KOR"


def test_titled_unknown_person_takes_the_nationality_just_before() -> None:
    """An unknown 'President X' takes the country named just before it in the sentence, over the home country."""
    from diplomev import Article, Pipeline, Source

    text = (
        "WASHINGTON (AP) -- The United States eased sanctions on Venezuela's oil sector, a day after "
        "President Nicolas Maduro signed a deal."
    )
    doc = Pipeline(["clean", "sentences", "times", "places", "actors"]).run(
        Article(id="v", text=text, source=Source(publisher="AP")),
    )
    assert doc is not None
    [maduro] = [m for m in doc.mentions if "Maduro" in m.text]
    assert maduro.actor.country == "VEN"


@pytest.mark.parametrize(
    ("text", "country"),
    [("Israeli warplanes struck at dawn.", "ISR"), ("Two Russian warships sailed past.", "RUS")],
)
def test_military_hardware_stands_for_the_armed_forces(text: str, country: str) -> None:
    """Warplanes, warships, drones of a nationality act for that state's military."""
    assert [(c, sector) for _, c, sector, _ in found(text)] == [(country, "MIL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban seized Kabul.", ("AFG", "REB", "Taliban")),
        ("The Wagner Group withdrew.", ("RUS", "MIL", "Wagner Group")),
        ("ICAO opened an inquiry.", (None, "IGO", "International Civil Aviation Organization")),
    ],
)
def test_armed_groups_and_agencies(text: str, expected: tuple[str | None, str, str]) -> None:
    """Well-known armed groups take their country and sector; UN agencies are IGOs."""
    assert [(c, sector, name) for _, c, sector, name in found(text)][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian and Chinese troops clashed.", [("Indian", "IND", "MIL"), ("Chinese troops", "CHN", "MIL")]),
        (
            "South Korean and Japanese officials met.",
            [("South Korean", "KOR", "GOV"), ("Japanese officials", "JPN", "GOV")],
        ),
    ],
)
def test_two_nationalities_sharing_one_noun(text: str, expected: list[tuple[str, str, str]]) -> None:
    """ "Indian and Chinese troops": the first adjective is a group of the same sector of its own state."""
    assert [(t, c, sector) for t, c, sector, _ in found(text)] == expected


def test_a_diplomatic_source_is_the_government() -> None:
    """ "A French diplomatic source" speaks for the French government."""
    assert [(c, sector) for _, c, sector, _ in found("A French diplomatic source said so.")] == [("FRA", "GOV")]


@pytest.mark.parametrize(
    "text", ["Southeast Asian leaders met in Jakarta.", "Southeast Asian foreign ministers urged restraint."]
)
def test_regional_leaders_speak_for_their_organisation(text: str) -> None:
    """ "Southeast Asian leaders" meeting as a body are ASEAN."""
    assert [(sector, name) for _, _, sector, name in found(text)][:1] == [("IGO", "ASEAN")]


def test_the_secretary_general_acts_for_the_united_nations() -> None:
    """An organisation acting through its named official is the organisation."""
    mentions = found("UN Secretary-General Antonio Guterres urged restraint.", dt.date(2020, 6, 16))
    assert [(sector, name) for _, _, sector, name in mentions][:1] == [("IGO", "United Nations")]


def test_aircraft_of_a_nationality_are_military() -> None:
    """'Turkish aircraft', 'Greek jets': the armed forces of that state."""
    assert ("Turkish aircraft", "TUR", "MIL", None) in found("Turkish aircraft bombed the depot.")
    assert ("Greek jets", "GRC", "MIL", None) in found("Greek jets intercepted the drone.")


def test_frontline_troops_of_a_nationality():
    """'Indian frontline troops': a modifier between the nationality and the sector word."""
    assert ("Greek frontline troops", "GRC", "MIL", None) in found("Turkey accused Greek frontline troops of firing.")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Beijing protested. Chief Cabinet Secretary Taro Sato said the ban was unjust.", "JPN"),
        ("China protested on Monday. Taro Sato, the chief cabinet secretary, spoke.", "JPN"),
        ("China protested. External Affairs Minister Ravi Menon spoke.", "IND"),
        ("China protested. The Ministry of External Affairs said no.", "IND"),
    ],
)
def test_a_title_only_one_state_has_takes_that_state(text: str, country: str) -> None:
    """A national title ("Chief Cabinet Secretary") is its state's, not that of a nationality nearby."""
    last = STEP(doc_of(text, D2017)).mentions[-1]
    assert (last.actor.country, last.actor.sector) == (country, "GOV")


def test_a_nationality_overrides_a_national_title() -> None:
    """A nationality before the title still decides ("the Chinese external affairs minister" is Chinese)."""
    (m,) = STEP(doc_of("The Chinese external affairs minister spoke.", D2017)).mentions
    assert m.actor.country == "CHN"


def test_the_government_of_a_known_person_is_that_persons_state() -> None:
    """ "the government of President X" belongs to X's state, not to a nationality nearby."""
    text = "American jets struck the government of President Vladimir Putin on Friday."
    got = [(m.text, m.actor.country) for m in STEP(doc_of(text, D2017)).mentions]
    assert ("government of President", "RUS") in got
    assert ("Vladimir Putin", "RUS") in got


@pytest.mark.parametrize(
    ("text", "country"), [("Iran seized a British tanker.", "GBR"), ("A Greek cargo ship sank.", "GRC")]
)
def test_merchant_ships_of_a_nationality_are_its_business(text: str, country: str) -> None:
    """A merchant ship of a nationality is a firm of that state (BUS), so acts against it have a target."""
    assert (country, "BUS") in [(c, sector) for _, c, sector, _ in found(text)]


class TestRegions:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Tigrayan fighters shelled a bridge.", [("Tigrayan fighters", "ETH", "REB", None)]),
            ("Fighters from the remote western region of Darfur crossed the river.", [("SDN", "REB")]),
            ("Gunmen from the province of Cabo Delgado raided a depot.", [("MOZ", "REB")]),
            ("Separatists in the Luhansk region blamed the army.", [("UKR", "REB")]),
            ("Authorities in Xinjiang closed the schools.", [("CHN", "GOV")]),
            ("The Sindh government banned the rally.", [("PAK", "GOV")]),
            ("Residents of Crimea queued for fuel.", [("UKR", "CVL")]),
            ("Chechen leaders praised the decree.", [("RUS", "GOV")]),
        ],
    )
    def test_a_region_gives_its_state(self, text, expected):
        """A region or its adjective before or after a sector word names a body of the region's state."""
        got = found(text)
        if len(expected[0]) == 4:
            assert got == expected
        else:
            assert [(c, s) for _, c, s, _ in got] == expected

    def test_a_region_alone_is_no_actor(self):
        """A region named on its own is a place, not an actor."""
        assert found("Heavy rain fell on Tigray and Amhara on Sunday.") == []

    def test_troops_in_a_region_take_no_country_from_it(self):
        """Troops in a region are often another state's: "in <region>" does not make them the region's."""
        assert found("Troops in Donetsk dug new trenches.") == []

    def test_a_region_of_two_states_is_the_one_the_article_names_more(self):
        """Punjab is Indian and Pakistani: the article's state decides."""
        text = "Pakistan held a vote. Islamabad said Pakistan was calm. The Punjab government imposed a curfew."
        assert found(text)[-1][1:3] == ("PAK", "GOV")


class TestOrganisationDescriptions:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("The 27-nation bloc renewed the sanctions.", "European Union"),
            ("The West African regional bloc suspended the junta.", "ECOWAS"),
            ("The world body warned of famine.", "United Nations"),
            ("The U.N. atomic watchdog sent inspectors.", "International Atomic Energy Agency"),
            ("The Western military alliance held drills.", "NATO"),
            ("The continental body suspended the country.", "African Union"),
        ],
    )
    def test_a_description_names_the_organisation(self, text, name):
        """Newswire descriptions of international organisations name them."""
        assert found(text)[0][3] == name


class TestDomesticBodies:
    def test_bare_police_and_protesters_take_the_home_country(self):
        """A bare "police" or "protesters" is the home country's (the dateline's)."""
        doc = Document(
            article=Article(
                id="a",
                text="Peru's Congress met. Police detained scores of protesters on Monday.",
                source=Source(dateline="Lima"),
            ),
        )
        assert [(m.text, m.actor.country, m.actor.sector) for m in STEP(doc).mentions][1:] == [
            ("Police", "PER", "COP"),
            ("protesters", "PER", "CVL"),
        ]

    def test_without_a_home_country_the_place_of_the_sentence(self):
        """Without a home country, the place the sentence names gives the country."""
        assert found("Police fired tear gas at demonstrators in Lima.")[:2] == [
            ("Police", "PER", "COP", None),
            ("demonstrators", "PER", "CVL", None),
        ]

    def test_without_home_or_place_nothing(self):
        """A bare "police" with no home country and no place in the sentence is not guessed."""
        assert found("Police fired tear gas.") == []

    def test_a_party_acronym_is_its_states(self):
        """A party's acronym names the party of its state; shared acronyms follow the article's state."""
        text = "Pakistan's government met. Pakistan said PTI supporters attacked a base."
        assert ("PTI supporters", "PAK", "CVL", None) in found(text)
