from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diplomev.dictionaries import (
    Conversion,
    DictionaryError,
    read_actor_dictionary,
    read_agent_dictionary,
    read_verb_dictionary,
)
from diplomev.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures" / "dictionaries"


def _people(conv: Conversion) -> dict[str, dict]:
    return {p["name"]: p for p in conv.data["people"]}


class TestActorDictionary:
    @pytest.fixture(name="conv")
    def fixture_conv(self) -> Conversion:
        return read_actor_dictionary(FIXTURES / "actors.txt")

    def test_people_get_dated_roles(self, conv: Conversion) -> None:
        """A record with dated codes is a person; each dated code is a role with ISO dates."""
        kang = _people(conv)["Kang Kyung-Wha"]
        assert kang["aliases"] == ["Kang Kyung-Hwa"]
        assert kang["country"] == "KOR"
        assert kang["roles"] == [
            {"role": "government", "title": None, "start": "2017-06-18", "end": "2021-02-08"},
            {"role": "elite", "title": None, "start": "2021-02-08", "end": None},
        ]

    @pytest.mark.parametrize(
        ("name", "country", "roles"),
        [
            (
                "Jacinda Ardern",
                "NZL",
                [("government", "2017-10-26", "2023-01-25", None), ("elite", "2023-01-25", None, None)],
            ),
            (
                "Ban Ki-Moon",
                "KOR",
                [
                    ("government", "2004-01-17", "2006-11-01", None),
                    ("international_official", "2007-01-01", "2016-12-31", "UNO"),
                ],
            ),
            (
                "Helen Clark",
                "NZL",
                [
                    ("government", "1999-12-05", "2008-11-19", None),
                    ("international_official", "2009-04-17", "2017-04-19", "UNDP"),
                ],
            ),
        ],
    )
    def test_codes_and_dates_in_both_layouts(self, conv: Conversion, name: str, country: str, roles: list) -> None:
        """Codes on indented lines or on the primary line, six- or eight-digit dates, open ends, organisations."""
        person = _people(conv)[name]
        assert person["country"] == country
        assert [(r["role"], r["start"], r["end"], r.get("organisation")) for r in person["roles"]] == roles

    def test_undated_code_gives_the_sector(self, conv: Conversion) -> None:
        """The undated default code gives the person's country and sector."""
        assert _people(conv)["Helen Clark"]["sector"] == "ELI"
        assert "sector" not in _people(conv)["Kang Kyung-Wha"]

    def test_countries_and_organisations(self, conv: Conversion) -> None:
        """Country codes add names to countries; other codes make organisations, acronyms keep their capitals."""
        countries = {c["iso3"]: c for c in conv.data["countries"]}
        assert countries["NZL"] == {"iso3": "NZL", "merge": True, "names": ["New Zealand", "Aotearoa", "Wellington"]}
        assert countries["GRL"] == {"iso3": "GRL", "name": "Greenland", "names": ["Greenland", "Nuuk"]}
        orgs = {o["name"]: o for o in conv.data["organisations"]}
        assert orgs["Korean Central News Agency"] == {
            "name": "Korean Central News Agency",
            "code": "PRKMED",
            "aliases": ["KCNA"],
            "sector": "MED",
            "kind": "media",
            "country": "PRK",
        }
        assert orgs["African Union"]["aliases"] == ["AU"]
        assert orgs["Amnesty International"]["kind"] == "ngo"

    def test_the_knowledge_base_loads_the_result(self, conv: Conversion) -> None:
        """The converted entries are valid knowledge-base entries."""
        kb_module = pytest.importorskip("diplomev.kb")
        kb = kb_module.KnowledgeBase.default().with_entries(conv.data)
        person = kb.person_by_name("Jacinda Ardern")
        assert person.country == "NZL"
        assert [r.role for r in person.roles] == ["government", "elite"]

    def test_undated_people_option(self) -> None:
        """With undated='person', a country-and-sector code without dates is a person."""
        text = "ABDULLAH_ABDULLAH_  [AFGGOV]\n"
        assert "organisations" in read_actor_dictionary(io.StringIO(text)).data
        person = read_actor_dictionary(io.StringIO(text), undated="person").data["people"][0]
        assert (person["name"], person["country"], person["sector"], person["roles"]) == (
            "Abdullah Abdullah",
            "AFG",
            "GOV",
            [],
        )

    @pytest.mark.parametrize(
        ("text", "line", "problem"),
        [
            ("A_ [KORGOV 170618-210208\n", 1, "unbalanced"),
            ("+SYNONYM_FIRST\n", 1, "synonym"),
            ("# comment\nA_  [KORGOV 171318-180101]\n", 2, "month"),
            ("A_\n\t[KORGOV 180101-170101]\n", 2, "ends before"),
            ("A_ [KOR GOV]\n", 1, "restriction"),
            ("\t[KORGOV]\n", 1, "before any actor"),
        ],
    )
    def test_malformed_lines_name_file_and_line(self, text: str, line: int, problem: str) -> None:
        """A malformed line raises DictionaryError with the file name and line number."""
        with pytest.raises(DictionaryError) as info:
            read_actor_dictionary(io.StringIO(text), name="mine.actors")
        assert info.value.line == line
        assert str(info.value).startswith(f"mine.actors:{line}: ")
        assert problem in info.value.reason
        assert isinstance(info.value, ConfigError)

    def test_on_error_goes_on(self) -> None:
        """With on_error the bad line is reported and the others are converted."""
        text = "A_ONE_ [NZLGOV 100101-110101]\nB_TWO_ [NZLGOV 100101\nC_THREE_ [AUSGOV 100101-110101]\n"
        errors: list[DictionaryError] = []
        conv = read_actor_dictionary(io.StringIO(text), on_error=errors.append)
        assert [p["name"] for p in conv.data["people"]] == ["A One", "C Three"]
        assert [e.line for e in errors] == [2]

    def test_records_without_codes_are_skipped_and_listed(self) -> None:
        """A phrase with no code codes nothing: it is listed in skipped, not invented."""
        conv = read_actor_dictionary(io.StringIO("NOBODY_IN_PARTICULAR_\n"))
        assert conv.data == {}
        assert [(s.line, s.reason) for s in conv.skipped] == [(1, "no code: the entry codes nothing")]

    def test_legacy_encodings_and_missing_files(self, tmp_path: Path) -> None:
        """Latin-1 bytes are read; a missing file is a ConfigError."""
        path = tmp_path / "latin.actors"
        path.write_bytes("JOSÉ_MUJICA_\n\t[URYGOV 100301-150301]\n".encode("latin-1"))
        assert read_actor_dictionary(path).data["people"][0]["name"] == "José Mujica"
        with pytest.raises(ConfigError, match="cannot read"):
            read_actor_dictionary(tmp_path / "missing.txt")

    def test_write_produces_json(self, conv: Conversion, tmp_path: Path) -> None:
        """Conversion.write stores the data as a JSON file."""
        out = tmp_path / "actors.json"
        conv.write(out)
        assert json.loads(out.read_text(encoding="utf-8")) == conv.data


