"""The metadata of invented article heads in many layouts: agency datelines, date lines, bylines, web pages.

Every text here is invented; the lists follow the usual house styles of world news agencies and of
news sites, so that the cleaner's grammar is checked on layouts beyond those of the development sets.
"""

from __future__ import annotations

import pytest

from diplomev.extractors.cleaning import Cleaner
from diplomev.model import Article, Document

CLEAN = Cleaner()
T = "Ministers meet to discuss trade ties"
P1 = "Officials from the two countries met on Monday to discuss trade, the foreign ministry said."
P2 = "The talks will continue next week, a spokesman added."


def meta(text: str) -> tuple[dict[str, str | None], Document]:
    doc = CLEAN(Document(article=Article(id="t", text=text)))
    s = doc.article.source
    published = str(s.published)[:10] if s.published else None
    fields = {
        "title": s.title,
        "published": published,
        "publisher": s.publisher,
        "dateline": s.dateline,
        "author": s.author,
    }
    return fields, doc


def body_start(text: str, doc: Document) -> str:
    body = [s for s in doc.segments if s.region.value == "body"]
    return body[0].span.slice(text) if body else ""


# (dateline, its place, its agency)
DATELINES = [
    ("KYIV, Feb 3 (Reuters) -", "Kyiv", "Reuters"),
    ("WASHINGTON (AP) —", "Washington", "AP"),
    ("PARIS, Feb 3, 2025 (AFP) -", "Paris", "AFP"),
    ("Paris (AFP) -", "Paris", "AFP"),
    ("Madrid, Feb 3 (EFE).-", "Madrid", "EFE"),
    ("BOGOTA, Feb 3 (EFE).-", "Bogota", "EFE"),
    ("Bogotá (EFE).-", "Bogotá", "EFE"),
    ("SRINAGAR, Feb 26 (ANI):", "Srinagar", "ANI"),
    ("New Delhi [India], February 26 (ANI):", "New Delhi", "ANI"),
    ("NEW DELHI, Feb 3 (PTI)", "New Delhi", "PTI"),
    ("Mumbai, Feb 3 (PTI) -", "Mumbai", "PTI"),
    ("KUALA LUMPUR, March 12 (Bernama) --", "Kuala Lumpur", "Bernama"),
    ("Washington, DC, Feb. 3 (UPI) --", "Washington", "UPI"),
    ("PRISTINA/BELGRADE (RFE/RL) --", "Pristina/Belgrade", "RFE/RL"),
    ("Warsaw, Nov 10 (PAP) -", "Warsaw", "PAP"),
    ("BEIJING, Nov. 22 (Xinhua) --", "Beijing", "Xinhua"),
    ("SEOUL, Nov. 22 (Yonhap) --", "Seoul", "Yonhap"),
    ("TOKYO, Feb. 3 (Kyodo) --", "Tokyo", "Kyodo"),
    ("Berlin (dpa) -", "Berlin", "dpa"),
    ("ROME, Feb 3 (ANSA) -", "Rome", "ANSA"),
    ("MOSCOW, February 3. /TASS/.", "Moscow", "TASS"),
    ("ANKARA (AA) -", "Ankara", "Anadolu Agency"),
    ("ISTANBUL, Feb 3 (Anadolu) -", "Istanbul", "Anadolu Agency"),
    ("ABU DHABI, 3rd February, 2025 (WAM) --", "Abu Dhabi", "WAM"),
    ("RIYADH, Feb 3 (SPA) --", "Riyadh", "SPA"),
    ("Tehran, IRNA --", "Tehran", "IRNA"),
    ("KUWAIT, Feb 3 (KUNA) --", "Kuwait", "KUNA"),
    ("CAIRO, Feb 3 (MENA) -", "Cairo", "MENA"),
    ("Baku, February 3 (APA) -", "Baku", "APA"),
    ("Vienna (APA) -", "Vienna", "APA"),
    ("Jakarta (ANTARA) -", "Jakarta", "Antara"),
    ("MANILA, Feb. 3 (PNA) --", "Manila", "PNA"),
    ("Lisbon, Feb 3 (Lusa) -", "Lisbon", "Lusa"),
    ("ABUJA, Feb 3 (NAN)", "Abuja", "NAN"),
    ("NAIROBI (KNA) --", "Nairobi", "KNA"),
    ("Havana, Feb 3 (Prensa Latina)", "Havana", "Prensa Latina"),
    ("Prague, Feb 3 (CTK) -", "Prague", "CTK"),
    ("Prague, Feb 3 (ČTK) -", "Prague", "CTK"),
    ("Budapest, February 3 (MTI) –", "Budapest", "MTI"),
    ("Sofia, February 3 (BTA) -", "Sofia", "BTA"),
    ("BELGRADE, Feb 3 (Tanjug) -", "Belgrade", "Tanjug"),
    ("Kyiv, Feb 3 (Ukrinform) -", "Kyiv", "Ukrinform"),
    ("MOSCOW. Feb 3 (Interfax) -", "Moscow", "Interfax"),
    ("Brussels (Belga) -", "Brussels", "Belga"),
    ("Geneva (ATS) -", "Geneva", "ATS"),
    ("Geneva (Keystone-ATS) -", "Geneva", "ATS"),
    ("MEXICO CITY, Feb 3 (Notimex) -", "Mexico City", "Notimex"),
    ("Buenos Aires, Feb 3 (Télam) -", "Buenos Aires", "Télam"),
    ("Bucharest, Feb 3 (AGERPRES) -", "Bucharest", "Agerpres"),
    ("Zagreb, Feb 3 (Hina) -", "Zagreb", "Hina"),
    ("Ljubljana, Feb 3 (STA) -", "Ljubljana", "STA"),
    ("Skopje, Feb 3 (MIA) -", "Skopje", "MIA"),
    ("Athens, Feb 3 (ANA-MPA) -", "Athens", "ANA-MPA"),
    ("Oslo, Feb 3 (NTB) -", "Oslo", "NTB"),
    ("Stockholm, Feb 3 (TT) -", "Stockholm", "TT"),
    ("Copenhagen, Feb 3 (Ritzau) -", "Copenhagen", "Ritzau"),
    ("Helsinki, Feb 3 (STT) -", "Helsinki", "STT"),
    ("Vilnius, Feb 3 (ELTA) -", "Vilnius", "ELTA"),
    ("Riga, Feb 3 (LETA) -", "Riga", "LETA"),
    ("Tallinn, Feb 3 (BNS) -", "Tallinn", "BNS"),
    ("Bratislava, Feb 3 (TASR) -", "Bratislava", "TASR"),
    ("The Hague, Feb 3 (ANP) -", "The Hague", "ANP"),
    ("LONDON, Feb 3 (PA) -", "London", "PA"),
    ("OTTAWA, Feb 3 (CP) -", "Ottawa", "CP"),
    ("SYDNEY, Feb 3 (AAP) -", "Sydney", "AAP"),
    ("ISLAMABAD, Feb 3 (APP):", "Islamabad", "APP"),
    ("DHAKA, Feb 3 (BSS) -", "Dhaka", "BSS"),
    ("KATHMANDU, Feb 3 (RSS) -", "Kathmandu", "RSS"),
    ("HANOI, Feb 3 (VNA) --", "Hanoi", "VNA"),
    ("TAIPEI, Feb 3 (CNA) -", "Taipei", "CNA"),
    ("PYONGYANG, Feb 3 (KCNA) --", "Pyongyang", "KCNA"),
    ("TUNIS, Feb 3 (TAP) -", "Tunis", "TAP"),
    ("RABAT, Feb 3 (MAP) -", "Rabat", "MAP"),
    ("ALGIERS, Feb 3 (APS) -", "Algiers", "APS"),
    ("DAMASCUS, Feb 3 (SANA) -", "Damascus", "SANA"),
    ("AMMAN, Feb 3 (Petra) -", "Amman", "Petra"),
    ("DOHA, Feb 3 (QNA) -", "Doha", "QNA"),
    ("MANAMA, Feb 3 (BNA) -", "Manama", "BNA"),
    ("MUSCAT, Feb 3 (ONA) -", "Muscat", "ONA"),
    ("BEIRUT, Feb 3 (NNA) -", "Beirut", "NNA"),
    ("BAGHDAD, Feb 3 (INA) -", "Baghdad", "INA"),
    ("RAMALLAH, Feb 3 (WAFA) -", "Ramallah", "WAFA"),
    ("ADDIS ABABA, Feb 3 (ENA) -", "Addis Ababa", "ENA"),
    ("ACCRA, Feb 3 (GNA) -", "Accra", "GNA"),
    ("LUANDA, Feb 3 (ANGOP) -", "Luanda", "ANGOP"),
    ("MAPUTO, Feb 3 (AIM) -", "Maputo", "AIM"),
    ("ASTANA, Feb 3 (Kazinform) -", "Astana", "Kazinform"),
    ("YEREVAN, Feb 3 (Armenpress) -", "Yerevan", "Armenpress"),
    ("BAKU, Feb 3 (AZERTAC) -", "Baku", "AZERTAC"),
    ("MINSK, Feb 3 (BelTA) -", "Minsk", "Belta"),
    ("LIMA, Feb 3 (Andina) -", "Lima", "Andina"),
    ("BRASILIA, Feb 3 (Agencia Brasil) -", "Brasilia", "Agência Brasil"),
    ("VIENTIANE, Feb 3 (KPL) -", "Vientiane", "KPL"),
    ("PHNOM PENH, Feb 3 (AKP) -", "Phnom Penh", "AKP"),
    ("YANGON, Feb 3 (MNA) -", "Yangon", "MNA"),
    ("TEHRAN, Feb 3 (ISNA) -", "Tehran", "ISNA"),
    ("Tokyo, Feb 3 (Jiji Press) -", "Tokyo", "Jiji"),
    ("SANTIAGO, Feb 3 (Reuters) -", "Santiago", "Reuters"),
    ("SAN JOSE, Costa Rica (AP) —", "San Jose", "AP"),
    ("PORT-AU-PRINCE, Haiti (AP) —", "Port-au-Prince", "AP"),
    ("Los Angeles, California, Feb 3 (UPI) --", "Los Angeles", "UPI"),
    ("ST. PETERSBURG, Russia (AP) —", "St. Petersburg", "AP"),
    ("NEW YORK, Feb 3 (Reuters) -", "New York", "Reuters"),
    ("RIO DE JANEIRO, Feb 3 (Reuters) -", "Rio de Janeiro", "Reuters"),
    ("Dar es Salaam, Feb 3 (Xinhua) --", "Dar es Salaam", "Xinhua"),
    ("GAZA CITY, Gaza Strip (AP) —", "Gaza City", "AP"),
    ("UNITED NATIONS (AP) —", "United Nations", "AP"),
    ("KYIV, Ukraine, Feb 3 (AP) —", "Kyiv", "AP"),
    ("Hong Kong, Feb 3 (Reuters) -", "Hong Kong", "Reuters"),
    ("LA PAZ, Feb 3 (EFE) -", "La Paz", "EFE"),
    ("EL ALTO, Feb 3 (Reuters) -", "El Alto", "Reuters"),
    ("Moscow, 3 February (Interfax) -", "Moscow", "Interfax"),
    ("Kigali, 3 February 2025 (AFP) -", "Kigali", "AFP"),
]


