"""The event coder: who did what to whom, when, where and how surely.

The coder works sentence by sentence without a syntactic parser:

1. triggers are found with the pattern trie (`diplomev.extractors._patterns`);
2. the source is the nearest actor mention to the left of a verb trigger in
   the same clause (with "X and Y" compounds), or the agent after "by" in the
   passive; for a noun trigger it is the possessor ("China's sanctions"), the
   nationality adjective, "X-Y talks" or "talks between X and Y";
3. the target is the first actor mention after the trigger that the pattern's
   prepositions allow;
4. mutual actions ("met", "agreed") are coded in both directions;
5. the mode comes from the words around the trigger (will, may, not...),
   the date from the time expression nearest to the trigger in its clause,
   else from an earlier dated meeting of the same participants, and the
   location likewise; each choice is recorded in ``date_method`` and
   ``location_method``;
6. mentions of the same happening in one article are merged into one event
   that keeps every evidence span.

Speakers of reporting clauses ("..., the ministry said") are recorded as the
event's ``attribution``, never as its source.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import attrs

from diplomev import taxonomy
from diplomev.extractors._patterns import (
    IRREGULAR_PAST,
    Match,
    Pattern,
    PatternSet,
    Token,
    inflections,
    token_columns,
)
from diplomev.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Granularity,
    Location,
    Mention,
    Mode,
    Region,
    Span,
    TimeExpression,
    TimeKind,
    TimeSpan,
)
from diplomev.registry import registries

__all__ = ["EventCoder"]

_BOUNDARY_WORDS = frozenset(
    {
        "but",
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "after",
        "before",
        "when",
        "if",
        "since",
        "until",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "noted",
        "stated",
        "according",
        "which",
        "whereby",
        "so",
        "amid",
        "as",
    },
)
_BOUNDARY_PUNCT = frozenset({";", ":", "—", "–", '"', "“", "”"})
_PEOPLE = frozenset(
    {
        "hostages",
        "targets",
        "entities",
        "individuals",
        "companies",
        "banks",
        "firms",
        "hostage",
        "prisoners",
        "prisoner",
        "detainees",
        "diplomats",
        "diplomat",
        "nationals",
        "citizens",
        "soldiers",
        "troops",
        "officials",
        "journalists",
        "fishermen",
        "workers",
        "civilians",
        "students",
        "tourists",
        "sailors",
        "spies",
        "envoys",
        "ambassador",
        "envoy",
        "embassy",
        "consulate",
        "mission",
        "vessels",
        "vessel",
        "ships",
        "boats",
        "positions",
        "forces",
        "army",
    },
)
_AGAINST = frozenset({"against", "counter", "countering", "deter", "deterring", "targeting", "at", "on"})
_PREPOSITIONS = frozenset(
    {
        "of",
        "in",
        "with",
        "to",
        "for",
        "from",
        "at",
        "on",
        "against",
        "by",
        "about",
        "over",
        "between",
        "under",
        "toward",
        "towards",
        "into",
        "among",
        "across",
        "near",
        "outside",
        "inside",
        "during",
        "like",
        "than",
        "including",
        "involving",
        "upon",
    },
)
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "'s",
        "such",
        "any",
    },
)
_NOUN_PRECEDERS = _DETERMINERS | frozenset({"of", "continued", "strong", "new", "further"})
_OCCASION = frozenset({"after", "during", "following", "at"})
"""Prepositions naming the occasion of the main clause's act ("said after talks with X", "at a meeting with X")."""
_SPEECH = frozenset({"said", "says", "say", "told", "tells", "added", "noted", "stated", "announced", "according"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "get", "got"})
_PLANNED = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "scheduled",
        "expected",
        "plans",
        "plan",
        "planned",
        "planning",
        "slated",
        "upcoming",
        "forthcoming",
        "intends",
        "intend",
        "aims",
        "set",
        "due",
        "prepare",
        "prepares",
        "preparing",
        "next",
        "future",
        "push",
        "seek",
        "seeks",
        "seeking",
    },
)
_HYPOTHETICAL = frozenset(
    {
        "may",
        "might",
        "could",
        "would",
        "considering",
        "consider",
        "considers",
        "possible",
        "possibility",
        "possibly",
        "if",
        "whether",
        "mulling",
        "weighing",
        "hope",
        "hopes",
        "hoped",
        "hoping",
        "talk",
        "potential",
        "reviewing",
        "unless",
    },
)
_NEGATION = frozenset({"not", "n't", "never", "no", "neither", "nor", "failed", "refused", "declined", "without"})
_POSTPONED = frozenset({"postponed", "cancelled", "canceled", "called", "scrapped", "delayed", "shelved"})
_FINITE_BEFORE = frozenset(
    {
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "been",
        "be",
        "and",
        "or",
        "then",
        "also",
        "who",
        "which",
        "that",
        "it",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "not",
        "never",
        "jointly",
        "later",
        "again",
        "reportedly",
        "both",
        "all",
        "first",
        "once",
        "since",
        "recently",
        "previously",
        "already",
        "just",
        "finally",
        "unilaterally",
        "formally",
        "officially",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "to",
        "did",
        "does",
        "do",
    },
)
_PLURAL_HEADS = frozenset(
    {
        "diplomats",
        "leaders",
        "ministers",
        "officials",
        "representatives",
        "envoys",
        "delegations",
        "governments",
        "heads",
        "members",
        "presidents",
        "chiefs",
        "dozens",
        "hundreds",
        "thousands",
        "tens",
        "millions",
        "scores",
    },
)
_NAMING = ("known as", "dubbed", "named", "codenamed")
"""Words before a name given to a thing ("known as X"): X is no member of an actor list next to it."""
_CAUSATIVE = inflections("help")
"""Verbs whose object a bare infinitive follows ("help X build"): the state there is no modifier."""
_NEW_SUBJECT = frozenset({"the", "it", "he", "she", "they", "we", "i", "this", "these", "those"})
_LOOSE_PREPS = frozenset({None, "of", "in", "to", "against", "on", "over", "toward", "towards", "at"})
_LOCATIVE = frozenset({"in", "at", "on", "near", "inside", "outside"})
_MEET_CODES = frozenset({"040", "044"})
_MAX_ATTACH = 16
"""How many tokens a place may be from its trigger."""
_MAX_ATTACH_PLANNED = 30
"""The same for planned events, whose setting is often given in a clause of its own."""
_SETTING = frozenset({"held", "hosted", "convened", "staged", "organised", "organized"})
_CONVENING = frozenset(
    {"hold", "holds", "held", "holding", "chair", "chairs", "chaired", "chairing", "co-chair", "co-chairs",
     "co-chaired", "co-chairing", "convene", "convenes", "convened", "convening", "have", "has", "had", "having",
     "attend", "attends", "attended", "attending", "conclude", "concludes", "concluded", "concluding"}
)  # fmt: skip
"""Light verbs whose subject takes part in the meeting that is their object ("held their first summit")."""
_STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "AGREE"})
_PLACE_TARGET_TYPES = frozenset({"REJECT", "ACCUSE", "SANCTION", "THREATEN", "ASSAULT", "COERCE", "PROTEST", "RETREAT"})
"""Types whose object may be a country named as a place ("opposed the deployment in South Korea")."""
_COUNTERPART_TYPES = frozenset({"REJECT", "ACCUSE", "REQUEST", "SANCTION", "THREATEN", "AGREE"})
# unions used in hot loops, built once
_NOT_BEFORE_PARTICIPLE = _FINITE_BEFORE | _DETERMINERS | _PREPOSITIONS
_NOT_IN_NOUN_SOURCE = _PREPOSITIONS | _BOUNDARY_WORDS | _DETERMINERS - {"'s"} | {"and"}
_VISIT_PLACE_BEFORE = _LOCATIVE | {"to", "'s"}
_CLAUSE_WORDS = _BOUNDARY_WORDS - {"after", "before"}


@attrs.frozen
class _Group:
    """One or more mentions sharing a span ("both sides" resolves to two actors)."""

    span: Span
    actors: tuple[Actor, ...]
    first: int
    last: int


@attrs.frozen
class _Found:
    pattern: Pattern
    match: Match
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    mode: Mode
    sentence: Span
    trigger: Span


def _groups(mentions: Sequence[Mention], starts: Sequence[int], ends: Sequence[int]) -> list[_Group]:
    """The mention groups of a sentence whose tokens start and end at *starts* and *ends*."""
    by_span: dict[tuple[int, int], tuple[Span, list[Actor]]] = {}
    for m in mentions:
        span = m.span
        entry = by_span.get((span.start, span.end))
        if entry is None:
            by_span[span.start, span.end] = (span, [m.actor])
        elif m.actor not in entry[1]:
            entry[1].append(m.actor)
    groups = []
    for (start, end), (span, actors) in sorted(by_span.items()):
        first = bisect.bisect_right(ends, start)  # the first token ending after the mention starts
        last = bisect.bisect_left(starts, end)  # the first token starting at or after its end
        if first < last:
            groups.append(_Group(span, tuple(actors), first, last))
    if len(groups) < 2:
        return groups
    # drop groups nested in a longer one
    kept: list[_Group] = []
    for g in sorted(groups, key=lambda g: (g.first, -(g.last - g.first))):
        if kept and g.first < kept[-1].last:
            continue
        kept.append(g)
    return kept


def _open_paren(gap: Sequence[Token]) -> bool:
    """Whether a gap holds an unclosed or long parenthesis (a short "(ECOWAS)" is fine)."""
    depth = inside = 0
    for t in gap:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth:
            inside += 1
    return depth != 0 or inside > 3


def _is_boundary(tok: Token) -> bool:
    return tok.lower in _BOUNDARY_WORDS or tok.text in _BOUNDARY_PUNCT


_TIME_WORDS = frozenset(
    {
        "next", "last", "this", "overnight", "yesterday", "today", "tonight", "tomorrow", "soon", "earlier",
        "early", "late", "once", "twice", "ahead", "until", "till", "since", "before", "after", "during",
    }
)  # fmt: skip
"""Words that open a time after a state's name ("visit Japan next week"): the state modifies no noun."""


def _past_tense(word: str) -> bool:
    """Whether *word* reads as a simple-past verb ("began", "annexed"), not a noun a state name could modify."""
    return word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and word.isalpha())


_NOT_NOUN = (
    _BOUNDARY_WORDS
    | _PREPOSITIONS
    | frozenset(
        {
            "and",
            "or",
            "have",
            "has",
            "had",
            "is",
            "are",
            "was",
            "were",
            "will",
            "would",
            "also",
            "who",
            "that",
            "did",
            "does",
            "do",
            "can",
            "could",
            "may",
            "might",
            "must",
            "should",
            "strongly",
            "then",
            "later",
            "again",
            "jointly",
            "both",
            "reportedly",
            "formally",
            "officially",
            "unofficially",
            "recently",
            "already",
            "yet",
            "still",
            "not",
            "never",
            "together",
            "alone",
            "instead",
        },
    )
)
"""Words after a state mention that make it the subject, not a modifier (built once: the step is hot)."""

_CALL_MODIFIERS = _DETERMINERS | {"brief", "lengthy", "long"}
"""Words between "in"/"during" and a call noun ("in a brief telephone call")."""
_NOT_VERB_BEFORE_CALL = _NOT_NOUN - _SPEECH
"""Words that are no verb governing the person told ("told Y in a call"), reporting verbs aside."""
_NOT_MODIFIED_BY_YEAR = _PREPOSITIONS | _BOUNDARY_WORDS | {"and", "or"}
"""Words after a year that show it modifies no noun ("in 2015 and", "the 2015 of")."""


def _is_modifier(group: _Group, tokens: Sequence[Token]) -> bool:
    """Whether a state mention only modifies a noun ("US missile system", "North Korea's nuclear issue")."""
    if group.last >= len(tokens) or any(a.kind is not ActorKind.STATE or a.sector for a in group.actors):
        return False
    nxt = tokens[group.last]
    if nxt.lower == "'s":
        return True
    if _past_tense(nxt.lower) or nxt.lower in _TIME_WORDS or nxt.lower in _DETERMINERS:
        return False  # "Japan began sharing ...", "visit Japan next week": a verb or a time follows, no noun
    adverb = nxt.lower.endswith("ly") and nxt.lower not in _NOUNS_IN_LY  # "Russia immediately withdraw"
    return nxt.text[:1].islower() and nxt.lower.isalpha() and nxt.lower not in _NOT_NOUN and not adverb


_NOUNS_IN_LY = frozenset({"ally", "rally", "assembly", "family", "supply", "monopoly", "anomaly", "reply", "italy"})
"""Nouns ending in -ly, which a state may modify; other -ly words after a state are adverbs."""


_VERBISH = frozenset(
    {"says", "agrees", "urges", "plans", "wants", "seeks", "hopes", "opposes", "rejects", "met", "held"}
)


def _and_the(between: Sequence[str]) -> bool:
    """Whether words between two mentions join them: "and the paramilitary", ", and its"."""
    words = list(between[1:] if between[:1] == [","] else between)
    if words[:1] != ["and"] or not 2 <= len(words) <= 3:
        return False
    rest = words[1:]
    return rest[0] in {"the", "its", "their"} and all(w.isalpha() and not w.endswith("ed") for w in rest)


def _compound(groups: Sequence[_Group], idx: int, tokens: Sequence[Token], direction: int) -> list[_Group]:
    """Extend groups[idx] with coordinated neighbours ("X and Y", "X, Y and Z") in *direction*.

    A comma joins two members only in a list that an "and" closes ("X, Y and Z").
    """
    chain: list[tuple[str, _Group]] = []
    j = idx
    while 0 <= j + direction < len(groups):
        a, b = (groups[j + direction], groups[j]) if direction < 0 else (groups[j], groups[j + direction])
        between = [t.lower for t in tokens[a.last : b.first]]
        if between[:1] == ["'s"] and len(between) > 2 and between[1].isalpha() and between[1] in _BODIES:
            between = between[2:]  # "X's government and the opposition": the body stands for X
        if " ".join(t.lower for t in tokens[max(0, a.first - 2) : a.first]).endswith(_NAMING):
            break  # "the pact, known as X, the United States and ...": X names a thing, no list member
        if between == [","]:
            chain.append((",", groups[j + direction]))
        elif between in (["and"], [",", "and"], ["&"], ["-"]) or _and_the(between):
            chain.append(("and", groups[j + direction]))
        else:
            break
        j += direction
    if direction > 0:
        # going right, commas count only before a later "and"
        last_and = max((i for i, (link, _) in enumerate(chain) if link == "and"), default=-1)
        chain = chain[: last_and + 1]
        if chain and _verb_after(tokens, chain[-1][1].last):
            # "met X, and the U.S. and Y issued ...": the members after ", and" are the subject of a new clause
            cut = next((i for i, (_, g) in enumerate(chain) if _comma_and_before(tokens, g)), None)
            if cut is not None:
                chain = chain[:cut]
    elif not any(link == "and" for link, _ in chain):
        # going left, the "and" is next to the head: commas alone make no list
        chain = []
    else:
        first_comma_after_and = next(
            (i for i, (link, _) in enumerate(chain) if link == "," and not any(x == "and" for x, _ in chain[:i])),
            None,
        )
        if first_comma_after_and is not None:
            chain = chain[:first_comma_after_and]
    return [groups[idx]] + [g for _, g in chain]


_BODIES = frozenset({"government", "administration", "forces", "army", "military", "delegation", "side"})
"""Bodies after a possessor that stand for it in a list ("X's government and Y")."""


def _comma_and_before(tokens: Sequence[Token], g: _Group) -> bool:
    """Whether ", and" comes right before the group (possibly with an article)."""
    k = g.first
    if k > 0 and tokens[k - 1].lower in _ARTICLES:
        k -= 1
    return k >= 2 and tokens[k - 1].lower == "and" and tokens[k - 2].lower == ","


def _verb_after(tokens: Sequence[Token], k: int) -> bool:
    """Whether the word at *k* reads as the finite verb of a clause ("issued", "will", "has")."""
    if k >= len(tokens):
        return False
    word = tokens[k].lower
    return word in _BE or word in _MODALS or (word not in _DETERMINERS and _past_tense(word))


def _actors(groups: Iterable[_Group]) -> tuple[Actor, ...]:
    seen: list[Actor] = []
    for g in groups:
        for a in g.actors:
            if a not in seen:
                seen.append(a)
    return tuple(seen)


class _HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


_S = TypeVar("_S", bound=_HasSpan)


class _ByStart(Generic[_S]):
    """Items with spans, sorted by start once, so that those of a sentence are found in logarithmic time.

    Looking up each sentence's mentions, times and places in the whole
    document's lists made the step quadratic in the length of the article.
    """

    def __init__(self, items: Sequence[_S]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].span.start)
        self.starts = [items[i].span.start for i in self.order]

    def starting(self, lo: int, hi: int) -> list[_S]:
        """The items starting in ``[lo, hi)``, in their original order."""
        first, last = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        if first == last:
            return []
        found = sorted(self.order[first:last])
        return [self.items[i] for i in found]

    def within(self, span: Span) -> list[_S]:
        """The items whose span lies inside *span*, in their original order."""
        return [item for item in self.starting(span.start, span.end + 1) if span.contains(item.span)]


class _Index:
    """The mentions, times and places of a document, by position."""

    def __init__(self, doc: Document) -> None:
        self.mentions = _ByStart(doc.mentions)
        self.times = _ByStart(doc.times)
        self.places = _ByStart(doc.places)