class TestAgentDictionary:
    @pytest.fixture(name="words")
    def fixture_words(self) -> dict[str, dict]:
        conv = read_agent_dictionary(FIXTURES / "agents.txt")
        return {w["forms"][0]: w for w in conv.data["words"]}

    @pytest.mark.parametrize(
        ("form", "plural", "sector", "kind"),
        [
            ("foreign minister", ["foreign ministers"], "GOV", "title"),
            ("foreign ministry", [], "GOV", "body"),
            ("attorney general", ["attorneys general"], "GOV", "title"),
            ("coast guard", ["coast guards"], "MIL", "body"),
            ("human rights group", ["human rights groups"], "NGO", "body"),
            ("government", ["governments"], "GOV", "body"),
        ],
    )
    def test_words(self, words: dict, form: str, plural: list[str], sector: str, kind: str) -> None:
        """Phrases become words with plurals ({} none, {X} explicit), the code's sector and a guessed type."""
        assert (words[form]["plural"], words[form]["sector"], words[form]["type"]) == (plural, sector, kind)

    def test_substitution_markers_expand(self, words: dict) -> None:
        """!PERSON! expands to each listed word, without plurals."""
        assert words["spokesman"]["forms"] == ["spokesman", "spokesmen", "spokeswoman", "spokeswomen", "spokesperson"]
        assert words["spokesman"]["type"] == "title"

    def test_new_sectors_are_declared_and_the_knowledge_base_loads(self) -> None:
        """A sector code the packaged data lacks gets a sectors entry, so the knowledge base accepts the words."""
        conv = read_agent_dictionary(FIXTURES / "agents.txt")
        assert conv.data["sectors"] == [{"code": "AGR", "name": "agriculture", "kind": "group"}]
        kb_module = pytest.importorskip("diplomev.kb")
        kb_module.KnowledgeBase.default().with_entries(conv.data)

    def test_malformed_line(self) -> None:
        """An agent line without a code names its line."""
        with pytest.raises(DictionaryError, match="x.agents:2: expected one"):
            read_agent_dictionary(io.StringIO("AMBASSADOR [~GOV]\nENVOY\n"), name="x.agents")