@pytest.mark.parametrize(("dateline", "place", "agency"), DATELINES)
def test_agency_dateline(dateline: str, place: str, agency: str) -> None:
    text = f"{T}\n\n{dateline} {P1}\n\n{P2}"
    fields, doc = meta(text)
    assert (fields["title"], fields["dateline"], fields["publisher"]) == (T, place, agency)
    assert body_start(text, doc).startswith("Officials ")


# (date line, the publication date it gives)
DATE_LINES = [
    ("Updated 10:32 GMT, Feb 3, 2025", "2025-02-03"),
    ("Last updated: 3 February 2025 10:32", "2025-02-03"),
    ("Published 3 Feb 2025 Updated 4 Feb 2025", "2025-02-03"),
    ("Published 3 Feb 2025, Updated 4 Feb 2025", "2025-02-03"),
    ("Updated 4 Feb 2025 | Published 3 Feb 2025", "2025-02-03"),
    ("Posted: February 3, 2025 10:32 AM", "2025-02-03"),
    ("Posted on February 3, 2025 at 10:32 am", "2025-02-03"),
    ("Last modified on Mon 3 Feb 2025 10.32 GMT", "2025-02-03"),
    ("First published on Mon 3 Feb 2025 10.32 GMT", "2025-02-03"),
    ("Mon 3 Feb 2025 10.32 GMT", "2025-02-03"),
    ("Published: 10:32 GMT, 3 February 2025 | Updated: 12:01 GMT, 4 February 2025", "2025-02-03"),
    ("February 3, 2025 10:32 AM EST", "2025-02-03"),
    ("Feb. 3, 2025, 10:32 a.m. ET", "2025-02-03"),
    ("Updated Feb. 4, 2025, 1:05 p.m. ET", "2025-02-04"),
    ("Published Feb. 3, 2025 at 10:32 a.m. ET | Updated Feb. 4, 2025", "2025-02-03"),
    ("3 February 2025", "2025-02-03"),
    ("03.02.2025, 10:32", "2025-02-03"),
    ("2025-02-03T10:32:00Z", "2025-02-03"),
    ("Monday, February 3, 2025", "2025-02-03"),
    ("Mon, Feb 3, 2025, 10:32 AM", "2025-02-03"),
    ("Date: 03/02/2025", "2025-03-02"),
    ("Updated - February 04, 2025 at 09:15 AM. | Published - February 03, 2025 at 10:32 PM.", "2025-02-03"),
    ("Published On 3 Feb 2025", "2025-02-03"),
    ("3 Feb 2025 10:32 GMT+1", "2025-02-03"),
    ("Last Updated: Feb 04, 2025, 09:15 IST", "2025-02-04"),
    ("Published: 3rd February 2025", "2025-02-03"),
    ("February 3rd, 2025", "2025-02-03"),
    ("Updated: February 3, 2025 / 10:32 AM / CBS News", "2025-02-03"),
    ("Posted 2h ago, Updated Feb 3, 2025", "2025-02-03"),
    ("Released: 03 Feb 2025", "2025-02-03"),
    ("Issued on: 03/02/2025 - 10:32", "2025-03-02"),
    ("Modified: 04/02/2025 - 12:01", "2025-04-02"),
    ("Issued on: 03/02/2025 - 10:32 Modified: 04/02/2025 - 12:01", "2025-03-02"),
    ("10:32 GMT 03.02.2025", "2025-02-03"),
    ("By Anna Berg | Feb 3, 2025", "2025-02-03"),
    ("By Anna Berg, Staff Writer | Updated Feb 4, 2025", "2025-02-04"),
    ("Feb 3, 2025 | 10:32 AM", "2025-02-03"),
    ("Updated on 3 February 2025, 10:32", "2025-02-03"),
    ("Updated: 3 Feb, 2025 10:32 am IST", "2025-02-03"),
    ("Published February 3, 2025 · 10:32 AM UTC", "2025-02-03"),
    ("February 3, 2025 at 10:32 a.m. EST", "2025-02-03"),
    ("3 February 2025 - 10:32", "2025-02-03"),
    ("Updated 3 hours ago", None),
]


