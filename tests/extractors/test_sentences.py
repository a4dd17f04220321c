from __future__ import annotations

import pickle
import random
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplomev.extractors.sentences as sentences_module
from diplomev.extractors.cleaning import Cleaner
from diplomev.extractors.sentences import SentenceSplitter, split_sentences
from diplomev.model import Article, Document, Region, Segment, Span


def sentences(text: str) -> list[str]:
    return [s.slice(text) for s in split_sentences(text)]


class TestSplitSentences:
    @pytest.mark.parametrize(
        "text",
        [
            "Talks were held on Nov. 22 in Hanoi.",
            "The accord was signed on Oct. 31 in Vientiane.",
            "The U.S. Navy sent a ship to the region.",
            "Officials from the U.S. and Japan met.",
            "S. Korea and Japan held talks.",
            "N.Korea fired a missile.",
            "Gen. Tran Van Minh inspected the troops.",
            "Dr. Lee chaired the panel.",
            "Mr. Tanaka and Mrs. Sato attended.",
            "Ms. Rivera spoke first.",
            "Resolution No. 2397 was adopted.",
            "The talks began at 10 a.m. local time and ended at 3 p.m. sharp.",
            "Martin Luther King Jr. Day is a holiday.",
            "Acme Inc. Chief Executive Bob Ray resigned.",
            "Samsung Electronics Co. Ltd. Shares rose.",
            "Hyundai Motor Corp. President Chung spoke.",
            "He lives on Baker St. Marylebone in London.",
            "Lt. Col. Park led the unit.",
            "Sen. Kim and Rep. Cho voted against it.",
            "Gov. Ito and Prof. Abe disagreed.",
            "It was Seoul vs. Tokyo in the final.",
            "Some allies, e.g. Australia, joined.",
            "The largest partner, i.e. China, objected.",
            "J. Smith and K. Jones signed the letter.",
            "Growth was 3.5 percent last year.",
            "The U.S. 7th Fleet sailed north.",
            "He paused... and then continued.",
            '"We will meet again," the minister said.',
            "Why now? he asked the reporters.",
        ],
    )
    def test_one_sentence(self, text):
        """Abbreviations, initials, decimals, mid-sentence ellipses and continued quotations do not end a sentence."""
        assert sentences(text) == [text]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Talks began. They ended.", ["Talks began.", "They ended."]),
            ("Talks began! They ended? Yes.", ["Talks began!", "They ended?", "Yes."]),
            (
                "China opposes the deployment.... At the same time, it took note.",
                ["China opposes the deployment....", "At the same time, it took note."],
            ),
            ("The deal collapsed\u2026 Nobody knows why.", ["The deal collapsed\u2026", "Nobody knows why."]),
            (
                'He said "we agree." The ministry confirmed it.',
                ['He said "we agree."', "The ministry confirmed it."],
            ),
            (
                '"It is over," the minister said. "We leave now."',
                ['"It is over," the minister said.', '"We leave now."'],
            ),
            ("They met in the U.S. The talks went well.", ["They met in the U.S.", "The talks went well."]),
            ("It ended at 5 p.m. The next round is Monday.", ["It ended at 5 p.m.", "The next round is Monday."]),
            ("Troops left in Oct. Then talks resumed.", ["Troops left in Oct.", "Then talks resumed."]),
            ("Trade fell in 2019. 2020 was worse.", ["Trade fell in 2019.", "2020 was worse."]),
            ("Talks began (in Hanoi). They ended.", ["Talks began (in Hanoi).", "They ended."]),
            ("First line without stop\nSecond line.", ["First line without stop", "Second line."]),
            ("One.\n\n  Two.  ", ["One.", "Two."]),
            (
                '"Both sides agreed. They will meet again," the ministry said.',
                ['"Both sides agreed.', 'They will meet again," the ministry said.'],
            ),
        ],
    )
    def test_boundaries(self, text, expected):
        """Sentences end at final punctuation before a capital, after ellipses, closing quotes and at line breaks."""
        assert sentences(text) == expected

    def test_spans_index_the_original_text(self):
        """Offsets are offsets into the text given, from the start given."""
        text = "Header.\nTalks began. They ended."
        spans = list(split_sentences(text, 8, len(text)))
        assert spans == [Span(start=8, end=20), Span(start=21, end=32)]

    def test_punctuation_only_is_no_sentence(self):
        """Stretches without a letter or digit are not sentences."""
        assert sentences('Talks began. " -- ...\n|') == ["Talks began."]

    def test_long_run_is_cut(self):
        """A run-on without punctuation is cut at spaces near max_length."""
        text = "word " * 1000
        spans = list(split_sentences(text, max_length=100))
        assert all(len(s) <= 100 for s in spans)
        assert " ".join(s.slice(text) for s in spans) == text.strip()

    @given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
    def test_spans_are_stripped_ordered_and_inside(self, text):
        """Every span slices a stripped, non-empty stretch of the text, in order and without overlap."""
        end = 0
        for span in split_sentences(text):
            piece = span.slice(text)
            assert piece
            assert piece == piece.strip()
            assert span.start >= end
            end = span.end

    @given(
        st.lists(
            st.sampled_from(
                [
                    "Mr.",
                    "U.S.",
                    "Nov.",
                    "22",
                    '"',
                    "...",
                    "\u2026",
                    "?",
                    "!",
                    " ",
                    "\n",
                    "The",
                    "a",
                    "x.",
                    "S.",
                    "Korea",
                    ",",
                    "(",
                    ")",
                ]
            ),
            max_size=60,
        )
    )
    def test_token_soup(self, parts):
        """Texts made of the tricky tokens split without error, and every non-space character of a line is covered or punctuation."""
        text = " ".join(parts)
        covered = set()
        for span in split_sentences(text):
            covered.update(range(span.start, span.end))
        for i, ch in enumerate(text):
            if ch.isalnum():
                assert i in covered

    @pytest.mark.parametrize("unit", [". ", "Mr. ", "...", "\u2026 ", '." ', "a.m. The "])
    def test_linear_time(self, unit):
        """Splitting takes time proportional to the text length, even on repetitive junk."""

        def timed(n: int) -> float:
            text = unit * n
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                for _ in split_sentences(text):
                    pass
                best = min(best, time.perf_counter() - start)
            return best

        small, large = timed(20_000), timed(80_000)
        assert large < 12 * small + 0.05