class _Sentence:
    """A sentence with its tokens, mention groups and triggers, and the times and places inside it.

    A sentence without mentions gets no triggers: an event needs a source.
    """

    def __init__(self, doc: Document, span: Span, patterns: PatternSet, index: _Index | None = None) -> None:
        index = index or _Index(doc)
        self.span = span
        self.tokens, self.lowers, self.starts, self.ends = token_columns(span.slice(doc.text), span.start)
        self.times = index.times.within(span)
        self.places = index.places.within(span)
        inside = index.mentions.within(span)
        self.groups = _groups(inside, self.starts, self.ends)
        self._group_lasts = [g.last for g in self.groups]
        self.in_group = [-1] * len(self.tokens)
        for gi, g in enumerate(self.groups):
            self.in_group[g.first : g.last] = [gi] * (g.last - g.first)
        found = patterns.find_words(self.lowers) if self.groups else []
        self.matches = [m for m in (self._reading(m) for m in found) if m is not None]
        self._match_starts = {m.first for m in self.matches}
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The lower-cased words of the sentence (built on first use)."""
        if self._words is None:
            self._words = frozenset(self.lowers)
        return self._words

    def is_modifier(self, g: _Group) -> bool:
        """Whether a state mention only modifies a following noun; a trigger after it is its verb."""
        return g.last not in self._match_starts and _is_modifier(g, self.tokens)

    def _reduced_relative(self, match: Match) -> bool:
        """Whether a participle modifies the noun before it ("a system installed in ...")."""
        k = match.verb_index
        if k <= 0 or not self.tokens[k].lower.endswith("ed") or self.in_group[k - 1] >= 0:
            return False
        j = k - 1
        while j > 0 and self.tokens[j].lower.endswith("ly") and self.in_group[j - 1] < 0:
            j -= 1  # "the wrongfully detained nationals": skip the adverb
        prev = self.tokens[j].lower
        if not self.tokens[j].text[:1].islower():
            return False  # "China and Honduras on Sunday established ...": a name or a time before the verb
        after = k + 1
        direct = after < len(self.tokens) and (self.in_group[after] >= 0 or self.tokens[after].lower in _ARTICLES)
        if direct and j == k - 1:
            return False  # "a diplomatic source accused Britain ...": a direct object follows, so a finite verb
        return prev.isalpha() and not prev.endswith("ly") and prev not in _NOT_BEFORE_PARTICIPLE

    def _reading(self, match: Match) -> Match | None:
        """Choose the verb or noun reading of a trigger, trying shorter readings when the longest fails."""
        chosen = self._check(match)
        if chosen is not None:
            return chosen
        for last, p, v in match.alternatives:  # built only when the longest reading fails
            chosen = self._check(Match(match.first, last, p, v))
            if chosen is not None:
                return chosen
        return None

    def _check(self, match: Match) -> Match | None:
        if self.in_group[match.first] >= 0 or self.in_group[match.last - 1] >= 0:
            return None
        if self._no_act(match):
            return None
        if match.pattern.kind == "verb" and match.verb_index > 0 and self.tokens[match.verb_index].text[:1].isupper():
            return None  # "in early March", "Warns Daily": a name, not a verb
        reduced = match.pattern.kind == "verb" and match.verb_index >= 0 and self._reduced_relative(match)
        if reduced and not self.mediated_by(match):
            return None
        if match.pattern.kind == "verb" and self._after_object_of_preposition(match):
            return None
        if match.pattern.kind == "verb" and self._gerund_after_preposition(match):
            return None
        if match.pattern.kind == "verb" and self._noun_in_ing(match):
            return None
        if match.pattern.kind == "verb" and match.verb_index == match.first:
            prev = self.tokens[match.first - 1].lower if match.first > 0 else ""
            # a verb form after a determiner or at the start of a sentence is a noun ("the deal", "Talks between"),
            # and so is one right after a verb in the past ("hosted talks", "announced sanctions")
            if prev in _NOUN_PRECEDERS or match.first == 0:
                return None
            occasion = prev in _OCCASION or prev == "in"
            if occasion and not self.tokens[match.first].lower.endswith("ing"):
                # "said after talks with X", "in protest at": a noun; "after meeting X" stays a verb
                return None
            if _past_tense(prev) and not self.tokens[match.first].lower.endswith("ing"):
                return None  # "began sharing" is a verb chain; "hosted talks", "accepted offers" are not
        return match

    def _no_act(self, match: Match) -> bool:
        """Whether the trigger's words name no act of its type here.

        "bases that host US troops" (hosting forces or goods is no visit), "was flown to"
        (a passive move is no visit), "simulated
        strikes" (an exercise, no attack), "in retaliation for", "in protest at" (the
        motive of the act the clause reports, not a second act) and "sanctions relief"
        (the opposite of the act).
        """
        toks, first, last = self.tokens, match.first, match.last
        plover = _plover(match.pattern)
        if match.pattern.cameo == "043":
            obj = itertools.takewhile(lambda t: not _is_boundary(t) and t.lower != ",", toks[last : last + 6])
            if any(t.lower in _HOSTED_THINGS for t in obj):
                return True
        if plover == "ASSAULT" and any(t.lower in _MOCK for t in toks[max(0, first - 2) : last]):
            return True
        v = match.verb_index
        if match.pattern.visit and v > 0 and toks[v - 1].lower in _PASSIVE_AUX and not toks[v].lower.endswith("ing"):
            return True  # "was flown to X for treatment": carried there, no visit
        if (
            plover in _MOTIVE_TYPES
            and first > 0
            and toks[first - 1].lower == "in"
            and last < len(toks)
            and toks[last].lower in {"for", "at", "against", "over", "to"}
        ):
            return True
        if plover == "REJECT" and match.pattern.kind == "noun" and last < len(toks):
            nxt = toks[last]
            if nxt.text[:1].isupper() or nxt.lower in _BODY_NOUNS:
                return True  # "the opposition Greens", "opposition lawmakers": a political camp, no rejection
        return last < len(toks) and toks[last].lower in _REVERSALS

    def _after_object_of_preposition(self, match: Match) -> bool:
        """Whether a verb form follows a mention inside a prepositional phrase, so it is no predicate of it.

        "strikes on RSF positions", "food for Filipino troops stationed on ...": the
        mention is the object of "on"/"for", so the word after it is a noun or a
        participle modifying it, not its verb.
        """
        k = match.verb_index if match.verb_index >= 0 else match.first
        if k == 0 or self.in_group[k - 1] < 0:
            return False
        g = self.groups[self.in_group[k - 1]]
        if self._plural_head_of(g):
            return False  # "thousands of X rallied", "leaders of X agreed": X heads the subject
        return g.first > 0 and self.tokens[g.first - 1].lower in _PHRASE_PREPOSITIONS

    def _noun_in_ing(self, match: Match) -> bool:
        """Whether an -ing form right after a name or a figure is a noun ("the G20 meeting", "a NATO meeting")."""
        k = match.verb_index
        if k <= 0 or not self.tokens[k].lower.endswith("ing"):
            return False
        prev = self.tokens[k - 1].text
        return prev[:1].isupper() or any(c.isdigit() for c in prev)

    def _gerund_after_preposition(self, match: Match) -> bool:
        """Whether the trigger is a gerund inside a phrase ("a statement on deepening ties"): a topic, no act."""
        k = match.verb_index
        return (
            k > 0
            and self.tokens[k].lower.endswith("ing")
            and self.tokens[k - 1].lower in {"on", "of", "about", "for", "towards", "toward", "regarding"}
        )

    def _future_in_past(self, k: int) -> bool:
        """Whether "would" at token *k* reports a plan ("announced it would send"), unless a condition follows."""
        if any(t.lower in {"if", "unless"} for t in self.tokens[k:]):
            return False
        return _reported_would(self.tokens, k)

    # ----------------------------------------------------------------- arguments

    def left(self, k: int, *, max_tokens: int = 30) -> list[_Group]:
        """The subject: the nearest mention group left of token *k* in the same clause."""
        appositive = self._apposition_before(k)
        if appositive is not None:
            # "Iran, the other main backer of the Syrian government, condemned ...": skip the apposition
            found = self.left(appositive, max_tokens=max_tokens)
            if found:
                return found
        below = bisect.bisect_right(self._group_lasts, k)  # groups are in text order: those ending by k
        if self._unknown_relative_head(k, below):
            return []
        for gi in range(below - 1, -1, -1):
            g = self.groups[gi]
            gap = self.tokens[g.last : k]
            j = g.first - 1
            while j > 0 and self.tokens[j].lower in _DETERMINERS:
                j -= 1  # "backer of the Syrian government": the preposition before the article
            before = self.tokens[j].lower if j >= 0 else ""
            words = [t.lower for t in gap]
            relative = words in (["who"], [",", "who"]) or (
                # "condemned by X, which rejected ...": X is the subject of the relative verb; after other
                # prepositions "which" may stand for the whole phrase ("the deal with X, which ...")
                words in (["which"], [",", "which"]) and (before not in _PREPOSITIONS or before == "by")
            )
            inner = gap[:-1] if gap and gap[-1].lower == "as" else gap
            if relative:
                inner = []
            if len(gap) > max_tokens or any(_is_boundary(t) for t in inner) or _open_paren(gap):
                return []
            if any(a.lower == "," and b.lower in _NEW_SUBJECT for a, b in itertools.pairwise(gap)):
                return []  # "..., the meeting will ...": a new clause with its own subject
            if before in _PREPOSITIONS and not relative and not self._plural_head_of(g):
                continue  # "talks with X", but "talks with X, who arrived ...": X is the relative's subject
            if self.is_modifier(g) and not self._is_possessor_subject(g, k):
                continue
            members = _compound(self.groups, gi, self.tokens, -1)
            head = min(m.first for m in members)
            if (
                head > 0
                and not relative
                and self.tokens[head - 1].lower in _PREPOSITIONS
                and not self._plural_head_of(
                    min(members, key=lambda m: m.first),
                )
            ):
                if _comma_and_before(self.tokens, g):
                    return [g]  # "aid to X, and Y demanded ...": Y opens a new clause, X stays in the phrase
                continue  # "a warning to Washington and Seoul": the whole list is inside a phrase
            return members
        return []

    def _unknown_relative_head(self, k: int, below: int) -> bool:
        """Whether the trigger at *k* follows "who" whose head noun is no actor ("the officers who seized").

        The subject of a relative verb is the noun the relative pronoun follows; when that noun is not a
        mention (an unnamed group), the verb has no known subject, not the subject of the main clause.
        """
        j = k - 1
        while j >= 0 and self.tokens[j].lower in _RELATIVE_ADVERBS:
            j -= 1
        if j < 1 or self.tokens[j].lower != "who":
            return False
        head = j - 1 if self.tokens[j - 1].lower != "," else j - 2
        if head < 0 or not self.tokens[head].text.isalpha():
            return False
        return not any(self.groups[gi].last == head + 1 for gi in range(max(below - 3, 0), below))

    def adjunct_subject(self, match: Match) -> list[_Group]:
        """For "X said after talks with Y" or "X, after meeting Y, ...": the subject of the clause, X.

        A trigger opening a time adjunct ("after", "before", "following", "during") is done by the
        subject of the clause the adjunct belongs to; a reporting verb right before the adjunct is skipped.
        """
        k = match.first
        while k > 0 and self.tokens[k - 1].lower in _ARTICLES:
            k -= 1
        for _ in range(2):  # "after heavy fighting with ...", "after a brief meeting with ..."
            prev = self.tokens[k - 1] if k > 0 else None
            if prev is None or not (prev.text.isalpha() and prev.text.islower()) or prev.lower in _NOT_NOUN:
                break
            k -= 1
            while k > 0 and self.tokens[k - 1].lower in _ARTICLES:
                k -= 1
        if k == 0 or self.tokens[k - 1].lower not in _ADJUNCT_OPENERS:
            return []
        k -= 1
        if k > 0 and self.tokens[k - 1].lower in _SPEECH:
            k -= 1
        elif k > 0 and self.tokens[k - 1].lower == ",":
            return []  # ", after spending two days in X" may belong to a relative clause before it
        found = self.left(k)
        if found and any(t.lower in _RELATIVES for t in self.tokens[found[0].last : k]):
            return []  # "X met Y, who arrived after ...": the relative's subject, not found here
        return found

    def _apposition_before(self, k: int) -> int | None:
        """The opening comma of ", <apposition>," right before token *k* when a mention precedes it, else None.

        Auxiliaries and adverbs between the closing comma and *k* belong to the verb ("X, which ..., has
        condemned").
        """
        while k > 2 and self.tokens[k - 1].lower in _AUXILIARIES:
            k -= 1
        if k < 2 or self.tokens[k - 1].lower != ",":
            return None
        j = k - 2
        words: list[str] = []
        while j > 0 and k - j <= 15 and self.tokens[j].lower != ",":
            if _is_boundary(self.tokens[j]):
                words.append(self.tokens[j].lower)
            j -= 1
        # a relative clause between commas may hold words that open clauses elsewhere ("is seen as ...")
        relative = self.tokens[j + 1].lower in _RELATIVES and not any(w in _BOUNDARY_PUNCT for w in words)
        if not relative and any(w not in _RELATIVES for w in words):
            return None
        inner = self.in_group[k - 2]
        if inner >= 0 and self.groups[inner].first <= j:
            return None  # "his counterpart, Eduardo Reina,": the commas are inside one mention
        if j > 0 and self.tokens[j].lower == "," and self.in_group[j - 1] >= 0:
            return j
        return None

    def that_subject(self, match: Match) -> list[_Group]:
        """The subject of a "that" clause right after the trigger ("agreed in principle that X should ...")."""
        k = match.last
        while k < len(self.tokens) and k < match.last + 3 and self.tokens[k].lower != "that":
            if _is_boundary(self.tokens[k]) or self.tokens[k].lower == "," or self.in_group[k] >= 0:
                return []
            k += 1
        if k >= len(self.tokens) - 1 or self.tokens[k].lower != "that":
            return []
        k += 1
        if self.tokens[k].lower in _ARTICLES and k + 1 < len(self.tokens):
            k += 1
        gi = self.in_group[k]
        if gi < 0 or self.is_modifier(self.groups[gi]):
            return []
        return _compound(self.groups, gi, self.tokens, 1)

    def participle_after_comma(self, match: Match) -> bool:
        """Whether the trigger is an -ing participle opening a clause (", accusing X of ...")."""
        v = match.verb_index
        return v > 0 and self.tokens[v].lower.endswith("ing") and self.tokens[v - 1].lower == ","

    def main_subject(self, k: int) -> list[_Group]:
        """The subject of the sentence's main clause: its first mention not inside a phrase."""
        for gi, g in enumerate(self.groups):
            if g.first >= k:
                break
            before = self.tokens[g.first - 1].lower if g.first > 0 else ""
            if before in _PREPOSITIONS or self.is_modifier(g):
                continue
            return _compound(self.groups, gi, self.tokens, 1)
        return []

    def coordinated_subject(self, k: int) -> list[_Group]:
        """The subject of a verb coordinated after a reporting verb ("X said ..., and threatened ...")."""
        j = k - 1
        while j >= 0 and self.tokens[j].lower.endswith("ly"):
            j -= 1
        if j < 0 or self.tokens[j].lower != "and":
            return []
        speech = next((i for i in range(j - 1, -1, -1) if self.tokens[i].lower in _SPEECH), None)
        if speech is None:
            return []
        return self.left(speech)

    def _plural_head_of(self, g: _Group) -> bool:
        """Whether "<officials|leaders|heads of state> of (the) X" makes X the acting party."""
        k = g.first - 1
        if k >= 0 and self.tokens[k].lower == "the":
            k -= 1
        if k < 1 or self.tokens[k].lower != "of":
            return False
        head = self.tokens[k - 1].lower
        if head in {"state", "government"} and k >= 3 and self.tokens[k - 2].lower == "of":
            head = self.tokens[k - 3].lower  # "heads of state of X"
        return head in _PLURAL_HEADS

    def _is_possessor_subject(self, g: _Group, k: int) -> bool:
        return g.last < len(self.tokens) and self.tokens[g.last].lower == "'s" and g.last + 1 == k

    def right(
        self, start: int, preps: Sequence[str], *, max_tokens: int = 14, strict: bool = False, owner: bool = False
    ) -> list[_Group]:
        """The target: the first suitable mention group after token *start*.

        With *owner*, a state modifying the object noun is the target ("condemned
        the U.S. strike", "support for the Chinese proposal"): reactions are aimed
        at the owner of what they react to.
        """
        for gi, g in enumerate(self.groups):
            if g.first < start:
                continue
            gap = self.tokens[start : g.first]
            if len(gap) > max_tokens or any(_is_boundary(t) or t.lower == "," for t in gap):
                return []
            possessive = g.last < len(self.tokens) and self.tokens[g.last].lower == "'s"
            if possessive and strict:
                continue  # the owner of the object, not the object ("agreed to push for X's visit")
            opposed = any(t.lower in _AGAINST for t in self.tokens[max(start, g.first - 2) : g.first])
            if (
                self.is_modifier(g)
                and not self._people_modifier(g)
                and not (possessive and ("" in preps or opposed))
                and not (owner and self._owner_of_act(g, gap))
            ):
                continue
            prep = next((t.lower for t in reversed(gap) if t.lower in _PREPOSITIONS), None)
            if prep == "by" or self._speaker_at(g):
                return []
            loose = not strict and "" in preps and prep in _LOOSE_PREPS
            if (prep is None and "" in preps) or prep in preps or loose:
                return _compound(self.groups, gi, self.tokens, 1)
        return []

    def _owner_of_act(self, g: _Group, gap: Sequence[Token]) -> bool:
        """Whether a state opens the object and owns the act it names ("the U.S. strike", "the Chinese proposal")."""
        if len(gap) > 2 or any(t.lower not in _DETERMINERS and t.lower not in _PREPOSITIONS for t in gap):
            return False
        if g.last >= len(self.tokens):
            return False
        head = self.tokens[g.last].lower
        return head in _ACT_NOUNS or bool(_NOUN_TYPES.get(head.removesuffix("s")) or _nominalisation(head))

    def _speaker_at(self, g: _Group) -> bool:
        """Whether the mention is the speaker of a reporting clause (", South Korea's military said")."""
        k = g.last
        while k < len(self.tokens) and k < g.last + 4 and self.tokens[k].lower not in _SPEECH:
            if _is_boundary(self.tokens[k]) or self.tokens[k].lower == ",":
                return False
            k += 1
        return k < len(self.tokens) and self.tokens[k].lower in _SPEECH

    def _people_modifier(self, g: _Group) -> bool:
        """A nationality before people ("Israeli hostages", "two U.S. diplomats") stands for that state."""
        return g.last < len(self.tokens) and self.tokens[g.last].lower in _PEOPLE

    def _is_actor_at(self, k: int) -> bool:
        gi = self.in_group[k]
        return gi >= 0 and not self.is_modifier(self.groups[gi])

    def place_target(self, start: int, *, max_tokens: int = 14) -> Actor | None:
        """A country named as a place in the object ("opposed the deployment ... in South Korea")."""
        for place in self.places:
            if place.location.country is None:
                continue
            idx = _token_index(self, place.span.start)
            gap = self.tokens[start:idx]
            if idx < start or len(gap) > max_tokens or any(_is_boundary(t) for t in gap):
                continue
            if any(
                self.in_group[k] >= 0 and not self.is_modifier(self.groups[self.in_group[k]]) for k in range(start, idx)
            ):
                continue
            return Actor(country=place.location.country, kind=ActorKind.STATE)
        return self._settlement_of(start, max_tokens)

    def domestic_object(self, match: Match) -> bool:
        """Whether the object of the trigger is unnamed people of no stated nationality ("killed 40 people")."""
        k = (match.verb_index if match.verb_index >= 0 else match.first) + 1
        for j in range(k, min(len(self.tokens), match.last + 6)):
            tok = self.tokens[j]
            if self.in_group[j] >= 0 or _is_boundary(tok) or tok.lower in {",", "by", "to", "with"}:
                return False
            if tok.lower in _DOMESTIC_PEOPLE:
                return True
        return False

    def opposed_owners(self, start: int, *, max_tokens: int = 14) -> tuple[Actor, ...]:
        """The states owning what is opposed: "against the Ukrainian and Polish decisions" -> UKR, POL."""
        hi = min(len(self.tokens), start + max_tokens)
        k = next((i for i in range(start, hi) if self.tokens[i].lower in {"against", "over"}), None)
        if k is None or any(_is_boundary(t) for t in self.tokens[start:k]):
            return ()
        k += 1
        while k < hi and self.tokens[k].lower in _DETERMINERS:
            k += 1
        owners: list[Actor] = []
        while k < hi and self.in_group[k] < 0:
            country = _demonym_country(self.tokens[k].text) if self.tokens[k].text[:1].isupper() else None
            if country is None:
                break
            owners.append(Actor(country=country, kind=ActorKind.STATE))
            k += 1
            if k < hi and self.tokens[k].lower in {"and", ","}:
                k += 1
        return tuple(owners) if k < hi and self.tokens[k].text[:1].islower() else ()

    def recipient(self, start: int, *, max_tokens: int = 25) -> tuple[Actor, ...]:
        """Who receives aid further on: "sent teams ... and delivered food to both countries", "... to Nepal"."""
        found: list[tuple[int, tuple[Actor, ...]]] = []
        for gi, g in enumerate(self.groups):
            if g.first >= start and self._after_to(start, g.first) and not self.is_modifier(g):
                found.append((g.first, _actors(_compound(self.groups, gi, self.tokens, 1))))
                break
        for place in self.places:
            k = _token_index(self, place.span.start)
            if k >= start and place.location.country and self._after_to(start, k):
                found.append((k, (Actor(country=place.location.country, kind=ActorKind.STATE),)))
                break
        hi = min(len(self.tokens), start + max_tokens)
        stop = next((k for k in range(start, len(self.tokens)) if self.tokens[k].text in _BOUNDARY_PUNCT), hi)
        stop = next((k for k in range(start, min(stop, hi)) if self.lowers[k] in _SPEECH), min(stop, hi))
        return min(((k, a) for k, a in found if k < stop), default=(0, ()))[1]

    def _after_to(self, start: int, k: int) -> bool:
        j = k - 1
        while j > start and self.lowers[j] in _DETERMINERS:
            j -= 1
        return j >= start and self.lowers[j] == "to"

    def _settlement_of(self, start: int, max_tokens: int) -> Actor | None:
        """The state of "the <nationality> city of <Name>" in the object, for places not in the gazetteer."""
        hi = min(len(self.tokens) - 1, start + max_tokens)
        for k in range(start, hi):
            tok = self.tokens[k]
            if _is_boundary(tok) or (self.in_group[k] >= 0 and not self.is_modifier(self.groups[self.in_group[k]])):
                return None
            if tok.lower in _SETTLEMENTS and k > start and self.tokens[k - 1].text[:1].isupper():
                country = _demonym_country(self.tokens[k - 1].text)
                if country is not None:
                    return Actor(country=country, kind=ActorKind.STATE)
        return None

    def mediated_by(self, match: Match, *, relative: bool = False) -> bool:
        """Whether a mediation verb is a participle with its agent ("talks mediated by X", "were brokered by X").

        With *relative*, only a participle modifying the noun before it ("talks mediated by X").
        """
        k = match.verb_index
        return (
            match.pattern.cameo == _MEDIATE
            and 0 <= k < len(self.tokens) - 1
            and self.tokens[k].lower.endswith("ed")
            and self.tokens[k + 1].lower == "by"
            and (not relative or self._reduced_relative(match))
        )

    def parties_between(self) -> list[_Group]:
        """The parties of "between X and Y" (or "between the two sides") anywhere in the sentence."""
        for k, word in enumerate(self.lowers[:-1]):
            if word != "between":
                continue
            j = k + 1 + (self.lowers[k + 1] in _ARTICLES)
            gi = self.in_group[j] if j < len(self.tokens) else -1
            if gi < 0 or self.groups[gi].first != j:
                continue
            pair = _compound(self.groups, gi, self.tokens, 1)
            if len(_actors(pair)) >= 2:
                return pair
        return []

    def mediators(self, k: int) -> tuple[Actor, ...]:
        """Who mediates, for the noun "mediation" at token *k*.

        "under Saudi and US mediation", "under the mediation of X", "mediation by X",
        "X's mediation": nationality adjectives and mentions before the noun, or the
        mention after "of"/"by".
        """
        if k + 2 < len(self.tokens) and self.lowers[k + 1] in {"of", "by"}:
            j = k + 2 + (self.lowers[k + 2] in _ARTICLES)
            gi = self.in_group[j] if j < len(self.tokens) else -1
            if gi >= 0 and self.groups[gi].first == j:
                return _actors(_compound(self.groups, gi, self.tokens, 1))
        found: list[Actor] = []
        j = k - 1
        while j >= 0 and k - j <= 6:
            tok = self.tokens[j]
            gi = self.in_group[j]
            if gi >= 0:
                found = list(self.groups[gi].actors) + found
                j = self.groups[gi].first - 1
                continue
            country = _demonym_country(tok.text) if tok.text[:1].isupper() else None
            if country is not None:
                found.insert(0, Actor(country=country, kind=ActorKind.STATE))
            elif tok.lower not in {"and", ",", "'s", "joint"} | _ARTICLES:
                break
            j -= 1
        opener = self.lowers[j] if j >= 0 else ""
        possessive = k > 0 and self.lowers[k - 1] == "'s"
        return tuple(dict.fromkeys(found)) if opener in {"under", "through", "with"} or possessive else ()

    def passive_agent(self, match: Match) -> list[_Group] | None:
        """For "B was criticised by A", the groups of A; None when not passive."""
        if match.pattern.kind != "verb" or match.verb_index < 0:
            return None
        if self.mediated_by(match, relative=True):
            k = match.verb_index + 2 + (self.lowers[match.verb_index + 2] in _ARTICLES)
            gi = self.in_group[k] if k < len(self.tokens) else -1
            return _compound(self.groups, gi, self.tokens, 1) if gi >= 0 else []
        before = self.lowers[max(0, match.verb_index - 3) : match.verb_index]
        if not any(w in _BE for w in before):
            return None
        for gi, g in enumerate(self.groups):
            if g.first >= match.last and self.tokens[g.first - 1].lower == "by" and g.first - match.last <= 5:
                return _compound(self.groups, gi, self.tokens, 1)
        if match.pattern.cameo == "114":
            # "the ambassador was summoned to the foreign ministry (in Moscow)": the ministry summons
            for g in self.groups:
                if g.first >= match.last and self.lowers[match.last : g.first] in (["to"], ["to", "the"]):
                    return [g]
        return None

    def noun_source(self, match: Match) -> list[_Group]:
        """The source of a nominal trigger: possessor, nationality adjective or "X-Y" pair."""
        for gi in reversed(range(len(self.groups))):
            g = self.groups[gi]
            if g.last > match.first:
                continue
            gap = self.tokens[g.last : match.first]
            if len(gap) > 4 or any(not t.lower.isalpha() and t.lower not in {"'s", "-"} for t in gap):
                break
            if any(t.lower in _NOT_IN_NOUN_SOURCE for t in gap):
                break
            if any(t.lower.endswith("ed") or t.lower.endswith("ly") for t in gap):
                break
            return _compound(self.groups, gi, self.tokens, -1)
        return []

    def deployer(self, match: Match) -> list[_Group]:
        """Who deploys, for "the deployment of the US system" or "X said the deployment ...": the groups."""
        found: list[_Group] = []
        k = match.last
        if k < len(self.tokens) and self.tokens[k].lower == "of":
            for g in self.groups:
                if k < g.first <= k + 3 and self.is_modifier(g):
                    found.append(g)
                    break
        speech = next((i for i in range(match.first - 1, -1, -1) if self.tokens[i].lower in _SPEECH), None)
        if speech is not None and not any(
            _is_boundary(t) for t in self.tokens[speech + 1 : match.first] if t.lower not in _SPEECH
        ):
            for gi in range(len(self.groups) - 1, -1, -1):
                if self.groups[gi].last <= speech:
                    found += [g for g in _compound(self.groups, gi, self.tokens, -1) if g not in found]
                    break
        return found

    def aimed_at(self, match: Match) -> list[_Group]:
        """What a deployment is aimed at: the group after "aimed at", "against", "to counter"..."""
        for g in self.groups:
            if g.first < match.last or g.first - match.last > 20:
                continue
            before = {t.lower for t in self.tokens[max(match.last, g.first - 4) : g.first]}
            if before & {"aimed", "directed", "targeting", "against", "counter", "countering", "deter", "deterring"}:
                return [g]
        return []

    def condition_subject(self, match: Match) -> list[_Group]:
        """The subject of the condition of a threat ("threatened a response if X provoked ..."): X."""
        for k in range(match.last, min(len(self.tokens) - 1, match.last + 4)):
            if self.tokens[k].lower in {"if", "unless", "should"}:
                j = k + 1
                if self.tokens[j].lower in _ARTICLES and j + 1 < len(self.tokens):
                    j += 1
                gi = self.in_group[j]
                if gi >= 0 and not self.is_modifier(self.groups[gi]):
                    return _compound(self.groups, gi, self.tokens, 1)
                return []
            if self.tokens[k].lower == "," or self.in_group[k] >= 0:
                return []
        return []

    def mobilized_against(self, match: Match) -> Actor | None:
        """The state a deployment or exercise is aimed at: named after "around", "near", "to counter", "deter".

        "drills around X", "troops near X's borders", "an exercise to counter X's
        threats", "to deter Russian aggression": the state named (a mention, a place or a
        nationality adjective) right after the cue, in the same clause.
        """
        toks = self.tokens
        for k in range(match.last, min(len(toks) - 1, match.last + 20)):
            if _is_boundary(toks[k]) and toks[k].lower != "as":
                return None
            if toks[k].lower not in _AIMED_CUES:
                continue
            j = k + 1
            while j < len(toks) and j <= k + 3 and toks[j].lower in _DETERMINERS | {"to"}:
                j += 1
            if j >= len(toks):
                return None
            gi = self.in_group[j]
            if gi >= 0:
                actor = self.groups[gi].actors[0]
                return Actor(country=actor.country, kind=ActorKind.STATE) if actor.country else None
            for place in self.places:
                if _token_index(self, place.span.start) == j and place.location.country:
                    return Actor(country=place.location.country, kind=ActorKind.STATE)
            country = _demonym_country(toks[j].text) if toks[j].text[:1].isupper() else None
            return Actor(country=country, kind=ActorKind.STATE) if country else None
        return None

    def host_person(self, match: Match, country: str) -> Actor | None:
        """The person of the host country the visitor meets later in the sentence ("... for talks with Wang Yi")."""
        for g in self.groups:
            if g.first < match.last:
                continue
            person = next((a for a in g.actors if a.kind is ActorKind.PERSON and a.country == country), None)
            if person is not None and any(t.lower == "with" for t in self.tokens[match.last : g.first]):
                return person
        return None

    def occasion_subject(self, match: Match) -> list[_Group]:
        """Who takes part in a meeting named as the occasion of the main clause: its subject.

        "X said after talks with Y", "X announced after a meeting with Y" and "At a
        meeting with Y, X said ..." all tell that X met Y.
        """
        k = match.first - 1
        opening = _OCCASION | {"in"}  # "In a phone call with Y, X said": only at the start of the sentence
        while (
            k >= 0
            and (self.tokens[k].lower in _DETERMINERS or self.tokens[k].lower.isalpha())
            and (self.tokens[k].lower not in opening)
        ):
            if match.first - k > 4 or self.in_group[k] >= 0:
                return []
            k -= 1
        if k < 0 or self.tokens[k].lower not in opening:
            return []
        if k == 0:
            return self.main_subject(len(self.tokens))
        if self.tokens[k].lower not in _OCCASION:
            return []
        below = bisect.bisect_right(self._group_lasts, k)
        if below == 0:
            return []
        g = self.groups[below - 1]
        gap = self.tokens[g.last : k]
        if len(gap) > 3 or not all(t.lower.isalpha() for t in gap) or self.is_modifier(g):
            return []
        return _compound(self.groups, below - 1, self.tokens, -1)

    def convener(self, match: Match) -> list[_Group]:
        """The subject of a light verb whose object is a meeting noun ("X and Y held their first formal summit").

        The words between the verb and the noun may only be determiners and
        modifiers ("their first formal", "a two-day"); "X co-chaired the meeting
        with Y" makes X the one who meets Y.
        """
        k = match.first - 1
        while k >= 0 and match.first - k <= 4 and self.in_group[k] < 0:
            word = self.lowers[k]
            if word in _CONVENING:
                break
            if word not in _DETERMINERS and not (word.replace("-", "").isalnum() and word not in _NOT_NOUN):
                return []
            k -= 1
        if k < 1 or self.lowers[k] not in _CONVENING or self.in_group[k] >= 0:
            return []
        if self.lowers[k - 1] in _PASSIVE_AUX or self.lowers[k - 1] in _DETERMINERS:
            return []  # "talks were held", "the hosted summit": no subject acts here
        return self.left(k)

    def means_adjunct(self, match: Match) -> bool:
        """Whether the trigger is the means of the clause's verb: "by phone", "over the phone", "on the telephone"."""
        k = match.first
        if k >= 1 and self.lowers[k - 1] == "by":
            return True
        return k >= 2 and self.lowers[k - 1] == "the" and self.lowers[k - 2] in {"over", "on"}

    def partner_before(self, start: int, k: int) -> list[_Group]:
        """The party after "with" between the subject and token *k* ("X spoke with Y by phone"): Y."""
        for gi in range(bisect.bisect_right(self._group_lasts, k) - 1, -1, -1):
            g = self.groups[gi]
            if g.first < start:
                break
            j = g.first - 1 - (self.lowers[g.first - 1] in _ARTICLES)
            if j >= start and self.lowers[j] == "with" and not any(_is_boundary(t) for t in self.tokens[j:k]):
                return _compound(self.groups, gi, self.tokens, 1)
        return []

    def call_object(self, match: Match) -> tuple[list[_Group], list[_Group]]:
        """For "X told Y in a telephone call": X and Y, the subject and object of the verb the call goes with."""
        k = match.first - 1
        while k > 0 and match.first - k <= 3 and self.lowers[k] in _CALL_MODIFIERS:
            k -= 1
        if k < 1 or self.lowers[k] not in {"in", "during", "by"} or self.in_group[k - 1] < 0:
            return [], []
        g = self.groups[self.in_group[k - 1]]
        verb = g.first - 1
        if verb > 0 and self.lowers[verb].rstrip(".") in {"mr", "mrs", "ms", "dr"}:
            verb -= 1  # "told Mr Hollande"
        if verb < 1 or self.in_group[verb] >= 0 or self.is_modifier(g) or not self.tokens[verb].text.isalpha():
            return [], []
        if (
            self.lowers[verb] in _PREPOSITIONS
            or self.lowers[verb] in _DETERMINERS
            or self.lowers[verb] in _NOT_VERB_BEFORE_CALL
        ):
            return [], []
        subject = self.left(verb)
        return (subject, [g]) if subject else ([], [])

    def noun_agent(self, match: Match) -> list[_Group]:
        """For "air strikes by the army on ...": the groups after "by"."""
        k = match.last
        if k < len(self.tokens) and self.tokens[k].lower == "by":
            for gi, g in enumerate(self.groups):
                if g.first in (k + 1, k + 2):
                    return _compound(self.groups, gi, self.tokens, 1)
        return []

    def between(self, match: Match) -> list[_Group]:
        """For "talks (held) between X(, <apposition>,) and Y": the groups of X and Y."""
        k = match.last
        while k < len(self.tokens) and k < match.last + 3 and self.tokens[k].lower in {"held", "conducted", "that"}:
            k += 1
        if k >= len(self.tokens) or self.tokens[k].lower != "between":
            return []
        for gi, g in enumerate(self.groups):
            if g.first in (k + 1, k + 2):
                pair = _compound(self.groups, gi, self.tokens, 1)
                if len(pair) > 1:
                    return pair
                # "between X, a director of ..., and Y": the next group after "and"
                for h in self.groups[gi + 1 :]:
                    gap = self.tokens[g.last : h.first]
                    if len(gap) > 14 or any(_is_boundary(t) for t in gap):
                        break
                    if gap and gap[-1].lower == "and" and not self.is_modifier(h):
                        return [g, h]
                return [g]
        return []

    # ----------------------------------------------------------------- mode

    def mode(self, match: Match, subject_end: int) -> Mode:
        """Asserted, planned, negated or hypothetical, from the words before and after the trigger."""
        lo = max(subject_end, match.first - 6, 0)
        # "on May 6": the month is no modal
        window = [
            w if w != "may" or self.tokens[i].text != "May" else ""
            for i, w in enumerate(self.lowers[lo : match.first], lo)
        ]
        # "X, who were not consulted, denounced ...": words before the last comma belong to another clause
        cut = max((i for i, w in enumerate(window) if w == ","), default=-1) + 1
        lo, window = lo + cut, window[cut:]
        after = self.lowers[match.last : match.last + 4]
        sentence_words = self.words
        if any(w in _NEGATION for w in window) or (
            "expected" in sentence_words and any(w in _POSTPONED for w in sentence_words)
        ):
            return Mode.NEGATED
        if "would" in window and self._future_in_past(lo + window.index("would")):
            return Mode.PLANNED  # "said he would travel ...": reported future, not a condition
        if any(w in _HYPOTHETICAL for w in window) or (
            match.pattern.kind == "noun" and any(w in {"of", "about"} for w in window[-2:]) and "talk" in window
        ):
            return Mode.HYPOTHETICAL
        if any(w in _PLANNED for w in window) or (
            window[-1:] == ["to"] and any(w in {"expected", "scheduled", "set", "slated", "due"} for w in window)
        ):
            return Mode.PLANNED
        if match.pattern.kind == "noun" and any(w in {"slated", "scheduled", "expected", "will"} for w in after):
            return Mode.PLANNED
        return Mode.ASSERTED


def _reported_would(tokens: Sequence[Token], k: int) -> bool:
    """Whether "would" at *k* follows a reporting verb and its subject ("said (that) he would")."""
    j = k - 1
    while j >= 0 and k - j <= 4 and tokens[j].lower not in _SPEECH:
        if _is_boundary(tokens[j]) and tokens[j].lower != "that":
            return False
        j -= 1
    return j >= 0 and k - j <= 4 and tokens[j].lower in _SPEECH


def _is_speech_time(doc: Document, sent: _Sentence, t: TimeExpression) -> bool:
    """Whether a time dates a reporting verb ("the ministry said Thursday")."""
    idx = _token_index(sent, t.span.start)
    if idx == len(sent.tokens):
        return False
    prev = sent.lowers[max(0, idx - 2) : idx]
    return any(w in _SPEECH for w in prev) and doc.text[t.span.start - 1 : t.span.start] != "-"


def _token_index(sent: _Sentence, offset: int) -> int:
    """The index of the first token starting at or after *offset* (the number of tokens if none does)."""
    return bisect.bisect_left(sent.starts, offset)


def _since_range(doc: Document, sent: _Sentence, t: TimeExpression, trigger_at: int) -> TimeSpan | None:
    assert t.resolved is not None  # noqa: S101 - callers pass resolved times only
    idx = _token_index(sent, t.span.start)
    words = sent.lowers[max(0, idx - 2) : idx]
    comma = next((i for i, tok in enumerate(sent.tokens) if tok.lower == ","), len(sent.tokens))
    clause = bool(sent.tokens) and sent.tokens[0].lower == "since" and idx < comma < trigger_at
    began = words[-1:] == ["on"] and words[:1] in (["began"], ["begun"], ["started"])  # "talks that began on May 6"
    if ("since" in words or clause or began) and doc.reference is not None and t.resolved.start <= doc.reference.date:
        return TimeSpan(start=t.resolved.start, end=doc.reference.date, granularity=Granularity.RANGE)
    return None


@registries.extractors.register("events")
class EventCoder:
    """Code events from sentences, actor mentions, times and places.

    Args:
        patterns: The pattern set to use (default: the packaged patterns).
        extra_patterns: Paths of JSON pattern files to add to the default ones.
        keep_partial: Keep events whose target could not be identified (by
            default only deployments, which often have none, are kept
            without a target).

    Examples:
        >>> from diplomev import Pipeline
        >>> doc = Pipeline.default().run("Japan imposed sanctions on Russia on Friday.")
        >>> [(e.source.country, e.type.value, e.target.country) for e in doc.events]
        [('JPN', 'SANCTION', 'RUS')]
    """

    name = "events"

    def __init__(
        self,
        *,
        patterns: PatternSet | None = None,
        extra_patterns: Sequence[str | Path] = (),
        keep_partial: bool = False,
    ) -> None:
        """Configure the coder."""
        self._patterns = patterns
        self._extra = tuple(str(p) for p in extra_patterns)
        self.keep_partial = keep_partial

    def __getstate__(self) -> dict[str, object]:
        """Pickle only the options: the patterns are reloaded (and cached) in the worker."""
        return {
            "_patterns": None if self._patterns is PatternSet.default() else self._patterns,
            "_extra": self._extra,
            "keep_partial": self.keep_partial,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore the options."""
        self.__dict__.update(state)

    @property
    def patterns(self) -> PatternSet:
        """The compiled pattern set."""
        if self._patterns is None:
            base = PatternSet.default()
            for path in self._extra:
                base = PatternSet.from_file(path, base=base)
            self._patterns = base
        return self._patterns

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its events."""
        body = doc.regions(Region.BODY) or (Span(start=0, end=len(doc.text)),)
        sentences = [s for s in doc.sentences if any(b.contains(s) for b in body)] or list(doc.sentences)
        parties = _main_parties(doc)
        events: list[Event] = []
        index = _Index(doc)
        for span in sentences:
            sent = _Sentence(doc, span, self.patterns, index)
            if not sent.matches:
                events.extend(_followed_suit(doc, sent, events))
                continue
            found = self._sentence_events(sent)
            if not found:
                continue
            owners = _time_owners(doc, sent, found)
            speech = next((t for t in sent.times if _is_speech_time(doc, sent, t)), None)
            for f in found:
                new = self._events(doc, f, sent, owners.get(f.match.first), parties)
                if speech is not None and speech.resolved is not None and _plover(f.pattern) in _STATEMENT_TYPES:
                    new = [
                        attrs.evolve(e, date=speech.resolved, date_method="statement") if e.date is None else e
                        for e in new
                    ]
                events.extend(new)
        reference = doc.reference.date if doc.reference else None
        events = _event_anaphora(events, doc)
        events = _inherit_meeting(events, reference)
        events = _dateline_places(events, doc, reference)
        events = _deployment_places(events)
        if not self.keep_partial:
            # an action with no identifiable target is kept only for deployments, which often have none
            events = [e for e in events if e.target is not None or e.type is EventType.MOBILIZE]
        return attrs.evolve(doc, events=tuple(_merge(events)))

    # ----------------------------------------------------------------- per sentence

    def _sentence_events(self, sent: _Sentence) -> list[_Found]:
        out: list[_Found] = []
        heads: list[Match] = []  # verbs of request or agreement whose complement may follow
        verbs: list[tuple[Match, list[_Group], list[_Group]]] = []  # verb triggers with their arguments
        for match in sent.matches:
            pattern = match.pattern
            head = _complement_head(sent, match, heads)
            plover = _plover(pattern)
            if pattern.kind == "verb" and plover in ("AGREE", "REQUEST"):
                heads.append(match)
            if head is not None and (_plover(head.pattern) == "REQUEST" or plover != "CONSULT"):
                continue  # the content of a request, or a generic commitment: not an event of its own
            if _purpose_of_summons(sent, match, verbs):
                continue  # the summons and the protest it conveys are one event
            if _purpose_of_same(sent, match, out):
                continue  # "met in Jakarta to discuss ...": the purpose of the meeting, not a second one
            if _apposition_of_same(sent, match, out):
                continue  # "will hold talks with X, the first meeting of the two since 2016": the same talks
            sources, targets, subject_end = self._arguments(sent, match)
            if pattern.cameo == _RECALL and any(a.sector == "MIL" for g in targets[:1] for a in g.actors):
                # "withdrew its troops from X": forces pulled back, a retreat, not an envoy recalled
                pattern = self.patterns.get(_WITHDRAW) or pattern
                match = attrs.evolve(match, pattern=pattern)  # noqa: PLW2901 - read on as the retreat
                plover = _plover(pattern)
            if not targets and plover in ("AGREE", "REQUEST") and pattern.kind == "verb":
                targets = sent.that_subject(match)
                if targets:
                    # "agreed that X should help": one party agrees about what X is to do
                    pattern = attrs.evolve(pattern, symmetric=False)
            convened = pattern.kind == "noun" and pattern.symmetric and len(targets) > 1
            if convened and sources == sent.occasion_subject(match):
                pattern = attrs.evolve(pattern, symmetric=False)  # "X said after a meeting with Y and Z": X convenes
            shared = _shared_subject(sent, match, sources, verbs)
            if shared is not None:
                # "X denounced Y ... and threatened action": X acts again, on Y unless another object is named
                sources, targets = shared[0], targets or shared[1]
            if pattern.kind == "verb" and sources:
                verbs.append((match, sources, targets))
            src = _actors(sources)
            tgt = tuple(a for a in _actors(targets) if a not in src)
            if not src:
                continue
            if not tgt and len(src) == 2 and not pattern.symmetric and _reciprocal(sent, match, sources, plover):
                # "the two countries fought a war", "X and Y accused each other": each acts on the other
                mode = sent.mode(match, subject_end)
                trigger = Span(start=sent.tokens[match.first].start, end=sent.tokens[match.last - 1].end)
                for a, b in ((src[0], src[1]), (src[1], src[0])):
                    out.append(_Found(pattern, match, (a,), (b,), mode, sent.span, trigger))
                continue
            if tgt and plover in _PLACE_TARGET_TYPES and all(any(_same_side(s, t) for s in src) for t in tgt):
                # "recalled its ambassador in London": the source's own agent, then the place it is in
                place = sent.place_target(max(g.last for g in targets), max_tokens=3)
                if place is not None and place.country not in {a.country for a in src}:
                    tgt = (place,)
            if plover == "RETREAT" and {a.country for a in tgt} <= {a.country for a in src}:
                tgt = ()  # "withdraw its troops from X": one's own forces are what moves, X is the target
            mode = sent.mode(match, subject_end)
            if head is not None and mode is Mode.ASSERTED:
                mode = Mode.PLANNED
            if not tgt and not (pattern.symmetric and len(src) >= 2):
                if pattern.requires_actor_pair:
                    continue
                hostile = plover in _PLACE_TARGET_TYPES
                place = sent.place_target(match.last) if hostile and not pattern.deploy else None
                insurgents = all(a.sector in _INSURGENT_SECTORS for a in src)
                owners = sent.opposed_owners(match.last) if plover == "PROTEST" else ()
                # aid given, or promised ("pledged 40 million dollars to X"): who receives it further on
                given = (
                    sent.recipient(match.last - (sent.lowers[match.last - 1] == "to"))
                    if plover == "AID" or pattern.cameo.startswith("033")
                    else ()
                )
                own = {a.country for a in src}
                if plover == "CONCEDE" and len(own) == 1 and "political" in sent.lowers[match.first : match.last]:
                    # "freed five political prisoners": the state's own dissidents
                    tgt = (Actor(country=src[0].country, sector="CVL", kind=ActorKind.GROUP),)
                elif given:
                    tgt = tuple(a for a in given if a.country not in {s.country for s in src})
                elif owners:
                    tgt = tuple(a for a in owners if a.country not in {s.country for s in src})
                elif place is not None and (insurgents or place.country not in {a.country for a in src}):
                    tgt = (place,)
                elif (people := _domestic_target(sent, match, src)) is not None:
                    tgt = (people,)
                elif pattern.target_required and not _refers_back(sent, match):
                    continue
            if not tgt and plover == "THREATEN":
                tgt = tuple(a for a in _actors(sent.condition_subject(match)) if a not in src)
            if not tgt and plover == "MOBILIZE":
                aimed = sent.mobilized_against(match)
                if aimed is not None and aimed.country not in {a.country for a in src}:
                    tgt = (aimed,)
            trigger = Span(start=sent.tokens[match.first].start, end=sent.tokens[match.last - 1].end)
            out.append(_Found(pattern, match, src, tgt, mode, sent.span, trigger))
        signed, truce, agreed = (self.patterns.get(name) for name in (_SIGNED, _TRUCE, _AGREED))
        out = _mediations(sent, out)
        return (
            out
            + (_dated_agreements(sent, signed) if signed is not None else [])
            + (_agreed_truces(sent, out, truce) if truce is not None else [])
            + (_parties_under(sent, out, agreed) if agreed is not None else [])
        )

    def _arguments(self, sent: _Sentence, match: Match) -> tuple[list[_Group], list[_Group], int]:
        pattern = match.pattern
        sources: list[_Group] = []
        targets: list[_Group] = []
        pair = sent.between(match) if pattern.symmetric or pattern.kind == "noun" else []
        if pair:
            sources = pair  # "talks between X and Y", where "talks" reads as a verb or a noun
        elif pattern.kind == "verb":
            agent = sent.passive_agent(match)
            if agent is not None:
                relative = sent.mediated_by(match, relative=True)
                # "talks mediated by X": the parties are the talks', found with the sentence's other events
                sources, targets = agent, [] if relative else sent.left(match.first)
            else:
                sources = sent.left(match.first) or sent.coordinated_subject(match.first) or sent.adjunct_subject(match)
                if sent.participle_after_comma(match):
                    sources = sent.main_subject(match.first) or sources
                reaction = _plover(pattern) in _REACTIONS
                preps = pattern.target_preps
                if _plover(pattern) == "SANCTION" and "with" not in preps:
                    # "suspended communication channels with X", "suspending a memorandum with X": X is the other side
                    preps = (*preps, "with")
                targets = sent.right(match.last, preps, strict=pattern.symmetric, owner=reaction)
                own = {a.key for a in _actors(sources)}
                if targets and own and all(a.key in own for a in _actors(targets)):
                    # "recalled its ambassador to Y", "sent its troops to Y": the source's own agents, then Y
                    after = max(g.last for g in targets)
                    targets = sent.right(after, pattern.target_preps, strict=pattern.symmetric) or targets
                if not targets and pattern.symmetric and sources and sent.means_adjunct(match):
                    # "X spoke with Y by phone": the partner comes before the means
                    targets = sent.partner_before(max(g.last for g in sources), match.first)
                if not targets and match.verb_index >= 0 and sent.lowers[match.verb_index] in _CAUSATIVE:
                    # "will help Australia build ...": the state before the bare infinitive is the object
                    targets = [g for g in sent.groups if g.first == match.last]
                if not targets:
                    targets = [
                        g
                        for g in sent.groups
                        if match.first < g.first
                        and g.last < match.last
                        and (pattern.possessive_target or sent.tokens[g.last].lower != "'s")
                    ]
        else:
            pair = sent.between(match)
            if pair:
                sources = pair
            else:
                sources = sent.noun_source(match)
                after = match.last
                if not sources:
                    sources = sent.noun_agent(match)
                    # "air strikes by the army on RSF positions": the object follows the agent
                    after = max((g.last for g in sources), default=after)
                targets = sent.right(after, pattern.target_preps, max_tokens=6, strict=True)
                if not sources and _plover(pattern) == "CONSULT":
                    # "X and Y held their first summit", "X chaired the meeting with Y": the light verb's subject
                    sources = sent.convener(match)
                if not sources and not targets and _plover(pattern) == "CONSULT":
                    # "X told Y in a telephone call": the verb's subject and object
                    sources, targets = sent.call_object(match)
                if not sources and _plover(pattern) == "CONSULT":
                    # "X said after a meeting with Y"; "At a meeting with Y, X said ..."
                    sources = sent.adjunct_subject(match) or (sent.occasion_subject(match) if targets else [])
                if pattern.deploy:
                    sources = sources or sent.deployer(match)
                    targets = targets or sent.aimed_at(match)
                if pattern.possessive_target and not targets:
                    targets = sent.right(match.last, ("",), max_tokens=6)
        subject_end = max((g.last for g in sources), default=0) if pattern.kind == "verb" else 0
        return sources, targets, subject_end

    def _events(
        self,
        doc: Document,
        f: _Found,
        sent: _Sentence,
        time: TimeExpression | None,
        parties: tuple[str, ...],
    ) -> list[Event]:
        targets = f.targets
        fallback = False
        mutual = f.pattern.symmetric and len(f.sources) >= 2
        if (
            not targets
            and not mutual
            and _plover(f.pattern) in _COUNTERPART_TYPES
            and not _refers_back(sent, f.match)  # "rejected the criticism": the critic is the target, found later
        ):
            others = [c for c in parties if c not in {a.country for a in f.sources}]
            if len(parties) == 2 and len(others) == 1 and any(a.country in parties for a in f.sources):
                targets = (Actor(country=others[0], kind=ActorKind.STATE),)
                fallback = True
                f = attrs.evolve(f, targets=targets)
        if not targets and f.pattern.cameo == _MEDIATE and len(parties) == 2:
            # "the talks were brokered by X": X mediates between the parties the article is about
            others = [c for c in parties if not any(a.country == c for a in f.sources)]
            if len(others) == 2:
                f = attrs.evolve(f, targets=tuple(Actor(country=c, kind=ActorKind.STATE) for c in others))
        pairs: list[tuple[Actor, Actor | None]] = []
        if f.pattern.symmetric:
            members = list(f.sources) + list(f.targets)
            if len(members) >= 2:
                if f.targets:
                    for s in f.sources:
                        for t in f.targets:
                            pairs += [(s, t), (t, s)]
                else:
                    pairs = [(a, b) for a in members for b in members if a is not b and not _same_actor(a, b)]
            else:
                pairs = [(members[0], None)]
        else:
            pairs = [(s, t) for s in f.sources for t in (f.targets or (None,))]
        date, date_method = _date(doc, sent, time, f.match.first)
        if (
            f.mode is Mode.ASSERTED
            and date is not None
            and doc.reference is not None
            and date.start > doc.reference.date
        ):
            f = attrs.evolve(f, mode=Mode.PLANNED)  # "the visit ... next month" has not happened yet
        past = date is not None and doc.reference is not None and date.end < doc.reference.date
        if f.mode is Mode.PLANNED and past and date_method != "since":
            date, date_method = None, None  # a plan cannot be dated before the article: the time is another's
        location, location_method = self._location(f, sent)
        visited = _visited_states(doc, sent, f) if f.pattern.visit and location is None else {}
        if f.pattern.visit and not f.targets:
            if location is None or not location.country:
                return []  # a visit with no destination named is not coded
            state_host = Actor(country=location.country, sector="GOV", kind=ActorKind.STATE)
            named = sent.host_person(f.match, location.country)
            pairs = [
                (s, named or _counterpart(s, location.country, date or _reference_span(doc)) or state_host)
                for s, _ in pairs
                if s.country != location.country
            ]
        cameo = f.pattern.cameo
        plover = _plover(f.pattern)
        evidence = Evidence(text=f.sentence.slice(doc.text), start=f.sentence.start, end=f.sentence.end)
        trigger = Evidence(text=f.trigger.slice(doc.text), start=f.trigger.start, end=f.trigger.end)
        confidence = 0.5 + 0.2 * bool(f.targets) - 0.1 * fallback
        confidence += 0.15 * (date is not None) + 0.1 * (location is not None)
        out = []
        for source, target in pairs:
            if (
                target is not None
                and source.key is not None
                and source.key == target.key
                and (
                    (source.sector or "GOV") == (target.sector or "GOV")
                    or (source.name is not None and source.name == target.name)
                    or (
                        plover not in _DOMESTIC_TYPES
                        and source.sector not in _DOMESTIC_RIVALS
                        and target.sector not in _DOMESTIC_RIVALS
                    )
                )
            ):
                # the same party on both sides ("Wang accused ... the Chinese side"; a state and its government);
                # armed groups against their own state, the police against protesters or the army against a
                # government are kept
                continue
            code = cameo
            if code in _MEET_CODES and location is not None and location.country:
                third = location.country not in {source.country, target.country if target else None}
                code = "044" if third else "040"
            out.append(
                Event(
                    article=doc.article.id,
                    cameo=code,
                    source=source,
                    target=target,
                    date=date,
                    location=visited.get(target.country, location) if target is not None else location,
                    mode=f.mode,
                    evidence=evidence,
                    trigger=trigger,
                    date_method=date_method,
                    location_method="visited" if target is not None and target.country in visited else location_method,
                    extractor=self.name,
                    confidence=min(confidence, 1.0),
                ),
            )
        return out

    def _location(self, f: _Found, sent: _Sentence) -> tuple[Location | None, str | None]:
        where = _where_clause_place(sent, f.match.first)
        if where is not None:
            return where, "clause"
        best: tuple[int, Location] | None = None
        for place in sent.places:
            if not f.sentence.contains(place.span):
                continue
            idx = _token_index(sent, place.span.start)
            lo, hi = sorted((idx, f.match.first))
            relative = {"which", "where", "when"} if f.mode is not Mode.ASSERTED and idx > f.match.first else set()
            if any(_is_boundary(tok) and tok.lower not in relative for tok in sent.tokens[lo:hi]):
                continue
            if idx < f.match.first and "then" in sent.lowers[idx : f.match.first]:
                continue  # "is due in X and will then visit Y": X is the stop before
            if place.text.lower() == "capital" and idx >= 3 and sent.lowers[idx - 2] == "the":
                idx -= 2  # "in the Peruvian capital": the place is the whole phrase
            prev = sent.tokens[idx - 1].lower if idx > 0 else ""
            travel = prev == "to" and idx < f.match.first and not _TRAVEL.isdisjoint(sent.lowers[max(0, idx - 3) : idx])
            if not f.pattern.visit and prev not in _LOCATIVE and prev != "'s" and not travel:
                continue  # "will fly to X on Saturday for talks with Y": the talks are in X
            if f.pattern.visit and prev not in _VISIT_PLACE_BEFORE and idx != f.match.last:
                continue
            distance = abs(idx - f.match.first)
            planned = f.mode is not Mode.ASSERTED
            if distance > (_MAX_ATTACH_PLANNED if planned else _MAX_ATTACH):
                continue
            if idx > f.match.last and not planned and _detached(sent, f.match.last, idx, setting=True):
                continue
            if best is None or distance < best[0]:
                best = (distance, place.location)
        if best is not None:
            return best[1], "clause"
        opener = _opening_place(sent)
        if opener is not None and f.mode is Mode.ASSERTED and not _earlier_or_gerund(sent, f.match.first):
            return opener, "clause"  # "In Lima on Monday, X said ... and praised ...": the setting of the sentence
        return None, None


_TRAVEL = frozenset(
    {"travel", "travels", "travelled", "traveled", "travelling", "traveling", "fly", "flies", "flew", "flown",
     "flying", "go", "goes", "went", "going", "head", "heads", "headed", "heading", "arrive", "arrives",
     "arrived", "arriving", "come", "came", "coming", "return", "returned", "returning", "returns"}
)  # fmt: skip
"""Verbs of travel whose destination ("fly to X") is the place of the meeting they are for."""


def _visited_states(doc: Document, sent: _Sentence, f: _Found) -> dict[str | None, Location]:
    """The states a visit names as its object, each as the place of the visit ("will visit Peru and Chile").

    With no city named, the place of a visit to a country is that country.
    """
    out: dict[str | None, Location] = {}
    k = f.match.last
    for g in sent.groups:
        if g.first < k:
            continue
        between = sent.lowers[k : g.first]
        if g.first > k and not all(w in {",", "and", "the"} for w in between):
            break
        if len(g.actors) != 1:
            break
        a = g.actors[0]
        if a.kind is not ActorKind.STATE or a.sector is not None or a.name is not None or a.country is None:
            break
        name = g.span.slice(doc.text)
        out[a.country] = Location(name=name.removeprefix("the ").removeprefix("The "), country=a.country)
        k = g.last
    return out


def _where_clause_place(sent: _Sentence, trigger_at: int) -> Location | None:
    """The place a relative "where" clause holding the trigger is about ("flew to X on Friday, where he met Y").

    The place comes at most a few tokens (a time, a comma) before "where"; the
    trigger follows "where" in the same clause.
    """
    for place in sent.places:
        end = _token_index(sent, place.span.end)
        if end >= trigger_at:
            break
        w = next((k for k in range(end, min(end + 6, trigger_at)) if sent.lowers[k] == "where"), None)
        if w is None or any(
            p.span.start > place.span.start and _token_index(sent, p.span.start) < w for p in sent.places
        ):
            continue
        if not any(_is_boundary(tok) for tok in sent.tokens[w + 1 : trigger_at]):
            return place.location
    return None


_AIMED_CUES = frozenset(
    {"around", "near", "surrounding", "encircling", "counter", "countering", "deter", "deterring", "against"}
)
"""Words after a deployment or exercise that name whom it is aimed at ("drills around X", "to deter X")."""
_HOSTED_THINGS = frozenset(
    {"troops", "forces", "soldiers", "personnel", "contingent", "peacekeepers", "base", "bases", "missiles",
     "weapons", "refugees", "migrants", "aid", "assistance", "shipments"}
)  # fmt: skip
"""Objects of "host"/"receive" that make no visit ("a base that hosts US troops", "received aid")."""
_PASSIVE_AUX = frozenset({"is", "are", "was", "were", "be", "been", "being"})
"""Auxiliaries of the passive ("was flown to"); "has" makes an active perfect ("has visited")."""
_MOCK = frozenset({"simulated", "simulate", "simulates", "simulating", "mock", "rehearsed", "practice", "sham"})
"""Words before an attack noun that make it an exercise ("simulated precision strikes")."""
_MOTIVE_TYPES = frozenset({"PROTEST", "SANCTION", "ASSAULT", "THREATEN", "ACCUSE", "REJECT"})
"""Types of nouns that "in ... for/at" turns into the motive of another act ("in retaliation for")."""
_BODY_NOUNS = frozenset(
    {"party", "parties", "leader", "leaders", "lawmakers", "legislators", "figure", "figures", "politician",
     "politicians", "group", "groups", "bloc", "camp", "candidate", "candidates", "coalition", "movement",
     "members", "supporters", "activists", "mps", "senators", "deputies", "fighters", "forces", "alliance"}
)  # fmt: skip
"""Nouns that "opposition" or "resistance" modifies as the name of a camp ("opposition lawmakers")."""
_REVERSALS = frozenset({"relief", "waiver", "waivers", "exemption", "exemptions", "evasion"})
"""Nouns after a trigger that name the undoing or dodging of its act ("sanctions relief")."""

_DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "RETREAT", "CONCEDE", "MOBILIZE"})
"""Types of events between two sectors of one state that the news reports (a coup, arrests, protests)."""

