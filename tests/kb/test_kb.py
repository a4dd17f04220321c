"""The knowledge base: packaged data, lookups in time, user dictionaries, the token trie."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Article, Document, Reference, Source
from diplomev.errors import ConfigError
from diplomev.extractors.actors import ActorRecogniser
from diplomev.kb import KnowledgeBase, Lexeme, Lexicon, load_user_dictionary, normalise, tokenise
from diplomev.kb._lexicon import normalise_all

KB = KnowledgeBase.default()
_WORDS = ["the", "The", "Korea", "KOREA", "korea", "S", ".", "'", "s", "US", "us", "é", "E", "x-y"]


class TestPackagedData:
    def test_every_un_member_and_the_four_others_is_present(self):
        """The packaged countries cover the 193 UN members plus Taiwan, Kosovo, Palestine and the Holy See."""
        codes = {c.iso3 for c in KB.countries}
        assert len(codes) >= 197
        assert {"TWN", "XKX", "PSE", "VAT", "KOR", "PRK"} <= codes

    @pytest.mark.parametrize(
        ("name", "iso3"),
        [("S. Korea", "KOR"), ("N.Korea", "PRK"), ("the U.S.", "USA"), ("DPRK", "PRK"), ("ROK", "KOR")],
    )
    def test_short_names_find_their_country(self, name, iso3):
        """Short forms and abbreviations are names of their country."""
        country = KB.country_by_name(name)
        assert country is not None
        assert country.iso3 == iso3

    @pytest.mark.parametrize("code", ["UNO", "NAT", "ASN", "EEC", "APEC", "G20"])
    def test_organisations_are_found_by_code(self, code):
        """Organisations and forums are looked up by their code."""
        assert KB.organisation(code) is not None

    def test_forums_are_marked(self):
        """APEC and the G20 are forums, NATO is an organisation."""
        assert KB.organisation("APEC").kind == "forum"
        assert KB.organisation("G20").kind == "forum"
        assert KB.organisation("NATO").kind == "organisation"

    @pytest.mark.parametrize(
        ("phrase", "sector", "type_", "role"),
        [
            ("foreign minister", "GOV", "title", "foreign_minister"),
            ("Foreign Ministry", "GOV", "body", None),
            ("defence ministry", "GOV", "body", None),
            ("troops", "MIL", "title", None),
            ("police", "COP", "body", None),
            ("ruling party", "PTY", "body", None),
            ("opposition", "OPP", "body", None),
            ("rebels", "REB", "title", None),
            ("travel agencies", "BUS", "body", None),
            ("news agency", "MED", "body", None),
            ("tourists", "CVL", "title", None),
            ("judges", "JUD", "title", None),
            ("lawmakers", "LEG", "title", None),
            ("refugees", "REF", "title", None),
            ("aid groups", "NGO", "body", None),
            ("premier", "GOV", "title", "head_of_government"),
        ],
    )
    def test_sector_words(self, phrase, sector, type_, role):
        """Sector words map to CAMEO sector codes, with the role a title stands for."""
        word = KB.sector_word(phrase)
        assert word is not None
        assert (word.sector, word.type, word.role) == (sector, type_, role)

    def test_a_national_title_names_its_state(self):
        """A title only one state has carries that state; generic titles carry none."""
        assert KB.sector_word("Chief Cabinet Secretary").country == "JPN"
        assert KB.sector_word("defence minister").role == "defence_minister"
        assert KB.sector_word("foreign minister").country is None

    def test_a_user_word_with_a_country(self):
        """User dictionaries may give a word a country; an unknown code is a config error."""
        kb = KB.with_entries(
            {"words": [{"forms": ["grand vizier"], "type": "title", "sector": "GOV", "country": "TUR"}]}
        )
        assert kb.sector_word("grand vizier").country == "TUR"
        with pytest.raises(ConfigError, match="country"):
            KB.with_entries({"words": [{"forms": ["grand vizier"], "type": "title", "country": "XXX"}]})

    def test_people_have_genders_and_dated_roles(self):
        """Every packaged person has a gender and roles with start dates."""
        for person in KB.people:
            assert person.gender in ("female", "male"), person.name
            assert all(r.start is not None for r in person.roles), person.name

    def test_role_country_overrides_the_persons(self):
        """A role's own country wins over the person's: Elizabeth II was head of state of Canada."""
        assert KB.holder("CAN", "head_of_state", on=dt.date(2000, 1, 1)).name == "Elizabeth II"


class TestLookupsInTime:
    @pytest.mark.parametrize(
        ("country", "role", "day", "name"),
        [
            ("CHN", "foreign_minister", dt.date(2010, 6, 1), "Yang Jiechi"),
            ("CHN", "foreign_minister", dt.date(2018, 6, 1), "Wang Yi"),
            ("CHN", "foreign_minister", dt.date(2023, 3, 1), "Qin Gang"),
            ("CHN", "foreign_minister", dt.date(2024, 3, 1), "Wang Yi"),
            ("KOR", "head_of_state", dt.date(2018, 1, 1), "Moon Jae-in"),
            ("KOR", "head_of_state", dt.date(2023, 1, 1), "Yoon Suk Yeol"),
            ("KOR", "head_of_state", dt.date(2017, 1, 15), "Park Geun-hye"),
            ("JPN", "head_of_government", dt.date(2015, 1, 1), "Shinzo Abe"),
            ("JPN", "head_of_government", dt.date(2022, 1, 1), "Fumio Kishida"),
            ("CHN", "head_of_government", dt.date(2015, 1, 1), "Li Keqiang"),
            ("CHN", "head_of_government", dt.date(2024, 1, 1), "Li Qiang"),
            ("USA", "head_of_state", dt.date(2022, 1, 1), "Joe Biden"),
            ("USA", "defence_minister", dt.date(2018, 1, 1), "Jim Mattis"),
            ("DEU", "defence_minister", dt.date(2015, 1, 1), "Ursula von der Leyen"),
            ("UKR", "head_of_state", dt.date(2022, 3, 1), "Volodymyr Zelensky"),
            ("ISR", "head_of_government", dt.date(2021, 9, 1), "Naftali Bennett"),
            ("IRN", "foreign_minister", dt.date(2016, 1, 1), "Mohammad Javad Zarif"),
        ],
    )
    def test_holder_on_a_day(self, country, role, day, name):
        """The holder of a role is the person in office on that day."""
        assert KB.holder(country, role, on=day).name == name

    def test_holder_without_a_date_is_the_current_one(self):
        """Without a date, the holder is whoever has no end date."""
        assert KB.holder("CHN", "head_of_state").name == "Xi Jinping"

    def test_nobody_holds_a_role_before_the_data_starts(self):
        """A day before any recorded holder gives None."""
        assert KB.holder("KOR", "foreign_minister", on=dt.date(1900, 1, 1)) is None

    @pytest.mark.parametrize(
        ("surname", "kwargs", "names"),
        [
            ("Moon", {"country": "KOR", "on": dt.date(2019, 1, 1)}, ["Moon Jae-in"]),
            ("Li", {"country": "CHN", "on": dt.date(2015, 1, 1)}, ["Li Keqiang"]),
            ("Li", {"country": "CHN", "on": dt.date(2024, 1, 1)}, ["Li Qiang"]),
            ("Wang", {"role": "foreign_minister", "on": dt.date(2012, 1, 1)}, []),
            ("Lee", {"country": "KOR", "role": "head_of_state", "on": dt.date(2010, 1, 1)}, ["Lee Myung-bak"]),
            ("Lee", {"country": "KOR", "role": "head_of_state", "on": dt.date(2025, 8, 1)}, ["Lee Jae-myung"]),
        ],
    )
    def test_people_by_surname(self, surname, kwargs, names):
        """Surname lookups narrow by country, role and day."""
        assert [p.name for p in KB.people_by_surname(surname, **kwargs)] == names

    @pytest.mark.parametrize("name", ["kang kyung-wha", "Kang Kyung Wha", "Cristina Fernández de Kirchner"])
    def test_person_by_name_ignores_case_and_accents(self, name):
        """Names match whatever their case and accents."""
        assert KB.person_by_name(name) is not None


class TestLeadersOfManyStates:
    """Heads of state and government and foreign ministers beyond the G20, at a date."""

    @pytest.mark.parametrize(
        ("country", "role", "day", "name"),
        [
            ("ESP", "head_of_government", dt.date(2020, 5, 1), "Pedro Sanchez"),
            ("ESP", "head_of_government", dt.date(2018, 6, 1), "Mariano Rajoy"),
            ("POL", "head_of_government", dt.date(2016, 3, 1), "Beata Szydlo"),
            ("POL", "head_of_government", dt.date(2024, 6, 1), "Donald Tusk"),
            ("NLD", "head_of_government", dt.date(2019, 1, 1), "Mark Rutte"),
            ("VAT", "head_of_state", dt.date(2020, 1, 1), "Pope Francis"),
            ("VAT", "head_of_state", dt.date(2010, 1, 1), "Pope Benedict XVI"),
            ("VAT", "head_of_state", dt.date(2025, 6, 1), "Pope Leo XIV"),
            ("QAT", "head_of_state", dt.date(2020, 1, 1), "Tamim bin Hamad Al Thani"),
            ("QAT", "head_of_government", dt.date(2024, 1, 1), "Mohammed bin Abdulrahman Al Thani"),
            ("ARE", "head_of_state", dt.date(2023, 1, 1), "Mohamed bin Zayed"),
            ("JOR", "head_of_state", dt.date(2020, 1, 1), "Abdullah II"),
            ("IRQ", "head_of_government", dt.date(2023, 6, 1), "Mohammed Shia al-Sudani"),
            ("LBN", "head_of_state", dt.date(2025, 3, 1), "Joseph Aoun"),
            ("LBN", "head_of_state", dt.date(2018, 1, 1), "Michel Aoun"),
            ("SYR", "head_of_state", dt.date(2025, 3, 1), "Ahmed al-Sharaa"),
            ("MMR", "head_of_state", dt.date(2022, 1, 1), "Min Aung Hlaing"),
            ("MMR", "head_of_government", dt.date(2018, 1, 1), "Aung San Suu Kyi"),
            ("NGA", "head_of_state", dt.date(2024, 1, 1), "Bola Tinubu"),
            ("NER", "head_of_state", dt.date(2022, 1, 1), "Mohamed Bazoum"),
            ("SDN", "head_of_state", dt.date(2022, 1, 1), "Abdel Fattah al-Burhan"),
            ("THA", "head_of_government", dt.date(2019, 1, 1), "Prayuth Chan-ocha"),
            ("HUN", "foreign_minister", dt.date(2022, 1, 1), "Peter Szijjarto"),
            ("JOR", "foreign_minister", dt.date(2023, 1, 1), "Ayman Safadi"),
            ("PRT", "head_of_government", dt.date(2020, 1, 1), "Antonio Costa"),
        ],
    )
    def test_holder_on_a_day(self, country, role, day, name):
        """The holder of a role in a state is the one in office that day."""
        assert KB.holder(country, role, on=day).name == name

    def test_nobody_past_a_known_end(self):
        """A role ends on its last day: Mubarak is no holder after his fall, nor Assad after his."""
        assert KB.holder("EGY", "head_of_state", on=dt.date(2011, 6, 1)).name != "Hosni Mubarak"
        assert "Bashar al-Assad" not in [p.name for p in KB.holders("SYR", "head_of_state", on=dt.date(2025, 1, 1))]

    @pytest.mark.parametrize(
        ("alias", "name"),
        [
            ("MBZ", "Mohamed bin Zayed"),
            ("Sheikh Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
            ("Moammar Gadhafi", "Muammar Gaddafi"),
            ("Abu Mohammed al-Jolani", "Ahmed al-Sharaa"),
            ("Viktor Orbán", "Viktor Orban"),
            ("Prachanda", "Pushpa Kamal Dahal"),
            ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
            ("Mohamed bin Salman", "Mohammed bin Salman"),
        ],
    )
    def test_wire_spellings(self, alias, name):
        """Transliterations and short forms a wire uses name the person."""
        assert KB.person_by_name(alias).name == name

    def test_a_european_official_is_national_in_national_office(self):
        """Tusk was Poland's prime minister before and after presiding over the European Council."""
        tusk = KB.person_by_name("Donald Tusk")
        assert [tusk.role_country(r) for r in tusk.roles_on(dt.date(2012, 1, 1))] == ["POL"]
        assert [r.organisation for r in tusk.roles_on(dt.date(2017, 1, 1))] == ["EUCO"]

    @pytest.mark.parametrize(
        ("text", "day", "country", "name"),
        [
            ("President Tinubu told reporters the border would reopen.", dt.date(2024, 2, 1), "NGA", "Bola Tinubu"),
            ("Emir Sheikh Tamim received the envoy in Doha.", dt.date(2021, 5, 3), "QAT", "Tamim bin Hamad Al Thani"),
            ("The talks were chaired by Prime Minister Sudani.", dt.date(2023, 4, 2), "IRQ", "Mohammed Shia al-Sudani"),
            ("King Abdullah spoke by phone with the envoy.", dt.date(2019, 9, 9), "JOR", "Abdullah II"),
            ("Pope Francis called for a ceasefire.", dt.date(2022, 3, 6), "VAT", "Pope Francis"),
            ("Prime Minister Tusk said the border was safe.", dt.date(2024, 6, 1), "POL", "Donald Tusk"),
        ],
    )
    def test_a_leader_in_a_sentence_takes_his_state(self, text, day, country, name):
        """A known leader named with a title is the person of his state on the article's day."""
        doc = Document(
            article=Article(id="a", text=text, source=Source()), reference=Reference(date=day, method="test")
        )
        people = [m.actor for m in ActorRecogniser()(doc).mentions if m.actor is not None and m.actor.name]
        assert [(a.country, a.name) for a in people] == [(country, name)]


