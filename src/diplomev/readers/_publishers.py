"""Names of wire agencies and news outlets, and their canonical spelling.

The table maps the ways an outlet is credited in news text ("(Yonhap)",
"By Yonhap", "YONHAP", "Yonhap News Agency", "(VOVWORLD)") to one canonical
name ("Yonhap", "VOV World"). It holds only facts about the outlets.
"""

from __future__ import annotations

import functools
import re

__all__ = ["PUBLISHERS", "canonical_publisher", "looks_like_outlet"]

PUBLISHERS: dict[str, tuple[str, ...]] = {
    "Yonhap": ("Yonhap", "Yonhap News", "Yonhap News Agency", "Yonhap News TV"),
    "Reuters": ("Reuters", "Thomson Reuters", "Reuters News"),
    "VOV World": ("VOVWORLD", "VOV World", "VOV5", "Voice of Vietnam World"),
    "VOV": ("VOV", "Voice of Vietnam"),
    "VNA": ("VNA", "Vietnam News Agency", "Vietnam Plus", "VietnamPlus"),
    "Xinhua": ("Xinhua", "Xinhua News", "Xinhua News Agency", "Xinhuanet"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Kyodo": ("Kyodo", "Kyodo News", "Kyodo News Agency"),
    "Jiji": ("Jiji", "Jiji Press"),
    "Bernama": ("Bernama", "Malaysian National News Agency"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "TASS": ("TASS", "ITAR-TASS", "ITAR TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Sputnik": ("Sputnik",),
    "Anadolu Agency": ("Anadolu", "Anadolu Agency", "AA", "Anadolu Ajansi"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI", "Asian News International"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "UNI": ("UNI", "United News of India"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Lusa": ("Lusa",),
    "UPI": ("UPI", "United Press International"),
    "Antara": ("Antara", "Antara News"),
    "PNA": ("PNA", "Philippine News Agency"),
    "APP": ("APP", "Associated Press of Pakistan"),
    "AAP": ("AAP", "Australian Associated Press"),
    "CNA": ("CNA", "Central News Agency", "Channel NewsAsia"),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "KUNA": ("KUNA", "Kuwait News Agency"),
    "WAM": ("WAM", "Emirates News Agency"),
    "SPA": ("SPA", "Saudi Press Agency"),
    "MENA": ("MENA", "Middle East News Agency"),
    "Prensa Latina": ("Prensa Latina",),
    "NHK": ("NHK", "NHK World"),
    "KBS": ("KBS", "KBS World"),
    "Arirang": ("Arirang", "Arirang News"),
    "BBC": ("BBC", "BBC News"),
    "CNN": ("CNN",),
    "Al Jazeera": ("Al Jazeera", "Aljazeera"),
    "VOA": ("VOA", "Voice of America"),
    "RFA": ("RFA", "Radio Free Asia"),
    "CGTN": ("CGTN",),
    "China Daily": ("China Daily",),
    "Global Times": ("Global Times",),
    "People's Daily": ("People's Daily", "People's Daily Online"),
    "The Korea Herald": ("The Korea Herald", "Korea Herald"),
    "The Korea Times": ("The Korea Times", "Korea Times"),
    "JoongAng Daily": ("JoongAng Daily", "Korea JoongAng Daily"),
    "The Japan Times": ("The Japan Times", "Japan Times"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "NK News": ("NK News",),
    "DW": ("DW", "Deutsche Welle", "DW News"),
    "France 24": ("France 24", "France24"),
    "Euronews": ("Euronews",),
    "RT": ("RT", "Russia Today"),
    "TRT World": ("TRT World", "TRT"),
    "Al Arabiya": ("Al Arabiya",),
    "Press TV": ("Press TV",),
    "NDTV": ("NDTV",),
    "The Hindu": ("The Hindu",),
    "Hindustan Times": ("Hindustan Times",),
    "The Times of India": ("The Times of India", "Times of India"),
    "Dawn": ("Dawn",),
    "South China Morning Post": ("South China Morning Post", "SCMP"),
    "The Straits Times": ("The Straits Times", "Straits Times"),
    "Nikkei Asia": ("Nikkei Asia", "Nikkei"),
    "The Asahi Shimbun": ("The Asahi Shimbun", "Asahi Shimbun", "Asahi"),
    "The Mainichi": ("The Mainichi", "Mainichi", "Mainichi Shimbun"),
    "The Yomiuri Shimbun": ("The Yomiuri Shimbun", "Yomiuri Shimbun", "Yomiuri", "Yomiuri Online"),
    "Hankyoreh": ("Hankyoreh", "The Hankyoreh"),
    "Chosun Ilbo": ("Chosun Ilbo", "The Chosun Ilbo", "Chosun"),
    "Tasnim": ("Tasnim", "Tasnim News Agency"),
    "Fars": ("Fars", "Fars News Agency"),
    "Petra": ("Petra", "Jordan News Agency"),
    "QNA": ("QNA", "Qatar News Agency"),
    "BSS": ("BSS", "Bangladesh Sangbad Sangstha"),
    "Ukrinform": ("Ukrinform",),
    "Belta": ("Belta", "BelTA"),
}
"""Canonical outlet names and the ways each is credited in text."""


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _key(name: str) -> str:
    return _NOT_ALNUM.sub(" ", name.casefold()).strip()


_INDEX: dict[str, str] = {_key(v): canonical for canonical, variants in PUBLISHERS.items() for v in variants}

_OUTLET_WORDS = re.compile(
    r"\b(?:News|Agency|Times|Herald|Post|Daily|Press|Journal|Tribune|Gazette|Network|TV|Radio|"
    r"Broadcasting|Media|Wire|Service|Telegraph|Guardian|Chronicle|Observer|Online)\b",
)


@functools.lru_cache(maxsize=4096)
def canonical_publisher(name: str) -> str | None:
    """Return the canonical name of a known outlet, or None.

    Examples:
        >>> canonical_publisher("VOVWORLD")
        'VOV World'
        >>> canonical_publisher("yonhap news agency")
        'Yonhap'
        >>> canonical_publisher("Ministry of Truth") is None
        True
    """
    if len(name) > 60:
        return None
    return _INDEX.get(_key(name))


def looks_like_outlet(name: str) -> bool:
    """Return whether *name* is a known outlet or reads like one ("Hanbit Wire").

    Examples:
        >>> looks_like_outlet("Seoul Daily News")
        True
        >>> looks_like_outlet("Kim Min-ji")
        False
    """
    return canonical_publisher(name) is not None or bool(_OUTLET_WORDS.search(name))