@pytest.mark.parametrize(("line", "published"), DATE_LINES)
def test_date_line(line: str, published: str | None) -> None:
    text = f"{T}\n{line}\n\n{P1}\n\n{P2}"
    fields, doc = meta(text)
    assert (fields["title"], fields["published"]) == (T, published)
    assert body_start(text, doc).startswith("Officials ")


# (page, the fields it states; publisher, dateline and published are None unless given)
PAGES = [
    # (text, expected dict)
    (
        f"{T}\nBy Anna Berg\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nBy Anna Berg and John Smith\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nBy Anna Berg, Staff Writer\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nBy ANNA BERG, Associated Press\nUpdated 10:32 GMT, Feb 3, 2025\n\nWASHINGTON (AP) — {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg", "publisher": "AP", "dateline": "Washington"},
    ),
    (
        f"{T}\nBy Anna Berg | Reuters\n3 February 2025\n\nLONDON, Feb 3 (Reuters) - {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg", "publisher": "Reuters", "dateline": "London"},
    ),
    (
        f"{T}\nBy Anna Berg, AFP\nPublished 3 Feb 2025 Updated 4 Feb 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg", "publisher": "AFP"},
    ),
    (
        f"{T}\nBy Anna Berg, Foreign Affairs Correspondent\nLast updated: 3 February 2025 10:32\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nBy Anna Berg and John Smith, Reuters\n\nGENEVA, Feb 3 (Reuters) - {P1}\n\n{P2}",
        {"title": T, "author": "Anna Berg", "publisher": "Reuters", "dateline": "Geneva"},
    ),
    (
        f"{T}\nAnna Berg\nSenior Correspondent\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03"},
    ),
    (
        f"{T}\nBy Anna Berg in Brussels\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nWritten by Anna Berg\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nBy Reuters\nFebruary 3, 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Reuters"},
    ),
    (
        f"{T}\nBy Al Jazeera Staff\nPublished On 3 Feb 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Al Jazeera"},
    ),
    (
        f"{T}\nRFE/RL's Balkan Service\nFebruary 03, 2025 10:32 GMT\n\nPRISTINA/BELGRADE (RFE/RL) -- {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "RFE/RL", "dateline": "Pristina/Belgrade"},
    ),
    # web page with furniture
    (
        f"Skip to main content\nHome | World | Europe | Business\nSearch\n\n{T}\n\nShare on Facebook   Share on Twitter   Email\n\nBy Anna Berg\nUpdated 10:32 GMT, Feb 3, 2025\n\nAdvertisement\n\nBRUSSELS (AFP) - {P1}\n\nForeign ministers pose for a photo before the meeting in Brussels on Monday. (Photo by John Smith/AFP)\n\n{P2}\n\nRelated\nEU leaders agree new sanctions package\nTrade talks stall over tariffs\n\nAdvertisement\n© 2025 Agence France-Presse",
        {"title": T, "published": "2025-02-03", "publisher": "AFP", "dateline": "Brussels", "author": "Anna Berg"},
    ),
    (
        f"Menu\nNews\nWorld\n{T}\nFeb 3, 2025\nShare\nTweet\nAdvertisement\nThe foreign ministers before the talks on Monday. Photo: Reuters\nKYIV, Feb 3 (Reuters) - {P1}\n{P2}\nRead more:\nUkraine and Poland sign grain deal\n",
        {"title": T, "published": "2025-02-03", "publisher": "Reuters", "dateline": "Kyiv"},
    ),
    (
        f"{T}\nForeign ministers at the talks in Kyiv on Monday. REUTERS/John Smith\nFebruary 3, 2025 10:32 AM GMT\n\nKYIV, Feb 3 (Reuters) - {P1}\n\n{P2}\n\nReporting by Anna Berg; Editing by John Smith",
        {"title": T, "published": "2025-02-03", "publisher": "Reuters", "dateline": "Kyiv"},
    ),
    (
        f"{T}\nThe ministers shake hands in Kyiv on February 3, 2025. (AP Photo/John Smith)\n\nKYIV, Ukraine (AP) — {P1}\n\n{P2}",
        {"title": T, "publisher": "AP", "dateline": "Kyiv"},
    ),
    (
        f"{T} | World News | Daily Planet\n\n{T}\n\n3 Feb 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Daily Planet"},
    ),
    (
        f"{T} - BBC News\n\n{T}\n\n3 February 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "BBC"},
    ),
    (f"{T} | DW | 03.02.2025\n\n{T}\n\n{P1}\n\n{P2}", {"title": T, "published": "2025-02-03", "publisher": "DW"}),
    (
        f"{T}\n\nA crowd in the capital on Monday, February 3, 2025. Photo: Anna Berg/AFP\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nA crowd in the capital on Monday. Photo: EPA\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nA crowd in the capital on Monday. [Anna Berg/Reuters]\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nA crowd in the capital on Monday. Image: AFP\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nA crowd in the capital on Monday. (Reuters)\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nA crowd in the capital on Monday. | Photo Credit: AFP\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nA crowd in the capital on Monday. Credit: Anna Berg/AP\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\n\nPresident Anna Berg speaks in the capital on Monday. Picture: Reuters\n\nTACLOBAN, Philippines — {P1}\n\n{P2}",
        {"title": T, "dateline": "Tacloban"},
    ),
    (
        f"{T}\nSubtitle: the two sides agreed to meet again next week\n3 Feb 2025 - 10:32\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03"},
    ),
    (
        f"{T}\n\nFebruary 3, 2025\n\nBy Anna Berg, The Daily Planet\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "The Daily Planet", "author": "Anna Berg"},
    ),
    (
        f"{T}\nby Anna Berg\n3 February 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nBY ANNA BERG\n3 February 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"{T}\nAnna Berg, Reuters\n3 February 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Reuters"},
    ),
    (
        f"{T}\nAnna Berg | Reuters | 3 February 2025\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Reuters"},
    ),
    (f"{T}\nFrom correspondents in Brussels\n3 February 2025\n\n{P1}\n\n{P2}", {"title": T, "published": "2025-02-03"}),
    (
        f"{T}\nBy Anna Berg, Bernama\n\nKUALA LUMPUR, March 12 (Bernama) -- {P1}\n\n{P2}",
        {"title": T, "publisher": "Bernama", "dateline": "Kuala Lumpur", "author": "Anna Berg"},
    ),
    (
        f"{T}\n\nLAGOS, Nigeria – {P1}\n\n{P2}\n\nSource: Reuters",
        {"title": T, "publisher": "Reuters", "dateline": "Lagos"},
    ),
    (f"{T}\n\n{P1}\n\n{P2}\n\n— With files from The Canadian Press", {"title": T, "publisher": "CP"}),
    (f"{T}\n\nWarsaw, Nov 10 (PAP) - {P1}\n\n{P2}\n\nmm/ par/", {"title": T, "publisher": "PAP", "dateline": "Warsaw"}),
    (
        f"{T}\n\nBy Anna Berg and John Smith / AFP\n\nNAIROBI — {P1}\n\n{P2}",
        {"title": T, "publisher": "AFP", "dateline": "Nairobi", "author": "Anna Berg"},
    ),
    (
        f"{T}\n\nAnna Berg\n\nPublished February 3, 2025 4:18pm | Updated February 4, 2025 7:02pm\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAGES)
def test_page(text: str, expected: dict[str, str]) -> None:
    fields, _ = meta(text)
    want = {k: expected.get(k) for k in ("title", "published", "publisher", "dateline")}
    if "author" in expected:
        want["author"] = expected["author"]
    assert {k: fields[k] for k in want} == want


# (the text before the lead, the last line, the publisher and the dateline they give)
CREDITS = [
    ("WASHINGTON, D.C. (AP) —", None, "AP", "Washington"),
    ("ATLANTA, Ga. (AP) —", None, "AP", "Atlanta"),
    ("Kyiv, Ukraine —", None, None, "Kyiv"),
    ("KYIV, Ukraine —", None, None, "Kyiv"),
    ("BRUSSELS —", None, None, "Brussels"),
    ("GENEVA, Feb 3 —", None, None, "Geneva"),
    ("Geneva, 3 February 2025 –", None, None, "Geneva"),
    ("(Bloomberg) --", None, "Bloomberg", None),
    ("NEW YORK (Bloomberg) --", None, "Bloomberg", "New York"),
    ("LONDON, Feb 3 (Reuters Breakingviews) -", None, "Reuters", "London"),
    ("PARIS (AP/AFP) —", None, "AP", "Paris"),
    ("BANGKOK, 3 February 2025 (NNT) -", None, "NNT", "Bangkok"),
    ("MANILA –", "(PNA)", "PNA", "Manila"),
    ("", "(AFP)", "AFP", None),
    ("", "(Reuters)", "Reuters", None),
    ("", "— AFP", "AFP", None),
    ("", "-- Reuters", "Reuters", None),
    ("", "Source: Xinhua", "Xinhua", None),
    ("", "AFP/Reuters", "AFP", None),
    ("", "(AFP, Reuters)", "AFP", None),
    ("", "(with AFP)", "AFP", None),
    ("", "Agence France-Presse", "AFP", None),
    ("", "Xinhua", "Xinhua", None),
    ("", "/TASS/", "TASS", None),
    ("", "/dpa", "dpa", None),
    ("", "© 2025 The Daily Planet. All rights reserved.", "The Daily Planet", None),
    (
        "",
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "AP",
        None,
    ),
    ("", "(Reporting by Anna Berg; Editing by John Smith)", None, None),
    ("", "Reporting by Anna Berg in Geneva; Editing by John Smith", None, None),
    ("", "dr/rt (AFP, Reuters)", "AFP", None),
    ("", "kb/msh (AP, dpa)", "AP", None),
    ("", "— Agencies", None, None),
    ("", "With inputs from PTI", "PTI", None),
    ("", "(With inputs from agencies)", None, None),
    ("", "— The Associated Press contributed to this report.", "AP", None),
    ("", "Anna Berg contributed reporting from Geneva.", None, None),
    ("", "(EFE)", "EFE", None),
    ("", "ANI", "ANI", None),
    ("", "(Xinhua)", "Xinhua", None),
    ("", "(ANTARA)", "Antara", None),
    ("", "--Bernama", "Bernama", None),
    ("", "-- BERNAMA", "Bernama", None),
    ("", "(UPI)", "UPI", None),
    ("", "(KUNA)", "KUNA", None),
    ("", "WAM/Hatem Mohamed", "WAM", None),
    ("", "(Kyodo)", "Kyodo", None),
    ("", "(END)", None, None),
    ("", "ENDS", None, None),
    ("", "AFP contributed to this report.", "AFP", None),
    ("", "Additional reporting by Reuters", "Reuters", None),
]


@pytest.mark.parametrize(("head", "close", "publisher", "place"), CREDITS)
def test_credit(head: str, close: str | None, publisher: str | None, place: str | None) -> None:
    text = f"{T}\n\n{head + ' ' if head else ''}{P1}\n\n{P2}" + (f"\n\n{close}" if close else "")
    fields, doc = meta(text)
    assert (fields["publisher"], fields["dateline"]) == (publisher, place)
    body = [s.span.slice(text) for s in doc.segments if s.region.value == "body"]
    assert body[0].startswith("Officials ")
    assert body[-1].endswith("added.")


# whole web pages: menus, share buttons, read times, captions, footers, credits in many places
P3 = "Both governments have sought to expand exports of farm goods and machinery since last year."
WEB_PAGES = [
    (
        f"World\nFeb 3, 2025 | Europe\n{T}\nBy Anna Berg\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "author": "Anna Berg"},
    ),
    (
        f"WORLD NEWS\n{T}\nThe two sides agreed to meet again next week\nAnna Berg\nMon 3 Feb 2025 10.32 GMT\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03"},
    ),
    (
        f"{T}\n\nADVERTISEMENT\n\nUpdated 10:32 GMT, Feb 3, 2025\n\n{P1}\n\nAdvertisement\n\n{P2}\n\nRELATED STORIES\n\nEU agrees new sanctions on Belarus\n\nTrade talks stall over tariffs",
        {"title": T, "published": "2025-02-03"},
    ),
    (
        f"{T}\n\n3 min read\n\nFebruary 3, 2025\n\nListen to this article\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03"},
    ),
    (
        f"{T}\n\nBy Anna Berg\nPublished: Feb 3, 2025, 10:32 a.m.\nUpdated: Feb 4, 2025, 1:05 p.m.\n\nFacebook\nTwitter\nEmail\n\nKYIV, Ukraine (AP) — {P1}\n\n{P2}\n\n___\n\nAssociated Press writer John Smith in Warsaw contributed to this report.",
        {"title": T, "published": "2025-02-03", "publisher": "AP", "dateline": "Kyiv", "author": "Anna Berg"},
    ),
    (
        f"{T}\n\nReuters\nFebruary 3, 2025 10:32 AM GMT+1\nUpdated 2 hours ago\n\nThe foreign ministers of the two countries meet in Warsaw, Poland, February 3, 2025. REUTERS/Anna Berg Purchase Licensing Rights\n\nWARSAW, Feb 3 (Reuters) - {P1}\n\n{P2}\n\nReporting by Anna Berg; Editing by John Smith\n\nOur Standards: The Thomson Reuters Trust Principles.",
        {"title": T, "published": "2025-02-03", "publisher": "Reuters", "dateline": "Warsaw"},
    ),
    (
        f"{T}\n\nAFP\nPublished on 3 February 2025 - 10:32\n\nPARIS: {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "AFP", "dateline": "Paris"},
    ),
    (
        f"Home > World > Europe\n\n{T}\n\nXinhua | Updated: 2025-02-03 10:32\n\nBRUSSELS, Feb. 3 (Xinhua) -- {P1}\n\n{P2}\n\nEditor: Anna Berg",
        {"title": T, "published": "2025-02-03", "publisher": "Xinhua", "dateline": "Brussels"},
    ),
    (
        f"{T}\n\nSource: Xinhua | 2025-02-03 10:32:15 | Editor: Anna Berg\n\nBRUSSELS, Feb. 3 (Xinhua) -- {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Xinhua", "dateline": "Brussels"},
    ),
    (
        f"{T}\n\n2025-02-03 10:32:15\n\nSEOUL, Feb. 3 (Yonhap) -- {P1}\n\n{P2}\n\nanna@yna.co.kr\n\n(END)",
        {"title": T, "published": "2025-02-03", "publisher": "Yonhap", "dateline": "Seoul"},
    ),
    (
        f"{T}\n\nAl Jazeera Staff\nPublished On 3 Feb 2025\n3 Feb 2025\n\nSave articles to read later and create your own reading list.\n\n{P1}\n\n{P2}\n\nSource: Al Jazeera and news agencies",
        {"title": T, "published": "2025-02-03", "publisher": "Al Jazeera"},
    ),
    (
        f"{T}\n\nRadio Free Europe/Radio Liberty\nFebruary 03, 2025 10:32 GMT\n\n{P1}\n\n{P2}\n\nWith reporting by AFP and Reuters",
        {"title": T, "published": "2025-02-03", "publisher": "RFE/RL"},
    ),
    (
        f"{T}\n03 February 2025, 10:32 | Anadolu Agency\n\nANKARA\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "Anadolu Agency", "dateline": "Ankara"},
    ),
    (
        f"{T}\n\nPTI | Updated: Feb 03, 2025, 10:32 IST\n\nNew Delhi, Feb 3 (PTI) {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "PTI", "dateline": "New Delhi"},
    ),
    (
        f"{T}\n\nANI | Updated: Feb 03, 2025 10:32 IST\n\nSrinagar (Jammu and Kashmir) [India], February 3 (ANI): {P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "ANI", "dateline": "Srinagar"},
    ),
    (f"{T}\n\n{P1} (Bernama)\n\n{P2}\n\n-- BERNAMA", {"title": T, "publisher": "Bernama"}),
    (
        f"{T.upper()}\n\nBEIJING, Feb. 3 (Xinhua) -- {P1}\n\n{P2}",
        {"title": T.upper(), "publisher": "Xinhua", "dateline": "Beijing"},
    ),
    (
        f"{T}\n\nby Anna Berg, Kyodo News\n\nTOKYO (Kyodo) -- {P1}\n\n{P2}\n\n==Kyodo",
        {"title": T, "publisher": "Kyodo", "dateline": "Tokyo", "author": "Anna Berg"},
    ),
    (f"{T}\n\nStory by Anna Berg • 3h • 2 min read\n\n{P1}\n\n{P2}", {"title": T, "author": "Anna Berg"}),
    (f"{T}\nANNA BERG\nFEBRUARY 3, 2025\n\n{P1}\n\n{P2}", {"title": T, "published": "2025-02-03"}),
    (f"{T}\n\nTuesday 4 February 2025 10:32, UK\n\n{P1}\n\n{P2}", {"title": T, "published": "2025-02-04"}),
    (
        f"{T}\n\nFebruary 3, 2025 / 10:32 AM / CBS/AP\n\n{P1}\n\n{P2}",
        {"title": T, "published": "2025-02-03", "publisher": "CBS News"},
    ),
    (
        f"{T}\n\nBy Anna Berg, Bloomberg\nFebruary 3, 2025 at 10:32 AM EST\nUpdated on February 4, 2025 at 1:05 PM EST\n\n{P1}\n\n{P2}\n\n— With assistance from John Smith",
        {"title": T, "published": "2025-02-03", "publisher": "Bloomberg", "author": "Anna Berg"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), WEB_PAGES)