ENTRY = {
    "people": [
        {
            "name": "Kwame Mensah",
            "surname": "Mensah",
            "country": "GHA",
            "roles": [{"role": "foreign_minister", "title": "Foreign Minister", "start": "2031-01-07", "end": None}],
        }
    ],
    "countries": [{"iso3": "GHA", "merge": True, "metonyms": ["Jubilee House"]}],
}


class TestUserDictionaries:
    def test_a_mapping_adds_people_and_merges_countries(self):
        """Entries from a mapping are added; a merged country keeps its packaged names."""
        kb = KB.with_entries(ENTRY)
        assert kb.holder("GHA", "foreign_minister", on=dt.date(2032, 1, 1)).name == "Kwame Mensah"
        ghana = kb.country("GHA")
        assert "Jubilee House" in ghana.metonyms
        assert ghana.name == KB.country("GHA").name
        assert KB.person_by_name("Kwame Mensah") is None

    def test_a_json_file(self, tmp_path):
        """A JSON file in the packaged format loads."""
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(ENTRY), encoding="utf-8")
        assert load_user_dictionary(path).person_by_name("Kwame Mensah") is not None

    @pytest.mark.skipif(sys.version_info < (3, 11), reason="TOML needs tomllib")
    def test_a_toml_file(self, tmp_path):
        """A TOML file loads, with native TOML dates."""
        path = tmp_path / "mine.toml"
        path.write_text(
            '[[people]]\nname = "Ama Owusu"\ncountry = "GHA"\ngender = "female"\n'
            '[[people.roles]]\nrole = "head_of_state"\nstart = 2033-01-07\n',
            encoding="utf-8",
        )
        kb = KB.with_entries(path)
        assert kb.holder("GHA", "head_of_state", on=dt.date(2034, 1, 1)).gender == "female"

    def test_an_override_replaces_the_packaged_entry(self):
        """An entry with a packaged name replaces it."""
        kb = KB.with_entries({"people": [{"name": "Wang Yi", "country": "CHN", "roles": []}]})
        assert kb.person_by_name("Wang Yi").roles == ()
        assert KB.person_by_name("Wang Yi").roles

    @pytest.mark.parametrize(
        ("data", "fragments"),
        [
            ({"people": [{"name": "X Y", "country": "XXX"}]}, ["people[0]", "'X Y'", "'country'", "'XXX'"]),
            (
                {"people": [{"name": "X Y", "roles": [{"role": "foreign_minister", "start": "2020-13-01"}]}]},
                ["people[0]", "roles[0].start", "2020-13-01"],
            ),
            ({"people": [{"name": "X Y", "aliasses": []}]}, ["'aliasses'", "unknown field"]),
            ({"countries": [{"name": "Nowhere"}]}, ["countries[0]", "'iso3'", "required"]),
            ({"organisations": [{"name": "Club", "code": "CLB", "kind": "club"}]}, ["organisations[0]", "'kind'"]),
            ({"words": [{"forms": ["harbour master"], "sector": "gov"}]}, ["words[0]", "'sector'"]),
            ({"peeople": []}, ["unknown section", "'peeople'"]),
            ({"countries": [{"iso3": "GHA", "name": "Ghana", "regions": "Volta"}]}, ["countries[0]", "'regions'"]),
            (
                {"countries": [{"iso3": "GHA", "name": "Ghana", "regions": [{"name": "Volta", "capital": "Ho"}]}]},
                ["regions[0].capital", "unknown field"],
            ),
            (
                {"countries": [{"iso3": "GHA", "name": "Ghana", "regions": [{"name": "Volta", "adjectives": "V"}]}]},
                ["regions[0].adjectives", "list"],
            ),
            (
                {"people": [{"name": "X Y", "roles": [{"role": "x", "start": "2020-01-02", "end": "2020-01-01"}]}]},
                ["roles[0].end", "before start"],
            ),
        ],
    )
    def test_mistakes_name_the_entry_and_the_field(self, data, fragments):
        """A mistake raises ConfigError naming the origin, the entry and the field."""
        with pytest.raises(ConfigError) as info:
            KB.with_entries(data)
        message = str(info.value)
        assert message.startswith("<mapping>")
        for fragment in fragments:
            assert fragment in message

    def test_a_missing_file_is_a_config_error(self, tmp_path):
        """A dictionary file that does not exist raises ConfigError naming it."""
        with pytest.raises(ConfigError, match="nope.json"):
            load_user_dictionary(tmp_path / "nope.json")

    def test_invalid_json_is_a_config_error(self, tmp_path):
        """A file that is not JSON raises ConfigError with the line."""
        path = tmp_path / "bad.json"
        path.write_text('{"people": [\n', encoding="utf-8")
        with pytest.raises(ConfigError, match=r"bad\.json:2"):
            load_user_dictionary(path)

    def test_the_same_entries_give_the_cached_base(self):
        """Building with the same entries twice returns the same cached object."""
        assert KB.with_entries(ENTRY) is KB.with_entries(ENTRY)


