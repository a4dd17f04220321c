"""Event patterns: loading, verb inflection and a token trie that finds triggers in linear time.

A pattern is a phrase such as ``{hold} talks`` or ``{sign} an? *? agreement``
with an argument frame and a CAMEO code. Phrases are compiled into one token
trie; `PatternSet.find` walks it from every token of a sentence, so the cost
grows with the length of the text, not with the number of patterns.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import regex

from diplomev import _json, taxonomy
from diplomev._data import load_json
from diplomev.errors import ConfigError

__all__ = ["Match", "Pattern", "PatternSet", "Token", "inflections", "token_columns", "tokenise"]

MAX_GAP = 4
"""How many tokens a ``*`` in a phrase may skip."""

_TOKEN = regex.compile(
    # a figure with thousands separators or decimals ("3,000", "1.5") is one token: its comma separates no clauses
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*(?<!['’]s)|['’]s\b|[^\w\s]"
)
_GAP_STOP = frozenset('.,;:!?()[]"“”')

_IRREGULAR: Mapping[str, tuple[str, ...]] = {
    "be": ("is", "are", "was", "were", "been", "being", "be"),
    "beat": ("beat", "beaten", "beating"),
    "begin": ("began", "begun"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought",),
    "build": ("built",),
    "buy": ("bought",),
    "catch": ("caught",),
    "choose": ("chose", "chosen"),
    "come": ("came",),
    "commit": ("committed", "committing"),
    "cut": ("cut", "cutting"),
    "deal": ("dealt",),
    "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"),
    "fall": ("fell", "fallen"),
    "fight": ("fought",),
    "find": ("found",),
    "fly": ("flew", "flown", "flies"),
    "forbid": ("forbade", "forbidden", "forbidding"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "gotten", "getting"),
    "give": ("gave", "given"),
    "go": ("went", "gone", "goes"),
    "hit": ("hit", "hitting"),
    "hold": ("held",),
    "keep": ("kept",),
    "lay": ("laid", "lays", "laying"),
    "lead": ("led",),
    "leave": ("left",),
    "lend": ("lent",),
    "lose": ("lost",),
    "make": ("made",),
    "meet": ("met",),
    "overthrow": ("overthrew", "overthrown"),
    "pay": ("paid",),
    "put": ("put", "putting"),
    "quit": ("quit", "quitting"),
    "retake": ("retook", "retaken"),
    "rise": ("rose", "risen"),
    "run": ("ran", "running"),
    "say": ("said",),
    "see": ("saw", "seen"),
    "seek": ("sought",),
    "sell": ("sold",),
    "send": ("sent",),
    "set": ("set", "setting"),
    "shake": ("shook", "shaken"),
    "shoot": ("shot",),
    "sink": ("sank", "sunk"),
    "sit": ("sat", "sitting"),
    "speak": ("spoke", "spoken"),
    "spend": ("spent",),
    "stand": ("stood",),
    "strike": ("struck", "stricken"),
    "sweep": ("swept",),
    "take": ("took", "taken"),
    "tell": ("told",),
    "think": ("thought",),
    "throw": ("threw", "thrown"),
    "uphold": ("upheld",),
    "win": ("won", "winning"),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld",),
    "write": ("wrote", "written"),
}

_VOWELS = frozenset("aeiou")


IRREGULAR_PAST: frozenset[str] = frozenset(
    form
    for verb, forms in _IRREGULAR.items()
    if verb != "be"
    for form in forms
    if not form.endswith(("ing", "es")) and form != verb + "s"
)
"""Past forms of the irregular verbs above ("began", "held", "cut"): read as verbs, never as nouns."""


def inflections(verb: str) -> frozenset[str]:
    """Return the forms of an English verb: base, third person, past, participles.

    Examples:
        >>> {"banned", "banning", "bans"} <= inflections("ban")
        True
        >>> "held" in inflections("hold")
        True
    """
    v = verb.lower()
    forms = {v}
    if v.endswith("e"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS:
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif v.endswith(("s", "x", "z", "ch", "sh")) or (v.endswith("o") and len(v) > 2 and v[-2] not in _VOWELS):
        forms |= {v + "es", v + "ed", v + "ing"}
    else:
        forms |= {v + "s", v + "ed", v + "ing"}
        cvc = len(v) >= 3 and v[-1] not in _VOWELS | {"w", "x", "y"} and v[-2] in _VOWELS and v[-3] not in _VOWELS
        if cvc:  # doubling is right for stressed final syllables; extra forms never match
            forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    forms |= set(_IRREGULAR.get(v, ()))
    return frozenset(forms)


class Token(NamedTuple):
    """A token of a sentence: its lower-cased text and its offsets in the article.

    A named tuple rather than an attrs record: a sentence has dozens of tokens,
    and building attrs instances was the largest cost of the event step.
    """

    text: str
    lower: str
    start: int
    end: int


_SPLIT = regex.compile(f"({_TOKEN.pattern})")
_SPLIT_ASCII = re.compile(f"({_TOKEN.pattern})".replace(r"[^\w\s]", r"[^\w\t\n\x0b\x0c\r ]"))
"""The token pattern for `re`, faster; on ASCII text it splits as `regex` does (re's \\s also takes \\x1c-\\x1f)."""


def tokenise(text: str, offset: int = 0) -> list[Token]:
    """Split *text* into word and punctuation tokens with offsets shifted by *offset*.

    Examples:
        >>> [t.text for t in tokenise("China's visit.")]
        ['China', "'s", 'visit', '.']
    """
    return token_columns(text, offset)[0]


def token_columns(text: str, offset: int = 0) -> tuple[list[Token], list[str], list[int], list[int]]:
    """`tokenise` *text*, also returning the tokens' lower-cased words, starts and ends as lists of their own.

    The words are what `PatternSet.find_words` matches; the offsets can be bisected.

    Examples:
        >>> token_columns("Talks’ end", 10)[1:]
        (['talks', "'", 'end'], [10, 15, 17], [15, 16, 20])
    """
    # split gives the gaps and the tokens in turn: their lengths add up to the offsets, all without a Python loop
    parts = (_SPLIT_ASCII if text.isascii() else _SPLIT).split(text)
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=offset))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    lowers = list(map(str.lower, words))
    if "’" in text:
        lowers = [w.replace("’", "'") for w in lowers]
    tokens = list(map(tuple.__new__, itertools.repeat(Token), zip(words, lowers, starts, ends, strict=True)))
    return tokens, lowers, starts, ends


