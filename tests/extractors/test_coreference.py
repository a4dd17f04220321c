"""The coreference step: short names, titles, counterparts, "the two sides" and pronouns."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomev import Article, Document, MentionKind, Pipeline, Reference, Source, Span
from diplomev.extractors import coreference
from diplomev.extractors.coreference import CoreferenceResolver

PIPE = Pipeline(["places", "actors", "coreference"])
D2017 = dt.date(2017, 11, 22)


def run(text: str, day: dt.date | None = D2017, publisher: str | None = None) -> Document:
    doc = Document(
        article=Article(id="c", text=text, source=Source(publisher=publisher)),
        reference=None if day is None else Reference(date=day, method="test"),
    )
    out = PIPE.run(doc)
    assert out is not None
    return out


def resolved(text: str, **kwargs) -> list[tuple[str, str, str | None, str | None]]:
    """(text, kind, country, name) of the coreferent mentions."""
    doc = run(text, **kwargs)
    return [
        (m.text, m.kind.value, m.actor.country, m.actor.name)
        for m in doc.mentions
        if m.kind in (MentionKind.SHORT_NAME, MentionKind.ANAPHOR, MentionKind.PRONOUN)
    ]


class TestShortNames:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Foreign Minister Kang Kyung-wha met Wang Yi. Kang said the talks went well.",
                [("Kang", "short_name", "KOR", "Kang Kyung-wha")],
            ),
            (
                "President Joe Biden spoke. Biden left early.",
                [("Biden", "short_name", "USA", "Joe Biden")],
            ),
            (
                "Talks were led by Mina Ro, a director of the Ghanaian foreign ministry. Ro said they went well.",
                [("Ro", "short_name", "GHA", "Mina Ro")],
            ),
        ],
    )
    def test_short_name_after_full_name(self, text, expected):
        """A surname refers to the person named in full earlier."""
        assert resolved(text) == expected

    def test_antecedent_is_the_full_mention(self):
        """The antecedent of a short name is the span of the full-name mention."""
        doc = run("Xi Jinping arrived. Xi spoke.")
        short = next(m for m in doc.mentions if m.kind is MentionKind.SHORT_NAME)
        assert short.antecedent == Span(start=0, end=10)

    def test_kb_surname_at_the_date(self):
        """With no full name before, a surname resolves through the knowledge base when unique at the date."""
        assert resolved("China and South Korea met. Xi spoke.") == [("Xi", "short_name", "CHN", "Xi Jinping")]

    def test_kb_surname_of_a_third_state_the_article_names(self):
        """A surname of a state the article names, though not one of its two parties, still resolves."""
        text = "Japan and South Korea met in Tokyo. Seoul and Tokyo agreed. Russia was silent. Putin spoke."
        assert ("Putin", "short_name", "RUS", "Vladimir Putin") in resolved(text)

    def test_kb_surname_of_a_state_the_article_never_names(self):
        """A surname whose holder's state the article never names stays unresolved."""
        text = "Japan and South Korea met in Tokyo. Seoul and Tokyo agreed. Putin spoke."
        assert [r for r in resolved(text) if r[0] == "Putin"] == []

    def test_one_word_name_with_a_title_becomes_the_earlier_person(self):
        """ "Nam, the NSO director" after "Nam Gwan-pyo" is Nam Gwan-pyo."""
        text = "South Korea and China agreed. Nam Gwan-pyo, a South Korean director, spoke. Later, said Nam, the NSO director."
        doc = run(text)
        last = [m for m in doc.mentions if m.actor.name == "Nam Gwan-pyo"][-1]
        assert last.kind is MentionKind.SHORT_NAME
        assert last.text.startswith("Nam,")

    def test_months_in_time_expressions_are_not_names(self):
        """A surname inside a time expression is not a short name."""
        from diplomev import TimeExpression

        doc = Document(
            article=Article(id="c", text="Theresa May spoke. It happened in May."),
            times=(TimeExpression(span=Span(start=34, end=37), text="May"),),
        )
        doc = PIPE.run(doc)
        assert [m.text for m in doc.mentions] == ["Theresa May"]