class TestPickling:
    def test_default_pickles_to_itself(self):
        """Unpickling the default knowledge base returns the cached instance."""
        assert pickle.loads(pickle.dumps(KB)) is KB

    def test_pickle_is_small(self):
        """A knowledge base pickles as its user dictionaries, not its indexes."""
        kb = KB.with_entries(ENTRY)
        data = pickle.dumps(kb)
        assert len(data) < 2000
        assert pickle.loads(data).person_by_name("Kwame Mensah") is not None


class TestLexicon:
    def test_longest_match_wins(self):
        """The trie returns the longest phrase at a position."""
        _, _, texts = tokenise("the South Korean foreign ministry")
        keys = [normalise(t) for t in texts]
        end, readings = KB.lexicon().match(keys, texts, 1)
        assert texts[1:end] == ["South", "Korean"]
        assert readings[0].kind == "adjective"

    @pytest.mark.parametrize(("text", "matches"), [("US", True), ("us", False), ("Moon", True), ("moon", False)])
    def test_proper_names_need_their_capitals(self, text, matches):
        """Names match only with the capitals of their entry."""
        _, _, texts = tokenise(text)
        found = KB.lexicon().match([normalise(t) for t in texts], texts, 0)
        assert (found is not None) is matches

    def test_sector_words_match_in_any_case(self):
        """Sector words match lower-case, title-case or capitals."""
        for text in ("foreign minister", "Foreign Minister", "FOREIGN MINISTER"):
            _, _, texts = tokenise(text)
            found = KB.lexicon().match([normalise(t) for t in texts], texts, 0)
            assert found is not None
            assert found[1][0].kind == "sector"

    def test_an_empty_lexicon_matches_nothing(self):
        """A new lexicon has no entries."""
        lex = Lexicon()
        assert lex.match(["a"], ["a"], 0) is None
        lex.add("", Lexeme(kind="country", form=""))
        assert lex.size == 0

    @given(st.text(max_size=200), st.integers(-3, 210), st.one_of(st.none(), st.integers(-3, 210)))
    def test_tokens_are_the_matches_of_the_token_pattern(self, text, start, end):
        """Tokens are the matches of ``\\w+|[^\\w\\s]`` (the pattern's bounds included), however they are found."""
        pattern = re.compile(r"\w+|[^\w\s]")
        matches = list(pattern.finditer(text, start, len(text) if end is None else end))
        expected = ([m.start() for m in matches], [m.end() for m in matches], [m.group() for m in matches])
        assert tokenise(text, start, end) == expected

    @given(
        st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), min_size=1, max_size=8),
        st.lists(st.sampled_from([*_WORDS, "\0", "x"]), max_size=20),
        st.data(),
    )
    def test_find_is_match_from_left_to_right(self, phrases, words, data):
        """`Lexicon.find` gives the phrases of calling `match` at each token after the last phrase."""
        lex = Lexicon()
        for n, phrase in enumerate(phrases):
            text = " ".join(phrase)
            lex.add(text, Lexeme(kind=("country", "sector", "person")[n % 3], form=text), proper=n % 2 == 0)
        _, _, texts = tokenise(" ".join(words))
        keys = normalise_all(texts)
        lo = data.draw(st.integers(0, len(keys)))
        hi = data.draw(st.integers(lo, len(keys)))
        expected = []
        i = lo
        while i < hi:
            found = lex.match(keys, texts, i, hi)
            if found is None:
                i += 1
            else:
                expected.append((i, *found))
                i = found[0]
        assert lex.find(keys, texts, lo, hi) == expected

    @given(st.text(max_size=200))
    def test_tokens_cover_every_non_space_character(self, text):
        """Tokens are in order, do not overlap and cover all non-space characters."""
        starts, ends, texts = tokenise(text)
        assert all(text[s:e] == t for s, e, t in zip(starts, ends, texts, strict=True))
        assert sum(len(t) for t in texts) == sum(1 for c in text if not c.isspace())


