"""The event coder, on documents whose mentions, times and places are given by hand.

Each case names the actors and times in its sentence, so the coder is tested
on its own, independent of the recognisers that feed it in the pipeline.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import (
    Actor,
    Article,
    Document,
    Location,
    Mention,
    Place,
    Reference,
    Span,
    TimeExpression,
    TimeSpan,
)
from diplomev.extractors.events import EventCoder

A = {
    "KOR": Actor(country="KOR"),
    "CHN": Actor(country="CHN"),
    "JPN": Actor(country="JPN"),
    "USA": Actor(country="USA"),
    "RUS": Actor(country="RUS"),
    "FRA": Actor(country="FRA"),
    "Seoul": Actor(country="KOR", sector="GOV"),
    "Tokyo": Actor(country="JPN", sector="GOV"),
    "Park": Actor(name="Park Jin", kind="person", country="KOR", sector="GOV"),
    "Hayashi": Actor(name="Yoshimasa Hayashi", kind="person", country="JPN", sector="GOV"),
    "firms": Actor(country="KOR", sector="BUS", kind="group"),
    "rebels": Actor(country="SDN", sector="REB", kind="group"),
}
REF = dt.date(2023, 6, 8)  # a Thursday


def make(
    text: str,
    mentions: dict[str, str],
    times: dict[str, TimeSpan] | None = None,
    places: dict[str, Location] | None = None,
) -> Document:
    """A one-sentence document; mention keys are substrings of *text*, values keys of A."""
    ms = []
    for sub, key in mentions.items():
        start = text.index(sub)
        ms.append(Mention(span=Span(start=start, end=start + len(sub)), text=sub, actor=A[key]))
    ts = []
    for sub, resolved in (times or {}).items():
        start = text.index(sub)
        ts.append(TimeExpression(span=Span(start=start, end=start + len(sub)), text=sub, resolved=resolved))
    ps = []
    for sub, loc in (places or {}).items():
        start = text.index(sub)
        ps.append(Place(span=Span(start=start, end=start + len(sub)), text=sub, location=loc))
    return Document(
        article=Article(id="t", text=text),
        sentences=(Span(start=0, end=len(text)),),
        reference=Reference(date=REF, method="test"),
        mentions=tuple(ms),
        times=tuple(ts),
        places=tuple(ps),
    )


def coded(doc: Document) -> list[tuple[str | None, str, str | None, str, str]]:
    return sorted(
        (
            e.source.key if e.source else None,
            e.type.value,
            e.target.key if e.target else None,
            e.cameo,
            e.mode.value,
        )
        for e in EventCoder()(doc).events
    )


WED = TimeSpan.day(dt.date(2023, 6, 7))


class TestArguments:
    @pytest.mark.parametrize(
        ("text", "mentions", "expected"),
        [
            (
                "Park Jin held talks with Yoshimasa Hayashi.",
                {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
                [("JPN", "CONSULT", "KOR", "040", "asserted"), ("KOR", "CONSULT", "JPN", "040", "asserted")],
            ),
            (
                "South Korea and Japan agreed to resume the dialogue.",
                {"South Korea": "KOR", "Japan": "JPN"},
                [("JPN", "AGREE", "KOR", "030", "asserted"), ("KOR", "AGREE", "JPN", "030", "asserted")],
            ),
            (
                "Japan imposed export restrictions on South Korea.",
                {"Japan": "JPN", "South Korea": "KOR"},
                [("JPN", "SANCTION", "KOR", "163", "asserted")],
            ),
            (
                "Seoul was criticised by Tokyo over the ruling.",
                {"Seoul": "Seoul", "Tokyo": "Tokyo"},
                [("JPN", "ACCUSE", "KOR", "111", "asserted")],
            ),
            (
                "China took retaliatory measures against South Korean firms.",
                {"China": "CHN", "South Korean firms": "firms"},
                [("CHN", "SANCTION", "KOR", "163", "asserted")],
            ),
            (
                "France expelled two Russian diplomats.",
                {"France": "FRA", "Russian": "RUS"},
                [("FRA", "COERCE", "RUS", "174", "asserted")],
            ),
            (
                "Japan urged South Korea to respect the agreement.",
                {"Japan": "JPN", "South Korea": "KOR"},
                [("JPN", "REQUEST", "KOR", "020", "asserted")],
            ),
            (
                "Talks between South Korea and Japan resumed.",
                {"South Korea": "KOR", "Japan": "JPN"},
                [("JPN", "CONSULT", "KOR", "040", "asserted"), ("KOR", "CONSULT", "JPN", "040", "asserted")],
            ),
            (
                "Park Jin praised Japan for its efforts.",
                {"Park Jin": "Park", "Japan": "JPN"},
                [("KOR", "SUPPORT", "JPN", "051", "asserted")],
            ),
        ],
    )
    def test_source_and_target(self, text: str, mentions: dict[str, str], expected: list[tuple[str, ...]]) -> None:
        """Subject, object, passive agent, nominal and symmetric frames give the right directed pairs."""
        doc = make(text, mentions)
        assert coded(doc) == sorted(expected)

    def test_state_before_a_past_tense_verb_is_its_subject(self) -> None:
        """'..., the United States and Japan began sharing data': the whole list acts, not a modifier."""
        doc = make(
            "South Korea, the United States and Japan began sharing missile data.",
            {"South Korea": "KOR", "the United States": "USA", "Japan": "JPN"},
        )
        pairs = {(s, t) for s, kind, t, _, _ in coded(doc) if kind == "COOPERATE"}
        assert pairs == {(a, b) for a in ("KOR", "USA", "JPN") for b in ("KOR", "USA", "JPN") if a != b}

    def test_nominal_agent_then_object(self) -> None:
        """'air strikes by X on Y': X is the source, Y after the agent the target."""
        doc = make("Residents reported air strikes by the rebels on Russia.", {"the rebels": "rebels", "Russia": "RUS"})
        assert coded(doc) == [("SDN", "ASSAULT", "RUS", "195", "asserted")]

    def test_coordinated_verb_shares_subject_and_object(self) -> None:
        """'X denounced Y ... and threatened ...': X threatens Y; Y is not the subject of the second verb."""
        doc = make("China denounced Japan for the drills and threatened a response.", {"China": "CHN", "Japan": "JPN"})
        assert coded(doc) == [
            ("CHN", "ACCUSE", "JPN", "111", "asserted"),
            ("CHN", "THREATEN", "JPN", "130", "asserted"),
        ]

    def test_coordinated_verb_with_its_own_object(self) -> None:
        """A coordinated verb keeps the object it names: 'X met Y and criticised Z'."""
        doc = make("Japan met France and criticised Russia.", {"Japan": "JPN", "France": "FRA", "Russia": "RUS"})
        assert ("JPN", "ACCUSE", "RUS", "111", "asserted") in coded(doc)
        assert not any(s == "FRA" and kind == "ACCUSE" for s, kind, *_ in coded(doc))

    def test_withdrawal_from_a_city_named_by_nationality(self) -> None:
        """'pull out of the Ukrainian city of X' acts on Ukraine even when X is in no gazetteer."""
        doc = make("Russia ordered its forces to pull out of the Ukrainian city of Zarichne.", {"Russia": "RUS"})
        assert coded(doc) == [("RUS", "RETREAT", "UKR", "0874", "asserted")]

    def test_rebels_taking_towns_of_their_own_country(self) -> None:
        """Armed groups capturing towns of their own state act on that state."""
        doc = make(
            "The rebels captured two towns in Darfur.",
            {"The rebels": "rebels"},
            places={"Darfur": Location(name="Darfur", country="SDN")},
        )
        assert coded(doc) == [("SDN", "ASSAULT", "SDN", "192", "asserted")]

    def test_signing_plural_documents(self) -> None:
        """'signed two joint statements' is a signed agreement, both ways."""
        doc = make(
            "Park Jin and Yoshimasa Hayashi signed two joint statements.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
        )
        assert coded(doc) == [("JPN", "AGREE", "KOR", "057", "asserted"), ("KOR", "AGREE", "JPN", "057", "asserted")]

    def test_passive_reaction_to_an_earlier_act(self) -> None:
        """'The move was welcomed by X' reacts to the latest earlier act: its actor is the target."""
        text = "Japan lifted the sanctions on Russia. The move was welcomed by France."
        doc = make(text, {"Japan": "JPN", "Russia": "RUS", "France": "FRA"})
        doc = attrs.evolve(doc, sentences=(Span(start=0, end=37), Span(start=38, end=len(text))))
        assert ("FRA", "SUPPORT", "JPN", "051", "asserted") in coded(doc)

    def test_applying_for_membership_is_a_request(self) -> None:
        """'applied for membership of X' requests something of X."""
        doc = make("France applied for fast-track membership of Russia.", {"France": "FRA", "Russia": "RUS"})
        assert coded(doc) == [("FRA", "REQUEST", "RUS", "020", "asserted")]

    def test_verb_form_after_the_object_of_a_preposition_is_no_verb(self) -> None:
        """'food for Japanese troops stationed on ...': the troops are no subject of 'stationed'."""
        doc = make("China sent food for French troops stationed on the island.", {"China": "CHN", "French": "FRA"})
        assert not any(kind == "MOBILIZE" and s == "FRA" for s, kind, *_ in coded(doc))

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Japan recalled its ambassador to Russia.", [("JPN", "SANCTION", "RUS", "161", "asserted")]),
            ("France recalled its ambassador from Russia.", [("FRA", "SANCTION", "RUS", "161", "asserted")]),
        ],
    )
    def test_recalling_an_ambassador(self, text: str, expected: list[tuple[str, ...]]) -> None:
        """Recalling one's own envoy is a sanction on the host state (the guidelines' SANCTION 161)."""
        mentions = {name: key for name, key in (("Japan", "JPN"), ("France", "FRA"), ("Russia", "RUS")) if name in text}
        assert coded(make(text, mentions)) == expected

    def test_visit_with_a_time_after_the_host(self) -> None:
        """'will visit Japan next week': Japan is visited; a time word after a name is no noun it modifies."""
        doc = make("Park Jin will visit Japan next week.", {"Park Jin": "Park", "Japan": "JPN"})
        assert [(s, kind, t, mode) for s, kind, t, _, mode in coded(doc)] == [("KOR", "CONSULT", "JPN", "planned")]

    def test_protest_conveyed_by_a_summons_is_one_event(self) -> None:
        """'summoned the ambassador to protest ...' is the summons only, by the summoning state."""
        doc = make(
            "France summoned the Russian ambassador to protest the arrests.", {"France": "FRA", "Russian": "RUS"}
        )
        assert coded(doc) == [("FRA", "ACCUSE", "RUS", "114", "asserted")]

    def test_gerund_topic_of_a_statement_is_no_event(self) -> None:
        """'signed a statement on deepening ties': the signing is the event, not the deepening."""
        doc = make("Japan and France signed a statement on deepening ties.", {"Japan": "JPN", "France": "FRA"})
        assert {kind for _, kind, *_ in coded(doc)} == {"AGREE"}

    def test_upgrading_ties_is_cooperation(self) -> None:
        """'X and Y upgraded their ties' is mutual cooperation."""
        doc = make("Japan and France upgraded their ties.", {"Japan": "JPN", "France": "FRA"})
        assert coded(doc) == [
            ("FRA", "COOPERATE", "JPN", "060", "asserted"),
            ("JPN", "COOPERATE", "FRA", "060", "asserted"),
        ]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Japan suspended France from the group.", [("JPN", "SANCTION", "FRA", "163", "asserted")]),
            (
                "Japan and France exchanged fire near the island.",
                [("FRA", "ASSAULT", "JPN", "190", "asserted"), ("JPN", "ASSAULT", "FRA", "190", "asserted")],
            ),
        ],
    )
    def test_suspensions_and_clashes(self, text: str, expected: list[tuple[str, ...]]) -> None:
        """Suspending a state is a sanction; exchanging fire is a mutual assault."""
        assert coded(make(text, {"Japan": "JPN", "France": "FRA"})) == expected

    def test_noun_after_a_past_tense_verb(self) -> None:
        """'Japan hosted talks between ...': 'talks' is a noun, Japan hosts; no verb 'talks' by Japan."""
        doc = make("Japan hosted talks between France and Russia.", {"Japan": "JPN", "France": "FRA", "Russia": "RUS"})
        got = coded(doc)
        assert ("FRA", "CONSULT", "RUS", "040", "asserted") in got
        assert not any(s == "JPN" and t is None for s, _, t, _, _ in got)

    def test_reported_would_is_a_plan(self) -> None:
        """'said he would visit Japan' reports an intention: planned, not hypothetical."""
        doc = make("Park Jin said he would visit Japan.", {"Park Jin": "Park", "he": "Park", "Japan": "JPN"})
        assert [(kind, mode) for _, kind, _, _, mode in coded(doc)] == [("CONSULT", "planned")]

    def test_rejecting_the_criticism_targets_the_critic(self) -> None:
        """'rejected the criticism' answers the latest earlier criticism: its source is the target."""
        text = "Russia criticised France. Japan rejected the criticism."
        doc = make(text, {"Russia": "RUS", "France": "FRA", "Japan": "JPN"})
        doc = attrs.evolve(doc, sentences=(Span(start=0, end=25), Span(start=26, end=len(text))))
        assert ("JPN", "REJECT", "RUS", "120", "asserted") in coded(doc)

    def test_apposition_between_subject_and_verb(self) -> None:
        """'X, the ally of Y, condemned Z': X is the subject, not Y inside the apposition."""
        doc = make(
            "Japan, the closest ally of France, condemned Russia.",
            {"Japan": "JPN", "France": "FRA", "Russia": "RUS"},
        )
        assert coded(doc) == [("JPN", "ACCUSE", "RUS", "111", "asserted")]

    def test_negation_in_a_relative_clause_does_not_negate_the_verb(self) -> None:
        """'X, who was not consulted, criticised Y' is asserted."""
        doc = make("Japan, which was not consulted, criticised France.", {"Japan": "JPN", "France": "FRA"})
        assert coded(doc) == [("JPN", "ACCUSE", "FRA", "111", "asserted")]

    @pytest.mark.parametrize(
        ("text", "kind", "cameo"),
        [
            ("Japan condemned the French strike.", "ACCUSE", "111"),
            ("Japan voiced strong support for the French action.", "SUPPORT", "052"),
            ('Japan called the French decision "reckless".', "ACCUSE", "111"),
            ("Japan expressed solidarity with France.", "SUPPORT", "052"),
        ],
    )
    def test_reactions_to_a_states_act(self, text: str, kind: str, cameo: str) -> None:
        """A reaction to 'the French strike/action/decision' is aimed at France."""
        names = {"Japan": "JPN", "French": "FRA", "France": "FRA"}
        doc = make(text, {name: key for name, key in names.items() if name in text})
        assert coded(doc) == [("JPN", kind, "FRA", cameo, "asserted")]

    def test_a_state_modifying_a_thing_is_no_target_of_a_reaction(self) -> None:
        """'opposed the deployment of a US missile system in Japan': the system's maker is not the target."""
        doc = make(
            "Russia opposed the deployment of a US missile system in Japan.",
            {"Russia": "RUS", "US": "USA"},
            places={"Japan": Location(name="Japan", country="JPN")},
        )
        assert [t for _, kind, t, _, _ in coded(doc) if kind == "REJECT"] == ["JPN"]

    def test_missiles_fired_at_a_target_are_an_attack(self) -> None:
        """'fired missiles at X' is an attack (195); missiles fired into the sea are a show of force."""
        doc = make("Russia fired 59 cruise missiles at France.", {"Russia": "RUS", "France": "FRA"})
        assert coded(doc) == [("RUS", "ASSAULT", "FRA", "195", "asserted")]

    def test_a_party_is_not_its_own_target(self) -> None:
        """'Park accused ... the Korean side' is no event: a state's official and its own government are one party."""
        doc = make("Park Jin accused Seoul of errors.", {"Park Jin": "Park", "Seoul": "Seoul"})
        assert coded(doc) == []

    def test_a_state_before_an_article_is_no_modifier(self) -> None:
        """'expressed solidarity with France a day earlier': France is the object, 'a' opens a time."""
        doc = make("Japan expressed solidarity with France a day earlier.", {"Japan": "JPN", "France": "FRA"})
        assert coded(doc) == [("JPN", "SUPPORT", "FRA", "052", "asserted")]

    def test_domestic_events_between_sectors(self) -> None:
        """A coup by the army against the government is coded; a government's request to its citizens is not."""
        army = Actor(country="SDN", sector="MIL", kind="group")
        government = Actor(country="SDN", sector="GOV")
        citizens = Actor(country="SDN", sector="CVL", kind="group")
        text = "The army overthrew the government. The government urged the citizens to stay home."
        doc = make(text, {})
        spans = {"The army": army, "the government": government, "The government": government, "the citizens": citizens}
        mentions = tuple(
            Mention(span=Span(start=text.index(sub), end=text.index(sub) + len(sub)), text=sub, actor=actor)
            for sub, actor in spans.items()
        )
        cut = text.index(".") + 1
        doc = attrs.evolve(
            doc,
            mentions=tuple(sorted(mentions, key=lambda m: m.span.start)),
            sentences=(Span(start=0, end=cut), Span(start=cut + 1, end=len(text))),
        )
        assert [(kind, e_cameo) for _, kind, _, e_cameo, _ in coded(doc)] == [("COERCE", "170")]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Japan sent a high-level delegation to France.", ("JPN", "CONSULT", "FRA", "042", "asserted")),
            ("Japan has been in close contact with France.", ("JPN", "CONSULT", "FRA", "040", "asserted")),
        ],
    )
    def test_delegations_and_contacts(self, text: str, expected: tuple[str, ...]) -> None:
        """Sending a delegation is a visit; being in contact with a state is consultation."""
        assert expected in coded(make(text, {"Japan": "JPN", "France": "FRA"}))

    def test_participle_with_a_direct_object_is_a_verb(self) -> None:
        """'a diplomatic source accused France of ...': a finite verb (its object follows), not a reduced relative."""
        from diplomev.extractors._patterns import PatternSet
        from diplomev.extractors.events import _Sentence

        doc = make("A diplomatic source accused France of lying.", {"France": "FRA"})
        sent = _Sentence(doc, doc.sentences[0], PatternSet.default())
        assert [m.pattern.id for m in sent.matches] == ["accuse.accuse"]

    def test_summoned_to_the_ministry(self) -> None:
        """'X's ambassador was summoned to the (Russian) foreign ministry': the ministry's state summons."""
        doc = make(
            "The Japanese ambassador was summoned to the Russian foreign ministry.",
            {"Japanese ambassador": "Tokyo", "Russian foreign ministry": "RUS"},
        )
        assert coded(doc) == [("RUS", "ACCUSE", "JPN", "114", "asserted")]

    @pytest.mark.parametrize(
        "text",
        ["Japan scrapped a 2016 deal with France.", "Japan withdrew from the treaty with France."],
    )
    def test_abandoning_an_agreement_is_a_rejection(self, text: str) -> None:
        """Scrapping a deal or withdrawing from a treaty with a state rejects it."""
        assert coded(make(text, {"Japan": "JPN", "France": "FRA"})) == [("JPN", "REJECT", "FRA", "120", "asserted")]

    def test_ing_noun_after_a_name_is_no_verb(self) -> None:
        """'met Y on the sidelines of the G20 meeting on Wednesday': one meeting, dated by Wednesday."""
        text = "Park Jin met Yoshimasa Hayashi at the G20 meeting on Wednesday."
        doc = make(text, {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"}, times={"Wednesday": WED})
        events = EventCoder()(doc).events
        assert {(e.source.key if e.source else None, e.date) for e in events} == {("KOR", WED), ("JPN", WED)}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Japan rejected calls from France for talks.", [("JPN", "REJECT", "FRA", "125", "asserted")]),
            (
                "Japan and France traded accusations.",
                [("FRA", "ACCUSE", "JPN", "112", "asserted"), ("JPN", "ACCUSE", "FRA", "112", "asserted")],
            ),
        ],
    )
    def test_rejected_calls_and_traded_accusations(self, text: str, expected: list[tuple[str, ...]]) -> None:
        """The caller rejected is the target; trading accusations is mutual."""
        assert coded(make(text, {"Japan": "JPN", "France": "FRA"})) == expected

    def test_reporting_clause_is_not_the_source(self) -> None:
        """'..., the United States said' is attribution, not the actor of the reported event."""
        doc = make(
            "Japan imposed sanctions on Russia, the United States said.",
            {"Japan": "JPN", "Russia": "RUS", "the United States": "USA"},
        )
        assert coded(doc) == [("JPN", "SANCTION", "RUS", "163", "asserted")]

    def test_statement_alone_is_no_event(self) -> None:
        """A plain statement is not an event."""
        assert coded(make("Japan said the weather was fine.", {"Japan": "JPN"})) == []