_PHRASE_PREPOSITIONS = frozenset(
    {"on", "for", "of", "against", "into", "onto", "toward", "towards", "at", "from", "with", "between", "among"}
)
"""Prepositions whose object cannot be the subject of the verb form after it (unlike "after", "as", "when")."""

_DOMESTIC_PEOPLE = frozenset(
    {"people", "protesters", "protestors", "demonstrators", "dissidents", "civilians", "activists", "opponents",
     "critics", "journalists", "students", "residents", "villagers", "worshippers", "prisoners", "detainees"}
)  # fmt: skip
"""Unnamed people whom a state's forces kill, arrest or free: with no nationality given, its own citizens."""
_DOMESTIC_SOURCE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "SPY", "JUD"})
_DOMESTIC_OBJECT_TYPES = frozenset({"COERCE", "ASSAULT", "CONCEDE"})


def _reciprocal(sent: _Sentence, match: Match, sources: Sequence[_Group], plover: str) -> bool:
    """Whether two subjects act on each other: "each other" follows, or the two sides of one pair fight."""
    after = sent.lowers[match.last : match.last + 4]
    if any(pair in (("each", "other"), ("one", "another")) for pair in itertools.pairwise(after)):
        return True
    pair = len(sources) == 1 and len(sources[0].actors) == 2
    return plover == "ASSAULT" and pair and not sent.domestic_object(match)  # "killed 80,000 people": not each other