def test_a_phrase_holding_nul_is_ignored() -> None:
    """A user phrase with a NUL character (the trie's end marker) is not added and breaks no look-up."""
    from diplomev import Article, Document
    from diplomev.extractors.actors import ActorRecogniser

    kb = KnowledgeBase.default().with_entries(
        {"organisations": [{"name": "X \0", "code": "XXX", "sector": "IGO", "kind": "organisation"}]}
    )
    doc = ActorRecogniser(kb=kb)(Document(article=Article(id="a", text="X met Japan.")))
    assert [m.text for m in doc.mentions] == ["Japan"]


class TestRegions:
    def test_regions_are_places_of_their_state(self):
        """A region is a place of its state, with its other names and adjectives."""
        eth = KB.country("ETH")
        tigray = next(r for r in eth.regions if r.name == "Tigray")
        assert "Tigrayan" in tigray.adjectives
        assert "Tigray" not in eth.cities

    def test_a_region_of_two_states_is_listed_under_both(self):
        """Kashmir is administered in part by India and in part by Pakistan."""
        owners = {c.iso3 for c in KB.countries for r in c.regions if r.name == "Kashmir"}
        assert owners == {"IND", "PAK"}

    def test_a_user_region_with_an_adjective(self):
        """A user dictionary adds regions (a name alone or an object) and merges them with the packaged ones."""
        kb = KB.with_entries(
            {
                "countries": [
                    {"iso3": "GHA", "merge": True, "regions": ["Ashanti", {"name": "Volta", "adjectives": ["Voltan"]}]}
                ]
            }
        )
        names = [r.name for r in kb.country("GHA").regions]
        assert names[-2:] == ["Ashanti", "Volta"]
        found = kb.lexicon().match(["voltan"], ["Voltan"], 0)
        assert found is not None
        assert (found[1][0].kind, found[1][0].iso3) == ("adjective", "GHA")
        found = kb.lexicon().match(["ashanti", "region"], ["Ashanti", "Region"], 0)
        assert found is not None
        assert found[1][0].kind == "region"