class TestAnaphors:
    def test_the_two_sides(self):
        """ "The two sides" resolves to the two most mentioned states, with one mention each."""
        text = "South Korea and China held talks. Seoul and Beijing agreed. The two sides shared the view."
        assert resolved(text) == [
            ("The two sides", "anaphor", "KOR", None),
            ("The two sides", "anaphor", "CHN", None),
        ]

    @pytest.mark.parametrize(
        "phrase",
        [
            "Both sides",
            "The two nations",
            "The two countries",
            "The two neighbours",
            "Both countries",
            "The countries",
            "Both",
            "The two",
        ],
    )
    def test_pair_phrases(self, phrase):
        """Every "two parties" phrase resolves to both parties."""
        text = f"Japan and India held talks. Tokyo and New Delhi agreed. {phrase} agreed to meet."
        got = resolved(text)
        assert {(t, c) for t, _, c, _ in got} == {(phrase, "JPN"), (phrase, "IND")}

    def test_the_foreign_minister(self):
        """ "the foreign minister" is the most recent foreign minister."""
        text = "Chinese Foreign Minister Wang Yi met President Moon Jae-in. The foreign minister then left."
        assert resolved(text) == [("foreign minister", "anaphor", "CHN", "Wang Yi")]

    def test_the_president(self):
        """ "the president" is the most recent president."""
        text = "Chinese Foreign Minister Wang Yi met President Moon Jae-in. The president then left."
        assert resolved(text) == [("president", "anaphor", "KOR", "Moon Jae-in")]

    def test_the_ministry(self):
        """ "the ministry" is the last ministry mentioned."""
        text = "Seoul's foreign ministry issued a statement. The ministry said talks went well."
        assert resolved(text) == [("ministry", "anaphor", "KOR", None)]

    def test_the_spokesman(self):
        """ "the spokesman" is the last spokesman mentioned."""
        text = "Chinese foreign ministry spokesman Geng Tao spoke. The spokesman added a warning."
        assert resolved(text) == [("spokesman", "anaphor", "CHN", "Geng Tao")]

    def test_the_official(self):
        """ "the official" is the last official mentioned."""
        text = "A Cheong Wa Dae official briefed reporters. The official asked not to be named."
        assert resolved(text) == [("official", "anaphor", "KOR", None)]

    def test_the_foreign_ministry_without_antecedent_is_the_home_country(self):
        """With no ministry before, "the foreign ministry" is the home country's."""
        text = "South Korea and China agreed, the foreign ministry said."
        assert resolved(text, publisher="Yonhap") == [("foreign ministry", "anaphor", "KOR", None)]

    def test_the_government(self):
        """ "the government" is the government of the last government actor."""
        text = "South Korean spokesman Noh Ji-ho said the government is considering it."
        assert resolved(text) == [("government", "anaphor", "KOR", None)]

    def test_bare_government_is_the_home_countrys(self):
        """In a national agency's report, a bare "the government" is that country's, not the capital named before."""
        text = (
            "Japan protested to China on Monday. Tokyo said it would raise the ban with Beijing. "
            "The government also asked China to protect Japanese nationals."
        )
        got = [(t, c) for t, _, c, _ in resolved(text, publisher="Kyodo") if t == "government"]
        assert got == [("government", "JPN")]

    def test_surname_of_an_organisations_official(self):
        """ "NATO Secretary General Jens Stoltenberg ... Stoltenberg" is NATO both times."""
        text = "NATO Secretary General Jens Stoltenberg met the ministers. Stoltenberg praised Finland."
        assert resolved(text) == [("Stoltenberg", "short_name", None, "NATO")]

    def test_said_he_is_the_speaker(self):
        """ "X said he would ..." is X, even when another man was named just before."""
        text = "President Joe Biden spoke first. Foreign Minister Kim Yong-su said he would leave."
        got = [(t, n) for t, kind, _, n in resolved(text) if kind == "pronoun"]
        assert got == [("he", "Kim Yong-su")]

    def test_the_ministry_in_a_capital(self):
        """ "the foreign ministry in Moscow" is Russia's, whatever was mentioned before."""
        text = "The British ambassador was summoned to the foreign ministry in Moscow."
        assert ("foreign ministry", "RUS") in [(t, c) for t, _, c, _ in resolved(text)]

    def test_the_elected_government(self):
        """ "the elected government" is a government like "the government"."""
        text = "Myanmar's army seized power. Myanmar was calm. The military ousted the elected government."
        assert ("government", "MMR") in [(t.split()[-1], c) for t, _, c, _ in resolved(text)]