def _same_side(a: Actor, b: Actor) -> bool:
    """Whether two actors are one party: the same state and branch ("Paris" and "its ambassador")."""
    return a.key is not None and a.key == b.key and (a.sector or "GOV") == (b.sector or "GOV")


def _domestic_target(sent: _Sentence, match: Match, src: Sequence[Actor]) -> Actor | None:
    """The citizens of the source's state, for "police detained dozens of protesters", "freed 12 prisoners"."""
    plover = _plover(match.pattern)
    if plover not in _DOMESTIC_OBJECT_TYPES or match.pattern.kind != "verb" or sent.participle_after_comma(match):
        return None
    countries = {a.country for a in src}
    if len(countries) != 1 or None in countries or any(a.sector not in _DOMESTIC_SOURCE_SECTORS for a in src):
        return None
    if any(a.sector is None for a in src):
        return None  # forces, police or government arrest, kill and free; a state named alone may act abroad
    if not sent.domestic_object(match):
        return None
    return Actor(country=src[0].country, sector="CVL", kind=ActorKind.GROUP)


_INSURGENT_SECTORS = frozenset({"REB", "INS", "SEP"})
_DOMESTIC_RIVALS = _INSURGENT_SECTORS | {"OPP"}
"""Sectors that deal with their own state's government as another party (talks, deals, accusations)."""
"""Sectors of armed non-state groups: taking a town of their own country acts on that state, and any
event between them and another sector of their state (talks, a truce) is reported."""

