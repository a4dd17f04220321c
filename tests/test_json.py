"""Tests of `diplomev._json`: parsing JSON from users' files, one error for every failure."""

from __future__ import annotations

import json
import math
import pickle
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev._json import JsonError, decode, loads
from diplomev.errors import DiplomevError

_LIMIT = getattr(sys, "get_int_max_str_digits", lambda: 0)()


def _refused(text: str) -> JsonError:
    with pytest.raises(JsonError) as info:
        loads(text)
    return info.value


class TestAccepted:
    """What `json` reads, `loads` reads the same way."""

    @pytest.mark.parametrize(
        "text",
        [
            "{}",
            "[]",
            '  {"a": [1, -2, 3.5, 1e3, -0.0, true, false, null, "x"]}\n',
            '"\\u00e9\\n\\t\\"\\\\"',
            "1e-400",  # underflows to 0.0: a number, not an infinity
            "0." + "1" * 5000,  # many digits, but a float: converted in linear time
            '"NaN"',  # a string, not the constant
            '"\\ud83d\\ude42"',  # an escaped surrogate pair is one character
            '"\\\\ud800"',  # an escaped backslash, then the letters "ud800"
            '{"a": 1, "a": 2}',  # the last of duplicate keys wins, as in json
            "[" * 100 + "]" * 100,
        ],
    )
    def test_same_as_json(self, text):
        """Valid JSON gives the value `json.loads` gives."""
        assert loads(text) == json.loads(text)

    def test_surrogate_pair(self):
        """An escaped surrogate pair is the character it encodes."""
        assert loads('["\\ud83d\\ude42"]') == ["\U0001f642"]

    @pytest.mark.skipif(not _LIMIT, reason="Python without an int digit limit")
    def test_digits_up_to_the_limit(self):
        """An integer of as many digits as Python converts is read (with a sign, too)."""
        assert loads("7" * _LIMIT) == int("7" * _LIMIT)
        assert loads("-" + "7" * _LIMIT) == -int("7" * _LIMIT)

    @given(
        value=st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
            max_leaves=20,
        ),
        ascii_only=st.booleans(),
    )
    def test_round_trip(self, value, ascii_only):
        """Any value `json.dumps` writes (finite numbers, Unicode text) reads back equal."""
        assert loads(json.dumps(value, ensure_ascii=ascii_only)) == value

    @given(text=st.text(max_size=60) | st.text(alphabet='[]{}",:0123456789.eE-+ \\tnulrfasetiNIy\n', max_size=60))
    def test_any_text(self, text):
        """Any text gives the value `json.loads` gives, or a JsonError with a reason: never another exception."""
        try:
            value = loads(text)
        except JsonError as err:
            error: JsonError | None = err
        else:
            error = None
            assert json.dumps(value) == json.dumps(json.loads(text))
        if error is not None:
            assert error.kind in ("syntax", "depth", "digits", "constant", "number", "surrogate")
            assert error.reason