class TestLeaders:
    @pytest.mark.parametrize("phrase", ["the leaders of the two countries", "their leaders"])
    def test_leaders_of_the_two_parties(self, phrase):
        """ "the leaders of the two countries" and "their leaders" are the two heads of state at the date."""
        text = f"South Korea and China agreed. Seoul and Beijing will prepare a summit between {phrase}."
        got = {(c, n) for t, _, c, n in resolved(text) if t == phrase}
        assert got == {("KOR", "Moon Jae-in"), ("CHN", "Xi Jinping")}

    def test_the_two_leaders_are_the_heads_named_before(self):
        """ "the two leaders" are the president and the prime minister named before, whatever their titles."""
        text = (
            "Estonian Prime Minister Tiit Rand flew to Latvia on Monday. "
            "Latvian President Anna Berzina welcomed Rand, and the two leaders discussed energy."
        )
        got = {(c, n) for t, _, c, n in resolved(text) if t == "the two leaders"}
        assert got == {("EST", "Tiit Rand"), ("LVA", "Anna Berzina")}

    def test_the_two_presidents_are_not_a_prime_minister(self):
        """A specific title ("the two presidents") keeps to holders of that title."""
        text = (
            "Estonian Prime Minister Tiit Rand flew to Latvia on Monday. "
            "Latvian President Anna Berzina welcomed Rand, and the two presidents discussed energy."
        )
        got = {n for t, _, _, n in resolved(text) if t == "the two presidents"}
        assert "Tiit Rand" not in got


class TestOffices:
    @pytest.mark.parametrize(
        ("text", "phrase", "country"),
        [
            ("Chile and Peru met. Peruvian President Ana Quispe spoke. Quispe's office said it was pleased.",
             "Quispe's office", "PER"),
            ("Chile and Peru met. Peruvian President Ana Quispe spoke. Later the Quispe government said no.",
             "the Quispe government", "PER"),
            ("Chile and Peru met. Peruvian President Ana Quispe spoke. Later the Quispe administration said no.",
             "the Quispe administration", "PER"),
        ],
    )  # fmt: skip
    def test_a_persons_office_is_their_government(self, text, phrase, country):
        """ "X's office", "the X government" are the government of X's state, not X."""
        got = [(c, n, k) for t, k, c, n in resolved(text) if t == phrase]
        assert got == [(country, None, "anaphor")]

    def test_a_known_head_by_surname_at_the_date(self):
        """A surname of the knowledge base gives the government its holder led at the date."""
        text = "Paris and Canberra were at odds. On Monday France accused the Obama administration of silence."
        got = [(t, c) for t, _, c, _ in resolved(text, day=dt.date(2014, 3, 1)) if "administration" in t]
        assert got == [("the Obama administration", "USA")]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Paris criticised the Obama administration.", ("the Obama administration", "USA", "GOV", None)),
            ("The Putin government rejected the plan.", ("The Putin government", "RUS", "GOV", None)),
        ],
    )
    def test_leader_and_body(self, text, expected):
        """'the <leader> administration|government|regime' is that leader's state government."""
        doc = run(text, day=dt.date(2015, 6, 1))
        assert expected in [(m.text, m.actor.country, m.actor.sector, m.actor.name) for m in doc.mentions]

    def test_an_unknown_surname_with_a_body_is_nothing(self):
        """Without a person to stand for, "the Zorbel government" is not resolved by this rule."""
        text = "Chile and Peru met. Later the Zorbel government said no."
        assert [r for r in resolved(text) if "Zorbel" in r[0]] == []