_SETTLEMENTS = frozenset(
    {"city", "town", "village", "port", "capital", "region", "province", "district", "territory", "border"}
)
"""Nouns of places that a nationality adjective locates ("the Ukrainian city of ...")."""


def _demonym_country(word: str) -> str | None:
    """The country whose one-word nationality adjective *word* is ("Ukrainian" -> "UKR"), if any."""
    from diplomev.extractors.actors import demonyms  # noqa: PLC0415 - the knowledge base only when needed
    from diplomev.kb import KnowledgeBase, normalise  # noqa: PLC0415

    return demonyms(KnowledgeBase.default()).get((normalise(word),))


_COORDINATION_SKIP = frozenset({"also", "then", "later", "subsequently"})
_SHARED_AUX = frozenset({"has", "have", "had", "was", "were", "is", "are", "will", "would"})
"""Auxiliaries of a verb coordinated after another ("offered to ... but had demanded")."""


def _shared_subject(
    sent: _Sentence,
    match: Match,
    sources: Sequence[_Group],
    verbs: Sequence[tuple[Match, list[_Group], list[_Group]]],
) -> tuple[list[_Group], list[_Group]] | None:
    """The subject and object of an earlier verb that a verb coordinated after it shares.

    For "X denounced Y for ... and threatened ...", the nearest mention left of
    "threatened" is Y, inside the first verb's predicate: the subject of both verbs
    is X. Returns the earlier verb's (sources, targets), or None when the verb is not
    coordinated ("and" right before it) or has a subject of its own.
    """
    if match.pattern.kind != "verb" or match.verb_index <= 0 or not verbs:
        return None
    j = match.verb_index - 1
    while j > 0 and (sent.lowers[j].endswith("ly") or sent.lowers[j] in _COORDINATION_SKIP):
        j -= 1
    if sent.lowers[j] == "and":
        earlier, earlier_sources, earlier_targets = verbs[-1]
        if earlier.last > j or any(g.first < earlier.first for g in sources):
            return None  # the subject found stands before the earlier verb: it is the subject of both already
        return list(earlier_sources), list(earlier_targets)
    while j > 0 and sent.lowers[j] in _SHARED_AUX:
        j -= 1
    if sent.lowers[j] != "but":
        return None
    # "X welcomed Y's offer, but accused Z of ...", "X offered ... but had demanded": a contrast keeps the
    # subject of the last finite verb (not of an infinitive inside its object), not its object
    finite = [v for v in verbs if v[0].first > 0 and sent.lowers[v[0].first - 1] != "to" and v[0].last <= j]
    if not finite or any(g.first < finite[-1][0].first for g in sources):
        return None
    return list(finite[-1][1]), []


def _purpose_of_summons(
    sent: _Sentence, match: Match, verbs: Sequence[tuple[Match, list[_Group], list[_Group]]]
) -> bool:
    """Whether the trigger is the purpose of a summons ("summoned the envoy to protest", "to demand an explanation").

    The summons and the protest or demand it conveys are one event.
    """
    if not verbs or _plover(match.pattern) not in {"PROTEST", "ACCUSE", "REQUEST"} or match.first == 0:
        return False
    earlier = verbs[-1][0]
    return earlier.pattern.cameo == "114" and sent.tokens[match.first - 1].lower == "to" and earlier.last < match.first


def _purpose_of_same(sent: _Sentence, match: Match, found: Sequence[_Found]) -> bool:
    """Whether a trigger is the infinitive of purpose of an earlier one of the same type ("met ... to discuss")."""
    if match.pattern.kind != "verb" or match.first == 0 or sent.tokens[match.first - 1].lower != "to":
        return False
    plover = _plover(match.pattern)
    # "flew to X to hold talks with Y": the talks report the host meeting the visitor, a second direction
    return any(
        _plover(f.pattern) == plover
        and f.match.last <= match.first
        and (match.pattern.visit or not f.pattern.visit)
        # "fly to X, where he is to hold talks": a clause of its own, with its own subject, is no purpose
        and not any(sent.tokens[k].lower in _RELATIVES for k in range(f.match.last, match.first))
        for f in found
    )


def _apposition_of_same(sent: _Sentence, match: Match, found: Sequence[_Found]) -> bool:
    """Whether a trigger in a noun apposition after a comma restates an earlier act of the same type.

    "X will hold talks with Y on Tuesday, the first meeting between the leaders since
    2016": the meeting is the talks, and 2016 is the last one's time, not this one's.
    """
    if not found:
        return False
    k = match.first - 1
    while k > 0 and match.first - k <= 3 and sent.tokens[k].lower not in _DETERMINERS:
        k -= 1
    if k < 1 or sent.tokens[k].lower not in _DETERMINERS or sent.tokens[k - 1].lower != ",":
        return False
    plover = _plover(match.pattern)
    return any(_plover(f.pattern) == plover and f.match.last < k for f in found)


def _complement_head(sent: _Sentence, match: Match, heads: Sequence[Match]) -> Match | None:
    """The request or agreement verb whose complement *match* is ("urged X to lift", "demanded that X lift")."""
    k = match.first - 1
    while k >= 0 and sent.tokens[k].lower.endswith("ly") and sent.tokens[k].lower not in {"only", "early"}:
        k -= 1
    if k < 0 or sent.tokens[k].lower not in {"to", "for"}:
        return _that_clause_head(sent, match, heads)
    for head in reversed(heads):
        if head.last <= match.first and not any(_is_boundary(t) for t in sent.tokens[head.last : match.first]):
            return head
    return None


def _that_clause_head(sent: _Sentence, match: Match, heads: Sequence[Match]) -> Match | None:
    """The request or agreement verb whose "that" clause *match* is the verb of.

    "demanded that X immediately withdraw", "agreed in principle that X should help
    evacuate": the clause (a subject, then modals, adverbs or "help") is the content of
    the request or agreement.
    """
    if match.pattern.kind != "verb" or not heads:
        return None
    k = match.first - 1
    while k >= 0 and sent.in_group[k] < 0 and k > match.first - 5:
        word = sent.tokens[k].lower
        if not (word in _MODALS or word in _CLAUSE_FILLERS or word.endswith("ly")):
            break
        k -= 1
    if k < 0 or sent.in_group[k] < 0:
        return None
    that = sent.groups[sent.in_group[k]].first - 1
    if that > 0 and sent.tokens[that].lower in _ARTICLES:
        that -= 1
    if that < 1 or sent.tokens[that].lower != "that":
        return None
    for head in reversed(heads):
        gap = sent.tokens[head.last : that]
        if head.last <= that and len(gap) <= 3 and not any(_is_boundary(t) or t.lower == "," for t in gap):
            return head
    return None


