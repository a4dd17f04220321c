"""Tests of the ``times`` step: recognition, resolution, reference inference."""

from __future__ import annotations

import datetime as dt
import doctest
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplomev.extractors._timegrammar as grammar_module
import diplomev.extractors._timetense as tense_module
import diplomev.extractors.times as times_module
from diplomev import Article, Document, Pipeline, Reference, Region, Segment, Span, TimeKind
from diplomev.extractors.times import TimeRecogniser, find_times, infer_reference, since_span

from .time_cases import CASES, DURATION, NOT_A_TIME, Case

_PREPOSITIONS = {"on", "in", "at", "by", "since", "from", "during", "of", "until", "before", "after"}


def _norm(text: str) -> str:
    words = text.casefold().replace(",", " ").split()
    while words and words[0] in _PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


def _case_id(case: Case) -> str:
    return f"{case.text}@{case.reference}"


class TestTable:
    """The hand-written table of expressions in sentences."""

    def test_table_is_large_enough(self):
        """The table holds at least 150 expressions."""
        assert len(CASES) >= 150

    @pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
    def test_case(self, case: Case):
        """Each expression is found with its text and resolved to the expected span."""
        times = find_times(case.sentence, reference=case.reference)
        if case.expected == NOT_A_TIME:
            at = case.sentence.index(case.text)
            overlapping = [t for t in times if t.span.start < at + len(case.text) and at < t.span.end]
            assert overlapping == []
            return
        found = [t for t in times if _norm(t.text) == _norm(case.text)]
        assert found, f"{case.text!r} not found in {[t.text for t in times]}"
        t = found[0]
        assert t.span.slice(case.sentence) == t.text
        if case.expected == DURATION:
            assert t.kind is TimeKind.DURATION
            assert t.resolved is None
            return
        assert t.kind is TimeKind.DATE
        assert t.resolved is not None
        start, end, granularity = case.expected
        got = (t.resolved.start.isoformat(), t.resolved.end.isoformat(), t.resolved.granularity.value)
        assert got == (start, end, granularity)


