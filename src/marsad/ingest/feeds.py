"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the items' links, titles, dates, authors and full text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin

from marsad.ingest.rejected import Rejected

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: the article link and what the feed says about it."""

    link: str
    title: str | None = None
    date: str | None = None
    content: str | None = None  # the full text the feed carries (content:encoded, Atom content), HTML or text
    author: str | None = None


def feed_items(xml_text: str, base_url: str) -> list[FeedItem]:
    """Parse an RSS or Atom feed and return its items with absolute links (entries without a link are skipped)."""
    try:
        root = ET.fromstring(xml_text.lstrip("\ufeff \t\r\n"))
    except ET.ParseError as exc:
        raise Rejected(f"malformed feed ({exc})") from exc
    if root.tag == f"{_ATOM}feed":
        items = [_atom_entry(e) for e in root.iter(f"{_ATOM}entry")]
    else:
        items = [_rss_item(e, "") for e in root.iter("item")]
        items += [_rss_item(e, _RSS1) for e in root.iter(f"{_RSS1}item")]
    return [FeedItem(urljoin(base_url, i.link), i.title, i.date, i.content, i.author) for i in items if i is not None]


def _rss_item(item: ET.Element, ns: str) -> FeedItem | None:
    link = _text(item.find(f"{ns}link"))
    guid = _text(item.find("guid"))
    if not link and guid and guid.startswith(("http://", "https://")):
        link = guid
    if not link:
        return None
    date = _text(item.find("pubDate")) or _text(item.find(f"{_DC}date"))
    author = _text(item.find(f"{_DC}creator")) or _text(item.find("author"))
    return FeedItem(link, _text(item.find(f"{ns}title")), date, _text(item.find(_CONTENT)), author)


def _atom_entry(entry: ET.Element) -> FeedItem | None:
    link = None
    for el in entry.findall(f"{_ATOM}link"):
        if el.get("rel", "alternate") == "alternate" and el.get("href"):
            link = el.get("href")
            break
    if not link:
        return None
    date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
    author = _text(entry.find(f"{_ATOM}author/{_ATOM}name"))
    return FeedItem(link, _text(entry.find(f"{_ATOM}title")), date, _text(entry.find(f"{_ATOM}content")), author)


def _text(el: ET.Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None