class TestVerbDictionary:
    @pytest.fixture(name="conv")
    def fixture_conv(self) -> Conversion:
        return read_verb_dictionary(FIXTURES / "verbs.txt")

    def test_patterns(self, conv: Conversion) -> None:
        """Blocks share patterns among their verbs; synsets, gaps and target words are converted."""
        patterns = {p["id"]: p for p in conv.data["patterns"]}
        assert patterns["dict.impose.1"] == {
            "id": "dict.impose.1",
            "cameo": "163",
            "kind": "verb",
            "phrases": [
                "{impose} * new * sanction|sanctions|embargo|embargos",
                "{impose} * new * trade ban",
                "{slap} * new * sanction|sanctions|embargo|embargos",
                "{slap} * new * trade ban",
            ],
            "target_preps": ["on"],
            "symmetric": False,
        }
        assert patterns["dict.hold.1"]["phrases"] == [
            "{hold} * talks|negotiations",
            "{hold} * peace talks",
            "{resume} * talks|negotiations",
            "{resume} * peace talks",
        ]
        assert patterns["dict.accuse.verb.112"]["phrases"] == ["{accuse}", "{blame}"]
        assert patterns["dict.accuse.verb.111"]["phrases"] == ["{condemn}"]
        assert patterns["dict.speed.1"]["phrases"] == ["{speed} * aid", "sped * aid"]

    def test_unsupported_syntax_is_listed_with_reasons(self, conv: Conversion) -> None:
        """Patterns diplomev cannot express are not guessed at: they are listed with their line and reason."""
        reasons = {s.line: s.reason for s in conv.skipped}
        assert reasons == {
            21: "a target (+) followed by more words is not supported",
            22: "a target (+) followed by more words is not supported",
            23: "words before the verb are not supported",
            24: "a target (+) followed by more words is not supported",
            31: "CAMEO code 010 has no PLOVER type",
            32: "a target-only code [:...] has no source event",
            33: "a null code [---] suppresses coding; diplomev patterns cannot",
            39: "the target's code after ':' is ignored (pattern kept)",
        }

    def test_the_event_coder_uses_the_patterns(self, conv: Conversion, tmp_path: Path) -> None:
        """The converted file loads as event patterns and finds triggers in sentences."""
        patterns = pytest.importorskip("diplomev.extractors._patterns")
        path = tmp_path / "verbs.json"
        conv.write(path)
        ps = patterns.PatternSet.from_file(path)
        cases = {
            "Washington slapped new sanctions on Caracas.": "163",
            "The rebels resumed peace talks with the government.": "046",
            "Ottawa sped aid to Port-au-Prince.": "070",
            "Beijing condemned the launch.": "111",
        }
        for sentence, cameo in cases.items():
            assert [m.pattern.cameo for m in ps.find(patterns.tokenise(sentence))] == [cameo], sentence

    @pytest.mark.parametrize(
        ("text", "line", "problem"),
        [
            ("- * TALKS [046]\n", 1, "before any verb"),
            ("--- MEET [040] ---\nMEET\n- * TALKS\n", 3, "expected a pattern"),
            ("&BAD NAME!\n", 1, "synset name"),
            ("--- MEET [040] ---\nMEET {MET\n", 2, "unbalanced"),
        ],
    )
    def test_malformed_lines_name_file_and_line(self, text: str, line: int, problem: str) -> None:
        """A malformed line raises DictionaryError with the file and line."""
        with pytest.raises(DictionaryError) as info:
            read_verb_dictionary(io.StringIO(text), name="x.verbs")
        assert (info.value.path, info.value.line) == ("x.verbs", line)
        assert problem in info.value.reason

    def test_undefined_synset_is_skipped(self) -> None:
        """A pattern using a synset that is never defined is skipped, as PETRARCH does."""
        conv = read_verb_dictionary(io.StringIO("--- MEET [---] ---\nMEET\n- * &NOWHERE [040]\n"))
        assert conv.data["patterns"] == []
        assert conv.skipped[0].reason == "undefined synset &NOWHERE"

    def test_huge_expansions_are_refused(self) -> None:
        """A pattern whose synsets multiply beyond the limit is skipped instead of exploding."""
        members = "".join(f"+WORD_{i} EXTRA\n" for i in range(30))
        text = f"&A\n{members}\n&B\n{members}\n--- MEET [---] ---\nMEET\n- * &A &B [040]\n"
        conv = read_verb_dictionary(io.StringIO(text))
        assert conv.data["patterns"] == []
        assert "more than" in conv.skipped[0].reason


class TestHostileInput:
    @pytest.mark.parametrize(
        "line",
        [
            "--- " + " " * 200_000 + "x",
            "[" * 200_000,
            "<!--" * 50_000,
            "A_ [" + "K" * 100_000 + " " * 100_000 + "1]",
            "&" + "A" * 200_000,
            "- * " + "(" * 100_000,
            "!" + "A" * 200_000,
            "### " + "#" * 200_000,
        ],
    )
    def test_long_junk_lines_take_linear_time(self, line: str) -> None:
        """Megabyte-scale junk lines are rejected or skipped quickly, never with runaway backtracking."""
        import time

        for reader in (read_actor_dictionary, read_agent_dictionary, read_verb_dictionary):
            start = time.perf_counter()
            errors: list[DictionaryError] = []
            reader(io.StringIO(line + "\n"), on_error=errors.append)
            assert time.perf_counter() - start < 2.0, reader.__name__