class TestOfficialsOfOrganisations:
    @pytest.mark.parametrize(
        ("name", "day", "code"),
        [
            ("Rafael Grossi", dt.date(2023, 3, 4), "IAE"),
            ("Yukiya Amano", dt.date(2015, 7, 14), "IAE"),
            ("Tedros Adhanom Ghebreyesus", dt.date(2020, 3, 11), "WHO"),
            ("Christine Lagarde", dt.date(2015, 1, 1), "IMF"),
            ("Christine Lagarde", dt.date(2022, 1, 1), "ECB"),
            ("Moussa Faki Mahamat", dt.date(2022, 11, 2), "AFR"),
            ("Luis Almagro", dt.date(2019, 11, 10), "OAS"),
            ("Kofi Annan", dt.date(2003, 3, 1), "UNO"),
            ("Antonio Guterres", dt.date(2010, 6, 20), "HCR"),
        ],
    )
    def test_a_head_of_an_organisation_acts_for_it(self, name, day, code):
        """The head of an international organisation, in office on the day, is coded as the organisation."""
        actor = (
            ActorRecogniser(kb=KB)(
                Document(
                    article=Article(id="o", text=f"{name} spoke on Monday."), reference=Reference(date=day, method="t")
                )
            )
            .mentions[0]
            .actor
        )
        assert actor.code == code