class TestMode:
    @pytest.mark.parametrize(
        ("text", "mode"),
        [
            ("Park Jin will visit Japan.", "planned"),
            ("Park Jin is expected to visit Japan.", "planned"),
            ("Park Jin is scheduled to visit Japan.", "planned"),
            ("Park Jin did not visit Japan.", "negated"),
            ("Park Jin never visited Japan.", "negated"),
            ("Park Jin may visit Japan.", "hypothetical"),
            ("Park Jin is considering whether to visit Japan.", "hypothetical"),
            ("Park Jin visited Japan.", "asserted"),
        ],
    )
    def test_modes(self, text: str, mode: str) -> None:
        """Auxiliaries and cue words set the mode."""
        doc = make(text, {"Park Jin": "Park", "Japan": "JPN"})
        assert [m for *_, m in coded(doc)] == [mode]

    def test_intended_action_is_planned(self) -> None:
        """'agreed to push for X's visit': the agreement is asserted, the visit planned."""
        doc = make(
            "Seoul and Tokyo agreed to push for Park Jin's visit to Japan.",
            {"Seoul": "Seoul", "Tokyo": "Tokyo", "Park Jin": "Park", "Japan": "JPN"},
        )
        got = coded(doc)
        assert ("KOR", "AGREE", "JPN", "036", "asserted") in got
        assert ("KOR", "CONSULT", "JPN", "042", "planned") in got


