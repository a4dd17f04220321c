"""A table of temporal expressions, each in a sentence of our own, with its reference date and expected span.

Shared by ``tests/extractors/test_times.py`` and ``benchmarks/bench_times.py``.

Each case gives the sentence, the expression as it should be emitted, the
reference date, and what it should resolve to: a ``(start, end, granularity)``
triple, `DURATION` for a length of time, or `NOT_A_TIME` when the phrase must
not be recognised at all.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Case(NamedTuple):
    """One row of the table."""

    sentence: str
    text: str
    reference: dt.date
    expected: tuple[str, str, str] | str


DURATION = "duration"
NOT_A_TIME = "not a time"

THU = dt.date(2017, 11, 23)  # a Thursday
MON = dt.date(2020, 3, 2)  # a Monday, the day after a leap-year February
THU14 = dt.date(2024, 3, 14)  # a Thursday


def _c(sentence: str, text: str, reference: dt.date, start: str, end: str | None = None, gran: str = "day") -> Case:  # noqa: PLR0917
    return Case(sentence, text, reference, (start, end or start, gran))


def _d(sentence: str, text: str, reference: dt.date = THU) -> Case:
    return Case(sentence, text, reference, DURATION)


def _n(sentence: str, text: str, reference: dt.date = THU) -> Case:
    return Case(sentence, text, reference, NOT_A_TIME)


D = dt.date

CASES: tuple[Case, ...] = (
    # ---- weekdays, backwards in past context, forwards in future context
    _c("The ministers met on Wednesday in Geneva.", "Wednesday", THU, "2017-11-22"),
    _c("The ministry said Thursday that talks would resume.", "Thursday", THU, "2017-11-23"),
    _c("The envoy will arrive on Monday for talks.", "Monday", THU, "2017-11-27"),
    _c("Talks are scheduled for Friday in Vienna.", "Friday", THU, "2017-11-24"),
    _c("Protesters gathered outside the embassy on Sunday.", "Sunday", THU, "2017-11-19"),
    _c("The president spoke by phone with his counterpart late on Tuesday.", "late on Tuesday", THU, "2017-11-21"),
    _c("Negotiators worked through Saturday night.", "Saturday night", THU, "2017-11-18"),
    _c("The summit is expected to open next Tuesday.", "next Tuesday", THU, "2017-11-28"),
    _c("The two leaders spoke last Friday.", "last Friday", THU, "2017-11-17"),
    _c("Officials announced the deal on Monday morning.", "Monday morning", THU, "2017-11-20"),
    _c("The minister resigned on Monday.", "Monday", MON, "2020-03-02"),
    _c("Voters will go to the polls on Sunday.", "Sunday", MON, "2020-03-08"),
    _c("The army said it had shelled the town on Saturday.", "Saturday", MON, "2020-02-29"),
    _c("The talks ended on Friday.", "Friday", D(2019, 12, 29), "2019-12-27"),
    _c("The leaders exchanged greetings on Tuesday.", "Tuesday", D(2020, 1, 1), "2019-12-31"),
    _c("Parliament will reconvene on Thursday.", "Thursday", D(2019, 12, 31), "2020-01-02"),
    _c("The foreign minister is to visit Tokyo on Wednesday.", "Wednesday", THU, "2017-11-29"),
    _c("Rebels attacked the convoy early Sunday.", "early Sunday", THU, "2017-11-19"),
    _c("Delegates plan to meet again this Friday.", "this Friday", THU, "2017-11-24"),
    _c("The decision was made Wednesday night.", "Wednesday night", THU, "2017-11-22"),
    _c("The foreign ministry's statement came Tuesday.", "Tuesday", D(2017, 10, 31), "2017-10-31"),
    _c("Both sides hope to conclude the deal by Saturday.", "Saturday", THU, "2017-11-25"),
    # ---- today, yesterday, tomorrow
    _c("The ministry confirmed the report today.", "today", D(2018, 5, 10), "2018-05-10"),
    _c("The ambassador was summoned yesterday.", "yesterday", D(2018, 5, 10), "2018-05-09"),
    _c("The ambassador was summoned yesterday.", "yesterday", D(2018, 1, 1), "2017-12-31"),
    _c("Both sides will sign the accord tomorrow.", "tomorrow", D(2016, 2, 28), "2016-02-29"),
    _c("The cabinet meets tonight to discuss the budget.", "tonight", D(2019, 7, 4), "2019-07-04"),
    _c("Police dispersed the crowd last night.", "last night", D(2019, 7, 4), "2019-07-03"),
    _c("Today the vote was postponed again.", "Today", D(2019, 7, 4), "2019-07-04"),
    _c("Results will be known the day after tomorrow.", "the day after tomorrow", D(2020, 12, 30), "2021-01-01"),
    _c("The strike began this morning at the port.", "this morning", D(2021, 6, 1), "2021-06-01"),
    # ---- last, this and next week, month, year
    _c("Moon will travel to Beijing next month.", "next month", D(2017, 12, 14), "2018-01-01", "2018-01-31", "month"),
    _c("The agreement was reached last month.", "last month", D(2018, 1, 15), "2017-12-01", "2017-12-31", "month"),
    _c("Elections are due next year.", "next year", THU, "2018-01-01", "2018-12-31", "year"),
    _c("Trade fell sharply last year.", "last year", D(2020, 6, 30), "2019-01-01", "2019-12-31", "year"),
    _c("This year the forum moved online.", "This year", D(2020, 6, 30), "2020-01-01", "2020-12-31", "year"),
    _c("The envoy visited Seoul last week.", "last week", THU, "2017-11-13", "2017-11-19", "week"),
    _c("A new round of talks opens next week.", "next week", THU, "2017-11-27", "2017-12-03", "week"),
    _c("Ministers met this week in Brussels.", "this week", THU, "2017-11-20", "2017-11-26", "week"),
    _c("Sanctions will take effect this month.", "this month", D(2019, 2, 10), "2019-02-01", "2019-02-28", "month"),
    _c("The quota runs out this month.", "this month", D(2020, 2, 10), "2020-02-01", "2020-02-29", "month"),
    _c("The tariffs rise next month.", "next month", D(2020, 1, 31), "2020-02-01", "2020-02-29", "month"),
    _c("Exports fell last month.", "last month", D(2020, 3, 31), "2020-02-01", "2020-02-29", "month"),
    _c(
        "Demonstrations spread earlier this month.",
        "earlier this month",
        D(2019, 10, 15),
        "2019-10-01",
        "2019-10-14",
        "range",
    ),
    _c(
        "The bill is expected to pass later this year.",
        "later this year",
        D(2019, 10, 15),
        "2019-10-16",
        "2019-12-31",
        "range",
    ),
    _c("Clashes erupted over the weekend.", "the weekend", D(2023, 8, 7), "2023-08-05", "2023-08-06", "range"),
    _c("Talks will resume at the weekend.", "the weekend", D(2023, 8, 9), "2023-08-12", "2023-08-13", "range"),
    _c("The visit, due to begin on Sunday, was called off.", "Sunday", D(2023, 3, 24), "2023-03-26"),
    _c("Fighting flared again last weekend.", "last weekend", D(2019, 10, 14), "2019-10-12", "2019-10-13", "range"),
    _c("Protests are planned for this weekend.", "this weekend", D(2019, 10, 17), "2019-10-19", "2019-10-20", "range"),
    _c(
        "The treaty was signed in 1965 and took effect the following year.",
        "the following year",
        D(2015, 6, 22),
        "1966-01-01",
        "1966-12-31",
        "year",
    ),
    _c(
        "The accord came in 2015; the previous year had seen talks collapse.",
        "the previous year",
        D(2016, 1, 5),
        "2014-01-01",
        "2014-12-31",
        "year",
    ),
    _c(
        "Troops withdrew in 2011 and returned the next year.",
        "the next year",
        D(2016, 1, 5),
        "2012-01-01",
        "2012-12-31",
        "year",
    ),
    _c("A new president takes office next year.", "next year", D(2019, 12, 31), "2020-01-01", "2020-12-31", "year"),
    _c("Inflation has eased this year.", "this year", D(2021, 1, 1), "2021-01-01", "2021-12-31", "year"),
    # ---- month names without a year, with tense
    _c("The summit was held in July.", "July", D(2017, 10, 31), "2017-07-01", "2017-07-31", "month"),
    _c("A state visit is planned for December.", "December", THU, "2017-12-01", "2017-12-31", "month"),
    _c("The leaders will meet again in March.", "March", THU, "2018-03-01", "2018-03-31", "month"),
    _c("Talks collapsed in December.", "December", D(2018, 1, 10), "2017-12-01", "2017-12-31", "month"),
    _c("Elections will be held in January.", "January", D(2018, 12, 10), "2019-01-01", "2019-01-31", "month"),
    _c("The ceasefire has held since August.", "August", D(2019, 3, 1), "2018-08-01", "2018-08-31", "month"),
    _c("The ministers met this June in Osaka.", "this June", D(2019, 12, 5), "2019-06-01", "2019-06-30", "month"),
    _c(
        "The agency reported the outbreak last March.",
        "last March",
        D(2020, 11, 1),
        "2020-03-01",
        "2020-03-31",
        "month",
    ),
    _c("The forum will take place next May.", "next May", D(2020, 11, 1), "2021-05-01", "2021-05-31", "month"),
    _c(
        "Seoul decided to deploy the system in July last year.",
        "July last year",
        D(2017, 10, 31),
        "2016-07-01",
        "2016-07-31",
        "month",
    ),
    _c(
        "The leaders met in November last year.",
        "November last year",
        D(2019, 12, 5),
        "2018-11-01",
        "2018-11-30",
        "month",
    ),
    _c("The vote is set for June next year.", "June next year", D(2019, 12, 5), "2020-06-01", "2020-06-30", "month"),
    _c("Troops were deployed in late October.", "late October", THU, "2017-10-21", "2017-10-31", "range"),
    _c("The talks began in early March.", "early March", D(2021, 4, 20), "2021-03-01", "2021-03-10", "range"),
    _c("A decision is expected by mid-February.", "mid-February", D(2020, 1, 10), "2020-02-11", "2020-02-20", "range"),
    _c(
        "The report is due at the end of February.",
        "the end of February",
        D(2020, 1, 10),
        "2020-02-21",
        "2020-02-29",
        "range",
    ),
    _c("Inspectors arrived in late February.", "late February", D(2019, 3, 5), "2019-02-21", "2019-02-28", "range"),
    _c("The offensive began in June 2017.", "June 2017", D(2019, 1, 1), "2017-06-01", "2017-06-30", "month"),
    _c(
        "In October of 2015, the two sides signed a memorandum.",
        "October of 2015",
        D(2019, 1, 1),
        "2015-10-01",
        "2015-10-31",
        "month",
    ),
    _c(
        "The embargo was lifted in late October last year.",
        "late October last year",
        D(2018, 2, 1),
        "2017-10-21",
        "2017-10-31",
        "range",
    ),
    _c(
        "The trip had been planned for February but was called off.",
        "February",
        D(2023, 6, 19),
        "2023-02-01",
        "2023-02-28",
        "month",
    ),
    _c("The vote was postponed to April.", "April", D(2024, 6, 13), "2025-04-01", "2025-04-30", "month"),
    _c("The summit was pushed back to Friday.", "Friday", D(2024, 6, 13), "2024-06-14"),
    _c("Exports recovered in September.", "September", D(2021, 8, 15), "2020-09-01", "2020-09-30", "month"),
    _c("The new law comes into force in April.", "April", D(2021, 1, 15), "2021-04-01", "2021-04-30", "month"),
    _c("Prices peaked in May, the ministry said.", "May", D(2022, 8, 1), "2022-05-01", "2022-05-31", "month"),
    _c(
        "Inflation slowed in November, official data showed.",
        "November",
        D(2022, 1, 12),
        "2021-11-01",
        "2021-11-30",
        "month",
    ),
    _c(
        "Troops pulled back in early September 2014.",
        "early September 2014",
        D(2015, 1, 1),
        "2014-09-01",
        "2014-09-10",
        "range",
    ),
    # ---- month and day without a year
    _c("The agreement was announced on Oct. 31.", "Oct. 31", THU, "2017-10-31"),
    _c("The leaders will meet on Dec. 14.", "Dec. 14", THU, "2017-12-14"),
    _c("The accord was signed on Dec. 28.", "Dec. 28", D(2018, 1, 5), "2017-12-28"),
    _c("The vote will take place on Jan. 3.", "Jan. 3", D(2018, 12, 20), "2019-01-03"),
    _c("Officials met on Feb. 29 in Cairo.", "Feb. 29", D(2020, 3, 10), "2020-02-29"),
    _c("Officials met on Feb. 29 in Cairo.", "Feb. 29", D(2021, 3, 10), "2020-02-29"),
    _c("Celebrations were held on the 5th of May.", "the 5th of May", D(2019, 6, 1), "2019-05-05"),
    _c("Parliament reconvened on 14 September.", "14 September", D(2020, 9, 20), "2020-09-14"),
    _c("The march is planned for Sept. 5.", "Sept. 5", D(2019, 8, 20), "2019-09-05"),
    _c("Protesters rallied on March 1st.", "March 1st", D(2019, 3, 4), "2019-03-01"),
    _c("The delegation arrives on January 7.", "January 7", D(2019, 12, 20), "2020-01-07"),
    _c("The envoy flew to Riyadh on Aug 9.", "Aug 9", D(2019, 8, 12), "2019-08-09"),
    # ---- full dates
    _c("The deal was signed on October 31, 2017.", "October 31, 2017", D(2019, 1, 1), "2017-10-31"),
    _c("The deal was signed on Oct. 31, 2017.", "Oct. 31, 2017", D(2019, 1, 1), "2017-10-31"),
    _c("The deal was signed on 31 October 2017.", "31 October 2017", D(2019, 1, 1), "2017-10-31"),
    _c("This photo, taken on Nov. 22, 2017, shows the two ministers.", "Nov. 22, 2017", THU, "2017-11-22"),
    _c("The accession took effect on 1 January 2007.", "1 January 2007", D(2019, 1, 1), "2007-01-01"),
    _c("The attacks of Sept. 11, 2001 changed the region.", "Sept. 11, 2001", D(2019, 1, 1), "2001-09-11"),
    _c("The referendum was held on February 29, 2016.", "February 29, 2016", D(2019, 1, 1), "2016-02-29"),
    _c("The treaty expired on December 31st, 1999.", "December 31st, 1999", D(2019, 1, 1), "1999-12-31"),
    _c("The Korean War broke out on June 25, 1950.", "June 25, 1950", D(2020, 6, 25), "1950-06-25"),
    _c("The statement is dated the 3rd of March, 2018.", "the 3rd of March, 2018", D(2019, 1, 1), "2018-03-03"),
    # ---- numeric dates
    _c("date 2020-11-26 Left Menu", "2020-11-26", D(2020, 11, 26), "2020-11-26"),
    _c("Thu, 11/23/2017 - 01:57", "11/23/2017", D(2017, 11, 23), "2017-11-23"),
    _c("Updated: 26-11-2020 14:22 IST", "26-11-2020", D(2020, 11, 26), "2020-11-26"),
    _c("Posted 26.11.2020 by the desk", "26.11.2020", D(2020, 11, 26), "2020-11-26"),
    _c("Filed on 29/02/2024 from Lagos.", "29/02/2024", D(2024, 3, 1), "2024-02-29"),
    _c("Report dated 12/31/19.", "12/31/19", D(2020, 1, 5), "2019-12-31"),
    _c("Report dated 01/02/99.", "01/02/99", D(2001, 1, 5), "1999-01-02"),
    _c("Archive copy 2019/05/04.", "2019/05/04", D(2020, 1, 1), "2019-05-04"),
    _c("Received 03/04/2021 by the registry.", "03/04/2021", D(2021, 5, 1), "2021-03-04"),
    # ---- ranges
    _c(
        "The forum will be held in Da Nang from Nov. 12-14.",
        "Nov. 12-14",
        D(2017, 10, 31),
        "2017-11-12",
        "2017-11-14",
        "range",
    ),
    _c("The talks will run from Nov. 12 to 14.", "Nov. 12 to 14", D(2017, 10, 31), "2017-11-12", "2017-11-14", "range"),
    _c(
        "Inspections are planned between Nov. 12 and 14.",
        "between Nov. 12 and 14",
        D(2017, 10, 31),
        "2017-11-12",
        "2017-11-14",
        "range",
    ),
    _c(
        "The assembly met on 12-14 November 2017.",
        "12-14 November 2017",
        D(2019, 1, 1),
        "2017-11-12",
        "2017-11-14",
        "range",
    ),
    _c(
        "The truce will last from Dec. 28-Jan. 3.",
        "Dec. 28-Jan. 3",
        D(2017, 12, 15),
        "2017-12-28",
        "2018-01-03",
        "range",
    ),
    _c(
        "Exports doubled between 2019 and 2021.",
        "between 2019 and 2021",
        D(2022, 1, 1),
        "2019-01-01",
        "2021-12-31",
        "range",
    ),
    _c("The 2019-2021 plan was extended.", "2019-2021", D(2022, 1, 1), "2019-01-01", "2021-12-31", "range"),
    _c("Output grew in the 2015-16 fiscal year.", "2015-16", D(2017, 1, 1), "2015-01-01", "2016-12-31", "range"),
    _c("He served as envoy from 2010 to 2014.", "2010 to 2014", D(2017, 1, 1), "2010-01-01", "2014-12-31", "range"),
    _c(
        "The mission ran Nov. 28 to Dec. 2, 2016.",
        "Nov. 28 to Dec. 2, 2016",
        D(2017, 1, 1),
        "2016-11-28",
        "2016-12-02",
        "range",
    ),
    _c("Markets were shut from March to May.", "March to May", D(2019, 8, 1), "2019-03-01", "2019-05-31", "range"),
    _c(
        "Exports slumped between March and May 2018.",
        "between March and May 2018",
        D(2019, 1, 1),
        "2018-03-01",
        "2018-05-31",
        "range",
    ),
    # ---- years and parts of years
    _c("The anniversary falls in 2022.", "2022", D(2020, 11, 26), "2022-01-01", "2022-12-31", "year"),
    _c("The summit was 2017's biggest diplomatic event.", "2017", D(2018, 1, 1), "2017-01-01", "2017-12-31", "year"),
    _c("The treaty of 1965 normalised ties.", "1965", D(2015, 1, 1), "1965-01-01", "1965-12-31", "year"),
    _c(
        "Since 2014, the two countries have held annual talks.",
        "2014",
        D(2019, 1, 1),
        "2014-01-01",
        "2014-12-31",
        "year",
    ),
    _c("The pipeline opened in early 2019.", "early 2019", D(2020, 1, 1), "2019-01-01", "2019-04-30", "range"),
    _c("The pipeline closed in late 2019.", "late 2019", D(2020, 1, 1), "2019-09-01", "2019-12-31", "range"),
    _c("Work resumed in mid-2019.", "mid-2019", D(2020, 1, 1), "2019-05-01", "2019-08-31", "range"),
    _c(
        "Xi's trip had been expected early this year.",
        "early this year",
        D(2020, 11, 26),
        "2020-01-01",
        "2020-04-30",
        "range",
    ),
    _c("The virus emerged late last year.", "late last year", D(2020, 11, 26), "2019-09-01", "2019-12-31", "range"),
    _c(
        "A deal is expected by the end of the year.",
        "the end of the year",
        D(2021, 5, 5),
        "2021-09-01",
        "2021-12-31",
        "range",
    ),
    _c(
        "Growth slowed in the first half of 2018.",
        "the first half of 2018",
        D(2019, 1, 1),
        "2018-01-01",
        "2018-06-30",
        "range",
    ),
    _c(
        "Sales rose in the first quarter of 2019.",
        "the first quarter of 2019",
        D(2019, 6, 1),
        "2019-01-01",
        "2019-03-31",
        "range",
    ),
    _c(
        "Talks will resume at the beginning of next year.",
        "the beginning of next year",
        D(2019, 12, 5),
        "2020-01-01",
        "2020-04-30",
        "range",
    ),
    _c("The election is due late next year.", "late next year", D(2019, 6, 1), "2020-09-01", "2020-12-31", "range"),
    # ---- seasons
    _c("The talks stalled last summer.", "last summer", D(2019, 11, 10), "2019-06-01", "2019-08-31", "season"),
    _c("The ministers will meet this spring.", "this spring", D(2021, 2, 1), "2021-03-01", "2021-05-31", "season"),
    _c("The plan was unveiled in spring 2021.", "spring 2021", D(2022, 1, 1), "2021-03-01", "2021-05-31", "season"),
    _c(
        "Relations soured in the summer of 2016.",
        "the summer of 2016",
        D(2018, 1, 1),
        "2016-06-01",
        "2016-08-31",
        "season",
    ),
    _c("Gas supplies may run short next winter.", "next winter", D(2019, 6, 1), "2019-12-01", "2020-02-29", "season"),
    _c("Fighting intensified last autumn.", "last autumn", D(2020, 3, 1), "2019-09-01", "2019-11-30", "season"),
    _c("The vote was delayed until fall 2018.", "fall 2018", D(2018, 1, 1), "2018-09-01", "2018-11-30", "season"),
    # ---- decades
    _c("Ties were frozen through the 1990s.", "the 1990s", D(2019, 1, 1), "1990-01-01", "1999-12-31", "decade"),
    _c(
        "The project dates back to the early 2000s.",
        "the early 2000s",
        D(2019, 1, 1),
        "2000-01-01",
        "2003-12-31",
        "range",
    ),
    _c("The policy was a relic of the '80s.", "the '80s", D(2019, 1, 1), "1980-01-01", "1989-12-31", "decade"),
    # ---- anniversaries that name a year
    _c(
        "Celebrations marked the 70th anniversary of the republic in 2019.",
        "2019",
        D(2019, 10, 2),
        "2019-01-01",
        "2019-12-31",
        "year",
    ),
    _c("The 30th anniversary of ties falls in 2022.", "2022", D(2021, 1, 1), "2022-01-01", "2022-12-31", "year"),
    # ---- anaphora
    _c("The minister arrived on Tuesday and left the same day.", "the same day", THU, "2017-11-21"),
    _c("Talks ended on Oct. 31; a statement followed the next day.", "the next day", THU, "2017-11-01"),
    _c(
        "The vote took place on March 3, and results came the following day.",
        "the following day",
        D(2019, 3, 10),
        "2019-03-04",
    ),
    _c("The envoy left on Friday, having arrived the previous day.", "the previous day", THU, "2017-11-16"),
    # ---- offsets from the reference
    _c("The accord was signed two years ago.", "two years ago", D(2019, 5, 5), "2017-01-01", "2017-12-31", "year"),
    _c("The border reopened three days ago.", "three days ago", D(2020, 3, 1), "2020-02-27"),
    _c("A month ago, the ministers met in Rome.", "A month ago", D(2020, 3, 31), "2020-02-01", "2020-02-29", "month"),
    _c(
        "The minister resigned on June 3; two days later the cabinet fell.",
        "two days later",
        D(2019, 7, 1),
        "2019-06-05",
    ),
    # ---- parts of a day named with the day: the expression keeps them (reference a Thursday)
    _c("Missiles struck the city in the early hours of Monday.", "the early hours of Monday", THU14, "2024-03-11"),
    _c("Shells fell on the town in the small hours of Sunday.", "the small hours of Sunday", THU14, "2024-03-10"),
    _c("Rebels shelled the town overnight Tuesday.", "overnight Tuesday", THU14, "2024-03-12"),
    _c("Rebels shelled the town overnight on Tuesday.", "overnight on Tuesday", THU14, "2024-03-12"),
    _c("Troops moved in at dawn on Friday.", "dawn on Friday", THU14, "2024-03-08"),
    _c("The convoy left before midnight Saturday.", "midnight Saturday", THU14, "2024-03-09"),
    _c("The raid came on the night of March 3.", "the night of March 3", THU14, "2024-03-03"),
    _c("The raid came on the morning of 5 March, witnesses said.", "the morning of 5 March", THU14, "2024-03-05"),
    _c("Drones hit the port early Sunday morning.", "early Sunday morning", THU14, "2024-03-10"),
    _c("Police arrested him late Saturday night.", "late Saturday night", THU14, "2024-03-09"),
    _c("Storms will hit the coast on Sunday.", "Sunday", THU14, "2024-03-17"),
    _c("Later on Wednesday, the envoy met the king.", "Wednesday", THU14, "2024-03-13"),
    # ---- a weekday with its date is one expression; the weekday picks the year
    _c("The talks were held on Tuesday, March 12.", "Tuesday, March 12", THU14, "2024-03-12"),
    _c("The talks were held on Tuesday 12 March.", "Tuesday 12 March", THU14, "2024-03-12"),
    _c("The summit opens on Monday, March 10.", "Monday, March 10", THU14, "2025-03-10"),
    _c("Posted Fri 8 Mar 2024 at 10:15am", "Fri 8 Mar 2024", THU14, "2024-03-08"),
    _c("By Staff | Published Wed, Mar 13, 2024", "Wed, Mar 13, 2024", THU14, "2024-03-13"),
    # ---- quarters, seasons, a day of the month, older years, years named in the sentence
    _c("Growth slowed in the third quarter.", "the third quarter", THU14, "2024-07-01", "2024-09-30", "range"),
    _c("The talks will resume in the spring.", "the spring", THU14, "2024-03-01", "2024-05-31", "season"),
    _c("The talks were held on the 3rd.", "the 3rd", THU14, "2024-03-03"),
    _c("It cited an 1899 arbitration award.", "1899", THU14, "1899-01-01", "1899-12-31", "year"),
    _c("The fleet sailed in late 1941, weeks after the Aug. 14 charter.", "Aug. 14", THU14, "1941-08-14"),
    _c("The vote was held on Monday. A week earlier, the envoy had left.", "A week earlier", THU14, "2024-03-04"),
    _n("The Prague Spring ended in August.", "Spring"),
    _n("The talks resumed after the fall of Kabul.", "fall"),
    _n("The Sun, March 4 edition led with it.", "Sun"),
    _n("Sun Yat-sen founded the party.", "Sun"),
    # ---- durations
    _d("The dispute has dragged on for more than a year.", "more than a year"),
    _d("The minister spent two days in Tokyo.", "two days"),
    _d("Relations warmed after months of chill.", "months"),
    _d("Sanctions have been in place for 10 years.", "10 years"),
    _d("The country has not held elections in a decade.", "a decade"),
    _d("The ceasefire lasted 48 hours.", "48 hours"),
    _d("Trade has grown over the past three years.", "the past three years"),
    _d("The president began a two-day visit.", "two-day"),
    _d("The two sides have clashed for years.", "years"),
    _d("More talks are likely in the coming months.", "the coming months"),
    _d("Negotiations lasted nearly six weeks.", "nearly six weeks"),
    _d("He ruled for a year and a half.", "a year and a half"),
    # ---- not times
    _n("The protest drew 2022 people.", "2022"),
    _n("The 45-year-old diplomat was detained.", "45-year-old"),
    _n("Kang, 62 years old, leads the delegation.", "62 years old"),
    _n("The team won 3-1 in the final.", "3-1"),
    _n("Resolution 1718 bans arms sales.", "1718"),
    _n("The ministry cited recent talks and upcoming meetings.", "recent"),
    _n("The meeting starts at 10:30 a.m.", "10:30"),
    _n("May I add that the talks went well?", "May"),
    _n("Thousands joined the march on Washington.", "march"),
    _n("The company shipped 1500 tonnes of rice.", "1500"),
    _n("He was reading the Sunday Times.", "Sunday"),
    _n("Police arrested 2,019 people.", "2,019"),
    _n("The aircraft flew at 2000 feet.", "2000"),
    _n("Ministers signed it twice a year.", "a year"),
    _n("The price of crude rose 20% in one session.", "20%"),
)
"""The table: well over 150 expressions."""
