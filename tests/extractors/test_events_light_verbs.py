"""Meetings told with a light verb and a noun: "held a telephone call with", "had a lengthy conversation with".

Whole-pipeline checks on invented sentences: the noun may carry modifiers between
the verb and itself, and "had"/"has" are matched as forms of "have" without
becoming past-tense main verbs elsewhere.
"""

from __future__ import annotations

import pytest

import diplomev


def pairs(text: str) -> set[tuple[str | None, str, str | None]]:
    events = diplomev.extract(text, published="2023-04-27")
    return {(e.source.country, e.type.value, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Indian Prime Minister Narendra Modi held a telephone call with Russian President Vladimir Putin on Friday.",
        "Indian Prime Minister Narendra Modi had a lengthy phone conversation with Russian President Vladimir Putin.",
        "Indian Prime Minister Narendra Modi held an hour-long video call with Russian President Vladimir Putin.",
        "India conducted indirect talks with Russia in Geneva on Monday.",
    ],
)
def test_light_verb_and_meeting_noun_is_contact_both_ways(text: str) -> None:
    assert {("IND", "CONSULT", "RUS"), ("RUS", "CONSULT", "IND")} <= pairs(text)


@pytest.mark.parametrize(
    "text",
    ["India held a news conference in Delhi on Monday.", "India has agreed to buy Russian oil."],
)
def test_other_nouns_after_a_light_verb_are_no_meeting(text: str) -> None:
    assert not any(kind == "CONSULT" for _, kind, _ in pairs(text))
