from __future__ import annotations

import pytest

from diplomev.readers._publishers import PUBLISHERS, canonical_publisher, looks_like_outlet


class TestCanonicalPublisher:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Yonhap", "Yonhap"),
            ("YONHAP", "Yonhap"),
            ("Yonhap News Agency", "Yonhap"),
            ("VOVWORLD", "VOV World"),
            ("VOV World", "VOV World"),
            ("Reuters", "Reuters"),
            ("Xinhua", "Xinhua"),
            ("The Associated Press", "AP"),
            ("AFP", "AFP"),
            ("Agence France-Presse", "AFP"),
            ("Kyodo News", "Kyodo"),
            ("Bernama", "Bernama"),
            ("KCNA", "KCNA"),
            ("ITAR-TASS", "TASS"),
            ("Anadolu Agency", "Anadolu Agency"),
            ("Anadolu", "Anadolu Agency"),
            ("Deutsche Welle", "DW"),
            ("PTI", "PTI"),
            ("ANI", "ANI"),
            ("dpa", "dpa"),
            ("EFE", "EFE"),
            ("Ministry of Foreign Affairs", None),
            ("x" * 100, None),
        ],
    )
    def test_known_names(self, name, expected):
        """Wire agencies are recognised however they are credited, and mapped to one name."""
        assert canonical_publisher(name) == expected

    def test_variants_are_unambiguous(self):
        """No way of crediting an outlet belongs to two outlets."""
        seen: dict[str, str] = {}
        for canonical, variants in PUBLISHERS.items():
            for variant in variants:
                key = variant.casefold()
                assert seen.setdefault(key, canonical) == canonical, variant

    def test_canonical_names_map_to_themselves(self):
        """Every canonical name is one of its own variants."""
        for canonical in PUBLISHERS:
            assert canonical_publisher(canonical) == canonical


class TestLooksLikeOutlet:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [("Nordic Wire", True), ("Seoul Daily News", True), ("Yonhap", True), ("Kim Min-ji", False)],
    )
    def test_outlets(self, name, expected):
        """Known outlets and names with newsroom words read as outlets; people do not."""
        assert looks_like_outlet(name) is expected