@attrs.frozen(kw_only=True)
class Pattern:
    """An event pattern: phrases, the CAMEO code they signal and how to find the arguments.

    Attributes:
        id: A unique name ("consult.talks").
        cameo: The CAMEO code.
        kind: "verb" (subject acts on object) or "noun" (a nominal form).
        phrases: The phrases, in the pattern syntax.
        target_preps: Words that introduce the target ("" for a direct object).
        symmetric: Whether the action is mutual, coded in both directions.
        visit: Whether the target is the place visited.
        deploy: Whether it deploys forces: the target is what they are aimed at.
        target_required: Whether an event needs a target to be coded.
        requires_actor_pair: For nouns: whether both parties must be found.
        requires_source: Whether an event needs an identified source.
        possessive_target: Whether the target may be a possessor after the trigger ("B's diplomats").
    """

    id: str
    cameo: str
    kind: str
    phrases: tuple[str, ...]
    target_preps: tuple[str, ...] = ("",)
    symmetric: bool = False
    visit: bool = False
    deploy: bool = False
    target_required: bool = False
    requires_actor_pair: bool = False
    requires_source: bool = False
    possessive_target: bool = False

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], *, where: str) -> Pattern:
        """Build a pattern from its JSON form, with errors naming *where* and the field.

        Raises:
            ConfigError: If a field is missing or invalid.
        """
        try:
            pattern = cls(
                id=str(raw["id"]),
                cameo=str(raw["cameo"]),
                kind=str(raw.get("kind", "verb")),
                phrases=tuple(str(p) for p in raw["phrases"]),
                target_preps=tuple(str(p) for p in raw.get("target_preps", ("",))),
                symmetric=bool(raw.get("symmetric", False)),
                visit=bool(raw.get("visit", False)),
                deploy=bool(raw.get("deploy", False)),
                target_required=bool(raw.get("target_required", False)),
                requires_actor_pair=bool(raw.get("requires_actor_pair", False)),
                requires_source=bool(raw.get("requires_source", False)),
                possessive_target=bool(raw.get("possessive_target", False)),
            )
        except KeyError as err:
            msg = f"{where}: pattern is missing the field {err.args[0]!r}"
            raise ConfigError(msg) from None
        except TypeError as err:
            msg = f"{where}: pattern has a field of the wrong type: {err}"
            raise ConfigError(msg) from None
        if not taxonomy.is_code(pattern.cameo) or taxonomy.lookup(pattern.cameo).plover is None:
            msg = (
                f"{where}: pattern {pattern.id!r}: field 'cameo' must be a CAMEO code "
                f"with a PLOVER type, got {pattern.cameo!r}"
            )
            raise ConfigError(msg)
        if pattern.kind not in ("verb", "noun"):
            msg = f"{where}: pattern {pattern.id!r}: field 'kind' must be 'verb' or 'noun', got {pattern.kind!r}"
            raise ConfigError(msg)
        return pattern