class TestSentenceSplitter:
    def test_only_body_segments(self):
        """Only body segments are split; title, captions, metadata and boilerplate are not sentences."""
        text = "Talks end in Hanoi\nHANOI (VNA) -- Talks ended. They agreed.\nThis photo shows them.\n(END)"
        segments = [
            Segment(span=Span(start=0, end=18), region=Region.TITLE),
            Segment(span=Span(start=19, end=33), region=Region.METADATA),
            Segment(span=Span(start=34, end=59), region=Region.BODY),
            Segment(span=Span(start=60, end=82), region=Region.CAPTION),
            Segment(span=Span(start=83, end=88), region=Region.BOILERPLATE),
        ]
        doc = Document(article=Article(id="a", text=text), segments=segments)
        out = SentenceSplitter()(doc)
        assert [s.slice(text) for s in out.sentences] == ["Talks ended.", "They agreed."]

    def test_without_segments_whole_text(self):
        """Without segments the whole text is split."""
        doc = SentenceSplitter()(Document(article=Article(id="a", text="One. Two.")))
        assert len(doc.sentences) == 2

    def test_regions_option(self):
        """The regions option selects which segments are split."""
        text = "Caption here."
        doc = Document(
            article=Article(id="a", text=text), segments=[Segment(span=Span(start=0, end=13), region="caption")]
        )
        assert SentenceSplitter(regions=["caption"])(doc).sentences == (Span(start=0, end=13),)
        assert SentenceSplitter()(doc).sentences == ()

    @given(st.text(max_size=400))
    def test_after_cleaning(self, text):
        """After cleaning, every sentence lies inside a body segment and slices the text to a stripped sentence."""
        doc = SentenceSplitter()(Cleaner()(Document(article=Article(id="a", text=text))))
        body = doc.regions(Region.BODY)
        end = 0
        for sentence in doc.sentences:
            assert any(span.contains(sentence) for span in body)
            piece = sentence.slice(text)
            assert piece
            assert piece == piece.strip()
            assert sentence.start >= end
            end = sentence.end

    def test_picklable(self):
        """The step survives pickling (for worker processes)."""
        step = pickle.loads(pickle.dumps(SentenceSplitter(max_length=50)))
        assert step.max_length == 50
        assert step.name == "sentences"


def test_terminal_marks_as_the_plain_pattern_finds_them():
    """The fast terminal-mark pattern finds what "(?<![.!?...])[.!?...]+" with the same tail finds."""
    plain = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
    rng = random.Random(1)  # noqa: S311 - reproducible test data
    for _ in range(5000):
        text = "".join(rng.choice('.!?\u2026 a"\u201d)]\n\t') for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in sentences_module._TERMINAL.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_lines_as_a_search_for_line_breaks_finds_them():
    """Lines split by str.splitlines give the sentences that lines between runs of line breaks give."""
    line_break = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")

    def by_search(text: str, start: int, stop: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = start
        for br in line_break.finditer(text, start, stop):
            sentences_module._line_sentences(text, pos, br.start(), 2000, out)
            pos = br.end()
        sentences_module._line_sentences(text, pos, stop, 2000, out)
        return out

    rng = random.Random(6)  # noqa: S311 - reproducible test data
    pieces = [
        "Talks began.",
        "They ended",
        "Mr.",
        "U.S.",
        " ",
        "\n",
        "\r\n",
        "\r",
        "\x85",
        "\u2028",
        "\u2029",
        "\v",
        "\x1c",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 20)))
        start = rng.randint(0, len(text))
        stop = rng.randint(start, len(text))
        assert sentences_module.sentence_bounds(text, start, stop) == by_search(text, start, stop), (text, start, stop)