_CLAUSE_FILLERS = frozenset({"not", "also", "help", "to", "be", "allowed"})
"""Words between the subject and the verb of a "that" clause ("should help evacuate", "be allowed to")."""


def _time_owners(doc: Document, sent: _Sentence, found: Sequence[_Found]) -> dict[int, TimeExpression]:
    """Give each time expression of a sentence to one trigger: the nearest before it, else the next one."""
    owners: dict[int, TimeExpression] = {}
    if not found:
        return owners
    starts = sorted({f.match.first for f in found})
    planned = {f.match.first for f in found if f.mode is not Mode.ASSERTED}
    for t in sent.times:
        if t.kind is not TimeKind.DATE or t.resolved is None:
            continue
        if _is_speech_time(doc, sent, t):
            continue
        idx = _token_index(sent, t.span.start)
        if idx in starts and any(f.match.first == idx and f.match.verb_index < 0 for f in found):
            owners.setdefault(idx, t)  # "a 2016 deal": the year of the agreement it opens
            continue
        if _days_apart(t):
            # "hitting back a day after Prague expelled ...": the time dates the clause it opens
            nxt = next((k for k in starts if k > idx and not _strong_boundary(sent, idx, k)), None)
            if nxt is not None:
                owners.setdefault(nxt, t)
            continue
        if _attributive(sent, t, idx):
            # "urged X to quit the 2015 deal": the year dates the noun it modifies, not the verb before it
            noun = next((k for k in starts if idx < k <= _token_index(sent, t.span.end) + 2), None)
            if noun is not None:
                owners.setdefault(noun, t)
            continue
        before = [
            k
            for k in starts
            if k < idx
            and not _strong_boundary(sent, k + 1, idx)  # the trigger itself may be "announced (sanctions)"
            and (k in planned or (not _scheduled_between(sent, k, idx) and not _detached(sent, k + 1, idx)))
        ]
        after = [
            k
            for k in starts
            if k >= idx
            and not _strong_boundary(sent, idx, k)
            and not any(tok.lower in _CLAUSE_WORDS or tok.lower == "then" for tok in sent.tokens[idx:k])
        ]
        if after and _fronted_time(sent, idx):
            before = []  # "..., and in February X issued ...": the time opens the next clause
        owner = before[-1] if before else (after[0] if after else None)
        if owner is not None and owner not in owners:
            owners[owner] = t
    _since_clause(doc, sent, starts, owners)
    _share_times(sent, starts, owners, planned)
    opener = _opening_time(sent)
    if opener is not None:
        # "On Tuesday, X said after talks with Y that ... and expelled ...": the time opening the sentence
        # dates what its main clause reports, unless told as earlier ("had") or as a gerund ("of killing")
        for f in found:
            k = f.match.first
            if k not in owners and f.mode is Mode.ASSERTED and not _earlier_or_gerund(sent, k):
                owners[k] = opener
    return owners


_OPENING_SKIP = frozenset({"in", "at", "on", "early", "late", "earlier", "later", "then", "and", "but", "also"})
"""Words that may come before a time opening a sentence ("In Lima on Monday, ...", "Earlier on Friday, ...")."""


def _opening_time(sent: _Sentence) -> TimeExpression | None:
    """The time that opens the sentence before a comma ("On Tuesday, ...", "In Lima late on Monday, ..."), if any."""
    for t in sent.times:
        if t.kind is not TimeKind.DATE or t.resolved is None:
            continue
        idx, end = _token_index(sent, t.span.start), _token_index(sent, t.span.end)
        if idx > 6 or end >= len(sent.tokens) or sent.tokens[end].text != ",":
            return None
        before = [
            tok for tok in sent.tokens[:idx] if not any(p.span.start <= tok.start < p.span.end for p in sent.places)
        ]
        if all(tok.lower in _OPENING_SKIP for tok in before):
            return t
        return None
    return None


def _opening_place(sent: _Sentence) -> Location | None:
    """The place of a sentence opening "In <place>,", "In <place> on Monday," or "Meeting in <place>,", if any."""
    if len(sent.tokens) < 4:
        return None
    at = (
        1
        if sent.lowers[0] in {"in", "at"}
        else 2
        if sent.lowers[0].endswith("ing") and sent.lowers[1] in {"in", "at"}
        else 0
    )
    if not at:
        return None  # "In X, ...", "Meeting in X, ...": the setting of the sentence
    place = next((p for p in sent.places if at <= _token_index(sent, p.span.start) <= at + 3), None)
    if place is None:
        return None
    end = _token_index(sent, place.span.end)
    while end < len(sent.tokens) and end - _token_index(sent, place.span.end) < 2 and sent.tokens[end].text.istitle():
        end += 1  # "in the Nigerian capital Abuja,": the capital's name in apposition
    time = next((t for t in sent.times if _token_index(sent, t.span.start) in (end, end + 1)), None)
    if time is not None:
        end = _token_index(sent, time.span.end)
    return place.location if end < len(sent.tokens) and sent.tokens[end].text == "," else None


def _earlier_or_gerund(sent: _Sentence, k: int) -> bool:
    """Whether the trigger at *k* is a gerund or told in the past perfect ("had expelled")."""
    word = sent.lowers[k]
    return word.endswith("ing") or "had" in sent.lowers[max(0, k - 3) : k]


def _days_apart(t: TimeExpression) -> bool:
    """Whether a time is "<n> day(s) after/before", which dates the clause after it, not the one before."""
    words = t.text.lower().split()
    return len(words) == 3 and words[1] in {"day", "days"} and words[2] in {"after", "before"}


def _attributive(sent: _Sentence, t: TimeExpression, idx: int) -> bool:
    """Whether a year modifies the noun after it ("the 2015 nuclear deal", "a 2002 ruling", "Russia's 2014 ...")."""
    if not (len(t.text) == 4 and t.text.isdigit()) or idx == 0:
        return False
    end = _token_index(sent, t.span.end)
    if end >= len(sent.tokens) or sent.lowers[idx - 1] not in _DETERMINERS:
        return False
    after = sent.tokens[end]
    return after.text[:1].isalpha() and after.lower not in _NOT_MODIFIED_BY_YEAR


def _fronted_time(sent: _Sentence, idx: int) -> bool:
    """Whether the time at token *idx* opens a coordinated clause (", and in February", "and on Monday")."""
    j = idx - 1
    if j >= 0 and sent.tokens[j].lower in _LOCATIVE | {"during", "by", "early", "late", "later"}:
        j -= 1
        return j >= 0 and sent.tokens[j].lower == "and"
    return j >= 1 and sent.tokens[j].lower == "and" and sent.tokens[j - 1].lower == ","


def _share_times(
    sent: _Sentence,
    starts: Sequence[int],
    owners: dict[int, TimeExpression],
    planned: set[int],
) -> None:
    """A trigger without a time takes the time of the trigger before it in the same sentence.

    "Russia on Thursday ordered ..., accusing them of ..." and "Hamas released ... on Friday
    and Israel freed ...": news reports a chain of actions with one time, given once.
    A reporting verb or a semicolon between them breaks the chain.
    """
    for k in starts:
        if k in owners:
            continue
        before = [j for j in starts if j < k and j in owners]
        if (
            before
            and not _strong_boundary(sent, before[-1], k)
            and (before[-1] in planned) == (k in planned)
            and "then" not in sent.lowers[before[-1] : k]  # "is due in X on Tuesday and will then visit Y"
        ):
            owners[k] = owners[before[-1]]


def _since_clause(doc: Document, sent: _Sentence, starts: Sequence[int], owners: dict[int, TimeExpression]) -> None:
    """In "Since X, A has done B", B runs from X to the reference date (an open range)."""
    toks = sent.tokens
    if not toks or toks[0].lower != "since" or doc.reference is None:
        return
    comma = next((i for i, t in enumerate(toks) if t.lower == ","), None)
    if comma is None:
        return
    lo, hi = toks[0].start, toks[comma].start
    inner = [t for t in doc.times if t.resolved is not None and lo <= t.span.start < hi]
    if not inner:
        return
    for k in starts:
        if k > comma and k not in owners:
            owners[k] = inner[0]


def _detached(sent: _Sentence, lo: int, hi: int, *, setting: bool = False) -> bool:
    """Whether a new clause starts between two tokens: a participle on a noun, or a comma before -ing or "which".

    With *setting*, a participle that gives the setting of a meeting ("the summit
    held in Germany") does not detach a place from the meeting.
    """
    toks = sent.tokens
    for k in range(max(lo, 1), hi):
        word, prev = toks[k].lower, toks[k - 1].lower
        if setting and word in _SETTING:
            continue
        if prev == "," and (word.endswith("ing") or word in {"which", "who", "while", "whose", "where"}):
            return True
        if (
            word.endswith("ed")
            and prev.isalpha()
            and not prev.endswith("ly")
            and prev not in _NOT_BEFORE_PARTICIPLE
            and sent.in_group[k - 1] < 0
        ):
            return True
    return False


def _scheduled_between(sent: _Sentence, lo: int, hi: int) -> bool:
    """Whether "slated/scheduled/due ... <time>" dates a noun between the trigger and the time."""
    return any(t.lower in {"slated", "scheduled", "due", "set", "expected", "planned"} for t in sent.tokens[lo:hi])


def _strong_boundary(sent: _Sentence, lo: int, hi: int) -> bool:
    return any(t.text in _BOUNDARY_PUNCT or t.lower in _SPEECH for t in sent.tokens[lo:hi])


def _date(
    doc: Document,
    sent: _Sentence,
    time: TimeExpression | None,
    trigger_at: int,
) -> tuple[TimeSpan | None, str | None]:
    if time is None or time.resolved is None:
        return None, None
    since = _since_range(doc, sent, time, trigger_at)
    if since is not None:
        return since, "since"
    return time.resolved, "clause"


_FOLLOW = frozenset(f"{verb} suit" for verb in inflections("follow")) | frozenset(
    f"{verb} {rest}" for verb in ("do", "does", "did", "doing", "done") for rest in ("the same", "likewise")
)
"""Phrases saying a party repeated the latest act ("Bahrain followed suit", "Spain did the same")."""
_FOLLOW_PATTERN = Pattern(id="follow.suit", cameo="030", kind="verb", phrases=("{follow} suit",))
"""A stand-in pattern for the mode of a follow-up: the words around it decide, as for a trigger."""


def _followed_suit(doc: Document, sent: _Sentence, events: Sequence[Event]) -> list[Event]:
    """Events of "X followed suit" / "X did the same": the latest act again, with X in its actor's place.

    In a mutual act (A and B agreed) X takes the place of the party that is
    not the article's hub (the one it names most): "A and B agreed ...
    C followed suit" is C and B agreeing when B is named more often.
    """
    if not events or not sent.groups or sent.words.isdisjoint(("suit", "same", "likewise")):
        return []
    at = next(
        (
            k
            for k in range(len(sent.tokens) - 1)
            if " ".join(sent.lowers[k : k + 2 + (sent.lowers[k + 1] == "the")]) in _FOLLOW
        ),
        None,
    )
    if at is None:
        return []
    actors = _actors(sent.left(at))
    last = events[-1]
    if not actors or last.trigger is None:
        return []
    group = [e for e in events if e.trigger is not None and e.trigger.start == last.trigger.start]
    counts: dict[str | None, int] = {}
    for m in doc.mentions:
        counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    times = [t for t in sent.times if t.kind is TimeKind.DATE and t.resolved is not None]
    date, method = _date(doc, sent, times[0] if times else None, at)
    n = 3 if sent.lowers[at + 1] == "the" else 2
    mode = sent.mode(Match(at, at + n, _FOLLOW_PATTERN, at), max((g.last for g in sent.left(at)), default=0))
    evidence = Evidence(text=sent.span.slice(doc.text), start=sent.span.start, end=sent.span.end)
    start, end = sent.tokens[at].start, sent.tokens[at + n - 1].end
    trigger = Evidence(text=doc.text[start:end], start=start, end=end)
    pairs: list[tuple[Actor, Actor | None, str]] = []
    for e in group:
        mutual = e.target is not None and any(
            _same_party(o.source, e.target) and _same_party(o.target, e.source) for o in group
        )
        if mutual and e.target is not None and e.source is not None:
            ours, theirs = counts.get(e.source.country, 0), counts.get(e.target.country, 0)
            if ours == theirs:
                continue  # no hub: which party the newcomer joins is unclear
            hub = e.source if ours > theirs else e.target
            pairs += [p for x in actors for p in ((x, hub, e.cameo), (hub, x, e.cameo)) if not _same_party(x, hub)]
        elif not any(_same_party(x, e.target) for x in actors):
            pairs += [(x, e.target, e.cameo) for x in actors]
    return [
        Event(
            article=doc.article.id,
            cameo=cameo,
            source=source,
            target=target,
            date=date,
            mode=mode,
            evidence=evidence,
            trigger=trigger,
            date_method=method,
            extractor=EventCoder.name,
            confidence=0.5 + 0.2 * (target is not None) + 0.15 * (date is not None) - 0.1,
        )
        for source, target, cameo in dict.fromkeys(pairs)
    ]


_MEDIATE = "045"
_MEDIATION_PATTERN = Pattern(id="consult.mediate.nominal", cameo=_MEDIATE, kind="noun", phrases=("mediation",))
"""The noun "mediation" ("under Saudi and US mediation"), read by `_mediations` rather than the lexicon."""


def _mediations(sent: _Sentence, found: list[_Found]) -> list[_Found]:
    """Give mediations their parties, and add those told by the noun "mediation".

    A mediator acts on each party of the talks it mediates (coded one way): the
    parties are the pair after "between" in the sentence ("talks between X and Y
    ... under Z's mediation"), else the mutual parties of another event of the
    sentence ("X and Y agreed ..."). Without either, the article's two main parties
    are used later (`EventCoder._events`).
    """
    if "mediation" not in sent.words and not any(f.pattern.cameo == _MEDIATE for f in found):
        return found
    parties = _actors(sent.parties_between())
    if not parties:
        mutual = next((f for f in found if f.pattern.symmetric and len(f.sources) >= 2), None)
        parties = mutual.sources if mutual is not None else ()
    if not parties:
        # "A released ... and B freed ..., under a truce brokered by X": the two sides of the other acts
        acts = [f for f in found if f.pattern.cameo != _MEDIATE and f.targets]
        sides = {a.country: a for f in acts for a in (*f.sources, *f.targets) if a.country}
        parties = tuple(sides.values()) if len(sides) == 2 else ()
    out: list[_Found] = []
    for f in found:
        if f.pattern.cameo == _MEDIATE and not f.targets:
            f = attrs.evolve(f, targets=tuple(a for a in parties if a.key not in {m.key for m in f.sources}))  # noqa: PLW2901
        out.append(f)
    taken = {f.match.first for f in found if f.pattern.cameo == _MEDIATE}
    for k, word in enumerate(sent.lowers):
        if word != "mediation" or any(abs(k - t) <= 3 for t in taken):
            continue
        mediators = sent.mediators(k)
        if not mediators:
            continue
        match = Match(k, k + 1, _MEDIATION_PATTERN, -1)
        targets = tuple(a for a in parties if a.key not in {m.key for m in mediators})
        trigger = Span(start=sent.tokens[k].start, end=sent.tokens[k].end)
        out.append(_Found(_MEDIATION_PATTERN, match, mediators, targets, sent.mode(match, 0), sent.span, trigger))
    return out


_SIGNED = "agree.sign"
"""The pattern of signed agreements, which an agreement named by its year is coded with."""
_PACTS = frozenset(
    {"deal", "agreement", "accord", "treaty", "pact", "memorandum", "deals", "agreements", "accords", "treaties"}
)


def _dated_agreements(sent: _Sentence, signed: Pattern) -> list[_Found]:
    """Agreements named by their year: "scrapped a 2016 deal with X" reports that the subject and X made one then.

    The parties are the clause's subject and the party after "with" (or the
    pair after "between"); the year dates the agreement, not the verb.
    """
    out: list[_Found] = []
    taken = [(m.first, m.last) for m in sent.matches if _plover(m.pattern) == "AGREE"]
    for t in sent.times:
        k = _token_index(sent, t.span.start)
        word = sent.tokens[k].text if k < len(sent.tokens) else ""
        if t.kind is not TimeKind.DATE or not (len(word) == 4 and word.isdigit()) or k == 0:
            continue
        if sent.lowers[k - 1] not in {"a", "the", "its", "their"} or any(lo <= k < hi for lo, hi in taken):
            continue  # "in 2016 a deal"; "signed a 2016 deal" is an agreement trigger of its own
        noun = next((j for j in range(k + 1, min(k + 5, len(sent.tokens))) if sent.lowers[j] in _PACTS), None)
        if noun is None or any(not sent.tokens[j].text.isalpha() or sent.in_group[j] >= 0 for j in range(k + 1, noun)):
            continue
        match = Match(k, noun + 1, signed, -1)
        sources = sent.between(match)
        targets: list[_Group] = []
        if not sources:
            sources = sent.left(k)
            targets = sent.right(noun + 1, ("with",), max_tokens=3, strict=True)
            if not targets or sent.lowers[noun + 1 : noun + 2] != ["with"]:
                continue
            end = max((g.last for g in sources), default=0)
            if sources and sent.lowers[end : end + 1] == ["to"]:
                continue  # "urged X to leave the 2015 deal with Y": X is asked; the deal's parties are not told
        src = _actors(sources)
        tgt = tuple(a for a in _actors(targets) if a.country not in {s.country for s in src})
        if src and (tgt or len(src) >= 2):
            trigger = Span(start=sent.tokens[k].start, end=sent.tokens[noun].end)
            out.append(_Found(signed, match, src, tgt, Mode.ASSERTED, sent.span, trigger))
    return out