class TestRecognition:
    """Spans, regions and order of the emitted expressions."""

    @given(st.text(max_size=300))
    def test_never_raises_and_spans_slice(self, text: str):
        """Recognition never raises on arbitrary text, and each span slices the text to its `text`."""
        for reference in (None, dt.date(2017, 11, 23), dt.date.min, dt.date.max):
            times = find_times(text, reference=reference)
            for t in times:
                assert text[t.span.start : t.span.end] == t.text
            assert [t.span.start for t in times] == sorted(t.span.start for t in times)

    @given(
        st.lists(
            st.sampled_from(
                [
                    "on Wednesday",
                    " ",
                    "Nov. 12-14",
                    "2017",
                    "late last year",
                    "-",
                    "/",
                    "11",
                    "May",
                    "the",
                    "next",
                    "month",
                    ",",
                    ".",
                    "since",
                    "two days",
                    "\n",
                    "31",
                    "Oct.",
                    "9999-12-31",
                    "0001-01-01",
                    "Sunday",
                    "ago",
                    "weekend",
                ],
            ),
            max_size=40,
        ),
    )
    def test_never_raises_on_time_words(self, parts: list[str]):
        """Recognition never raises on text made of time words and separators."""
        text = "".join(parts)
        for reference in (dt.date(2020, 2, 29), dt.date.min, dt.date.max):
            for t in find_times(text, reference=reference):
                assert text[t.span.start : t.span.end] == t.text

    def test_every_occurrence_in_order(self):
        """Every occurrence is emitted once, in text order."""
        text = "They met on Tuesday. On Tuesday, she said they would meet again next month, not next year."
        times = find_times(text, reference=dt.date(2017, 11, 23))
        assert [t.text for t in times] == ["Tuesday", "Tuesday", "next month", "next year"]

    def test_regions_come_from_segments(self):
        """An expression takes the region of the segment it is in."""
        text = "Oct. 31, 2017 - 11:04\nTalks ended on Tuesday.\nPhoto taken on Oct. 30, 2017."
        first = text.index("\n")
        second = text.index("\n", first + 1)
        segments = (
            Segment(span=Span(start=0, end=first), region=Region.METADATA),
            Segment(span=Span(start=first + 1, end=second), region=Region.BODY),
            Segment(span=Span(start=second + 1, end=len(text)), region=Region.CAPTION),
        )
        doc = TimeRecogniser()(Document(article=Article(id="a", text=text), segments=segments))
        assert [(t.text, t.region) for t in doc.times] == [
            ("Oct. 31, 2017", Region.METADATA),
            ("Tuesday", Region.BODY),
            ("Oct. 30, 2017", Region.CAPTION),
        ]
        assert doc.reference == Reference(date=dt.date(2017, 10, 31), method="date line")

    def test_absolute_dates_resolve_without_reference(self):
        """Without any reference, absolute expressions resolve and relative ones do not."""
        article = Article(id="a", text="They met on Wednesday, and again on Oct. 31, 2017, and in 2019.")
        times = TimeRecogniser(infer_reference=False)(Document(article=article)).times
        assert [(t.text, t.resolved is not None) for t in times] == [
            ("Wednesday", False),
            ("Oct. 31, 2017", True),
            ("2019", True),
        ]

    def test_ambiguous_weekday_has_lower_confidence(self):
        """A weekday in a clause with no tense cue resolves to the nearest day with lower confidence."""
        ref = dt.date(2017, 11, 23)
        ambiguous = find_times("The Monday session.", reference=ref)[0]
        tensed = find_times("They met on Monday.", reference=ref)[0]
        assert ambiguous.resolved is not None
        assert ambiguous.resolved.start == dt.date(2017, 11, 20)
        assert ambiguous.confidence < tensed.confidence

    def test_numeric_dayfirst_option(self):
        """The dayfirst option decides ambiguous numeric dates."""
        ref = dt.date(2021, 6, 1)
        default = find_times("Dated 03/04/2021.", reference=ref)[0]
        dayfirst = find_times("Dated 03/04/2021.", reference=ref, dayfirst=True)[0]
        assert default.resolved is not None
        assert dayfirst.resolved is not None
        assert (default.resolved.start, dayfirst.resolved.start) == (dt.date(2021, 3, 4), dt.date(2021, 4, 3))

    def test_long_junk_is_fast_enough(self):
        """300 kB of digits, month names and punctuation is scanned without pathological backtracking."""
        text = ("1-2/3.4 2019-20 Nov. 12- 3 May, -- 2017's 11:04 " * 7000)[:300_000]
        times = find_times(text, reference=dt.date(2020, 1, 1))
        assert times


