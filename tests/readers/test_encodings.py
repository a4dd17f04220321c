from __future__ import annotations

import codecs
import contextlib
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev.errors import InputError, LegacyEncodingWarning
from diplomev.readers._encodings import OnceDecoder, declared_charset, decode


class TestDecode:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ("Caf\u00e9 talks".encode(), "Caf\u00e9 talks"),
            (codecs.BOM_UTF8 + "Caf\u00e9".encode(), "Caf\u00e9"),
            ("Caf\u00e9".encode("utf-16"), "Caf\u00e9"),
            ("Caf\u00e9".encode("utf-32"), "Caf\u00e9"),
            (b"", ""),
        ],
    )
    def test_unicode(self, data, expected):
        """UTF-8 with or without a byte-order mark, and UTF-16/32 with one, decode without a warning."""
        assert decode(data) == expected

    def test_cp1252_fallback_warns(self):
        """Bytes that are not UTF-8 are read as Windows-1252, with a LegacyEncodingWarning naming the file."""
        with pytest.warns(LegacyEncodingWarning, match="a.txt"):
            assert decode("Caf\u00e9 \u2013 \u201ctalks\u201d".encode("cp1252"), path="a.txt") == (
                "Caf\u00e9 \u2013 \u201ctalks\u201d"
            )

    def test_latin1_last_resort(self):
        """Bytes undefined in Windows-1252 fall back to Latin-1, which decodes anything."""
        with pytest.warns(LegacyEncodingWarning, match="latin-1"):
            assert decode(b"a\x81b\xe9") == "a\x81b\u00e9"

    def test_declared_charset(self):
        """A charset the page declares is used for non-UTF-8 bytes, without a warning."""
        assert decode("\u041c\u0438\u0440".encode("cp1251"), declared="cp1251") == "\u041c\u0438\u0440"

    @pytest.mark.parametrize("data", [b"abc\x00def", b"\x01\x02\x03\x04\x05\x06\x07\x08abc"])
    def test_binary(self, data):
        """Binary data is an InputError, not an article."""
        with pytest.raises(InputError, match="binary"):
            decode(data, path="x.bin")

    def test_explicit_encoding_is_strict(self):
        """With an explicit encoding, undecodable bytes are an InputError giving the offset."""
        with pytest.raises(InputError, match="byte 1"):
            decode(b"a\xff", encoding="utf-8", path="a.txt")

    def test_unknown_encoding(self):
        """An unknown encoding name is an InputError."""
        with pytest.raises(InputError, match="unknown encoding"):
            decode(b"a", encoding="no-such-codec")

    def test_once_decoder(self):
        """A per-file decoder warns about the legacy encoding only once."""
        decoder = OnceDecoder(path="a.jsonl")
        with pytest.warns(LegacyEncodingWarning) as record:
            assert [decoder(b"caf\xe9", line=n) for n in (1, 2)] == ["caf\u00e9", "caf\u00e9"]
        assert len(record) == 1

    @given(st.binary(max_size=300))
    def test_any_bytes(self, data):
        """Any bytes decode to a str or raise InputError."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LegacyEncodingWarning)
            with contextlib.suppress(InputError):
                assert isinstance(decode(data), str)


class TestDeclaredCharset:
    @pytest.mark.parametrize(
        ("head", "expected"),
        [
            (b'<meta charset="utf-8">', "utf-8"),
            (b"<META CHARSET=windows-1252>", "cp1252"),
            (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso8859-1"),
            (b'<meta charset="made-up">', None),
            (b"<p>no charset</p>", None),
        ],
    )
    def test_declared(self, head, expected):
        """The charset of a <meta> tag is found and normalised to a codec name."""
        assert declared_charset(head) == expected