class TestDateAndPlace:
    def test_time_in_clause_dates_the_event(self) -> None:
        """The time expression next to the trigger is the event's date."""
        doc = make(
            "Park Jin held talks with Yoshimasa Hayashi on Wednesday in Tokyo.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
            times={"Wednesday": WED},
            places={"Tokyo": Location(name="Tokyo", country="JPN")},
        )
        events = EventCoder()(doc).events
        assert {e.date for e in events} == {WED}
        assert {e.location.name for e in events if e.location} == {"Tokyo"}
        assert {e.date_method for e in events} == {"clause"}

    def test_speech_time_does_not_date_the_event(self) -> None:
        """'..., Tokyo said Thursday' dates the statement, not the reported event."""
        doc = make(
            "Japan imposed sanctions on Russia, Tokyo said Thursday.",
            {"Japan": "JPN", "Russia": "RUS", "Tokyo": "Tokyo"},
            times={"Thursday": TimeSpan.day(REF)},
        )
        assert [e.date for e in EventCoder()(doc).events] == [None]

    def test_no_time_means_no_date(self) -> None:
        """Without a time expression the date stays empty, never the publication date."""
        doc = make("Japan imposed sanctions on Russia.", {"Japan": "JPN", "Russia": "RUS"})
        assert [e.date for e in EventCoder()(doc).events] == [None]

    def test_since_gives_an_open_range(self) -> None:
        """'Since June 2017' runs from then to the reference date."""
        june = TimeSpan(start=dt.date(2017, 6, 1), end=dt.date(2017, 6, 30), granularity="month")
        doc = make(
            "Since June 2017, China has restricted tourism to South Korea.",
            {"China": "CHN", "South Korea": "KOR"},
            times={"June 2017": june},
        )
        [event] = EventCoder()(doc).events
        assert (event.date.start, event.date.end, event.date.granularity.value) == (dt.date(2017, 6, 1), REF, "range")

    def test_meeting_in_third_country_is_044(self) -> None:
        """A meeting held in neither party's country is coded 044."""
        doc = make(
            "Park Jin met Yoshimasa Hayashi in Jakarta.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
            places={"Jakarta": Location(name="Jakarta", country="IDN")},
        )
        assert {e.cameo for e in EventCoder()(doc).events} == {"044"}


