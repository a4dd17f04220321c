from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev.errors import InputError
from diplomev.readers._html import article_from_html, parse_html


def page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


class TestParseHtml:
    def test_paragraphs_and_breaks(self):
        """Block elements separate paragraphs by blank lines; <br> breaks a line; white space collapses."""
        text, _, _ = parse_html(page(body="<div><p>One  two\n three.</p><p>Four.<br>Five.</p></div><h2>Six</h2>"))
        assert text == "One two three.\n\nFour.\nFive.\n\nSix"

    @pytest.mark.parametrize(
        "junk",
        [
            "<nav>Menu</nav>",
            "<header>Site</header>",
            "<footer>Contact</footer>",
            "<aside>Related</aside>",
            "<script>var a = '<p>x</p>';</script>",
            "<style>p {}</style>",
            "<form><button>Go</button></form>",
            "<figure><img src=a.jpg><figcaption>Caption</figcaption></figure>",
            '<div role="navigation">Menu</div>',
            '<div class="social-share">Share</div>',
            "<div hidden>Secret</div>",
            '<div aria-hidden="true">Icon</div>',
        ],
    )
    def test_layout_removed(self, junk):
        """Navigation, headers, footers, asides, scripts, styles, forms, figures and hidden parts are not text."""
        text, _, _ = parse_html(page(body=f"<p>Talks began.</p>{junk}<p>Talks ended.</p>"))
        assert text == "Talks began.\n\nTalks ended."

    def test_nested_skip(self):
        """A skipped element ends at its own closing tag, even with nested elements of the same name."""
        text, _, _ = parse_html(page(body='<div class="related"><div>a</div><div>b</div></div><p>Body.</p>'))
        assert text == "Body."

    @pytest.mark.parametrize(
        ("meta", "expected"),
        [
            (
                '<meta property="article:published_time" content="2021-03-04T05:06:07+09:00">',
                "2021-03-04T05:06:07+09:00",
            ),
            ('<meta property="og:published_time" content="2021-03-04">', "2021-03-04"),
            ('<meta name="date" content="2021-03-04">', "2021-03-04"),
            ('<meta name="pubdate" content="20210304">', "2021-03-04"),
            ('<meta name="DC.date" content="2021-03-04">', "2021-03-04"),
            ('<meta name="dcterms.issued" content="2021-03-04T10:00:00Z">', "2021-03-04T10:00:00+00:00"),
            ('<meta itemprop="datePublished" content="March 4, 2021">', "2021-03-04"),
            ('<meta name="date" content="2021-03-04T05:06:07">', "2021-03-04"),
        ],
    )
    def test_published_meta(self, meta, expected):
        """Publication dates are read from the usual <meta> tags; a time without zone keeps the date."""
        _, fields, provenance = parse_html(page(head=meta, body="<p>Talks.</p>"))
        assert fields["published"].isoformat() == expected
        assert [p.field for p in provenance] == ["published"]

    def test_time_pubdate(self):
        """A <time pubdate> element gives the publication date when no meta tag does."""
        _, fields, _ = parse_html(page(body='<time pubdate datetime="2021-03-04">March 4</time><p>Talks.</p>'))
        assert fields["published"] == dt.date(2021, 3, 4)

    def test_bad_date_skipped(self):
        """A meta date that is no date is skipped for the next candidate."""
        head = '<meta name="date" content="someday"><meta name="dc.date" content="2021-03-04">'
        _, fields, _ = parse_html(page(head=head, body="<p>Talks.</p>"))
        assert fields["published"] == dt.date(2021, 3, 4)

    @pytest.mark.parametrize(
        ("head", "expected"),
        [
            ('<meta property="og:site_name" content="Nordic Wire">', "Nordic Wire"),
            ('<meta name="publisher" content="Hanoi Times">', "Hanoi Times"),
            ('<meta property="article:publisher" content="https://facebook.com/x">', None),
        ],
    )
    def test_publisher(self, head, expected):
        """The publisher comes from og:site_name or publisher tags (not from a URL)."""
        _, fields, _ = parse_html(page(head=head, body="<p>Talks.</p>"))
        assert fields.get("publisher") == expected

    @pytest.mark.parametrize(
        ("head", "body", "expected"),
        [
            (
                '<meta property="og:title" content="Clean headline"><title>Clean headline - Site</title>',
                "",
                "Clean headline",
            ),
            (
                '<title>Talks end | Nordic Wire</title><meta property="og:site_name" content="Nordic Wire">',
                "",
                "Talks end",
            ),
            ("<title>Talks end | Other</title>", "", "Talks end | Other"),
            ("", "<h1>Talks end</h1>", "Talks end"),
            ("<svg><title>icon</title></svg><title>Page title</title>", "", "Page title"),
        ],
    )
    def test_title(self, head, body, expected):
        """The headline comes from og:title, else <title> without the site's name, else <h1>."""
        _, fields, _ = parse_html(page(head=head, body=body + "<p>Talks.</p>"))
        assert fields["title"] == expected

    def test_json_ld(self):
        """JSON-LD gives the headline, date, publisher and author when meta tags do not."""
        ld = (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Talks end",'
            ' "datePublished": "2021-03-04", "publisher": {"name": "Nordic Wire"}, "author": [{"name": "Ann Lee"}]}]}'
            "</script>"
        )
        _, fields, _ = parse_html(page(head=ld, body="<p>Talks.</p>"))
        assert (fields["title"], fields["published"], fields["publisher"], fields["author"]) == (
            "Talks end",
            dt.date(2021, 3, 4),
            "Nordic Wire",
            "Ann Lee",
        )

    def test_url_and_language(self):
        """The canonical link is the url; the html lang attribute gives the language."""
        html = '<html lang="fr-CA"><head><link rel="canonical" href="https://x.org/a"></head><body><p>Oui.</p></body></html>'
        _, fields, _ = parse_html(html)
        assert (fields["url"], fields["language"]) == ("https://x.org/a", "fr")

    def test_entities(self):
        """Character references are decoded."""
        text, _, _ = parse_html(page(body="<p>Trade &amp; security &mdash; &#8220;talks&#8221;</p>"))
        assert text == "Trade & security \u2014 \u201ctalks\u201d"

    def test_unclosed_skip_falls_back(self):
        """When layout skipping leaves no text (an unclosed <nav>), the page text is read without it."""
        text, _, _ = parse_html(page(body="<nav>Menu<p>Talks began.</p>"))
        assert "Talks began." in text

    def test_missing_head_end(self):
        """A page whose <head> is never closed still has its body read."""
        text, _, _ = parse_html("<html><head><title>T</title><body><p>Talks.</p></body></html>")
        assert text == "Talks."

    def test_no_text_is_input_error(self):
        """A page without any text is an InputError."""
        with pytest.raises(InputError, match="no text"):
            article_from_html(page(head="<title>Only a title</title>"), id="a", origin=None, source={})

    @given(st.text(max_size=300))
    def test_any_markup(self, html):
        """Any string parses without an exception."""
        text, fields, _ = parse_html(html)
        assert isinstance(text, str)
        assert isinstance(fields, dict)

    @given(
        st.lists(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<nav>",
                    "</nav>",
                    "<div>",
                    "</div>",
                    "<br>",
                    "a",
                    " ",
                    "<script>",
                    "</script>",
                    "<title>",
                    "</title>",
                    "<meta name=date content=2020-01-01>",
                ]
            ),
            max_size=40,
        )
    )
    def test_any_tag_soup(self, parts):
        """Any sequence of tags and text parses without an exception."""
        text, _, _ = parse_html("".join(parts))
        assert isinstance(text, str)