_TRUCE = "retreat.ceasefire"
"""The pattern of ceasefires: an agreement on one is also the ceasefire, planned."""
_TRUCES = frozenset({"ceasefire", "truce", "cease-fire", "ceasefires", "truces", "armistice"})


def _agreed_truces(sent: _Sentence, found: Sequence[_Found], truce: Pattern) -> list[_Found]:
    """The ceasefire an agreement is about ("agreed to a ceasefire", "signed a deal for a truce"), planned.

    The agreement is an event of its own; the ceasefire it sets up is a second
    one between the same parties, as an intention (see the annotation guide).
    """
    out: list[_Found] = []
    for f in found:
        if _plover(f.pattern) != "AGREE" or f.match.verb_index < 0:
            continue
        hi = min(len(sent.tokens), f.match.last + 6)
        at = next((k for k in range(f.match.first, hi) if sent.lowers[k] in _TRUCES), None)
        if at is None or any(_is_boundary(t) or t.lower == "," for t in sent.tokens[f.match.last : at]):
            continue
        match = Match(at, at + 1, truce, -1)
        trigger = Span(start=sent.tokens[at].start, end=sent.tokens[at].end)
        out.append(_Found(truce, match, f.sources, f.targets, Mode.PLANNED, sent.span, trigger))
    return out


_RECALL = "161"
"""Recalling an envoy (or cutting ties): with forces as the object it is a withdrawal instead."""
_WITHDRAW = "retreat.withdraw"
_AGREED = "agree.to"
"""The pattern of plain agreements (030, mutual), for the parties of a pact the text only implies."""
_GIVING = frozenset({"COOPERATE", "AID"})


def _parties_under(sent: _Sentence, found: Sequence[_Found], agreed: Pattern) -> list[_Found]:
    """Parties of a pact the text implies: "Under the pact, A and B will help C build ..." (A, B, C agreed).

    Only material cooperation or aid under the pact makes its giver and its
    receiver parties; a withdrawal or an election under a deal does not.
    """
    if len(sent.tokens) < 3 or sent.lowers[0] != "under" or sent.lowers[1] not in _REFERRING | _ARTICLES:
        return []
    comma = next((k for k in range(2, min(len(sent.tokens), 10)) if sent.lowers[k] == ","), None)
    noun = next((k for k in range(2, comma or 0) if sent.lowers[k] in _PACTS | {"declaration", "plan"}), None)
    if comma is None or noun is None:
        return []
    parties: list[Actor] = []
    for f in found:
        mutual = f.pattern.symmetric and len(f.sources) >= 2
        if _plover(f.pattern) in _GIVING and f.match.first > comma and (f.targets or mutual):
            parties += [a for a in (*f.sources, *f.targets) if a.country and a not in parties]
    if len({a.country for a in parties}) < 2:
        return []
    trigger = Span(start=sent.tokens[noun].start, end=sent.tokens[noun].end)
    return [_Found(agreed, Match(noun, noun + 1, agreed, -1), tuple(parties), (), Mode.ASSERTED, sent.span, trigger)]


def _main_parties(doc: Document) -> tuple[str, ...]:
    """The two states an article is mostly about (by mentions), or fewer when unclear."""
    counts: dict[str, int] = {}
    for m in doc.mentions:
        if m.actor.country and m.actor.sector in (None, "GOV"):
            counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) >= 2 and (len(ranked) == 2 or ranked[1][1] > ranked[2][1]):
        return (ranked[0][0], ranked[1][0])
    return ()


_COUNTERPART_ROLES = ("head_of_state", "head_of_government", "foreign_minister")


def _reference_span(doc: Document) -> TimeSpan | None:
    return None if doc.reference is None else TimeSpan.day(doc.reference.date)


def _counterpart(visitor: Actor, country: str, when: TimeSpan | None) -> Actor | None:
    """The host of a visit by a head of state or government or a foreign minister: the counterpart in office.

    Diplomatic protocol pairs visitors with their counterparts: a state visit is
    hosted by the head of state, a foreign minister's visit by the foreign
    minister. The counterpart is looked up in the knowledge base on the day of
    the visit (or of the article).
    """
    if visitor.kind is not ActorKind.PERSON or visitor.role not in _COUNTERPART_ROLES or when is None:
        return None
    from diplomev.extractors.actors import person_actor  # noqa: PLC0415 - the actor step imports the KB lazily
    from diplomev.kb import KnowledgeBase  # noqa: PLC0415 - loaded only when a visit needs it

    kb = KnowledgeBase.default()
    host = kb.holder(country, visitor.role, on=when.start)
    return None if host is None else person_actor(kb, host, when.start, role=visitor.role)


def _plover(pattern: Pattern) -> str:
    return taxonomy.lookup(pattern.cameo).plover or ""


def _same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors are the same party (same country and sector, or the same name)."""
    if a.name and b.name:
        return a.name == b.name
    if a.kind is ActorKind.PERSON or b.kind is ActorKind.PERSON:
        return False
    return a.country == b.country and a.sector == b.sector and a.name == b.name


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.name and b.name:
        return a.name == b.name
    return a.country == b.country and a.name is None and b.name is None


def _inherit_meeting(events: list[Event], reference: dt.date | None) -> list[Event]:
    """Date undated events reported as outcomes of a dated meeting of the same parties.

    A readout of talks ("Kang also called for ...", "the two sides agreed ...")
    is dated by the talks: an undated, asserted event whose source is a named
    participant of the meeting (and whose target is the other participant or
    their state) takes the meeting's date and place. An undated agreement
    between the two states of a meeting held within a week of the reference
    date is taken as reached at that meeting.
    """
    meetings = [
        e
        for e in events
        if e.type is EventType.CONSULT
        and e.date is not None
        and e.mode is Mode.ASSERTED
        and e.source
        and e.target
        and (reference is None or e.date.start <= reference)
    ]
    if not meetings:
        return events
    index = _Meetings(meetings, reference)
    # "the two countries also agreed ...": told again after the text dated the pair's agreement, not reached
    # at another meeting of theirs
    agreed = {
        (e.source.key, e.target.key): e
        for e in events
        if e.type is EventType.AGREE
        and e.date_method == "clause"
        and e.mode is Mode.ASSERTED
        and e.source
        and e.target
        and not e.source.name
    }
    out = []
    for e in events:
        undated = e.date is None or (e.type is EventType.AGREE and e.date_method == "statement")
        if undated and e.mode is Mode.ASSERTED and e.source is not None:
            told = None
            if e.type is EventType.AGREE and e.date is None and e.target is not None and not e.source.name:
                told = agreed.get((e.source.key, e.target.key))
            m = told if told is not None else index.readout(e)
            if m is not None:
                e = attrs.evolve(  # noqa: PLW2901 - a changed copy replaces the event
                    e,
                    date=m.date,
                    date_method="meeting",
                    location=e.location or m.location,
                    location_method=e.location_method or ("meeting" if m.location else None),
                )
        out.append(e)
    return out


_ACTION_TYPES = frozenset(
    {"AGREE", "CONCEDE", "RETREAT", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "AID", "COOPERATE", "REJECT"}
)
"""What "the move", "the decision" can refer to: an act, not a statement or a meeting."""

_NOUN_TYPES: dict[str, frozenset[str]] = {
    "launch": frozenset({"MOBILIZE", "ASSAULT"}),
    "test": frozenset({"MOBILIZE"}),
    "attack": frozenset({"ASSAULT"}),
    "strike": frozenset({"ASSAULT"}),
    "raid": frozenset({"ASSAULT", "COERCE"}),
    "invasion": frozenset({"ASSAULT"}),
    "annexation": frozenset({"ASSAULT"}),
    "referendum": frozenset({"ASSAULT"}),
    "killing": frozenset({"ASSAULT"}),
    "expulsion": frozenset({"COERCE"}),
    "arrest": frozenset({"COERCE"}),
    "seizure": frozenset({"COERCE", "ASSAULT"}),
    "ban": frozenset({"SANCTION"}),
    "measure": frozenset({"SANCTION"}),
    "sanction": frozenset({"SANCTION"}),
    "restriction": frozenset({"SANCTION"}),
    "deployment": frozenset({"MOBILIZE"}),
    "drill": frozenset({"MOBILIZE", "ASSAULT"}),
    "exercise": frozenset({"MOBILIZE", "ASSAULT"}),
    "agreement": frozenset({"AGREE"}),
    "deal": frozenset({"AGREE"}),
    "accord": frozenset({"AGREE"}),
    "pact": frozenset({"AGREE"}),
    "summit": frozenset({"CONSULT"}),
    "meeting": frozenset({"CONSULT"}),
    "talks": frozenset({"CONSULT"}),
    "negotiation": frozenset({"CONSULT"}),
    "outcome": frozenset({"AGREE", "CONSULT"}),
    "result": frozenset({"AGREE", "CONSULT"}),
    "consensus": frozenset({"AGREE"}),
    "visit": frozenset({"CONSULT"}),
    "criticism": frozenset({"ACCUSE"}),
    "accusation": frozenset({"ACCUSE"}),
    "allegation": frozenset({"ACCUSE"}),
    "charge": frozenset({"ACCUSE"}),
    "request": frozenset({"REQUEST"}),
    "demand": frozenset({"REQUEST"}),
    "call": frozenset({"REQUEST"}),
    "threat": frozenset({"THREATEN"}),
    "remark": frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT"}),
    "comment": frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT"}),
    "ultimatum": frozenset({"THREATEN"}),
    "move": _ACTION_TYPES,
    "decision": _ACTION_TYPES,
    "step": _ACTION_TYPES,
}
"""Nouns that refer back to an earlier event ("condemned the launch"), with the types they can refer to."""
_ARTICLES = frozenset({"the", "a", "an"})

_RELATIVES = frozenset({"who", "which", "whose", "whom", "where"})
_RELATIVE_ADVERBS = frozenset({"had", "have", "has", "also", "then", "later", "briefly", "allegedly", "reportedly"})
"""Words between "who" and its verb that keep the verb in the relative clause ("who had seized")."""
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall"})
_ADJUNCT_OPENERS = frozenset({"after", "before", "following", "during"})
"""Prepositions opening a time adjunct whose action the clause's subject does ("said after talks with")."""
_AUXILIARIES = frozenset(
    {"has", "have", "had", "will", "would", "also", "is", "was", "were", "are", "did", "does", "then", "later"}
)
"""Words between a subject's closing comma and its verb ("..., has condemned", "..., also urged")."""
"""Relative pronouns: a clause they open between commas is an apposition to the mention before it."""

_ACT_NOUNS = frozenset(
    {
        "action",
        "actions",
        "policy",
        "plan",
        "plans",
        "proposal",
        "proposals",
        "remarks",
        "comments",
        "stance",
        "bid",
        "offer",
    }
)
"""Heads of an object whose owner a reaction is aimed at, besides nouns of events ("the U.S. action")."""
_REACTIONS = frozenset({"ACCUSE", "REJECT", "PROTEST", "SUPPORT", "THREATEN", "REQUEST"})


_MUTUAL_NOUNS = frozenset(
    {"deal", "agreement", "accord", "pact", "treaty", "talks", "summit", "truce", "ceasefire", "rapprochement",
     "normalisation", "normalization", "reconciliation", "declaration", "alliance", "partnership", "meeting",
     "negotiation", "outcome", "result", "consensus"}
)  # fmt: skip
"""Nouns of two-way acts: every party to the act it names is its actor ("denounced the deal": both signatories)."""
_COUNTS = {"two": 2, "both": 2, "twin": 2, "three": 3, "four": 4, "five": 5}
"""Number words that say how many earlier acts a noun phrase names ("the two deals")."""
_PHRASE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "both"})
"""Determiners opening a noun phrase that names an earlier act."""
_PHRASE_ENDS = frozenset(
    {"as", "on", "in", "by", "of", "for", "to", "and", "or", "with", "at", "from", "that", "which", "who", "was",
     "were", "is", "are", "has", "have", "had", "over", "after", "before", "against", "during", "but", "would",
     "will", "could", "saying", "calling", "amid", "since", "the", "a", "an", "it", "they", "he", "she", "we"}
)  # fmt: skip
"""Words that end a noun phrase naming an act ("the strikes on Monday", "the deal as a betrayal")."""
_HOSTILE = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
"""Acts a retaliation can answer."""
_RETALIATION_CUES = (
    "retaliat", "hit back", "hits back", "hitting back", "struck back", "strike back", "strikes back",
    "in response", "in return", "in reprisal", "tit-for-tat", "responded by", "responded on", "responded with",
)  # fmt: skip
"""Phrases saying that an act answers an earlier act against its actor ("Beijing retaliated by ...")."""


@attrs.frozen
class _Referent:
    """What a noun phrase naming an earlier act tells about it ("the two deals").

    Attributes:
        kinds: The event types the noun can name.
        noun: The noun as written, lowercase ("deals").
        count: How many acts the phrase names: 2 for "the two deals" or "both strikes", None for a plain
            plural ("the sanctions": every such act of the latest actors), 1 otherwise.
        mutual: Whether the act is two-way (a deal, talks), so that all its parties are its actors.
    """

    kinds: frozenset[str]
    noun: str
    count: int | None = 1
    mutual: bool = False

    @property
    def stem(self) -> str:
        """The noun without a plural ending ("deal"), to find the act told with the same word."""
        return self.noun.removesuffix("s") if self.noun.removesuffix("s") in _NOUN_TYPES else self.noun


def _noun_referent(words: Sequence[str]) -> _Referent | None:
    """The act named by a noun phrase opening *words* ("the two deals as ..."), if the phrase names one.

    The phrase starts with a determiner and ends at a preposition, a verb or a
    punctuation mark; its last noun of an act is its head.

    Examples:
        >>> _noun_referent(["the", "two", "deals", "as", "a", "betrayal"]).count
        2
        >>> _noun_referent(["the", "deal"]).mutual
        True
        >>> _noun_referent(["the", "minister"]) is None
        True
    """
    lowered = [w.lower() for w in words]
    if not lowered or lowered[0].strip(".,;:\"'") not in _PHRASE_DETERMINERS or lowered[0][-1:] in ",;:":
        return None
    count: int | None = _COUNTS.get(lowered[0], 1)
    head: tuple[str, frozenset[str]] | None = None
    for raw in lowered[1:6]:
        w = raw.strip(".,;:\"'()")
        if w in _PHRASE_ENDS or not w:
            break
        count = _COUNTS.get(w, count)
        kinds = _NOUN_TYPES.get(w.removesuffix("s")) or _NOUN_TYPES.get(w) or _nominalisation(w)
        if kinds:
            head = (w, kinds)
        if raw[-1:] in ",;:\"')" or (raw[-1:] == "." and "." not in raw[:-1]):
            break  # punctuation ends the phrase, but not the point of an abbreviation ("the U.S. decision")
    if head is None:
        return None
    noun, kinds = head
    stem = noun.removesuffix("s")
    plural = noun != stem and stem in _NOUN_TYPES and noun not in _NOUN_TYPES
    if plural and count == 1:
        count = None
    return _Referent(kinds=kinds, noun=noun, count=count, mutual=stem in _MUTUAL_NOUNS or noun in _MUTUAL_NOUNS)


def _event_anaphora(events: list[Event], doc: Document) -> list[Event]:
    """Give a reaction to an earlier act the actors of that act as targets.

    "X condemned the launch" targets whoever launched; "X denounced the two
    deals" targets the parties of both deals (but X); "the move was welcomed by
    X" and "X ... has condemned it" (after "the pact") read alike; and an act
    told as a retaliation ("Y hit back by imposing sanctions") targets the
    actor of the latest earlier hostile act against its source. The act
    referred to is the latest earlier one whose type fits the noun (see
    `_referred_acts` for how a better fitting one is preferred).
    """
    happenings: dict[tuple[int, int], list[Event]] = {}
    for e in events:
        if e.evidence is not None and e.trigger is not None and e.source is not None:
            happenings.setdefault((e.evidence.start, e.trigger.start), []).append(e)
    parties = _main_parties(doc)
    out: list[Event] = []
    for e in events:
        if e.target is None and e.evidence is not None and e.trigger is not None and e.source is not None:
            own = {a.key for a in _sources(happenings.get((e.evidence.start, e.trigger.start), [e]))}
            own |= {a.country for a in _sources(happenings.get((e.evidence.start, e.trigger.start), [e]))}
            ref = _event_referent(e) if e.type.value in _REACTIONS else None
            targets: list[Actor] = []
            if ref is not None:
                targets = _referred_acts(e, ref, out, own, doc, parties=parties)
            elif e.type.value != "SUPPORT" and _retaliates(e.evidence.text):
                answered = _Referent(kinds=_HOSTILE, noun="")
                targets = _referred_acts(e, answered, out, own, doc, aimed_at=own, parties=parties)
            if targets:
                out.extend(attrs.evolve(e, target=t) for t in targets)
                continue
        out.append(e)
    return out


def _sources(events: Iterable[Event]) -> list[Actor]:
    return [e.source for e in events if e.source is not None]


def _retaliates(sentence: str) -> bool:
    """Whether a sentence tells an act as an answer to an earlier one ("Y retaliated by expelling ...")."""
    low = sentence.lower()
    return any(cue in low for cue in _RETALIATION_CUES)