class TestMerge:
    def test_same_happening_twice_is_one_event_with_both_evidence(self) -> None:
        """Two sentences reporting the same sanctions give one event with two evidence spans."""
        text = "Japan imposed sanctions on Russia. Japan imposed sanctions on Russia again."
        doc = make(text, {})
        s1 = Span(start=0, end=text.index(".") + 1)
        s2 = Span(start=s1.end + 1, end=len(text))
        ms = []
        for sent in (s1, s2):
            for sub, key in (("Japan", "JPN"), ("Russia", "RUS")):
                start = text.index(sub, sent.start)
                ms.append(Mention(span=Span(start=start, end=start + len(sub)), text=sub, actor=A[key]))
        doc = Document(article=doc.article, sentences=(s1, s2), mentions=tuple(ms))
        [event] = EventCoder()(doc).events
        assert len(event.extra_evidence) == 1
        assert event.extra_evidence[0].text == s2.slice(text)


@given(st.text(max_size=300))
def test_never_raises_and_evidence_slices_the_text(text: str) -> None:
    """On arbitrary text with arbitrary mentions the coder never raises; evidence spans slice the text."""
    words = [i for i in range(len(text)) if text[i : i + 1].isalpha()][:5]
    ms = tuple(
        Mention(span=Span(start=i, end=i + 1), text=text[i], actor=A["KOR" if n % 2 else "JPN"])
        for n, i in enumerate(words)
    )
    doc = Document(article=Article(id="h", text=text), sentences=(Span(start=0, end=len(text)),), mentions=ms)
    for e in EventCoder()(doc).events:
        assert e.evidence is not None
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


