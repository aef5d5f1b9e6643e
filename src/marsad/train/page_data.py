"""Labelled flat pages for the line-role model: real HTML pages rendered to text, and synthetic Arabic pages.

A page is rendered the way a reader copies it from a browser (one line per block element,
scripts and styles dropped), which is the flat text marsad receives as a ``.txt`` page.
Lines are labelled with the roles of :mod:`marsad.page.roles`:

- trafilatura's evaluation pages (``datasets/trafilatura_eval``): the lines holding a
  ``with`` snippet are ``main``, those holding a ``without`` snippet are ``boiler`` (gold);
  for training, the other lines get silver roles from trafilatura's own extraction of
  the page (in its main text: ``main``; its title: ``title``; otherwise ``boiler``);
- the shared Arabic HTML pages (``datasets/html_arabic_news``): gold main text or snippets;
- synthetic Arabic pages (:mod:`marsad.train.page_synth`), labelled by construction.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
import trafilatura
from lxml.etree import LxmlError, ParserError

from marsad.page.lines import split_lines
from marsad.text.normalize import norm_key

TRAFILATURA_PAGES = Path("datasets") / "trafilatura_eval" / "pages.jsonl.gz"
ARABIC_HTML = Path("datasets") / "html_arabic_news"

_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "button", "object", "canvas"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul", "caption",
    "center", "label", "img",
}
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


@dataclass
class LabelledPage:
    """A flat page with the role of each non-blank line (None where unknown) and its known metadata."""

    site: str
    text: str
    roles: list[str | None]
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def render_html(html: str) -> str:
    """The page as flat text: one line per block element's text, scripts, styles and forms' options dropped."""
    try:
        root = lxml.html.fromstring(html)
    except (LxmlError, ParserError, ValueError):
        return ""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACE.sub(" ", "".join(current)).strip()
        if line:
            out.append(line)
        current.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP or not tag:
            if el.tail:
                current.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    walk(root)
    flush()
    return "\n".join(out) + "\n"


def _key(text: str) -> str:
    return " ".join(norm_key(text).split())


def site_of(url: str) -> str:
    """The site of a page: its URL's host without ``www.``."""
    return urlparse(url).netloc.lower().removeprefix("www.") or url


def split_of(site: str, heldout_share: float = 0.2, dev_share: float = 0.1) -> str:
    """The fixed split of a site (``train``, ``dev`` or ``heldout``), by a hash of its name."""
    value = int(hashlib.sha256(site.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    if value < heldout_share:
        return "heldout"
    if value < heldout_share + dev_share:
        return "dev"
    return "train"


def snippet_roles(lines_text: list[str], record: dict[str, object]) -> list[str | None]:
    """Gold roles from snippets: ``main`` for a line holding a ``with`` snippet, ``boiler`` for ``without``."""
    roles: list[str | None] = [None] * len(lines_text)
    keys = [_key(t) for t in lines_text]
    for name, role in (("without", "boiler"), ("with", "main")):
        snippets = record.get(name) or []
        assert isinstance(snippets, list)
        for snippet in snippets:
            skey = _key(str(snippet))
            if len(skey) < 4:
                continue
            for i, key in enumerate(keys):
                if skey in key and (role == "main" or roles[i] is None):
                    roles[i] = role
    return roles


def _silver_roles(html: str, lines_text: list[str], url: str | None) -> tuple[list[str], str | None]:
    """Roles from trafilatura's own extraction: lines of its main text are ``main``, its title ``title``."""
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    body = getattr(extracted, "text", None) or ""
    title = getattr(extracted, "title", None) if extracted is not None else None
    main_keys = {_key(p) for p in body.split("\n") if p.strip()}
    body_key = _key(body.replace("\n", " "))
    title_key = _key(title) if isinstance(title, str) and title.strip() else None
    roles: list[str] = []
    seen_title = False
    for text in lines_text:
        key = _key(text)
        if title_key and not seen_title and key == title_key:
            roles.append("title")
            seen_title = True
        elif key in main_keys or (len(key) > 30 and key in body_key):
            roles.append("main")
        else:
            roles.append("boiler")
    return roles, title if isinstance(title, str) else None


def trafilatura_pages(shared: Path, splits: set[str], silver: bool) -> Iterator[LabelledPage]:
    """The trafilatura evaluation pages of the given site splits, rendered to flat text and labelled."""
    with gzip.open(shared / TRAFILATURA_PAGES, "rt", encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            site = site_of(str(record.get("url") or record.get("file")))
            if split_of(site) not in splits:
                continue
            html = str(record["html"])
            text = render_html(html)
            lines_text = [ln.text for ln in split_lines(text)]
            if not lines_text:
                continue
            roles = snippet_roles(lines_text, record)
            title = None
            if silver:
                silver_roles, title = _silver_roles(html, lines_text, record.get("url"))
                roles = [r if r is not None else s for r, s in zip(roles, silver_roles, strict=True)]
            yield LabelledPage(site, text, roles, title=title, source=str(record.get("file")))


def arabic_html_pages(shared: Path, silver: bool) -> Iterator[LabelledPage]:
    """The two shared Arabic HTML pages, rendered to flat text, with gold main text and titles."""
    cnn = shared / ARABIC_HTML / "newspaper_cnn_arabic"
    text = render_html((cnn / "arabic_article.html").read_text(encoding="utf-8"))
    lines_text = [ln.text for ln in split_lines(text)]
    gold_keys = [_key(p) for p in (cnn / "arabic.gold.txt").read_text(encoding="utf-8").split("\n") if p.strip()]
    title = "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    roles: list[str | None] = []
    for line in lines_text:
        key = _key(line)
        if key == _key(title) and "title" not in roles:
            roles.append("title")
        elif any(key == g or (len(key) > 30 and key in g) for g in gold_keys):
            roles.append("main")
        else:
            roles.append("boiler")
    yield LabelledPage("arabic.cnn.com", text, roles, title=title, outlet="سي إن إن بالعربية", source=str(cnn))
    assabah = shared / ARABIC_HTML / "trafilatura_assabah"
    record = json.loads((assabah / "assabah.evaldata.json").read_text(encoding="utf-8"))
    html = (assabah / "assabah.com.tn.article.html").read_text(encoding="utf-8")
    text = render_html(html)
    lines_text = [ln.text for ln in split_lines(text)]
    roles = snippet_roles(lines_text, record)
    if silver:
        silver_roles, _ = _silver_roles(html, lines_text, str(record["url"]))
        roles = [r if r is not None else s for r, s in zip(roles, silver_roles, strict=True)]
    title_key = _key(str(record["title"]))
    for i, line in enumerate(lines_text):
        if _key(line) == title_key:
            roles[i] = "title"
            break
    yield LabelledPage("assabah.com.tn", text, roles, title=str(record["title"]), outlet="الصباح", source=str(assabah))