class TestAcronyms:
    def test_an_acronym_defined_in_brackets_is_the_body_it_abbreviates(self):
        """ "the Ministry of Energy (MOE)" makes a later "the MOE" the same actor."""
        text = "The Chilean Ministry of Energy (MOE) met Peru on Monday. On Tuesday the MOE accused Lima of delays."
        got = [(t, k, c) for t, k, c, _ in resolved(text) if t == "MOE"]
        assert got == [("MOE", "short_name", "CHL")]

    def test_an_undefined_acronym_is_nothing(self):
        """An acronym never defined in brackets is not resolved."""
        text = "The Chilean Ministry of Energy met Peru on Monday. On Tuesday the MOE accused Lima of delays."
        assert [r for r in resolved(text) if r[0] == "MOE"] == []


class TestCounterparts:
    def test_counterpart_without_a_name(self):
        """ "her Chinese counterpart" is the Chinese holder of her role at the date."""
        text = "South Korean Foreign Minister Kang Kyung-wha met her Chinese counterpart on Wednesday."
        assert ("Chinese counterpart", "anaphor", "CHN", "Wang Yi") in resolved(text)

    def test_counterpart_named_later_in_the_article(self):
        """The counterpart is the person of that nationality and role named earlier."""
        text = "Chinese Foreign Minister Wang Yi arrived. Foreign Minister Kang Kyung-wha met her Chinese counterpart."
        assert ("Chinese counterpart", "anaphor", "CHN", "Wang Yi") in resolved(text)

    def test_counterpart_followed_by_a_name(self):
        """A named counterpart is that person (found by the actors step)."""
        doc = run("Kang Kyung-wha met her Chinese counterpart Wang Yi.")
        assert [m.actor.name for m in doc.mentions if m.kind is MentionKind.NAME] == ["Kang Kyung-wha", "Wang Yi"]


class TestPronouns:
    def test_she_is_the_woman(self):
        """ "she" is the most recent woman."""
        text = "Kang Kyung-wha met Wang Yi. She said the talks went well."
        assert resolved(text) == [("She", "pronoun", "KOR", "Kang Kyung-wha")]

    def test_he_is_the_man(self):
        """ "he" is the most recent man."""
        text = "Kang Kyung-wha met Wang Yi. He said the talks went well."
        assert resolved(text) == [("He", "pronoun", "CHN", "Wang Yi")]

    def test_gender_is_learnt_from_possessives(self):
        """ "his" tells the gender of an unknown person."""
        text = "Ghanaian envoy Kofi Boateng met Kenyan envoy Amina Wanjiru. Boateng praised his hosts. He left."
        got = resolved(text)
        assert ("He", "pronoun", "GHA", "Kofi Boateng") in got

    def test_unknown_gender_subject(self):
        """With no gender known, "he" is the subject of the previous sentence."""
        text = "Ghanaian envoy Kofi Boateng met Kenyan envoy Amina Wanjiru. Later he left."
        assert ("he", "pronoun", "GHA", "Kofi Boateng") in resolved(text)

    def test_they_is_the_pair(self):
        """ "They" after "X and Y" is both."""
        text = "South Korea and China held talks. They agreed to meet again."
        assert resolved(text) == [("They", "pronoun", "KOR", None), ("They", "pronoun", "CHN", None)]

    def test_it_said_is_the_speaking_body(self):
        """ "it said" is the last speaking body."""
        text = "China's foreign ministry issued a statement. North Korea should talk, it said."
        assert ("it", "pronoun", "CHN", None) in resolved(text)

    @pytest.mark.parametrize(
        ("text", "country"),
        [
            ("Chile's foreign ministry said it would summon the Peruvian ambassador.", "CHL"),
            ("Chile's foreign ministry criticised the vote and said that it would recall its envoy.", "CHL"),
            ("Norway, a founding member of the alliance, said it was ready to send aid.", "NOR"),
        ],
    )
    def test_it_after_a_reporting_verb_is_the_speaking_body(self, text, country):
        """ "X said (that) it would ...": the state or body that speaks (next to the verb or opening the sentence)."""
        assert ("it", "pronoun", country) in [(t, k, c) for t, k, c, _ in resolved(text)]

    @pytest.mark.parametrize(
        "text",
        [
            "Chilean President Gabriel Boric said it was a good day.",
            "On Monday the talks with Chile ended and Peru's minister said it was a good day.",
        ],
    )
    def test_it_after_a_person_or_a_phrase_stays_unresolved(self, text):
        assert not any(t == "it" for t, *_ in resolved(text))

    def test_possessive_her_is_not_a_mention(self):
        """ "her" before a noun is a possessive, not a mention."""
        text = "Kang Kyung-wha met her staff."
        assert resolved(text) == []