class TestPartial:
    def test_events_without_a_target_are_dropped_unless_asked_for(self) -> None:
        """An accusation with no identifiable target is kept only with keep_partial=True."""
        doc = make("Japan strongly condemned the decision.", {"Japan": "JPN"})
        assert EventCoder()(doc).events == ()
        [event] = EventCoder(keep_partial=True)(doc).events
        assert (event.source.country, event.type.value, event.target) == ("JPN", "ACCUSE", None)

    def test_deployments_keep_no_target(self) -> None:
        """A deployment often has no target and is kept without one."""
        doc = make("Japan deployed warships near the islands.", {"Japan": "JPN"})
        assert [(e.type.value, e.target) for e in EventCoder()(doc).events] == [("MOBILIZE", None)]


class TestEventAnaphora:
    def test_condemning_the_launch_targets_who_launched(self) -> None:
        """'X condemned the launch' targets the actor of the earlier launch, not the condemners' partners."""
        text = "North Korea fired a missile on Monday. Japan and France condemned the launch."
        s1 = Span(start=0, end=text.index(".") + 1)
        s2 = Span(start=s1.end + 1, end=len(text))
        ms = []
        for sub, key in (("North Korea", "KOR"), ("Japan", "JPN"), ("France", "FRA")):
            start = text.index(sub)
            actor = Actor(country="PRK") if sub == "North Korea" else A[key]
            ms.append(Mention(span=Span(start=start, end=start + len(sub)), text=sub, actor=actor))
        doc = Document(article=Article(id="t", text=text), sentences=(s1, s2), mentions=tuple(ms))
        got = sorted(
            (e.source.country, e.type.value, e.target.country if e.target else None) for e in EventCoder()(doc).events
        )
        assert ("JPN", "ACCUSE", "PRK") in got
        assert ("FRA", "ACCUSE", "PRK") in got