@attrs.frozen
class Match:
    """A trigger found in a sentence: token range ``[first, last)`` and the pattern."""

    first: int
    last: int
    pattern: Pattern
    verb_index: int
    """Index of the first token of the phrase that is an inflected verb, or -1."""
    alternatives: tuple[tuple[int, Pattern, int], ...] = ()
    """Other readings starting at the same token, longest first: (last, pattern, verb index)."""

    def as_noun(self) -> Match | None:
        """The longest noun reading starting at the same token, if a noun pattern has one."""
        for last, pattern, verb_index in self.alternatives:
            if pattern.kind == "noun":
                return Match(self.first, last, pattern, verb_index)
        return None


_GAP = "*"
_MAX_SEQUENCES = 10_000
"""The most word sequences one phrase may stand for (alternatives multiply), so a bad file cannot exhaust memory."""


class _Node:
    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[Pattern, int]] = []


def _slots(phrase: str) -> list[tuple[list[str], bool, bool]]:
    """Return the words of a phrase as (alternatives, optional, verb slot).

    Raises:
        ConfigError: If the phrase stands for more than `_MAX_SEQUENCES` word sequences.
    """
    slots: list[tuple[list[str], bool, bool]] = []
    count = 1
    for raw in phrase.split():
        optional = raw.endswith("?") and raw != "?"
        word = raw[:-1] if optional else raw
        if word.startswith("{") and word.endswith("}"):
            alts = sorted(inflections(word[1:-1]))
            is_verb = True
        else:
            alts = word.lower().split("|")
            is_verb = False
        if count * (len(alts) + optional) > _MAX_SEQUENCES:
            msg = f"phrase {phrase!r} stands for more than {_MAX_SEQUENCES} word sequences; split it into phrases"
            raise ConfigError(msg)
        count *= len(alts) + optional
        slots.append((alts, optional, is_verb))
    return slots


def _expand(phrase: str) -> Iterator[tuple[list[str], int]]:
    """Yield the token sequences a phrase stands for, with the position of its verb slot.

    The trie of `PatternSet` holds these sequences (without trailing gaps, and
    without those that begin with one), in this order. An optional gap ("*?")
    after a word stands for the gap alone, since a gap may skip no token: the
    sequence without it would match nothing more.
    """
    seqs: list[tuple[list[str], int]] = [([], -1)]
    for alts, optional, is_verb in _slots(phrase):
        new: list[tuple[list[str], int]] = []
        for seq, verb_at in seqs:
            if optional and not (seq and alts == [_GAP]):
                new.append((seq, verb_at))
            slot = len(seq) if is_verb and verb_at < 0 else verb_at
            new.extend(([*seq, alt], slot) for alt in alts)
        seqs = new
    yield from seqs


