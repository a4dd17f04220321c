"""A document's text as tokens, sentences and knowledge-base phrases, shared by the actor steps.

The places, actors and coreference steps all read the same analysis; the
last one computed is kept, so the three steps tokenise an article once.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import threading
from collections.abc import Sequence
from typing import Any

from diplomev.kb._base import KnowledgeBase
from diplomev.kb._lexicon import Lexeme, normalise, normalise_all, tokenise
from diplomev.model import Document, Span

__all__ = ["Analysis", "analyse"]

_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "di", "du", "ibn"}
)
_NOT_NAMES = frozenset(
    {
        "the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "of", "for", "by", "with", "from",
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that",
        "these", "those", "there", "here", "as", "after", "before", "when", "while", "since", "during",
        "meanwhile", "however", "still", "also", "earlier", "later", "yesterday", "today", "tomorrow",
        "separately", "instead", "moreover", "furthermore", "additionally", "besides", "nonetheless",
        "nevertheless", "then", "now", "thus", "therefore", "indeed", "finally", "first", "second",
        "last", "elsewhere", "otherwise", "similarly", "likewise", "accordingly", "consequently", "hence",
        "yet", "so", "both", "all", "some", "many", "most", "several", "such", "other", "another",
        "according", "despite", "although", "though", "if", "because", "where", "what", "who", "which",
        "why", "how", "not", "no", "yes", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "photo", "file", "update",
        "updated", "reporting", "editing", "related", "news", "send", "feedback", "read", "more",
        "see", "said", "says", "added", "noted", "told", "asked", "state", "national",
        "communist", "democratic", "republican", "labour", "liberal", "conservative", "socialist",
    }
)  # fmt: skip


@functools.lru_cache(maxsize=1 << 14)
def _name_word(token: str) -> bool:
    """Whether a token with a capital initial may be part of a name: a word, not an acronym, not a function word."""
    return token.isalpha() and not (len(token) > 1 and token.isupper()) and normalise(token) not in _NOT_NAMES


class Analysis:
    """The tokens, sentences and knowledge-base phrases of one text.

    Attributes:
        text: The article's text.
        starts: Start offset of each token.
        ends: End offset of each token.
        toks: Each token as written.
        keys: Each token normalised (`diplomev.kb.normalise`).
        sentences: Token ranges ``(first, last)`` of the sentences, in order.
        at: For each token that starts a phrase of the knowledge base, the
            end of the phrase and its readings (longest match, left to right,
            within sentences).
        inside: The tokens inside a phrase of `at` other than its first.
        upper: For each token, whether its first character is upper-case.
        names: The tokens that are capitalised words which may be part of a
            name (`is_capitalised`), computed once for the steps to look up.
    """

    def __init__(self, text: str, sentences: Sequence[Span], kb: KnowledgeBase) -> None:
        """Tokenise *text* and find the knowledge base's phrases in each sentence."""
        self.text = text
        self.starts, self.ends, self.toks = tokenise(text)
        self.keys = normalise_all(self.toks)
        self.upper: list[bool] = list(map(str.isupper, map(operator.itemgetter(0), self.toks)))  # never empty
        self.names: set[int] = set(
            itertools.compress(
                itertools.compress(itertools.count(), self.upper),
                map(_name_word, itertools.compress(self.toks, self.upper)),
            )
        )
        spans = list(sentences) or _lines(text)
        self.sentences: list[tuple[int, int]] = []
        for span in spans:
            lo = bisect.bisect_left(self.starts, span.start)
            hi = bisect.bisect_left(self.starts, span.end)
            while hi > lo and self.ends[hi - 1] > span.end:
                hi -= 1
            if hi > lo:
                self.sentences.append((lo, hi))
        self.memo: dict[str, Any] = {}
        """Results other steps computed from this analysis, by name."""
        self.sentence_of = [-1] * len(self.toks)
        lexicon = kb.lexicon()
        self.at: dict[int, tuple[int, tuple[Lexeme, ...]]] = {}
        self.inside: set[int] = set()
        for n, (lo, hi) in enumerate(self.sentences):
            self.sentence_of[lo:hi] = [n] * (hi - lo)
            for i, end, readings in lexicon.find(self.keys, self.toks, lo, hi):
                self.at[i] = (end, readings)
                if end > i + 1:
                    self.inside.update(range(i + 1, end))

    def span(self, first: int, last: int) -> Span:
        """Return the character span of tokens ``first`` to ``last`` (exclusive)."""
        return Span(start=self.starts[first], end=self.ends[last - 1])

    def joined(self, i: int) -> bool:
        """Return whether token *i* directly follows token ``i - 1`` with no space between."""
        return i > 0 and self.starts[i] == self.ends[i - 1]

    def readings(self, i: int, *kinds: str) -> tuple[int, tuple[Lexeme, ...]] | None:
        """Return the phrase at token *i* with only its readings of the given kinds, or None."""
        found = self.at.get(i)
        if found is None:
            return None
        chosen = tuple(r for r in found[1] if r.kind in kinds) if kinds else found[1]
        return (found[0], chosen) if chosen else None

    def possessive(self, j: int, hi: int) -> int:
        """Return how many tokens from *j* make a possessive ending ("'s": 2, plural "'": 1), else 0."""
        if j < hi and self.keys[j] == "'" and self.joined(j):
            if j + 1 < hi and self.keys[j + 1] == "s" and self.joined(j + 1):
                return 2
            if self.keys[j - 1].endswith("s"):
                return 1
        return 0

    def is_capitalised(self, i: int) -> bool:
        """Return whether token *i* is a capitalised word that may be part of a name."""
        return i in self.names

    def name_run(self, i: int, hi: int) -> int:
        """Return the end of a run of capitalised name words starting at *i* ("Kong Xuanyou", "Nam Gwan-pyo").

        Hyphenated parts ("Gwan-pyo"), particles ("de", "von") and initials
        ("F.") are part of the run; a phrase of the knowledge base other than
        a surname or a person's name ends it. Returns *i* when there is no run.
        """
        names, keys, at = self.names, self.keys, self.at
        if i not in names:
            return i  # the common case, answered at once
        j = i
        words = 0
        while j < hi and words < 5:
            if words and keys[j] in _PARTICLES and j + 1 < hi:
                if j + 1 in names:
                    j += 1
                    continue
                if j + 2 < hi and keys[j + 1] == "-" and self.joined(j + 1) and j + 2 in names:
                    j += 2  # "al-Sisi"
                    continue
            if j not in names:
                break
            found = at.get(j)
            if found is not None and not any(r.kind in ("surname", "person") for r in found[1]):
                break
            j += 1
            words += 1
            if len(self.toks[j - 1]) == 1 and j < hi and keys[j] == "." and self.joined(j):
                j += 1  # an initial
                continue
            while (
                j + 1 < hi and keys[j] == "-" and self.joined(j) and self.joined(j + 1) and self.toks[j + 1].isalpha()
            ):
                j += 2
        while j > i and keys[j - 1] in _PARTICLES:
            j -= 1
        return j


def _lines(text: str) -> list[Span]:
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append(Span(start=start, end=end))
        start = end + 1
    return spans


_LOCK = threading.Lock()
_LAST: list[tuple[str, tuple[Span, ...], KnowledgeBase, Analysis]] = []


def analyse(doc: Document, kb: KnowledgeBase) -> Analysis:
    """Return the analysis of *doc*'s text and sentences (reused when the last call had the same ones)."""
    text, sentences = doc.text, doc.sentences
    with _LOCK:
        for t, s, k, analysis in _LAST:
            if t is text and k is kb and s == sentences:
                return analysis
    analysis = Analysis(text, sentences, kb)
    with _LOCK:
        _LAST[:] = [(text, sentences, kb, analysis)]
    return analysis