def _referred_acts(
    e: Event,
    ref: _Referent,
    prior: Sequence[Event],
    own: set[str | None],
    doc: Document,
    *,
    aimed_at: set[str | None] | None = None,
    parties: tuple[str, ...] = (),
) -> list[Actor]:
    """The actors of the earlier acts that *ref*, in the reaction *e*, names: the targets of the reaction.

    Candidates are the earlier happenings (events of one trigger) of a fitting
    type by others than the reacting actors *own* (aimed at *aimed_at*, for a
    retaliation), and earlier reactions to an act of a fitting type, which
    stand for that act's actor ("Y called the decision ... . X welcomed the
    move"). Those told with the same noun are preferred ("the pact" is the
    act told as a pact); then those whose actors the reaction's sentence
    names ("condemned the strikes and summoned the Iranian envoy"). The latest
    one is taken, or the latest two for "the two deals", or every remaining
    one for a plain plural ("condemned the sanctions"). When the reacting
    actor is one of the article's two main *parties* and the other is among
    the chosen actors, the reaction is aimed at that other party alone.
    """
    if e.evidence is None:
        return []
    happenings: dict[tuple[int, int], list[Event]] = {}
    for p in prior:
        if p.evidence is None or p.trigger is None or p.source is None or p.evidence.start >= e.evidence.start:
            continue
        if p.mode is not Mode.NEGATED:
            happenings.setdefault((p.evidence.start, p.trigger.start), []).append(p)
    acts: list[tuple[str, list[Actor]]] = []
    lead: tuple[str, list[Actor]] | None = None
    for told in happenings.values():
        actors = [a for a in _act_actors(told, ref, aimed_at) if a.key not in own and a.country not in own]
        if actors and told[0].trigger is not None:
            acts.append((told[0].trigger.text.lower(), actors))
            if told is next(iter(happenings.values())):
                lead = acts[-1]
    found = acts
    if ref.noun:
        same = [act for act in found if _same_word(ref.stem, act[0])]
        # a noun of no known kind ("the diversion") names only an act told with a word of the same root
        found = same if same or ref.stem not in _NOUN_TYPES else found
    named = {
        m.actor.key
        for m in doc.mentions
        if e.evidence.start <= m.span.start < e.evidence.end and m.actor.key not in own and m.actor.country not in own
    }
    shown = [(text, [a for a in actors if a.key in named]) for text, actors in found]
    shown = [act for act in shown if act[1]]
    found = shown or found
    if ref.kinds == _ACTION_TYPES and lead in found:
        found = [lead]  # "the move", "the decision": the act the article leads with, if it is one
    chosen = [a for _, actors in (found[-ref.count :] if ref.count is not None else found) for a in actors]
    other = [c for c in parties if c not in own]
    if len(parties) == 2 and len(other) == 1 and any(a.country == other[0] for a in chosen):
        chosen = [a for a in chosen if a.country == other[0]]
    targets: dict[str | None, Actor] = {}
    for a in chosen:
        actor = Actor(country=a.country, kind=ActorKind.STATE) if a.country else a
        targets.setdefault(actor.key, actor)
    return list(targets.values())


def _same_word(stem: str, trigger: str) -> bool:
    """Whether a trigger has a word of the noun's root ("deployment" and "deployed", "diversion" and "diverted").

    Examples:
        >>> _same_word("withdrawal", "withdrew its troops from")
        True
        >>> _same_word("strike", "fired missiles at")
        False
    """
    need = min(5, len(stem))
    return any(len(w) >= need and w[:need] == stem[:need] for w in trigger.split())


def _act_actors(told: Sequence[Event], ref: _Referent, aimed_at: set[str | None] | None) -> list[Actor]:
    """The actors of one earlier happening (the events of one trigger) that *ref* can name, if any.

    A two-way noun ("the deal") names every party; a one-way noun ("the move")
    names the subject of a reciprocal happening ("X agreed with Y to ...": X)
    and every source of another ("X, Y and Z imposed sanctions"). A happening
    that is itself a reaction to an act the noun can name ("Y called the U.S.
    decision dangerous") stands for that act: its target is the actor.
    """
    fitting = [
        p
        for p in told
        if p.type.value in ref.kinds and (aimed_at is None or (p.target is not None and p.target.key in aimed_at))
    ]
    if fitting:
        sources = [p.source for p in fitting if p.source is not None]
        targets = [p.target for p in fitting if p.target is not None]
        if ref.mutual:
            return sources + targets
        reciprocal = any(t.key in {a.key for a in sources} for t in targets)
        return sources[:1] if reciprocal else sources
    if aimed_at is not None:
        return []
    return [
        p.target
        for p in told
        if p.target is not None
        and p.type.value in _REACTIONS
        and (r := _event_referent(p)) is not None
        and r.kinds & ref.kinds
        and r.stem in _NOUN_TYPES
    ]


def _event_referent(e: Event) -> _Referent | None:
    """The earlier act that the object of a reaction names ("the launch"), if it names one."""
    if e.trigger is None or e.evidence is None:
        return None
    return _referent(
        e.trigger.text.split()[1:],
        e.evidence.text[e.trigger.end - e.evidence.start :].split()[:6],
        e.evidence.text[: e.trigger.start - e.evidence.start],
    )


def _referred_types(e: Event) -> frozenset[str] | None:
    """The event types the object of a reaction refers to ("the launch"), if it is such a noun."""
    ref = _event_referent(e)
    return ref.kinds if ref is not None else None


_NOT_ACTS = frozenset(
    {"nation", "region", "population", "situation", "position", "question", "union", "commission", "government",
     "department", "parliament", "statement", "station", "opinion", "mission", "operation", "organization",
     "organisation", "institution", "federation", "delegation", "administration", "nature", "future"}
)  # fmt: skip
"""Nouns in -tion/-ment that name things, not acts: "condemned the mission" does not refer to an earlier event."""


def _nominalisation(word: str) -> frozenset[str] | None:
    """The acts a noun of action can refer to ("the diversion", "the annexation", "the withdrawal"), if it is one."""
    w = word.removesuffix("s")
    if len(w) > 6 and w.isalpha() and w not in _NOT_ACTS and w.endswith(("tion", "sion", "ment", "wal", "ure")):
        return _ACTION_TYPES
    return None


def _refers_back(sent: _Sentence, match: Match) -> bool:
    """Whether the object of a trigger is an earlier act ("welcomed the move", "the decision was welcomed").

    Such an event gets its target from the referred act (`_event_anaphora`).
    """
    verb = match.verb_index if match.verb_index >= 0 else match.first
    return (
        _referent(
            [t.text for t in sent.tokens[verb + 1 : match.last]],
            [t.text for t in sent.tokens[match.last : match.last + 6]],
            " ".join(t.text for t in sent.tokens[: match.first]),
        )
        is not None
    )


def _referred_kinds(inside: Sequence[str], after: Sequence[str], before: str) -> frozenset[str] | None:
    """The event types that "the <noun>" refers to, if the object of a trigger is such a noun phrase."""
    ref = _referent(inside, after, before)
    return ref.kinds if ref is not None else None


def _referent(inside: Sequence[str], after: Sequence[str], before: str) -> _Referent | None:
    """The earlier act named by the object of a trigger, if the object is a noun phrase naming one.

    The noun phrase is looked for inside the trigger ("viewed the strike as
    aggression"), running on after it ("welcomed the" + "move"), after it
    ("condemned the launch"), then as the subject of a passive trigger ("the
    move was welcomed"); *before* is the text before the trigger. An object
    "it" or "them" stands for the last such phrase before the trigger ("X,
    which the pact is aimed at, has condemned it").
    """
    words = list(inside) + list(after)
    for k in range(min(len(inside), 3) + 1):
        ref = _noun_referent(words[k:])
        if ref is not None:
            return ref
        if k == 0 and words[:1] and words[0].lower().strip(".,;:\"'") in ("it", "them"):
            return _last_referent(before)
    return _passive_referent(before)


def _last_referent(before: str) -> _Referent | None:
    """The last noun phrase naming an act in *before* ("the pact" in "X, which the pact is aimed at,")."""
    words = before.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in _PHRASE_DETERMINERS:
            ref = _noun_referent(words[k:])
            if ref is not None:
                return ref
    return None


_REFERRING = frozenset({"the", "this", "that", "its", "their"})
"""Determiners of a noun phrase that refers back to an event."""

_PASSIVE_BE = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "being", "be", "widely", "also"})


def _passive_referent(before: str) -> _Referent | None:
    """For "The two deals were denounced by X": the act named by the noun phrase before the passive verb."""
    words = [w.strip(".,;:\"'") for w in before.split()]
    k = len(words)
    while k > 0 and words[k - 1].lower() in _PASSIVE_BE:
        k -= 1
    if k == len(words):
        return None
    for j in range(k - 2, max(k - 5, -1), -1):
        if words[j].lower() in _PHRASE_DETERMINERS:
            return _noun_referent(words[j:k])
    return None


def _deployment_places(events: list[Event]) -> list[Event]:
    """A deployment told again without its place is where the article first placed it."""
    where = next((e.location for e in events if e.type is EventType.MOBILIZE and e.location is not None), None)
    if where is None:
        return events
    return [
        attrs.evolve(e, location=where, location_method="article")
        if e.type is EventType.MOBILIZE and e.location is None
        else e
        for e in events
    ]


_REMOTE_WORDS = frozenset({"phone", "telephone", "call", "calls", "video", "videoconference", "virtual", "virtually"})
"""Words of a meeting held at a distance ("a telephone call", "a video summit"): it has no one place."""


def _remote(e: Event) -> bool:
    """Whether a meeting was held by phone or video ("held a telephone call", "spoke by phone")."""
    words = set((e.trigger.text if e.trigger else "").lower().split())
    text = e.evidence.text.lower() if e.evidence else ""
    return not words.isdisjoint(_REMOTE_WORDS) or "by phone" in text or "by telephone" in text


def _at_dateline(events: Sequence[Event], country: str | None) -> list[bool]:
    """Which events of the news day the dateline places: those the dateline's country does, meetings, agreements.

    A dispatch from a capital reports what happens there: the acts of its own
    state, the meetings held and agreements reached there (not phone calls)
    and what the parties of those meetings said that day. Another state's act reported from
    there ("TOKYO - Beijing suspended imports") happened elsewhere. Without a
    known country for the dateline every event qualifies.
    """
    if country is None:
        return [True] * len(events)
    meetings = [e for e in events if e.type is EventType.CONSULT and not _remote(e)]
    present = {
        (a.country, e.date) for e in meetings for a in (e.source, e.target) if a is not None and a.country is not None
    }
    out = []
    for e in events:
        src = e.source.country if e.source is not None else None
        out.append(
            src == country
            or (e.type is EventType.CONSULT and not _remote(e))
            or e.type is EventType.AGREE
            or (src is not None and (src, e.date) in present)
        )
    return out


def _dateline_places(events: list[Event], doc: Document, reference: dt.date | None) -> list[Event]:
    """Place events of the news day (the reference day or the day before) at the dateline (see `_at_dateline`)."""
    place = doc.article.source.dateline
    if not place or reference is None:
        return events
    country = next((p.location.country for p in doc.places if p.location.name == place), None)
    if country is None:
        from diplomev.extractors.actors import place_country  # noqa: PLC0415 - the KB only when needed
        from diplomev.kb import KnowledgeBase  # noqa: PLC0415

        country = place_country(KnowledgeBase.default(), place)
    out = []
    for e, here in zip(events, _at_dateline(events, country), strict=True):
        if here and e.location is None and e.date is not None and 0 <= (reference - e.date.end).days <= 1:
            e = attrs.evolve(  # noqa: PLW2901 - a changed copy replaces the event
                e,
                location=Location(name=place, country=country),
                location_method="dateline",
            )
        out.append(e)
    return out


class _Latest:
    """Meetings, by their position in the list and the start of their evidence."""

    def __init__(self) -> None:
        self.indices: list[int] = []
        self.starts: list[int] = []
        self._sorted: tuple[list[int], list[int]] | None = None

    def add(self, index: int, start: int) -> None:
        self.indices.append(index)
        self.starts.append(start)

    def pick(self, here: int) -> int:
        """The last meeting (in list order) whose evidence starts at or before *here*, else the first meeting."""
        if self._sorted is None:
            order = sorted(range(len(self.indices)), key=self.starts.__getitem__)
            best: list[int] = []
            for k in order:
                best.append(max(best[-1], self.indices[k]) if best else self.indices[k])
            self._sorted = ([self.starts[k] for k in order], best)
        starts, best = self._sorted
        pos = bisect.bisect_right(starts, here) - 1
        return best[pos] if pos >= 0 else self.indices[0]


class _Meetings:
    """The dated meetings of an article, indexed so that each undated event finds its meeting in log time.

    An event is a readout of a meeting when its source is a named participant
    and its target is missing, the other participant or a state of the
    meeting; or, for an unnamed source, when it is an agreement between the
    meeting's two states and the meeting is within a week of the reference
    date. Testing every event against every meeting made the step quadratic
    on long articles; the answer depends only on the names and states of the
    meeting, so meetings are filed under those.
    """

    def __init__(self, meetings: list[Event], reference: dt.date | None) -> None:
        self.meetings = meetings
        self.reference = reference
        self.all: dict[tuple[object, ...], _Latest] = {}
        self.talks: dict[tuple[object, ...], _Latest] = {}
        for i, m in enumerate(meetings):
            assert m.source is not None  # noqa: S101 - meetings have both parties
            assert m.target is not None  # noqa: S101 - meetings have both parties
            assert m.date is not None  # noqa: S101 - meetings are dated
            people = {m.source.name, m.target.name} - {None}
            states = {m.source.country, m.target.country}
            keys: list[tuple[object, ...]] = [("named", a) for a in people]
            keys += [("named", a, b) for a in people for b in people]
            keys += [("named", a, "country", c) for a in people for c in states]
            if reference is not None and abs((m.date.end - reference).days) <= 7 and len(states) == 2:
                keys.append(("states", frozenset(states)))
            start = m.evidence.start if m.evidence is not None else -1
            for key in keys:
                self.all.setdefault(key, _Latest()).add(i, start)
                if m.cameo in {"040", "044", "046"}:
                    self.talks.setdefault(key, _Latest()).add(i, start)

    def readout(self, e: Event) -> Event | None:
        """The meeting *e* reports an outcome of: talks first, the last one before *e*, else the first; or None."""
        assert e.source is not None  # noqa: S101 - checked by the caller
        key: tuple[object, ...]
        if e.source.name:
            if e.target is None:
                key = ("named", e.source.name)
            elif e.target.name is not None:
                key = ("named", e.source.name, e.target.name)
            else:
                key = ("named", e.source.name, "country", e.target.country)
        elif e.type is EventType.AGREE and self.reference is not None and e.target is not None:
            key = ("states", frozenset({e.source.country, e.target.country}))
        else:
            return None
        found = self.talks.get(key) or self.all.get(key)
        if found is None:
            return None
        return self.meetings[found.pick(e.evidence.start if e.evidence else 0)]


def _precision(span: TimeSpan | None) -> int:
    if span is None:
        return 10**6
    return (span.end - span.start).days


def _merge(events: list[Event]) -> list[Event]:
    """Merge events of one article that report the same happening.

    Two events are the same happening when they have the same type, mode and
    source, compatible targets (equal, or one of them unknown) and compatible
    dates (overlapping, or one of them unknown). The merged event keeps the
    most precise date, the known target and place, and every evidence span.
    """
    merged: list[Event] = []
    # Only events of one bucket (type, mode, CAMEO root, source) can be the same happening; the extra
    # evidence is gathered in lists and sets and set once at the end, so merging stays linear.
    buckets: dict[tuple[object, ...], list[int]] = {}
    extras: list[list[Evidence]] = []
    seen: list[set[Evidence]] = []
    for e in events:
        key = _merge_key(e)
        for i in buckets.get(key, ()) if key is not None else ():
            m = merged[i]
            if _same_happening(m, e):
                date = m.date if _precision(m.date) <= _precision(e.date) else e.date
                if e.evidence is not None and e.evidence != m.evidence and e.evidence not in seen[i]:
                    extras[i].append(e.evidence)
                    seen[i].add(e.evidence)
                merged[i] = attrs.evolve(
                    m,
                    target=m.target or e.target,
                    date=date,
                    date_method=m.date_method if date == m.date else e.date_method,
                    location=m.location or e.location,
                    location_method=m.location_method or e.location_method,
                    confidence=max(m.confidence, e.confidence),
                    id=m.id,
                )
                break
        else:
            if key is not None:
                buckets.setdefault(key, []).append(len(merged))
            merged.append(e)
            extras.append(list(e.extra_evidence))
            seen.append(set(e.extra_evidence))
    return [
        attrs.evolve(m, extra_evidence=tuple(extra)) if len(extra) != len(m.extra_evidence) else m
        for m, extra in zip(merged, extras, strict=True)
    ]


def _merge_key(e: Event) -> tuple[object, ...] | None:
    """The bucket of events `_same_happening` may join (type, mode, CAMEO root, source); None: it joins none."""
    if e.source is None:
        return None
    source = (e.source.name, None) if e.source.name else (None, e.source.country)
    return (e.cameo[:2], e.type, e.mode, source)


def _refines(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    """Whether one date is a day inside the other, wider one ("last month" and "on Oct. 31")."""
    if a is None or b is None or a == b:
        return False
    day, wide = (a, b) if a.start == a.end else (b, a)
    return day.start == day.end and wide.start <= day.start and day.end <= wide.end


def _same_happening(m: Event, e: Event) -> bool:
    if m.cameo[:2] != e.cameo[:2] or m.type is not e.type or m.mode is not e.mode:
        return False
    if (m.cameo == "042") != (e.cameo == "042"):
        return False
    if m.source is None or e.source is None:
        return False
    same_source = (
        m.source.name == e.source.name
        if m.source.name and e.source.name
        else (
            m.source.country == e.source.country
            and (m.source.sector is None or e.source.sector is None or m.source.sector == e.source.sector)
            and m.source.name is None
            and e.source.name is None
        )
    )
    if not same_source:
        return False
    if m.target is not None and e.target is not None:
        if not _same_party(m.target, e.target) or (m.target.sector != e.target.sector and not _refines(m.date, e.date)):
            return False
    elif (m.target is not None or e.target is not None) and m.date is not None and e.date is not None:
        return False  # one report names no target: the same happening only when no dates differ
    return m.date is None or e.date is None or m.date.overlaps(e.date)