class PatternSet:
    """A compiled set of event patterns.

    Examples:
        >>> ps = PatternSet.default()
        >>> [m.pattern.cameo for m in ps.find(tokenise("they held talks"))]
        ['040']
    """

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        """Compile *patterns* into the trie."""
        self.patterns: tuple[Pattern, ...] = tuple(patterns)
        self._by_id = {p.id: p for p in reversed(self.patterns)}  # the first pattern of an id wins
        self._root = _Node()
        for pattern in self.patterns:
            for phrase in pattern.phrases:
                self._insert(_slots(phrase), pattern)

    def get(self, pattern_id: str) -> Pattern | None:
        """The pattern with id *pattern_id*, if the set has one.

        Examples:
            >>> PatternSet.default().get("consult.meet").cameo
            '040'
        """
        return self._by_id.get(pattern_id)

    def _insert(self, slots: list[tuple[list[str], bool, bool]], pattern: Pattern) -> None:
        """Add every sequence of `_expand` to the trie, walking the choices depth first.

        The same trie, in the same order, as inserting each expanded sequence from the root (without
        its trailing gaps, and none that begins with a gap), but each shared prefix is walked once.
        A gap's node is made only when a word follows it, as trimming the trailing gaps would have it.
        """
        last = len(slots)

        def visit(w: int, node: _Node, length: int, gaps: int, verb_at: int) -> None:
            # node: where the words so far lead, but for the `gaps` gaps after the last word
            if w == last:
                if length > gaps:  # not empty once its trailing gaps are trimmed
                    node.ends.append((pattern, verb_at))
                return
            alts, optional, is_verb = slots[w]
            if optional and not (length and alts == [_GAP]):
                # an optional gap after a word needs no path of its own: a gap may skip no token, so the path
                # through it matches the same words (without this, each "*?" doubled the phrase's paths)
                visit(w + 1, node, length, gaps, verb_at)
            slot = length if is_verb and verb_at < 0 else verb_at
            for alt in alts:
                if alt == _GAP:
                    if length:  # a sequence that begins with a gap is left out
                        visit(w + 1, node, length + 1, gaps + 1, slot)
                    continue
                child = node
                for word in itertools.chain(itertools.repeat(_GAP, gaps), (alt,)):
                    nxt = child.children.get(word)
                    if nxt is None:
                        nxt = child.children[word] = _Node()
                    child = nxt
                visit(w + 1, child, length + 1, 0, slot)

        visit(0, self._root, 0, 0, -1)

    @classmethod
    def default(cls) -> PatternSet:
        """Return the patterns shipped with diplomev (cached)."""
        return _default_patterns()

    @classmethod
    def from_file(cls, path: str | Path, *, base: PatternSet | None = None) -> PatternSet:
        """Load patterns from a JSON file of the packaged format, added to *base*.

        Raises:
            ConfigError: If the file cannot be read or a pattern is invalid.
        """
        p = Path(path)
        try:
            raw = _json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            msg = f"{p}: cannot read event patterns: {err}"
            raise ConfigError(msg) from err
        except _json.JsonError as err:
            msg = f"{err.located(str(p))}: cannot read event patterns: invalid JSON: {err.reason}"
            raise ConfigError(msg) from err
        extra = _parse(raw, where=str(p))
        return cls((base.patterns if base else ()) + extra)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Return the longest non-overlapping matches in *tokens*, left to right."""
        return self.find_words([t.lower for t in tokens])

    def find_words(self, lowers: Sequence[str]) -> list[Match]:
        """`find` for the lower-cased words of the tokens (``Token.lower``, or from `token_columns`)."""
        found: list[Match] = []
        first = self._root.children  # a phrase never starts with a gap: a match starts at one of these words
        if first.keys().isdisjoint(lowers):
            return found
        starts = list(itertools.compress(itertools.count(), map(first.__contains__, lowers)))
        i = 0
        for start in starts:
            if start < i:
                continue  # inside the previous match
            i = start
            ends = self._walk(lowers, i)
            if not ends:
                continue
            if len(ends) == 1:
                last, pattern, v, _ = ends[0]
                found.append(Match(i, last, pattern, i + v if v >= 0 else -1))
                i = last
                continue
            ranked = sorted(ends, key=lambda r: (-r[0], r[1].kind != "verb"))  # the longest reading, a verb first
            first_end, first_pattern = ranked[0][0], ranked[0][1]
            finer = [
                r
                for r in ranked
                if r[0] == first_end
                and r[1].kind == first_pattern.kind
                and _plover(r[1]) == _plover(first_pattern)
                and _specificity(r[1].cameo) > _specificity(first_pattern.cameo)
            ]
            if finer:
                # of equally long readings of one event type, the one with the most specific code, then the one
                # whose gaps skip the fewest words ("pledged 50 million euros to": "{pledge} *? million to", 0331,
                # rather than "{pledge} *? to", 030)
                best = min(finer, key=lambda r: (-_specificity(r[1].cameo), r[3]))
                ranked.remove(best)
                ranked.insert(0, best)
            (last, pattern, verb_index), *others = [(e, p, i + v if v >= 0 else -1) for e, p, v, _ in ranked]
            found.append(Match(i, last, pattern, verb_index, tuple(others)))
            i = last
        return found

    def _walk(self, lowers: Sequence[str], start: int) -> list[tuple[int, Pattern, int, int]]:
        """The phrase ends reachable from token *start*: (end, pattern, verb slot, words skipped by gaps).

        In depth-first order.
        """
        found: list[tuple[int, Pattern, int, int]] = []
        stack: list[tuple[_Node, int, int]] = [(self._root, start, 0)]
        n = len(lowers)
        while stack:
            node, j, skipped = stack.pop()
            for pattern, verb_at in node.ends:
                found.append((j, pattern, verb_at, skipped))
            if j >= n:
                continue
            children = node.children
            child = children.get(lowers[j])
            if child is not None:
                stack.append((child, j + 1, skipped))
            gap = children.get(_GAP)
            if gap is not None:
                after = gap.children
                for skip in range(MAX_GAP + 1):
                    k = j + skip
                    if k > n or (skip and lowers[k - 1] in _GAP_STOP):
                        break
                    if gap.ends or (k < n and (lowers[k] in after or _GAP in after)):
                        stack.append((gap, k, skipped + skip))  # only the skips that can go on (the same order)
        return found


def _plover(pattern: Pattern) -> str | None:
    """The PLOVER type of a pattern's CAMEO code."""
    return _plover_of(pattern.cameo)


def _specificity(cameo: str) -> int:
    """How specific a CAMEO code is: 4-digit codes, then 3-digit ones but the unspecified (030), then roots."""
    return 2 * len(cameo) - (len(cameo) == 3 and cameo.endswith("0"))


@functools.cache
def _plover_of(cameo: str) -> str | None:
    return taxonomy.lookup(cameo).plover


def _parse(raw: Any, *, where: str) -> tuple[Pattern, ...]:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("patterns"), list):
        msg = f"{where}: expected an object with a 'patterns' list"
        raise ConfigError(msg)
    return tuple(Pattern.from_mapping(p, where=f"{where}: patterns[{i}]") for i, p in enumerate(raw["patterns"]))


@functools.cache
def _default_patterns() -> PatternSet:
    return PatternSet(_parse(load_json("patterns.json"), where="diplomev/data/patterns.json"))
