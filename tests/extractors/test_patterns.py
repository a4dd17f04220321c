from __future__ import annotations

import json

import pytest

from diplomev.errors import ConfigError
from diplomev.extractors._patterns import Pattern, PatternSet, _expand, _Node, inflections, tokenise


def triggers(text: str) -> list[tuple[str, str]]:
    tokens = tokenise(text)
    return [
        (m.pattern.id, " ".join(t.text for t in tokens[m.first : m.last])) for m in PatternSet.default().find(tokens)
    ]


class TestInflections:
    @pytest.mark.parametrize(
        ("verb", "form"),
        [
            ("hold", "held"),
            ("meet", "met"),
            ("ban", "banned"),
            ("impose", "imposed"),
            ("urge", "urging"),
            ("criticise", "criticises"),
            ("deny", "denied"),
            ("reach", "reaches"),
            ("visit", "visited"),
            ("withdraw", "withdrawn"),
            ("veto", "vetoes"),
            ("withhold", "withheld"),
            ("sink", "sank"),
            ("retake", "retook"),
            ("lay", "laid"),
        ],
    )
    def test_forms(self, verb: str, form: str) -> None:
        """Regular and irregular verbs get their inflected forms."""
        assert form in inflections(verb)


class TestTokenise:
    def test_possessive_is_split(self) -> None:
        """The possessive 's is a token of its own; offsets slice the text."""
        text = "China’s visit to Seoul's palace"
        toks = tokenise(text, 10)
        assert [t.text for t in toks] == ["China", "’s", "visit", "to", "Seoul", "'s", "palace"]
        assert all(text[t.start - 10 : t.end - 10] == t.text for t in toks)


class TestPatternSet:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("the two ministers held talks in Cairo", [("consult.talks", "held talks")]),
            ("Ankara signed a free trade agreement with Baku", [("agree.sign", "signed a free trade agreement")]),
            ("Canberra imposed fresh sanctions on Minsk", [("sanction.general", "imposed fresh sanctions")]),
            ("students held protests outside the embassy", [("protest.demonstrate", "held protests")]),
            ("Paris expelled two Russian diplomats", [("coerce.expel.diplomats", "expelled two Russian diplomats")]),
            ("Rome will host the summit", [("consult.host", "host"), ("consult.talks.nominal", "summit")]),
        ],
    )
    def test_longest_match_wins(self, text: str, expected: list[tuple[str, str]]) -> None:
        """Triggers are found longest first, without overlaps."""
        assert triggers(text) == expected

    def test_gap_never_ends_a_phrase(self) -> None:
        """A skipped stretch needs a word after it: 'held talks with' is not a protest."""
        assert triggers("Kang held talks with Wang") == [("consult.talks", "held talks")]

    def test_every_plover_type_has_patterns(self) -> None:
        """The packaged patterns cover all sixteen PLOVER types."""
        from diplomev import taxonomy

        types = {taxonomy.lookup(p.cameo).plover for p in PatternSet.default().patterns}
        assert types == set(taxonomy.PLOVER_TYPES)

    def test_user_patterns_are_added(self, tmp_path) -> None:
        """Users add patterns from their own JSON file."""
        path = tmp_path / "mine.json"
        path.write_text(
            json.dumps({"patterns": [{"id": "x", "cameo": "051", "phrases": ["{salute}"]}]}), encoding="utf-8"
        )
        ps = PatternSet.from_file(path, base=PatternSet.default())
        assert [m.pattern.id for m in ps.find(tokenise("Oslo saluted Bern"))] == ["x"]

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("{", "cannot read"),
            ('{"patterns": [{"id": "x", "phrases": ["a"]}]}', "'cameo'"),
            ('{"patterns": [{"id": "x", "cameo": "010", "phrases": ["a"]}]}', "PLOVER"),
            ('{"patterns": [{"id": "x", "cameo": "040", "kind": "adverb", "phrases": ["a"]}]}', "'kind'"),
        ],
    )
    def test_bad_pattern_files_name_the_problem(self, tmp_path, content: str, message: str) -> None:
        """Mistakes in a user pattern file raise ConfigError naming file and field."""
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError, match=message) as info:
            PatternSet.from_file(path)
        assert "bad.json" in str(info.value)