def test_web_page(text: str, expected: dict[str, str]) -> None:
    test_page(text, expected)


HEADLINES = [
    "Ukraine war: Kyiv and Warsaw sign grain deal",
    "Will the ceasefire hold?",
    "'We will not back down,' says minister",
    "EU, China agree to resume talks",
    "U.S. imposes sanctions on Iranian oil network",
    "Talks collapse",
    "Pope visits Iraq",
    "Russia says it will respond to expulsions",
    "UPDATE 2-EU agrees sanctions on Belarus",
    "EXCLUSIVE-Iran and Saudi Arabia hold secret talks",
    "Iran, Saudi Arabia restore ties in China-brokered deal – state media",
    "Japan’s PM to visit Seoul next month",
    "Biden, Xi to meet in San Francisco on Nov. 15",
    "Sudan: Warring parties agree to 7-day truce",
    "N. Korea fires ballistic missile, Seoul says",
    "Macron calls for calm after night of riots...",
]
KICKERS = [
    "",
    "ANALYSIS\n",
    "Exclusive\n",
    "World\n",
    "Europe\n",
    "Politics\n",
    "News\n",
    "BREAKING\n",
    "Middle East\n",
    "Asia Pacific\n",
]


@pytest.mark.parametrize("headline", HEADLINES)
@pytest.mark.parametrize("kicker", KICKERS)
def test_headline_after_section_label(kicker: str, headline: str) -> None:
    fields, _ = meta(f"{kicker}{headline}\n\nFebruary 3, 2025\n\n{P1}\n\n{P2}")
    assert fields["title"] == headline