class TestResolver:
    def test_picklable(self):
        """The step pickles small and works after unpickling."""
        data = pickle.dumps(CoreferenceResolver())
        assert len(data) < 1000
        step = pickle.loads(data)
        assert step(Document(article=Article(id="c", text="nothing here"))).mentions == ()

    def test_mentions_are_in_text_order(self):
        """Mentions come out sorted by position."""
        doc = run("Kang Kyung-wha met Wang Yi. She said Wang agreed.")
        starts = [m.span.start for m in doc.mentions]
        assert starts == sorted(starts)

    def test_coreferent_mentions_have_antecedents_before_or_none(self):
        """Every short name and pronoun has an antecedent span."""
        doc = run("Kang Kyung-wha met Wang Yi. She said Wang agreed.")
        for m in doc.mentions:
            if m.kind in (MentionKind.SHORT_NAME, MentionKind.PRONOUN):
                assert m.antecedent is not None

    @settings(max_examples=40)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "Kang",
                    "Kyung-wha",
                    "she",
                    "he",
                    "they",
                    "The",
                    "two",
                    "sides",
                    "Both",
                    "the",
                    "ministry",
                    "said",
                    "it",
                    "South",
                    "Korea",
                    "and",
                    "China",
                    ".",
                    "her",
                    "Chinese",
                    "counterpart",
                    "Wang",
                    "Yi",
                    "foreign",
                    "minister",
                ]
            ),
            max_size=50,
        ).map(" ".join)
    )
    def test_never_raises_and_spans_slice(self, text):
        """On any word salad the step does not raise and spans slice to their text."""
        doc = run(text)
        for m in doc.mentions:
            assert m.span.slice(text) == m.text


class TestPatternTable:
    @pytest.mark.parametrize(
        "text",
        [
            (
                "South Korea and China agreed. The two sides said both countries would talk. Their leaders met. "
                "Foreign Minister Kang Kyung-wha met Wang Yi. She said her Chinese counterpart agreed. "
                "Kang told him the ministry said it would help. They and them, this and that, its and his."
            ),
            "The President Moon Jae-in visited Beijing. Him, He, She and It. THE TWO SIDES. Both agreed.",
        ],
    )
    def test_a_pattern_applies_only_at_its_words(self, text):
        """`_PATTERNS` lists every word at which a pattern can apply: elsewhere each returns None."""
        step = CoreferenceResolver()
        doc = Pipeline(["sentences", "places", "actors"]).run(
            Document(article=Article(id="t", text=text), reference=Reference(date=D2017, method="test"))
        )
        assert doc is not None
        analysis = coreference.analyse(doc, step.kb)
        resolver = coreference._Resolver(doc, analysis, step.kb)
        resolver.run()  # probe with the state of a whole walk
        patterns = {
            coreference._Resolver.pair,
            coreference._Resolver.counterpart,
            coreference._Resolver.title,
            coreference._Resolver.pronoun,
        }
        for n, (lo, hi) in enumerate(analysis.sentences):
            for k in range(lo, hi):
                listed = set(coreference._PATTERNS.get(analysis.keys[k], ()))
                for pattern in patterns - listed:
                    assert pattern(resolver, k, n, hi) is None, (pattern.__name__, analysis.toks[k])
                if k not in analysis.names:
                    assert resolver.short_name(k, n, hi) is None, analysis.toks[k]


