"""Which way a time expression without a year or week points: the tense of its clause.

`tense` reads a bounded window of words on each side of an expression (never
past the sentence) and returns +2 when the nearest cue is a future one
("will", "is expected to", "scheduled"), -2 when it is a past one ("said",
"was", "met", "announced", "ago"), +1 when it is only an infinitive of
purpose ("to visit", a weak future cue), and 0 when the clause gives no cue.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|[.!?;|\n]")
_IN_TOKEN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'\u2019-")
"""The characters a token can go on with: no token runs across a character not in this set."""
_BOUNDARY = frozenset(".!?;|\n")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "gov",
        "sen",
        "rep",
        "prof",
        "no",
        "vs",
        "inc",
        "corp",
        "co",
        "ltd",
        "jr",
        "sr",
        "lt",
        "col",
        "capt",
        "sgt",
        "mt",
        "ft",
        "rev",
        "est",
        "approx",
        "dept",
        "univ",
    ],
)
_FUTURE = frozenset(
    [
        "will",
        "shall",
        "would",
        "scheduled",
        "slated",
        "planned",
        "plans",
        "plan",
        "planning",
        "expected",
        "expects",
        "expect",
        "expecting",
        "upcoming",
        "next",
        "coming",
        "forthcoming",
        "intends",
        "intend",
        "intended",
        "intending",
        "aims",
        "aim",
        "aiming",
        "hopes",
        "hope",
        "soon",
        "tomorrow",
        "ahead",
        "may",
        "might",
        "prepare",
        "prepares",
        "preparing",
        "proposed",
        "propose",
        "pending",
        "await",
        "awaits",
        "awaiting",
        "tentatively",
        "later",
    ],
)
_PAST = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "has",
        "have",
        "been",
        "ago",
        "since",
        "earlier",
        "recently",
        "recent",
        "already",
        "previously",
        "yesterday",
        "formerly",
        "wasn't",
        "weren't",
        "didn't",
        "hadn't",
    ],
)
_IRREGULAR_PAST = frozenset(
    [
        "said",
        "told",
        "met",
        "held",
        "took",
        "made",
        "came",
        "went",
        "saw",
        "gave",
        "began",
        "left",
        "sent",
        "spoke",
        "won",
        "lost",
        "led",
        "fell",
        "rose",
        "became",
        "brought",
        "thought",
        "found",
        "kept",
        "ran",
        "struck",
        "sought",
        "paid",
        "stood",
        "wrote",
        "chose",
        "drew",
        "fought",
        "flew",
        "broke",
        "beat",
        "bought",
        "caught",
        "fled",
        "grew",
        "heard",
        "knew",
        "meant",
        "overcame",
        "rode",
        "shot",
        "sold",
        "sat",
        "spent",
        "stole",
        "swore",
        "taught",
        "threw",
        "understood",
        "woke",
        "withdrew",
        "wore",
        "got",
        "forgot",
        "froze",
        "hung",
        "laid",
        "sank",
        "sang",
        "slid",
        "spun",
        "swam",
        "swung",
        "tore",
    ],
)
_SAME_FORM_PAST = frozenset(["hit", "cut", "shut", "quit", "hurt", "burst", "shed", "split", "cast", "spread", "upset"])
"""Verbs whose past is their base form: past unless a modal, "to" or "not" comes before ("will hit")."""
_BEFORE_BASE_FORM = frozenset(
    [
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "to",
        "not",
        "never",
        "did",
        "do",
        "does",
    ]
)
_NOT_VERBS = frozenset(
    [
        "hundred",
        "united",
        "limited",
        "detailed",
        "advanced",
        "alleged",
        "armed",
        "skilled",
        "wicked",
        "naked",
        "sacred",
        "beloved",
        "aged",
        "interested",
        "concerned",
        "related",
        "based",
        "talented",
        "red",
        "bed",
        "shed",
        "wed",
    ],
)
_BE = frozenset(["be", "is", "are", "am", "being"])
_POSTPONE = frozenset(
    [
        "postponed",
        "delayed",
        "deferred",
        "rescheduled",
        "moved",
        "pushed",
        "put",
        "adjourned",
        "extended",
        "brought",
        "back",
        "off",
    ],
)
_MODALS = frozenset(["may", "might"])  # capitalised, "May" is the month
_EED_PAST = frozenset(["agreed", "disagreed", "freed", "guaranteed", "decreed", "refereed"])
_PREPOSITIONS = frozenset(
    [
        "of",
        "for",
        "with",
        "by",
        "in",
        "on",
        "at",
        "from",
        "into",
        "about",
        "over",
        "under",
        "against",
        "among",
        "between",
        "without",
        "within",
        "across",
    ],
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "more",
        "most",
        "very",
        "newly",
        "so",
    ]
)
_NOT_AFTER_TO = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "date",
        "power",
        "office",
        "normal",
        "war",
        "prison",
        "jail",
        "court",
        "death",
        "bed",
        "school",
        "hospital",
        "him",
        "them",
        "us",
        "me",
        "it",
        "whom",
        "which",
        "what",
        "around",
        "about",
        "some",
        "all",
        "both",
        "each",
        "every",
        "any",
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ],
)
_NOT_BEFORE_TO = frozenset(
    [
        "according",
        "thanks",
        "prior",
        "owing",
        "compared",
        "close",
        "next",
        "up",
        "back",
        "similar",
        "contrary",
        "addition",
        "respect",
        "regard",
        "relation",
        "response",
        "opposed",
        "leading",
        "led",
        "as",
    ],
)
_MAX_LEFT = 20
STRONG = 2
"""The size of a strong cue: a finite verb, an auxiliary, a tense adverb."""
WEAK = 1
"""The size of a weak cue: an infinitive of purpose."""
_MAX_RIGHT = 12


_CUE_WORDS = _FUTURE | _PAST | _POSTPONE | _IRREGULAR_PAST | _SAME_FORM_PAST | {"to", "won't"}
"""The words that can be a cue (with those ending in "'ll" or "ed"), whatever their context."""


def _is_boundary(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    if tok not in _BOUNDARY:
        return False
    if tok != ".":
        return True
    prev = tokens[i - 1].lower() if i > 0 else ""
    return not (len(prev) == 1 or prev in _ABBREVIATIONS)


def _cue(tokens: list[str], i: int) -> int:
    word = tokens[i]
    low = word.lower().replace("\u2019", "'")
    if low not in _CUE_WORDS and not low.endswith(("'ll", "ed")):
        return 0  # most words: none of the cases below can give a cue
    prev = tokens[i - 1].lower() if i > 0 else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if low == "later" and nxt.lower() == "on":
        return 0  # "Later on Wednesday, the envoy met the king": later than what the text told before
    if (low in _FUTURE and (word.islower() or low not in _MODALS)) or low.endswith("'ll") or low == "won't":
        before = tokens[i - 2].lower() if i > 1 else ""
        if prev == "had" or (prev == "been" and before == "had"):
            # "had been planned for February": a plan of the past, for a time now past.
            return -STRONG
        return STRONG
    if low == "to":
        if (
            nxt.islower()
            and nxt not in _NOT_AFTER_TO
            and prev not in _NOT_BEFORE_TO
            and not (nxt.endswith("s") and not nxt.endswith(("ss", "us")))
        ):
            return WEAK
        return 0
    if low in _POSTPONE and nxt.lower() in {"to", "until", "till"}:
        # "postponed to April", "pushed back until Friday": the new date lies ahead.
        return STRONG
    if low in _PAST:
        return -STRONG
    if low in _SAME_FORM_PAST:
        # "Missiles hit the port on Sunday" (past), "missiles will hit" (no cue here: "will" decides).
        if not word.islower() or prev in _BEFORE_BASE_FORM or prev.endswith(("'ll", "\u2019ll", "n't", "\u2019t")):
            return 0
        if prev in _BE or prev in _DETERMINERS or prev in _PREPOSITIONS:
            return 0
        return -STRONG
    if word.islower() and (
        low in _IRREGULAR_PAST
        or (low.endswith("ed") and (not low.endswith("eed") or low in _EED_PAST) and len(low) > 4)
    ):
        # A participle after "be" ("will be held"), a determiner ("an advanced system") or a
        # preposition ("of trusted partners") is not a finite past verb.
        if low in _NOT_VERBS or prev in _BE or prev in _DETERMINERS or prev in _PREPOSITIONS:
            return 0
        return -STRONG
    return 0


def _stretch_start(text: str, end: int, low: int) -> int:
    """Return where a stretch ending at *end* starts: 60 characters back, after a character no token goes on with.

    *low* is the start of the window (the result is never before it).
    """
    begin = max(low, end - 60)
    while begin > low and text[begin - 1] in _IN_TOKEN:
        begin -= 1
    return begin


def _stretch_end(text: str, start: int, high: int) -> int:
    """Return where a stretch starting at *start* ends: 60 characters on, before a character no token goes on with.

    *high* is the end of the window (the result is never after it).
    """
    stop = min(high, start + 60)
    while stop < high and text[stop] in _IN_TOKEN:
        stop += 1
    return stop


def tense(text: str, start: int, end: int) -> int:
    """Return the tense of the clause around ``text[start:end]``: +2/-2 future/past, +1 weakly future, 0 unknown.

    The nearest cue on the left, within the sentence, decides; failing
    that, the nearest cue on the right.

    Examples:
        >>> s = "Ministers met on Friday and will meet again on Friday."
        >>> tense(s, 16, 22), tense(s, 47, 53)
        (-2, 2)
    """
    # The words on the left are read back to a cue, a boundary or the 20th word, most often within a
    # few words: they are tokenised a stretch at a time, right to left, from 240 characters back
    # at most (the window). A stretch starts just after a character no token goes on with (or at
    # the window's start), so its tokens are those of the whole window, and the walk has the two
    # tokens before the current one (which `_is_boundary` and `_cue` read) unless the window is done.
    low = max(0, start - 240)
    begin = _stretch_start(text, start, low)
    left = _TOKEN.findall(text, begin, start)
    words = 0
    i = len(left) - 1
    while i >= 0 or begin > low:
        if i < 2 and begin > low:
            more_from = _stretch_start(text, begin, low)
            more = _TOKEN.findall(text, more_from, begin)
            left = more + left
            i += len(more)
            begin = more_from
            continue
        if left[i] in _BOUNDARY:
            if _is_boundary(left, i):
                break
        else:
            cue = _cue(left, i)
            if cue:
                return cue
            words += 1
            if words >= _MAX_LEFT:
                break
        i -= 1
    # The words on the right, in the same way: left to right, a stretch at a time, ending before
    # a character no token goes on with, the token after the current one at hand (`_cue` reads it).
    high = min(len(text), end + 200)
    stop = _stretch_end(text, end, high)
    right = _TOKEN.findall(text, end, stop)
    words = 0
    i = 0
    while i < len(right) or stop < high:
        if i + 1 >= len(right) and stop < high:
            more_to = _stretch_end(text, stop, high)
            right += _TOKEN.findall(text, stop, more_to)
            stop = more_to
            continue
        if right[i] in _BOUNDARY:
            if _is_boundary(right, i):
                break
        else:
            cue = _cue(right, i)
            if cue:
                return cue
            words += 1
            if words >= _MAX_RIGHT:
                break
        i += 1
    return 0