class TestReference:
    """Choosing and inferring the reference date."""

    def test_given_reference_wins(self):
        """A reference already on the document is kept."""
        ref = Reference(date=dt.date(2020, 1, 1), method="published")
        doc = TimeRecogniser()(Document(article=Article(id="a", text="Updated 26-11-2020"), reference=ref))
        assert doc.reference == ref

    def test_published_date_is_used(self):
        """Without a reference, the article's publication date is the reference."""
        from diplomev import Source

        article = Article(id="a", text="They met on Monday.", source=Source(published=dt.date(2020, 3, 4)))
        doc = TimeRecogniser()(Document(article=article))
        assert doc.reference == Reference(date=dt.date(2020, 3, 4), method="published")
        assert doc.times[0].resolved is not None
        assert doc.times[0].resolved.start == dt.date(2020, 3, 2)

    def test_caption_date_moves_to_lede_weekday(self):
        """A dated caption and a lede weekday give the news day (wire convention)."""
        text = (
            "The ministry said Thursday the two sides had agreed to meet again.\n"
            "This photo, taken on Nov. 22, 2017, shows the ministers shaking hands before their talks on Wednesday."
        )
        doc = TimeRecogniser()(Document(article=Article(id="a", text=text)))
        assert doc.reference == Reference(date=dt.date(2017, 11, 23), method="latest dated expression + weekday")
        assert [str(t.resolved.start) for t in doc.times if t.resolved] == ["2017-11-23", "2017-11-22", "2017-11-22"]

    def test_latest_dated_expression_without_weekday(self):
        """Without weekdays, the latest fully dated expression is the reference."""
        text = "The deal, first floated on March 3, 2019, was signed on June 30, 2019, after long talks in Geneva."
        ref = infer_reference(text, list(grammar_module.scan(text)))
        assert ref == Reference(date=dt.date(2019, 6, 30), method="latest dated expression")

    def test_nothing_dated_gives_no_reference(self):
        """A text that dates nothing leaves the reference unset and relative times unresolved."""
        doc = TimeRecogniser()(Document(article=Article(id="a", text="They met on Monday and will meet next week.")))
        assert doc.reference is None
        assert all(t.resolved is None for t in doc.times)

    def test_inference_can_be_switched_off(self):
        """With infer_reference=False, no reference is inferred."""
        doc = TimeRecogniser(infer_reference=False)(Document(article=Article(id="a", text="Updated 26-11-2020")))
        assert doc.reference is None

    def test_since_span(self):
        """A "since X" expression gives an open range from X to the reference date."""
        ref = Reference(date=dt.date(2019, 12, 5), method="published")
        doc = TimeRecogniser()(
            Document(
                article=Article(id="a", text="Ties froze in 2016 and have been cool since June 2017."), reference=ref
            ),
        )
        first, second = doc.times
        assert since_span(doc, first) is None
        span = since_span(doc, second)
        assert span is not None
        assert (span.start, span.end) == (dt.date(2017, 6, 1), dt.date(2019, 12, 5))


class TestStep:
    """The step as a pipeline component."""

    def test_registered_and_picklable(self):
        """The step is registered as "times", runs in a Pipeline and pickles."""
        pipeline = Pipeline(["times"])
        doc = pipeline.run(Article(id="a", text="Updated 26-11-2020. They met late on Wednesday."))
        assert doc is not None
        assert [t.text for t in doc.times] == ["26-11-2020", "late on Wednesday"]
        clone = pickle.loads(pickle.dumps(TimeRecogniser(dayfirst=True)))
        assert clone.dayfirst is True

    def test_doctests(self):
        """The examples in the docstrings run."""
        for module in (times_module, grammar_module, tense_module):
            result = doctest.testmod(module)
            assert result.failed == 0


def _score_times(directory: Path) -> tuple[float, float]:
    """Return (found, resolved correctly) of the times step on a directory of articles and gold files."""
    total = found = resolved = 0
    for gold_path in sorted((directory / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (directory / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        doc = TimeRecogniser()(Document(article=Article(id=gold_path.stem, text=text)))
        available = list(doc.times)
        for g in gold.get("times", []):
            total += 1
            for i, t in enumerate(available):
                if _norm(t.text) == _norm(g["text"]):
                    found += 1
                    want, got = g["resolved"], t.resolved
                    if want is None:
                        resolved += got is None
                    elif got is not None:
                        resolved += (want["start"], want["end"]) == (str(got.start), str(got.end))
                    del available[i]
                    break
    return found / total, resolved / total


class TestGoldSets:
    """The acceptance seeds beside the project (read only) and the project's development set."""

    def test_seed_times_found_and_resolved(self, seeds_dir: Path):
        """On the seeds, at least 95% of gold times are found and 90% resolved correctly."""
        found, resolved = _score_times(seeds_dir)
        assert found >= 0.95
        assert resolved >= 0.90

    def test_devset_times_found_and_resolved(self):
        """On the development set, at least 95% of gold times are found and 90% resolved correctly."""
        devset = Path(__file__).resolve().parent.parent / "devset"
        if not (devset / "gold").is_dir():
            pytest.skip("tests/devset is not present")
        found, resolved = _score_times(devset)
        assert found >= 0.95
        assert resolved >= 0.90