class TestSentenceInitialIt:
    @staticmethod
    def pronouns(text: str) -> list[tuple[str, str | None]]:
        doc = Pipeline(["sentences", "places", "actors", "coreference"]).run(
            Document(article=Article(id="c", text=text), reference=Reference(date=D2017, method="test"))
        )
        assert doc is not None
        return [(m.text, m.actor.country) for m in doc.mentions if m.kind is MentionKind.PRONOUN]

    def test_it_acting_is_the_previous_subject(self):
        """'X suspended ... . It imposed ...': a sentence-opening 'it' before a past-tense act is X."""
        got = self.pronouns("Norway suspended the talks with Chile in May. It imposed sanctions on Peru.")
        assert got == [("It", "NOR")]

    @pytest.mark.parametrize(
        "text",
        [
            "Norway suspended the talks with Chile. It was unclear why.",
            "Norway suspended the talks with Chile. It seemed a mistake.",
            "Foreign Minister Kang Kyung-wha met Wang Yi. It rained all day.",
        ],
    )
    def test_expletive_or_person_is_not_resolved(self, text):
        """'It was unclear', 'It seemed', or a person as the previous subject: no party."""
        assert self.pronouns(text) == []


class TestCoordinatedBody:
    def test_body_joined_to_a_party_shares_its_country(self):
        """ "X's government and the opposition": the opposition is X's, not the article's home country's."""
        doc = Pipeline(["sentences", "places", "actors", "coreference"]).run(
            Document(
                article=Article(id="c", text="Norway praised Chile. Peru's government and the opposition met."),
                reference=Reference(date=D2017, method="test"),
            )
        )
        assert doc is not None
        assert [(m.text, m.actor.country) for m in doc.mentions if m.text == "opposition"] == [("opposition", "PER")]


class TestObjectPronounsAndStyles:
    @staticmethod
    def persons(text: str) -> list[tuple[str, str | None]]:
        doc = Pipeline(["sentences", "places", "actors", "coreference"]).run(
            Document(article=Article(id="c", text=text), reference=Reference(date=D2017, method="test"))
        )
        assert doc is not None
        return [(m.text, m.actor.name) for m in doc.mentions if m.kind is not MentionKind.NAME]

    def test_him_is_not_the_subject_of_its_own_clause(self):
        """'He will fly to X, where President Y will host him': 'him' is the traveller, not Y."""
        got = self.persons(
            "Chinese President Xi Jinping spoke on Monday. He will fly to Seoul, where President Moon Jae-in will host him."
        )
        assert ("him", "Xi Jinping") in got

    def test_the_king_is_not_a_president(self):
        """'the King' is the person styled King, though a president of the same role is nearer."""
        got = self.persons(
            "King Charles III will visit Paris. The Elysee said the president and the King spoke by phone."
        )
        assert ("King", "Charles III") in got


class TestLocalPairs:
    """'The two sides' and 'the two leaders' refer to a pair just named, before the article's main parties."""

    BACKGROUND = "Japan hosted the meeting in Tokyo. Tokyo said Japan was glad. Japan's prime minister spoke. "

    def test_pair_joined_in_the_sentence_comes_first(self) -> None:
        """A summit in a host country: 'the two sides' are the pair of the summit, not the host."""
        text = self.BACKGROUND + "Talks between France and Germany ended as the two sides failed to agree."
        pairs = {c for t, _, c, _ in resolved(text) if t == "the two sides"}
        assert pairs == {"FRA", "DEU"}

    def test_the_two_leaders_are_the_last_two_people_named(self) -> None:
        text = (
            self.BACKGROUND
            + "Emmanuel Macron said Olaf Scholz had promised him help. The two leaders had dinner on Wednesday."
        )
        found = {(c, n) for t, _, c, n in resolved(text, day=dt.date(2023, 3, 1)) if t == "The two leaders"}
        assert found == {("FRA", "Emmanuel Macron"), ("DEU", "Olaf Scholz")}

    def test_without_a_pair_nearby_the_main_parties_are_meant(self) -> None:
        text = "South Korea and China held talks. Seoul and Beijing agreed. The weather was fine. The two sides met."
        assert {c for t, _, c, _ in resolved(text) if t == "The two sides"} == {"KOR", "CHN"}


