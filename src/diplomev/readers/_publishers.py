"""Names of wire agencies and news outlets, and their canonical spelling.

The table maps the ways an outlet is credited in news text ("(Yonhap)",
"By Yonhap", "YONHAP", "Yonhap News Agency", "(VOVWORLD)") to one canonical
name ("Yonhap", "VOV World"). It holds only facts about the outlets.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["PUBLISHERS", "canonical_publisher", "credited", "looks_like_outlet"]

PUBLISHERS: dict[str, tuple[str, ...]] = {
    "Yonhap": ("Yonhap", "Yonhap News", "Yonhap News Agency", "Yonhap News TV"),
    "Reuters": ("Reuters", "Thomson Reuters", "Reuters News", "Reuters Breakingviews"),
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
    # wire agencies of the world, as their datelines credit them
    "RFE/RL": ("RFE/RL", "RFE RL", "Radio Free Europe/Radio Liberty", "Radio Free Europe", "Radio Liberty"),
    "PAP": ("PAP", "Polish Press Agency", "Polska Agencja Prasowa"),
    "CTK": ("CTK", "\u010cTK", "Czech News Agency"),
    "MTI": ("MTI", "Hungarian News Agency"),
    "BTA": ("BTA", "Bulgarian News Agency"),
    "Tanjug": ("Tanjug",),
    "Beta News Agency": ("Beta News Agency",),
    "Hina": ("Hina", "HINA", "Croatian News Agency"),
    "STA": ("STA", "Slovenian Press Agency"),
    "Fena": ("Fena", "FENA"),
    "MIA": ("MIA", "Macedonian Information Agency"),
    "ATA": ("ATA", "Albanian Telegraphic Agency"),
    "ANA-MPA": ("ANA-MPA", "ANA MPA", "Athens-Macedonian News Agency", "AMNA"),
    "Agerpres": ("Agerpres",),
    "Moldpres": ("Moldpres",),
    "Interfax-Ukraine": ("Interfax-Ukraine",),
    "UNIAN": ("UNIAN",),
    "ELTA": ("ELTA",),
    "LETA": ("LETA",),
    "BNS": ("BNS", "Baltic News Service"),
    "TASR": ("TASR",),
    "APA": ("APA", "Austria Presse Agentur", "APA-Austria Presse Agentur"),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "ATS": ("ATS", "Keystone-ATS", "Keystone ATS", "SDA", "Keystone-SDA"),
    "KNA": ("KNA", "Kenya News Agency"),
    "AGI": ("AGI", "Agenzia Italia"),
    "Adnkronos": ("Adnkronos",),
    "Europa Press": ("Europa Press",),
    "NTB": ("NTB",),
    "TT": ("TT", "TT News Agency"),
    "Ritzau": ("Ritzau",),
    "STT": ("STT", "STT-FNB"),
    "PA": ("PA", "PA Media", "Press Association", "PA Wire"),
    "CP": ("CP", "The Canadian Press", "Canadian Press"),
    "Notimex": ("Notimex",),
    "T\u00e9lam": ("T\u00e9lam", "Telam"),
    "Andina": ("Andina",),
    "Ag\u00eancia Brasil": ("Ag\u00eancia Brasil", "Agencia Brasil"),
    "ABI": ("ABI", "Agencia Boliviana de Informacion"),
    "TAP": ("TAP", "Tunis Afrique Presse"),
    "MAP": ("MAP", "Maghreb Arabe Presse"),
    "APS": ("APS", "Algerie Presse Service", "Agence de Presse Senegalaise"),
    "SANA": ("SANA", "Syrian Arab News Agency"),
    "BNA": ("BNA", "Bahrain News Agency"),
    "ONA": ("ONA", "Oman News Agency"),
    "NNA": ("NNA", "National News Agency"),
    "INA": ("INA", "Iraqi News Agency"),
    "WAFA": ("WAFA", "Wafa"),
    "SUNA": ("SUNA", "Sudan News Agency"),
    "ENA": ("ENA", "Ethiopian News Agency"),
    "GNA": ("GNA", "Ghana News Agency"),
    "NAN": ("NAN", "News Agency of Nigeria"),
    "ANGOP": ("ANGOP",),
    "AIM": ("AIM",),
    "SAnews": ("SAnews", "SAnews.gov.za"),
    "ANA": ("ANA", "African News Agency"),
    "ISNA": ("ISNA", "Iranian Students News Agency"),
    "Mehr": ("Mehr", "Mehr News", "Mehr News Agency"),
    "IRIB": ("IRIB",),
    "Trend News Agency": ("Trend News Agency", "Trend News"),
    "AZERTAC": ("AZERTAC", "Azertac"),
    "Armenpress": ("Armenpress",),
    "Kazinform": ("Kazinform",),
    "Kabar": ("Kabar",),
    "Khovar": ("Khovar",),
    "UzA": ("UzA",),
    "Montsame": ("Montsame",),
    "KPL": ("KPL", "Lao News Agency"),
    "AKP": ("AKP", "Agence Kampuchea Presse"),
    "MNA": ("MNA", "Myanmar News Agency"),
    "RSS": ("RSS", "Rastriya Samachar Samiti"),
    "China News Service": ("China News Service", "CNS", "Chinanews"),
    "NZPA": ("NZPA",),
    "RNZ": ("RNZ", "Radio New Zealand"),
    "ABC News": ("ABC News", "ABC"),
    "Saba": ("Saba", "SABA"),
    # outlets
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "Financial Times": ("Financial Times", "FT"),
    "The Guardian": ("The Guardian",),
    "The Independent": ("The Independent",),
    "The Telegraph": ("The Telegraph", "The Daily Telegraph"),
    "The Economist": ("The Economist",),
    "Politico": ("Politico", "POLITICO", "Politico Europe"),
    "Axios": ("Axios",),
    "NPR": ("NPR", "National Public Radio"),
    "CBS News": ("CBS News", "CBS"),
    "NBC News": ("NBC News", "NBC"),
    "Fox News": ("Fox News",),
    "Sky News": ("Sky News",),
    "Le Monde": ("Le Monde",),
    "Der Spiegel": ("Der Spiegel", "Spiegel"),
    "El Pa\u00eds": ("El Pa\u00eds", "El Pais"),
    "The Kyiv Independent": ("The Kyiv Independent", "Kyiv Independent"),
    "Kyiv Post": ("Kyiv Post",),
    "The Moscow Times": ("The Moscow Times", "Moscow Times"),
    "Meduza": ("Meduza",),
    "The Times of Israel": ("The Times of Israel", "Times of Israel"),
    "Haaretz": ("Haaretz",),
    "The Jerusalem Post": ("The Jerusalem Post", "Jerusalem Post"),
    "Arab News": ("Arab News",),
    "The National": ("The National",),
    "Gulf News": ("Gulf News",),
    "Khaleej Times": ("Khaleej Times",),
    "Daily Sabah": ("Daily Sabah",),
    "Hurriyet Daily News": ("Hurriyet Daily News", "H\u00fcrriyet Daily News"),
    "Ahram Online": ("Ahram Online", "Al-Ahram", "Al Ahram"),
    "Middle East Eye": ("Middle East Eye",),
    "The East African": ("The East African",),
    "Daily Nation": ("Daily Nation",),
    "Premium Times": ("Premium Times",),
    "News24": ("News24",),
    "Mail & Guardian": ("Mail & Guardian", "Mail and Guardian"),
    "The Sydney Morning Herald": ("The Sydney Morning Herald", "Sydney Morning Herald"),
    "CBC News": ("CBC News", "CBC"),
    "The Globe and Mail": ("The Globe and Mail", "Globe and Mail"),
    "Philippine Daily Inquirer": ("Philippine Daily Inquirer", "Inquirer", "Inquirer.net"),
    "Rappler": ("Rappler",),
    "GMA News": ("GMA News", "GMA News Online"),
    "The Jakarta Post": ("The Jakarta Post", "Jakarta Post"),
    "Bangkok Post": ("Bangkok Post",),
    "VnExpress": ("VnExpress", "VnExpress International"),
    "Tuoi Tre": ("Tuoi Tre", "Tuoi Tre News"),
    "The Irrawaddy": ("The Irrawaddy", "Irrawaddy"),
    "Khmer Times": ("Khmer Times",),
    "The Daily Star": ("The Daily Star",),
    "Dhaka Tribune": ("Dhaka Tribune",),
    "The Kathmandu Post": ("The Kathmandu Post", "Kathmandu Post"),
    "The Express Tribune": ("The Express Tribune", "Express Tribune"),
    "Geo News": ("Geo News",),
    "The Diplomat": ("The Diplomat",),
    "Eurasianet": ("Eurasianet",),
    "Euractiv": ("Euractiv", "EURACTIV"),
    "Balkan Insight": ("Balkan Insight", "BIRN"),
    "Kathimerini": ("Kathimerini", "eKathimerini"),
    "Focus Taiwan": ("Focus Taiwan",),
    "Taipei Times": ("Taipei Times",),
    "Caixin": ("Caixin", "Caixin Global"),
    "Japan Today": ("Japan Today",),
    "The Irish Times": ("The Irish Times", "Irish Times"),
    "Los Angeles Times": ("Los Angeles Times", "LA Times"),
    "USA Today": ("USA Today",),
    "Voice of Nigeria": ("Voice of Nigeria",),
    "Radio Pakistan": ("Radio Pakistan",),
    "Business Standard": ("Business Standard",),
    "The Indian Express": ("The Indian Express", "Indian Express"),
    "India Today": ("India Today",),
}
"""Canonical outlet names and the ways each is credited in text."""


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _key(name: str) -> str:
    """Fold case, accents and punctuation ("\u010cTK" -> "ctk", "RFE/RL" -> "rfe rl")."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return _NOT_ALNUM.sub(" ", "".join(c for c in plain if not unicodedata.combining(c))).strip()


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


_LIST_SEP = re.compile(r"\s*(?:/|,|;|&|\band\b|\+)\s*")
_CREDIT_LEAD = re.compile(
    r"^(?:with\s+(?:inputs?\s+from\s+|files\s+from\s+|reporting\s+from\s+)?|inputs?\s+from\s+|source\s*:\s*)",
    re.IGNORECASE,
)


def credited(name: str) -> str | None:
    """Return the canonical name of the first known outlet a credit names, or None.

    A credit may list several agencies ("AFP, Reuters", "AP/AFP", "with AFP", "with inputs from PTI").

    Examples:
        >>> credited("AFP, Reuters"), credited("with inputs from PTI"), credited("Jane Doe")
        ('AFP', 'PTI', None)
    """
    if len(name) > 80:
        return None
    whole = canonical_publisher(name)
    if whole is not None:
        return whole
    rest = _CREDIT_LEAD.sub("", name.strip())
    for part in _LIST_SEP.split(rest):
        found = canonical_publisher(part) if part else None
        if found is not None:
            return found
    return None