def test_figures_are_one_token() -> None:
    """'3,000' and '1.5' are single tokens, so a figure's comma does not end a phrase's gap."""
    from diplomev.extractors._patterns import tokenise

    assert [t.text for t in tokenise("sent 3,000 troops and $1.5 billion.")] == [
        "sent", "3,000", "troops", "and", "$", "1.5", "billion", ".",
    ]  # fmt: skip


class TestTrie:
    @staticmethod
    def _by_sequence(patterns: tuple[Pattern, ...]) -> _Node:
        """The trie built the plain way: each expanded sequence inserted from the root."""
        root = _Node()
        for pattern in patterns:
            for phrase in pattern.phrases:
                for expanded, verb_at in _expand(phrase):
                    seq = expanded
                    while seq and seq[-1] == "*":
                        seq = seq[:-1]
                    if seq and seq[0] != "*":
                        node = root
                        for word in seq:
                            node = node.children.setdefault(word, _Node())
                        node.ends.append((pattern, verb_at))
        return root

    @staticmethod
    def _same(a: _Node, b: _Node) -> bool:
        if list(a.children) != list(b.children) or len(a.ends) != len(b.ends):
            return False
        if any(p is not q or v != w for (p, v), (q, w) in zip(a.ends, b.ends, strict=True)):
            return False
        return all(TestTrie._same(a.children[k], b.children[k]) for k in a.children)

    def test_packaged_patterns_make_the_trie_of_their_sequences(self) -> None:
        """The depth-first build makes the same trie, in the same order, as inserting every expansion."""
        patterns = PatternSet.default().patterns
        assert self._same(PatternSet(patterns)._root, self._by_sequence(patterns))

    @pytest.mark.parametrize(
        "phrase",
        [
            "* a b *",
            "a? * b",
            "* *",
            "{hold}? * talks *",
            "x|* y",
            "a? b? *",
            "*? a",
            "a * * b",
            "? a",
            "a *? b",
            "a? *? b",
            "a *? *? b *?",
        ],
    )
    def test_gaps_and_optional_words(self, phrase: str) -> None:
        """Leading and trailing gaps, optional words and gaps among alternatives build as when expanded."""
        pattern = Pattern(id="t", cameo="040", kind="verb", phrases=(phrase,))
        assert self._same(PatternSet([pattern])._root, self._by_sequence((pattern,)))


def test_equally_long_readings_of_one_type_prefer_the_more_specific_code() -> None:
    """'pledged 5 million euros to': the pledge of money (0331) beats the bare 'pledged ... to' (030)."""
    ps = PatternSet(
        [
            Pattern(id="general", cameo="030", kind="verb", phrases=("{pledge} *? to",)),
            Pattern(id="money", cameo="0331", kind="verb", phrases=("{pledge} *? million|euros to",)),
        ]
    )
    (match,) = ps.find(tokenise("they pledged 5 million euros to them"))
    assert match.pattern.id == "money"
    (match,) = ps.find(tokenise("they pledged on Monday to help"))
    assert match.pattern.id == "general"


@pytest.mark.parametrize(
    "text", ["they held talks", "they held two rounds of talks", "they held talks on trade", "they held formal talks"]
)
def test_an_optional_gap_matches_as_a_gap_that_may_be_empty(text: str) -> None:
    """'{hold} *? talks' and '{hold} * talks' find the same matches: a gap may skip no token."""
    optional = PatternSet([Pattern(id="a", cameo="040", kind="verb", phrases=("{hold} *? talks",))])
    gap = PatternSet([Pattern(id="a", cameo="040", kind="verb", phrases=("{hold} * talks",))])
    words = tokenise(text)
    assert [(m.first, m.last) for m in optional.find(words)] == [(m.first, m.last) for m in gap.find(words)]
    assert optional.find(words)