class TestRefused:
    """Every refusal is a JsonError with its kind, reason and place."""

    def test_is_a_diplomev_value_error(self):
        """JsonError is a DiplomevError and a ValueError (as the errors sites re-raise it as)."""
        err = _refused("[")
        assert isinstance(err, DiplomevError)
        assert isinstance(err, ValueError)

    @pytest.mark.parametrize(
        ("text", "reason", "line", "column"),
        [
            ('{"a": [1, 2', "Expecting ',' delimiter", 1, 12),
            ('{\n  "a": 1,\n  "b": }', "Expecting value", 3, 8),
            ('["abc', "Unterminated string", 1, 2),
            ('["a\tb"]', "Invalid control character", 1, 4),
            ('"\\uZZZZ"', "Invalid \\uXXXX escape", 1, 3),
            ("[1] [2]", "Extra data", 1, 5),
            ("", "Expecting value", 1, 1),
            ("\ufeff[1]", "a byte order mark (U+FEFF) before the value", 1, 1),
        ],
    )
    def test_syntax(self, text, reason, line, column):
        """A syntax error gives the reason `json` gives, and the line and column."""
        err = _refused(text)
        assert (err.kind, err.reason, err.line, err.column) == ("syntax", reason, line, column)
        assert str(err) == f"{reason} (line {line}, column {column})"

    def test_deep(self):
        """Nesting deeper than the recursion limit is refused, with no line; pos is the start of the value."""
        err = _refused("  " + "[" * 100_000 + "]" * 100_000)
        assert (err.kind, err.reason, err.line, err.column, err.pos) == ("depth", "nested too deeply", None, None, 2)
        assert str(err) == "nested too deeply"

    @pytest.mark.skipif(not _LIMIT, reason="Python without an int digit limit")
    @pytest.mark.parametrize("sign", ["", "-"])
    def test_digits(self, sign):
        """An integer of more digits than Python converts is refused, naming its length and place."""
        err = _refused('{"a": 1,\n "b": [' + sign + "7" * (_LIMIT + 1) + "]}")
        assert err.kind == "digits"
        assert err.reason == f"a number of {_LIMIT + 1} digits (at most {_LIMIT})"
        assert (err.line, err.column) == (2, 8)
        assert err.end - err.pos == len(sign) + _LIMIT + 1

    @pytest.mark.skipif(not hasattr(sys, "set_int_max_str_digits"), reason="Python without an int digit limit")
    def test_digits_without_limit(self):
        """With Python's limit lifted, long integers are read."""
        before = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            assert loads("7" * 5000) == int("7" * 5000)
        finally:
            sys.set_int_max_str_digits(before)

    @pytest.mark.parametrize("name", ["NaN", "Infinity", "-Infinity"])
    def test_constants(self, name):
        """NaN and the infinities, which `json` reads, are not JSON: refused, with their place."""
        err = _refused('{"ok": "NaN Infinity",\n "x": [1, ' + name + "]}")
        assert (err.kind, err.reason, err.line, err.column) == ("constant", f"{name} is not a JSON number", 2, 11)
        assert err.end - err.pos == len(name)

    @pytest.mark.parametrize("number", ["1e400", "-1e400", "1.5E+309", "7" * 400 + ".0"])
    def test_too_large(self, number):
        """A number beyond a float's range (read by `json` as an infinity) is refused."""
        err = _refused(f"[0.5, {number}]")
        assert err.kind == "number"
        assert (err.line, err.column) == (1, 7)
        assert err.reason.startswith(f"the number {number[:40]}")
        assert err.reason.endswith("is too large")
        assert len(err.reason) < 70

    @pytest.mark.parametrize(
        ("text", "code", "column"),
        [
            ('["ok", "\\ud800"]', 0xD800, 8),
            ('["\\udc00"]', 0xDC00, 2),
            ('["\\ude42\\ud83d"]', 0xDE42, 2),  # the wrong order: two lone surrogates
            ('["a\\ud83dz"]', 0xD83D, 2),  # a high surrogate not followed by a low one
            ('{"\\ud800": 1}', 0xD800, 2),  # in a key
            ('["\ud800"]', 0xD800, 2),  # a surrogate character in the text itself
            ('["é", "\\\\", "\\uD800"]', 0xD800, 13),  # upper-case escape, after other strings
        ],
    )
    def test_lone_surrogate(self, text, code, column):
        """A string holding a lone surrogate is not Unicode text: refused, naming the code point and string."""
        err = _refused(text)
        assert err.kind == "surrogate"
        assert err.reason == f"a string holding a lone surrogate (U+{code:04X})"
        assert (err.line, err.column) == (1, column)

    def test_describe_and_located(self):
        """describe() leaves out the line for text that is one line of a file; located() prefixes a path."""
        err = _refused('{"a": NaN}')
        assert err.describe(lines=False) == "NaN is not a JSON number (column 7)"
        assert err.located("a.json") == "a.json:1:7"
        deep = _refused("[" * 100_000)
        assert deep.describe(lines=False) == "nested too deeply"
        assert deep.located("a.json") == "a.json"

    def test_pickle(self):
        """The error pickles with its place (errors travel back from worker processes)."""
        err = _refused('\n["\\ud800"]')
        copy = pickle.loads(pickle.dumps(err))
        assert type(copy) is JsonError
        assert (copy.reason, copy.kind, copy.pos, copy.end, copy.line, copy.column, str(copy)) == (
            err.reason,
            err.kind,
            err.pos,
            err.end,
            err.line,
            err.column,
            str(err),
        )


class TestDecode:
    """`decode` reads one value at a position and leaves the rest, like `json.JSONDecoder.raw_decode`."""

    def test_value_and_end(self):
        """It skips white space, reads the value and returns where it ends."""
        text = 'xx \n {"a": [1, 2]} , {"b": 3}'
        value, end = decode(text, 2)
        assert value == {"a": [1, 2]}
        assert text[end:] == ' , {"b": 3}'
        assert decode(text, text.index("{", end)) == ({"b": 3}, len(text))

    def test_places_in_the_whole_text(self):
        """The place of an error is in the whole text, not from the position given."""
        text = '[{"a": 1},\n {"b": 1e999}]'
        with pytest.raises(JsonError) as info:
            decode(text, 1 + text.index("\n"))
        assert (info.value.kind, info.value.line, info.value.column) == ("number", 2, 8)
        assert info.value.pos == text.index("1e999")

    def test_only_the_value_is_checked(self):
        """What follows the value is not the decoder's business: a lone surrogate after it is left alone."""
        text = '{"a": 1} ["\\ud800"]'
        assert decode(text) == ({"a": 1}, 8)

    def test_constant_after_the_value_is_found_in_it(self):
        """The place of a refused token is the one the parser refused, not an earlier look-alike in a string."""
        text = '{"s": "1e999 NaN"} [1, 1e999]'
        with pytest.raises(JsonError) as info:
            decode(text, text.index("["))
        assert info.value.pos == text.rindex("1e999")

    def test_depth_position(self):
        """A value nested too deeply has the position of its start."""
        text = "[1] " + "[" * 100_000
        with pytest.raises(JsonError) as info:
            decode(text, 3)
        assert (info.value.kind, info.value.pos) == ("depth", 4)

    def test_infinite_value_is_never_returned(self):
        """No float that decode returns is infinite or NaN."""
        value, _ = decode("[1e308, -1e308, 1e-400, 2.5]")
        assert all(math.isfinite(v) for v in value)
