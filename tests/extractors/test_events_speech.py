"""The event coder on communication, consultation and reported speech.

Invented sentences with hand-made mentions (see ``make`` in test_events), so the
coder is tested on its own: contact stated by telling a counterpart, meetings named
as the occasion of a statement, accusations phrased as descriptions and requests
phrased as what another party should or must do.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplomev import Location, TimeSpan
from diplomev.extractors.events import EventCoder

from .test_events import REF, WED, coded, make


class TestTellingACounterpart:
    def test_telling_a_counterpart_is_contact_both_ways(self) -> None:
        """'X told his Japanese counterpart Y that ...': the two spoke, a CONSULT each way."""
        doc = make(
            "Park Jin told his Japanese counterpart Yoshimasa Hayashi on Wednesday that the talks would go on.",
            {"Park Jin": "Park", "Japanese counterpart Yoshimasa Hayashi": "Hayashi"},
            times={"Wednesday": WED},
        )
        found = [(s, t, k) for s, k, t, _, _ in coded(doc)]
        assert ("KOR", "JPN", "CONSULT") in found
        assert ("JPN", "KOR", "CONSULT") in found

    def test_telling_reporters_is_no_event(self) -> None:
        """A plain statement to the press is not an event."""
        doc = make("Park Jin told reporters that the weather was fine.", {"Park Jin": "Park"})
        assert coded(doc) == []


class TestOccasionOfAStatement:
    @pytest.mark.parametrize(
        "text",
        [
            "Park Jin said after talks with Yoshimasa Hayashi that the dispute was over.",
            "Park Jin announced after a meeting with Yoshimasa Hayashi that the dispute was over.",
            "At a meeting with Yoshimasa Hayashi, Park Jin said the dispute was over.",
        ],
    )
    def test_meeting_named_as_occasion_is_a_meeting_of_the_speaker(self, text: str) -> None:
        """'X said after talks with Y': X met Y, coded both ways."""
        doc = make(text, {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"})
        consults = [(s, t) for s, k, t, _, _ in coded(doc) if k == "CONSULT"]
        assert sorted(consults) == [("JPN", "KOR"), ("KOR", "JPN")]

    def test_meeting_with_two_parties_is_convened_by_the_speaker(self) -> None:
        """'X said after a meeting with Y and Z': X meets each of them; their side is not coded from X."""
        doc = make(
            "Park Jin said after a meeting with Yoshimasa Hayashi and France that the dispute was over.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi", "France": "FRA"},
        )
        consults = sorted((s, t) for s, k, t, _, _ in coded(doc) if k == "CONSULT")
        assert consults == [("KOR", "FRA"), ("KOR", "JPN")]

    def test_occasion_at_the_start_takes_the_main_subject_and_the_time(self) -> None:
        """'During talks with Y on Wednesday, X said ...': X met Y on Wednesday."""
        doc = make(
            "During talks with Yoshimasa Hayashi on Wednesday, Park Jin said the dispute was over.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
            times={"Wednesday": WED},
        )
        events = [e for e in EventCoder()(doc).events if e.type.value == "CONSULT"]
        assert sorted((e.source.key, e.target.key) for e in events if e.target) == [("JPN", "KOR"), ("KOR", "JPN")]
        assert {e.date for e in events} == {WED}

    def test_talks_that_began_on_a_day_run_to_the_reference_date(self) -> None:
        """'talks between X and Y that began on Monday' span Monday to the reference date."""
        monday = TimeSpan.day(dt.date(2023, 6, 5))
        doc = make(
            "The deal followed talks between Japan and France that began on Monday.",
            {"Japan": "JPN", "France": "FRA"},
            times={"Monday": monday},
        )
        dates = {(e.date.start, e.date.end) for e in EventCoder()(doc).events if e.type.value == "CONSULT" and e.date}
        assert dates == {(dt.date(2023, 6, 5), REF)}


class TestDescribedAccusations:
    @pytest.mark.parametrize(
        ("text", "mentions"),
        [
            (
                "Tokyo said the Russian decision was a reckless step that would hurt the region.",
                {"Tokyo": "Tokyo", "Russian": "RUS"},
            ),
            ("Park Jin said Russia's move was illegal.", {"Park Jin": "Park", "Russia": "RUS"}),
            ("Park Jin told lawmakers that Russia was to blame.", {"Park Jin": "Park", "Russia": "RUS"}),
            ("Park Jin told lawmakers that Russia was culpable.", {"Park Jin": "Park", "Russia": "RUS"}),
        ],
    )
    def test_description_of_an_act_accuses_its_actor(self, text: str, mentions: dict[str, str]) -> None:
        """Calling another party's act reckless or illegal, or the party to blame, accuses that party."""
        found = [(s, k, t) for s, k, t, _, _ in coded(make(text, mentions))]
        assert [k_t for _, *k_t in found] == [["ACCUSE", "RUS"]]

    def test_praise_is_no_accusation(self) -> None:
        """A description without a word of blame is no event."""
        doc = make("Park Jin said the Russian decision was a wise step.", {"Park Jin": "Park", "Russian": "RUS"})
        assert coded(doc) == []

    def test_the_object_after_the_description_is_not_the_target(self) -> None:
        """'said the French move was a violation of Japan's rights': France is accused, not Japan."""
        doc = make(
            "Tokyo said the French move was a violation of Japan's rights.",
            {"Tokyo": "Tokyo", "French": "FRA", "Japan": "JPN"},
        )
        assert [(s, k, t) for s, k, t, _, _ in coded(doc)] == [("JPN", "ACCUSE", "FRA")]