class TestBinding:
    """Sources and targets found across relative clauses, adjuncts and own agents."""

    def test_subject_of_a_which_relative_after_a_passive_agent(self) -> None:
        """'... was criticised by X, which rejected Y's charges': X rejects."""
        doc = make(
            "The ruling was criticised by France, which rejected the charges against Russia.",
            {"France": "FRA", "Russia": "RUS"},
        )
        assert ("FRA", "REJECT", "RUS", "120", "asserted") in coded(doc)

    def test_which_after_another_preposition_is_no_subject(self) -> None:
        """'the deal with X, which ...': 'which' may stand for the deal, so X is not taken as its subject."""
        doc = make(
            "Japan signed the deal with France, which rejected Russia.",
            {"Japan": "JPN", "France": "FRA", "Russia": "RUS"},
        )
        assert not any(s == "FRA" and kind == "REJECT" for s, kind, *_ in coded(doc))

    def test_relative_clause_before_an_auxiliary(self) -> None:
        """'X, which ..., has criticised Y': the apposition ends before the auxiliary of the verb."""
        doc = make(
            "Japan, which the new treaty is said to target, has criticised France.",
            {"Japan": "JPN", "France": "FRA"},
        )
        assert coded(doc) == [("JPN", "ACCUSE", "FRA", "111", "asserted")]

    def test_talks_after_a_reporting_verb(self) -> None:
        """'X said after talks with Y': X held the talks."""
        doc = make(
            "Park Jin said after talks with Yoshimasa Hayashi that ties had improved.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
        )
        assert coded(doc) == [
            ("JPN", "CONSULT", "KOR", "040", "asserted"),
            ("KOR", "CONSULT", "JPN", "040", "asserted"),
        ]

    def test_meeting_after_an_announcing_subject(self) -> None:
        """'X announced after a meeting with Y and Z': X met Y and Z."""
        doc = make(
            "Park Jin announced the plan after a meeting with France and Russia.",
            {"Park Jin": "Park", "France": "FRA", "Russia": "RUS"},
        )
        pairs = {(s, t) for s, kind, t, _, _ in coded(doc) if kind == "CONSULT"}
        assert {("KOR", "FRA"), ("KOR", "RUS")} <= pairs

    def test_adjunct_after_a_comma_is_not_bound_to_an_earlier_subject(self) -> None:
        """'X met Y, who arrived ..., after spending days in Z': the comma leaves the adjunct's subject open."""
        doc = make(
            "Park Jin held talks with Yoshimasa Hayashi who arrived on Monday, after talks with France.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi", "France": "FRA"},
        )
        assert not any(s == "KOR" and t == "FRA" for s, _, t, _, _ in coded(doc))

    def test_talks_read_as_a_verb_before_between(self) -> None:
        """'after talks between X and Y': both sides talk, whatever reading 'talks' gets."""
        doc = make(
            "The deal came after talks between Japan and France.",
            {"Japan": "JPN", "France": "FRA"},
        )
        assert ("JPN", "CONSULT", "FRA", "040", "asserted") in coded(doc)
        assert ("FRA", "CONSULT", "JPN", "040", "asserted") in coded(doc)

    def test_talks_in_a_clause_of_their_own_after_a_visit(self) -> None:
        """'fly to X, where he is to hold talks with Y': a planned visit and planned talks, not one purpose."""
        doc = make(
            "Park Jin will fly to Paris, where he is scheduled to hold talks with France.",
            {"Park Jin": "Park", "he": "Park", "France": "FRA"},
            places={"Paris": Location(name="Paris", country="FRA")},
        )
        got = coded(doc)
        assert ("KOR", "CONSULT", "FRA", "040", "planned") in got
        assert ("FRA", "CONSULT", "KOR", "040", "planned") in got

    def test_own_envoy_in_a_place(self) -> None:
        """'X did not recall its ambassador in <capital>': the sanction (negated) targets the host state."""
        text = "France did not recall its ambassador in Moscow."
        doc = make(text, {"France": "FRA"}, places={"Moscow": Location(name="Moscow", country="RUS")})
        envoy = Actor(country="FRA", sector="GOV", role="ambassador")
        start = text.index("ambassador")
        doc = attrs.evolve(
            doc,
            mentions=(*doc.mentions, Mention(span=Span(start=start, end=start + 10), text="ambassador", actor=envoy)),
        )
        assert coded(doc) == [("FRA", "SANCTION", "RUS", "161", "negated")]

    @pytest.mark.parametrize(
        ("text", "kind", "cameo"),
        [
            ("The police detained dozens of protesters on Monday.", "COERCE", "173"),
            ("The security forces killed at least 20 civilians.", "ASSAULT", "180"),
        ],
    )
    def test_state_forces_against_unnamed_people(self, text: str, kind: str, cameo: str) -> None:
        """The state's forces arresting or killing people of no stated nationality act on their own citizens."""
        sub = "The police" if "police" in text else "The security forces"
        doc = make(text, {})
        forces = Actor(country="FRA", sector="COP", kind="group")
        doc = attrs.evolve(doc, mentions=(Mention(span=Span(start=0, end=len(sub)), text=sub, actor=forces),))
        got = [(s, k, t) for s, k, t, _, _ in coded(doc)]
        assert got == [("FRA", kind, "FRA")]

    def test_a_state_named_alone_killing_people_is_not_domestic(self) -> None:
        """'France killed 20 people' names no force: the people may be anywhere, so no target is guessed."""
        assert coded(make("France killed 20 people.", {"France": "FRA"})) == []

    def test_a_state_freeing_prisoners(self) -> None:
        """'X freed five political prisoners': a concession to its own citizens."""
        got = coded(make("France freed five political prisoners on Monday.", {"France": "FRA"}))
        assert [(s, k, t) for s, k, t, _, _ in got] == [("FRA", "CONCEDE", "FRA")]

    def test_new_clause_after_comma_and_is_no_object(self) -> None:
        """'X met Y, and Z and W issued ...': Z and W start a clause of their own and are not met."""
        doc = make(
            "Park Jin met Yoshimasa Hayashi, and France and Russia issued a statement.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi", "France": "FRA", "Russia": "RUS"},
        )
        assert {(s, t) for s, kind, t, _, _ in coded(doc) if kind == "CONSULT"} == {("KOR", "JPN"), ("JPN", "KOR")}

    def test_oxford_comma_list_is_kept(self) -> None:
        """'X met Y, Z, and W in ...': a list with a comma before 'and' is one object."""
        doc = make(
            "Park Jin met Yoshimasa Hayashi, France, and Russia in Paris.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi", "France": "FRA", "Russia": "RUS"},
        )
        assert {t for s, kind, t, _, _ in coded(doc) if kind == "CONSULT" and s == "KOR"} == {"JPN", "FRA", "RUS"}

    def test_government_and_opposition_of_one_state(self) -> None:
        """ "X's government and the opposition signed an agreement": a deal between two sides of one state."""
        text = "China's government and the opposition signed an agreement."
        doc = make(text, {"China": "CHN"})
        opposition = Actor(country="CHN", sector="OPP", kind="group")
        start = text.index("opposition")
        doc = attrs.evolve(
            doc,
            mentions=(
                *doc.mentions,
                Mention(span=Span(start=start, end=start + 10), text="opposition", actor=opposition),
            ),
        )
        got = [(e.source.sector, e.type.value, e.target.sector if e.target else None) for e in EventCoder()(doc).events]
        assert sorted(got, key=str) == sorted([(None, "AGREE", "OPP"), ("OPP", "AGREE", None)], key=str)

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("Japan and France accused each other of lying.", "ACCUSE"),
            ("The two countries fought a war over the islands.", "ASSAULT"),
        ],
    )
    def test_reciprocal_actions(self, text: str, kind: str) -> None:
        """'X and Y accused each other', 'the two countries fought': each side acts on the other."""
        if "two countries" in text:
            doc = make(text, {})
            sub = "The two countries"
            doc = attrs.evolve(
                doc,
                mentions=tuple(
                    Mention(span=Span(start=0, end=len(sub)), text=sub, actor=A[key]) for key in ("JPN", "FRA")
                ),
            )
        else:
            doc = make(text, {"Japan": "JPN", "France": "FRA"})
        assert {(s, t) for s, k, t, _, _ in coded(doc) if k == kind} == {("JPN", "FRA"), ("FRA", "JPN")}

    def test_two_sides_killing_people_is_not_reciprocal(self) -> None:
        """'the two countries killed 40 people': the people are the object, the sides do not attack each other."""
        text = "The two countries killed 40 people."
        sub = "The two countries"
        doc = attrs.evolve(
            make(text, {}),
            mentions=tuple(Mention(span=Span(start=0, end=len(sub)), text=sub, actor=A[key]) for key in ("JPN", "FRA")),
        )
        assert coded(doc) == []

    def test_adjunct_with_an_adjective(self) -> None:
        """'X took the town after heavy fighting with Y': X fought Y."""
        doc = make(
            "The rebels took the town after heavy fighting with Russia.", {"The rebels": "rebels", "Russia": "RUS"}
        )
        assert ("SDN", "ASSAULT", "RUS") in {(s, k, t) for s, k, t, _, _ in coded(doc)}
