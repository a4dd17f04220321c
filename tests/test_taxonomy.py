from __future__ import annotations

import pytest

from diplomev import taxonomy
from diplomev.errors import ConfigError

# A sample checked by hand against the CAMEO 1.1b3 codebook and the Goldstein scale.
SAMPLE = [
    ("010", "Make statement, not specified below", 0.0, 1, None),
    ("036", "Express intent to meet or negotiate", 4.0, 1, "AGREE"),
    ("040", "Consult, not specified below", 1.0, 1, "CONSULT"),
    ("042", "Make a visit", 1.9, 1, "CONSULT"),
    ("043", "Host a visit", 2.8, 1, "CONSULT"),
    ("046", "Engage in negotiation", 7.0, 1, "CONSULT"),
    ("057", "Sign formal agreement", 8.0, 1, "AGREE"),
    ("061", "Cooperate economically", 6.4, 2, "COOPERATE"),
    ("112", "Accuse", -2.0, 3, "ACCUSE"),
    ("120", "Reject, not specified below", -4.0, 3, "REJECT"),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "SANCTION"),
    ("174", "Expel or deport individuals", -5.0, 4, "COERCE"),
    ("190", "Use conventional military force, not specified below", -10.0, 4, "ASSAULT"),
]


class TestCodebook:
    def test_covers_the_whole_codebook(self) -> None:
        """The table has the 20 roots and every 3- and 4-digit code (about 300)."""
        codes = taxonomy.codes()
        assert len(codes) >= 300
        assert {c.code for c in codes if len(c.code) == 2} == {f"{i:02d}" for i in range(1, 21)}

    @pytest.mark.parametrize(("code", "name", "goldstein", "quad", "plover"), SAMPLE)
    def test_sample_matches_the_codebook(
        self, code: str, name: str, goldstein: float, quad: int, plover: str | None
    ) -> None:
        """Names, Goldstein values, quad classes and PLOVER types match the codebook."""
        entry = taxonomy.lookup(code)
        assert (entry.name, entry.goldstein, entry.quad_class, entry.plover) == (name, goldstein, quad, plover)

    def test_quad_class_follows_the_root(self) -> None:
        """Roots 01-05 are verbal cooperation, 06-08 material cooperation, 09-13 verbal and 14-20 material conflict."""
        for c in taxonomy.codes():
            root = int(c.root)
            expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
            assert c.quad_class == expected, c.code

    def test_every_plover_type_is_reachable(self) -> None:
        """Each of the 16 PLOVER types has at least one CAMEO code."""
        assert {c.plover for c in taxonomy.codes()} - {None} == set(taxonomy.PLOVER_TYPES)

    def test_unknown_code_raises_config_error(self) -> None:
        """Looking up a code that does not exist names it."""
        with pytest.raises(ConfigError, match="'999'"):
            taxonomy.lookup("999")