class TestReportedRequests:
    @pytest.mark.parametrize(
        "text",
        [
            "Park Jin said Japan should withdraw the restrictions.",
            "Park Jin said that Japan must stop the drills.",
            "Park Jin said he had told Yoshimasa Hayashi that the raids must stop.",
        ],
    )
    def test_what_another_party_should_do_is_a_request(self, text: str) -> None:
        """'X said Y should ...', 'X told Y that ... must ...': X asks Y."""
        mentions = {"Park Jin": "Park", "Japan": "JPN"} if "Japan" in text else {"Park Jin": "Park", "he": "Park"}
        if "Hayashi" in text:
            mentions["Yoshimasa Hayashi"] = "Hayashi"
        found = [(s, k, t) for s, k, t, _, _ in coded(make(text, mentions))]
        assert found == [("KOR", "REQUEST", "JPN")]

    def test_no_longer_expect_is_a_rejection(self) -> None:
        """'X said Y should no longer expect its support' rejects Y; it asks nothing."""
        doc = make(
            "Park Jin said Japan should no longer expect South Korea's support.",
            {"Park Jin": "Park", "Japan": "JPN", "South Korea": "KOR"},
        )
        assert [(s, k, t) for s, k, t, _, _ in coded(doc)] == [("KOR", "REJECT", "JPN")]

    def test_own_duty_against_another_is_no_request(self) -> None:
        """'X said X must strengthen its defences against Y': X asks nothing of Y."""
        doc = make(
            "Park Jin said South Korea must strengthen its defences against Japan.",
            {"Park Jin": "Park", "South Korea": "KOR", "Japan": "JPN"},
        )
        assert "REQUEST" not in {k for _, k, _, _, _ in coded(doc)}

    def test_own_duty_is_no_request(self) -> None:
        """'X said it must ...' with no other party named is no event."""
        doc = make("Park Jin said the country must prepare for floods.", {"Park Jin": "Park"})
        assert coded(doc) == []


class TestVisitAndTalks:
    def test_talks_with_the_host_on_a_visit_add_the_host_side(self) -> None:
        """'X will fly to <city> to hold talks with Y': the visit, and the host meeting the visitor."""
        doc = make(
            "Park Jin will fly to Osaka to hold talks with Yoshimasa Hayashi.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
            places={"Osaka": Location(name="Osaka", country="JPN")},
        )
        found = {(s, k, t) for s, k, t, _, _ in coded(doc)}
        assert ("KOR", "CONSULT", "JPN") in found
        assert ("JPN", "CONSULT", "KOR") in found

    def test_purpose_of_a_meeting_is_not_a_second_meeting(self) -> None:
        """'X met Y in <city> to discuss ...': one meeting, coded once each way."""
        doc = make(
            "Park Jin met Yoshimasa Hayashi in Osaka to discuss trade.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
            places={"Osaka": Location(name="Osaka", country="JPN")},
        )
        assert len(EventCoder()(doc).events) == 2


class TestObjectionsAndWarnings:
    def test_objecting_to_an_act_accuses_its_actor(self) -> None:
        """'X objected to Y's actions' accuses Y."""
        doc = make(
            "Tokyo objected to Russia's aggressive actions near the islands.", {"Tokyo": "Tokyo", "Russia": "RUS"}
        )
        assert [(s, k, t) for s, k, t, _, _ in coded(doc)] == [("JPN", "ACCUSE", "RUS")]

    @pytest.mark.parametrize(
        ("text", "target"),
        [
            ("France said Japan would respond.", "FRA"),  # no object: the other party of the text
            ("France said Japan would retaliate against Russia.", "RUS"),
            ("France said Japan would respond in kind to Russia.", "RUS"),
        ],
    )
    def test_saying_one_would_respond_is_a_threat(self, text: str, target: str) -> None:
        """'X would respond (in kind)', 'X would retaliate': a warning, THREATEN."""
        mentions = {k: v for k, v in {"France": "FRA", "Japan": "JPN", "Russia": "RUS"}.items() if k in text}
        found = [(s, k, t) for s, k, t, _, _ in coded(make(text, mentions)) if k == "THREATEN"]
        assert found == [("JPN", "THREATEN", target)]

    def test_responding_to_a_letter_is_no_threat(self) -> None:
        """'would respond to the letter' is an answer, not a warning."""
        doc = make("Japan said it would respond to the letter from Russia.", {"Japan": "JPN", "Russia": "RUS"})
        assert "THREATEN" not in {k for _, k, _, _, _ in coded(doc)}


class TestOpeningOccasion:
    @pytest.mark.parametrize(
        "text",
        [
            "In a phone call with Yoshimasa Hayashi on Wednesday, Park Jin raised the issue.",
            "In talks with Yoshimasa Hayashi on Wednesday, Park Jin raised the issue.",
        ],
    )
    def test_opening_in_a_call_with_is_a_meeting_of_the_subject(self, text: str) -> None:
        """'In a phone call with Y, X ...' at the start of a sentence: X spoke with Y."""
        doc = make(text, {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"}, times={"Wednesday": WED})
        events = [e for e in EventCoder()(doc).events if e.type.value == "CONSULT"]
        assert sorted((e.source.key, e.target.key) for e in events if e.target) == [("JPN", "KOR"), ("KOR", "JPN")]
        assert {e.date for e in events} == {WED}

    def test_in_inside_a_sentence_is_no_occasion(self) -> None:
        """'X is interested in a meeting with Y' reports no meeting."""
        doc = make(
            "Park Jin is interested in a meeting with Yoshimasa Hayashi.",
            {"Park Jin": "Park", "Yoshimasa Hayashi": "Hayashi"},
        )
        assert coded(doc) == []