class TestPronounsPreferSubjects:
    """'he' is the subject of its sentence, or of the one before, rather than the last person named."""

    def test_subject_of_the_sentence_before_a_person_after_a_preposition(self) -> None:
        text = (
            "Emmanuel Macron met Olaf Scholz on Monday. "
            "Speaking to reporters alongside Mr. Scholz, he said the talks went well."
        )
        found = [(t, n) for t, _, _, n in resolved(text, day=dt.date(2023, 3, 1)) if t == "he"]
        assert found == [("he", "Emmanuel Macron")]

    def test_sentence_initial_pronoun_takes_the_previous_subject(self) -> None:
        text = "Emmanuel Macron flew to Berlin, where he met Olaf Scholz. He is due to meet Joe Biden on Friday."
        found = [(t, n) for t, _, _, n in resolved(text, day=dt.date(2023, 3, 1)) if t.lower() == "he"]
        assert found == [("he", "Emmanuel Macron"), ("He", "Emmanuel Macron")]

    def test_first_person_of_the_sentence_before_its_object(self) -> None:
        text = "Emmanuel Macron told Olaf Scholz that the plan had failed, and he blamed the weather."
        found = [(t, n) for t, _, _, n in resolved(text, day=dt.date(2023, 3, 1)) if t == "he"]
        assert found == [("he", "Emmanuel Macron")]


class TestOfficialsOfOrganisations:
    def test_official_is_named_by_surname_after_an_honorific_and_is_a_he(self) -> None:
        """'Mr. X' after 'Secretary-General X' is the organisation; so is 'he' when X is the subject."""
        text = (
            "UN Secretary-General Antonio Guterres arrived in Moscow on Monday. "
            "Mr. Guterres met Sergei Lavrov, and he said the war must end."
        )
        found = [(t, c, n) for t, _, c, n in resolved(text, day=dt.date(2022, 4, 26)) if t in ("Guterres", "he")]
        assert found == [("Guterres", None, "United Nations"), ("he", None, "United Nations")]


def test_an_official_named_without_title_is_the_organisation_later() -> None:
    """An organisation's official of the knowledge base named alone ("Rafael Grossi, ...") is the
    organisation when later named by surname, or by the knowledge base at the date."""
    got = resolved(
        "Rafael Grossi, who leads the agency, landed in Tehran. Grossi met Iranian officials.", day=dt.date(2023, 3, 4)
    )
    assert ("Grossi", "short_name", None, "International Atomic Energy Agency") in got
    got = resolved("Iran said Grossi would visit Iran.", day=dt.date(2023, 3, 4))
    assert ("Grossi", "short_name", None, "International Atomic Energy Agency") in got


def test_them_keeps_a_plural_group_of_its_sentence_over_a_later_pair() -> None:
    """'protesters ... some of them ... the embassy ... police dispersed them': them = the protesters."""
    got = resolved(
        "Hundreds of Malian protesters marched on Friday, and some of them threw stones at the Russian "
        "embassy before Malian police dispersed them."
    )
    pronouns = [(country, text) for text, kind, country, _ in got if text == "them"]
    assert pronouns
    assert all(country == "MLI" for country, _ in pronouns)


def test_the_two_countries_prefers_the_pair_named_together() -> None:
    """Three states named equally often: 'the two countries' are the two named as 'X and Y'."""
    got = resolved(
        "Norway hosted talks where Colombia and Venezuela agreed to reopen consulates. "
        "Colombian and Venezuelan officials thanked Norwegian diplomats in Oslo. "
        "The two countries also agreed to resume flights."
    )
    countries = {country for text, _, country, _ in got if text == "The two countries"}
    assert countries == {"COL", "VEN"}
