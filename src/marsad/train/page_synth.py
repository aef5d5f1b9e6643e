"""Synthetic Arabic news pages: real SaudiNewsNet articles wrapped in the chrome of a news site.

Each page takes one article (title, author, date, paragraphs) and wraps it in a layout drawn
at random the way real Arabic news pages are built: skip links, masthead, menus with
separators or one item a line, breadcrumbs, weather/markets/prayer-time widgets, a ticker,
byline and dateline (Gregorian months of every naming system, Hijri dates, Arabic-Indic
digits), image captions with credits, inline "read also" teasers, share bars, tag lists,
most-read lists of other articles' titles, appended articles, comment forms, newsletter
boxes, contact blocks and copyright lines. Every line's role is known by construction.

The phrases come from ``lexicons/page_synth.tsv``; its ``heldout`` inventory is used only
for held-out evaluation pages, which also come from outlets never used in training.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from hijridate import Gregorian

from marsad.lexicons import load_table
from marsad.train.page_data import LabelledPage

SAUDINEWSNET = Path("datasets") / "saudinewsnet" / "saudinewsnet.jsonl.gz"
HELDOUT_OUTLETS = frozenset({"okaz", "alweeam", "3alyoum", "sabq"})
DEV_OUTLETS = frozenset({"almadina"})
OTHERS = 12
CLEAN_SHARE = 0.15
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_MONTHS = {
    "egypt": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "levant": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
               "تشرين الثاني", "كانون الأول"),
    "maghreb": ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر",
                "ديسمبر"),
}
_HIJRI = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال",
          "ذو القعدة", "ذو الحجة")


@dataclass(frozen=True)
class Article:
    """One SaudiNewsNet article (only used to build pages at training and evaluation time)."""

    line: int  # the article's line number in the SaudiNewsNet dump (its id in gold files)
    url: str
    source: str
    title: str
    author: str
    date: datetime
    paragraphs: tuple[str, ...]


def outlet_split(source: str) -> str:
    """The split of a SaudiNewsNet outlet: ``heldout``, ``dev`` or ``train``."""
    if source in HELDOUT_OUTLETS:
        return "heldout"
    return "dev" if source in DEV_OUTLETS else "train"


def read_articles(shared: Path, per_source: int, seed: int, lines: set[int] | None = None) -> dict[str, list[Article]]:
    """Up to ``per_source`` articles of every outlet (a fixed random sample), or the articles on ``lines``."""
    by_source: dict[str, list[Article]] = {}
    with gzip.open(shared / SAUDINEWSNET, "rt", encoding="utf-8") as handle:
        for number, raw in enumerate(handle):
            if lines is not None and number not in lines:
                continue
            record = json.loads(raw)
            paragraphs = tuple(p.strip() for p in str(record.get("content") or "").split("\n") if p.strip())
            title = str(record.get("title") or "").strip()
            if not paragraphs or not title:
                continue
            try:
                date = datetime.strptime(str(record.get("date_extracted")), "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            author = " ".join(str(record.get("author") or "").split())
            by_source.setdefault(record["source"], []).append(
                Article(number, record["url"], record["source"], title, author, date, paragraphs)
            )
    if lines is not None:
        return by_source
    rng = random.Random(seed)
    for source, articles in by_source.items():
        rng.shuffle(articles)
        by_source[source] = articles[:per_source]
    return by_source


@cache
def inventory(split: str) -> dict[str, tuple[str, ...]]:
    """The phrases of one inventory (``train`` or ``heldout``) by category."""
    out: dict[str, list[str]] = {}
    for row in load_table("page_synth.tsv"):
        if row[0] == split:
            out.setdefault(row[1], []).append(row[2])
    return {k: tuple(v) for k, v in out.items()}


@cache
def outlet_names() -> dict[str, tuple[str, str]]:
    """SaudiNewsNet source id -> (canonical outlet name, domain), from the outlet lexicon."""
    names: dict[str, tuple[str, str]] = {}
    for row in load_table("outlets.tsv"):
        for other in row[2:]:
            names[other] = (row[0], row[1])
    names.setdefault("arriyadiyah", names.get("arreyadiyah", ("الرياضية", "arreyadiyah.com")))
    return names


class _Page:
    """A page under construction: lines and their roles."""

    def __init__(self, rng: random.Random, phrases: dict[str, tuple[str, ...]], slots: dict[str, str]) -> None:
        self.rng = rng
        self.phrases = phrases
        self.slots = slots
        self.lines: list[str] = []
        self.roles: list[str] = []

    def add(self, text: str, role: str) -> None:
        text = " ".join(text.split())
        if text:
            self.lines.append(text)
            self.roles.append(role)

    def fill(self, template: str, **extra: str) -> str:
        rng = self.rng
        values = {
            "city": rng.choice(self.phrases["city"]), "name": rng.choice(self.phrases["name"]),
            "t": str(rng.randint(12, 48)), "t2": str(rng.randint(5, 30)), "h": str(rng.randint(1, 23)),
            "m": f"{rng.randint(0, 59):02d}", "p": f"{rng.uniform(0.5, 120):.2f}", "big": str(rng.randint(1000, 99999)),
            "n": str(rng.randint(1, 40)), "n2": str(rng.randint(41, 90)),
            "phone": " ".join(str(rng.randint(100, 999)) for _ in range(3)), **self.slots, **extra,
        }
        out = template
        for key, value in values.items():
            out = out.replace("{" + key + "}", value)
        return out

    def pick(self, category: str, **extra: str) -> str:
        return self.fill(self.rng.choice(self.phrases[category]), **extra)

    def chrome(self, category: str, most: int) -> None:
        """One to ``most`` boilerplate lines of a category."""
        for _ in range(self.rng.randint(1, most)):
            self.add(self.pick(category), "boiler")


def _digits(text: str, indic: bool) -> str:
    return text.translate(_INDIC) if indic else text


def dateline(rng: random.Random, phrases: dict[str, tuple[str, ...]], date: datetime, indic: bool) -> tuple[str, str]:
    """A dateline for ``date`` in a random format and month system, with the ISO value it states."""
    template = rng.choice(phrases["dateline"])
    system = rng.choice(("egypt", "egypt", "levant", "maghreb", "pair"))
    month_index = date.month - 1
    if system == "pair":
        month = f"{_MONTHS['levant'][month_index]}/{_MONTHS['egypt'][month_index]}"
    else:
        month = _MONTHS[system][month_index]
    hijri = Gregorian(date.year, date.month, date.day).to_hijri()
    hour12 = date.hour % 12 or 12
    values = {
        "wd": _WEEKDAYS[date.weekday()], "d": str(date.day), "mon": month, "y": str(date.year),
        "mo": f"{date.month:02d}", "hd": str(hijri.day), "hmon": _HIJRI[hijri.month - 1], "hy": str(hijri.year),
        "ampm": "م" if date.hour >= 12 else "ص",
    }
    uses_12 = "{ampm}" in template
    values["hh"] = f"{hour12 if uses_12 else date.hour:02d}"
    values["mm"] = f"{date.minute:02d}"
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    iso = date.date().isoformat()
    if "{hh}" in template:
        iso += f"T{date.hour:02d}:{date.minute:02d}"
    return _digits(text, indic), iso


def _menu(page: _Page) -> None:
    rng = page.rng
    items = rng.sample(page.phrases["nav"], k=min(len(page.phrases["nav"]), rng.randint(4, 12)))
    if rng.random() < 0.5:
        page.add(f" {rng.choice(page.phrases['nav_sep'])} ".join(items), "boiler")
    else:
        for item in items:
            page.add(item, "boiler")


def _widgets(page: _Page) -> None:
    rng = page.rng
    for category in rng.sample(("weather", "markets", "prayer", "ticker"), k=rng.randint(0, 3)):
        if category == "ticker":
            page.add(page.pick("ticker"), "boiler")
            continue
        for template in rng.sample(page.phrases[category], k=min(len(page.phrases[category]), rng.randint(2, 5))):
            page.add(page.fill(template), "boiler")


def _teasers(page: _Page, others: list[Article], summaries: bool) -> None:
    rng = page.rng
    for other in others:
        page.add(other.title, "related")
        if summaries:
            page.add(other.paragraphs[0][: rng.randint(60, 200)] + "...", "related")
        if rng.random() < 0.3:
            page.add(_digits(f"{other.date.day}/{other.date.month}/{other.date.year}", False), "related")


def _article_block(
    page: _Page, article: Article, first_role: str, indic: bool, others: list[Article], main: bool
) -> str | None:
    """Title, byline, dateline, captions and paragraphs of one article; returns the dateline's ISO value."""
    rng = page.rng
    if main and rng.random() < 0.1:  # the title as the last item of a breadcrumb
        page.add(f"{page.pick('crumb_head')} {page.phrases['nav_sep'][0].strip()} {article.title}", "boiler")
    page.add(article.title, first_role)
    if main and rng.random() < 0.12:  # a standfirst, a font-size or share widget, then the title again
        if rng.random() < 0.5:
            page.add(" ".join(article.paragraphs[-1].split()[:12]), "main")
        page.add(page.pick("share"), "boiler")
        page.add(article.title, "boiler")
    published = None
    order = ["byline", "dateline"]
    rng.shuffle(order)
    above = rng.random() < 0.15
    for part in order:
        if part == "byline" and rng.random() < 0.7:
            name = article.author if article.author and rng.random() < 0.6 else rng.choice(page.phrases["name"])
            page.add(page.pick("byline", name=name) if rng.random() < 0.5 else name, "byline")
        elif part == "dateline" and (rng.random() < 0.85 or main):
            text, published = dateline(rng, page.phrases, article.date, indic)
            if above and main and len(page.lines) >= 2:
                page.lines.insert(len(page.lines) - 1 - (page.roles[-1] == "byline"), text)
                page.roles.insert(len(page.roles) - 1 - (page.roles[-1] == "byline"), "dateline")
            else:
                page.add(text, "dateline")
    if main and rng.random() < 0.4:
        _share(page)
    paragraphs = list(article.paragraphs if main else article.paragraphs[: rng.randint(1, 6)])
    if main and rng.random() < 0.1:  # a short page: a brief, or a copy of the first paragraphs only
        paragraphs = paragraphs[: rng.randint(1, 2)]
    if main and len(paragraphs) >= 4 and rng.random() < 0.08:  # an interview: questions and answers marked
        ask, answer = rng.choice((("*", "-"), ("س:", "ج:"), ("- ", "")))
        paragraphs = [f"{ask if i % 2 else answer}{p}" for i, p in enumerate(paragraphs)]
    caption_at = rng.randint(0, min(2, len(paragraphs))) if rng.random() < 0.5 else -1
    headings = set(rng.sample(range(len(paragraphs)), k=len(paragraphs) // 3)) if rng.random() < 0.35 else set()
    inline_at = rng.randint(1, max(1, len(paragraphs) - 1)) if main and others and rng.random() < 0.35 else -1
    for i, paragraph in enumerate(paragraphs):
        if i == caption_at:
            caption = (others[0].title if others and rng.random() < 0.5 else paragraph.split("،")[0][:90])
            credit = page.pick("credit")
            if rng.random() < 0.3:
                page.add(caption, "caption")
            page.add(f"{caption} {credit}", "caption")
        if i == inline_at:
            page.add(page.pick("inline_related", title=rng.choice(others).title), "related")
        if i and i in headings:
            words = paragraph.split()
            page.add(" ".join(words[rng.randint(0, 2):rng.randint(4, 8)]).strip("،,.:"), "main")
        page.add(paragraph, "main")
    return published


def _share(page: _Page) -> None:
    rng = page.rng
    items = rng.sample(page.phrases["share"], k=min(len(page.phrases["share"]), rng.randint(1, 5)))
    if rng.random() < 0.5:
        page.add(" ".join(items), "boiler")
    else:
        for item in items:
            page.add(item, "boiler")


def _footer(page: _Page) -> None:
    rng = page.rng
    parts: list[Callable[[], None]] = []
    parts.append(lambda: page.chrome("comments", 4))
    parts.append(lambda: page.chrome("newsletter", 2))
    parts.append(lambda: page.chrome("contact", 4))
    parts.append(lambda: _menu(page))
    parts.append(lambda: page.chrome("footer", 6))
    parts.append(lambda: page.add(page.pick("footer_misc"), "boiler"))
    for part in rng.sample(parts, k=rng.randint(1, len(parts))):
        part()
    page.add(page.pick("copyright"), "boiler")


def _header(page: _Page, article: Article, indic: bool) -> None:
    rng, phrases = page.rng, page.phrases
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            page.add(page.pick("skip"), "boiler")
    if rng.random() < 0.7:
        page.add(page.pick("masthead"), "boiler")
    if rng.random() < 0.3:
        page.add(page.pick("editor"), "boiler")
    if rng.random() < 0.4:
        today, _ = dateline(rng, phrases, article.date, indic)
        page.add(today.split(" - ")[0], "boiler")
    if rng.random() < 0.8:
        _menu(page)
    if rng.random() < 0.5:
        _widgets(page)
    if rng.random() < 0.4:
        crumb = [page.pick("crumb_head"), rng.choice(phrases["nav"])]
        page.add(f" {rng.choice(phrases['nav_sep'])} ".join(crumb), "boiler")


def make_page(article: Article, others: list[Article], split: str, seed: int) -> LabelledPage:
    """One synthetic page around ``article`` (``others`` fill teasers, captions and appended articles)."""
    rng = random.Random(seed)
    phrases = inventory("heldout" if split == "heldout" else "train")
    outlet, domain = outlet_names().get(article.source, (article.source, article.source + ".com"))
    year = str(article.date.year)
    page = _Page(rng, phrases, {"outlet": outlet, "domain": domain, "year": year})
    indic = rng.random() < 0.2
    # a seventh of the pages are the article alone (copied without any chrome); a quarter start at the title
    clean = rng.random() < CLEAN_SHARE
    if not clean and rng.random() < 0.75:
        _header(page, article, indic)
    if not clean and rng.random() < 0.15 and others:
        caption = others[0].title if rng.random() < 0.5 else article.paragraphs[0].split("،")[0][:90]
        page.add(caption, "caption")
        page.add(f"{caption} {page.pick('credit')}", "caption")
    published = _article_block(page, article, "title", indic, others, main=True)
    # after the article
    after: list[Callable[[], None]] = []
    if rng.random() < 0.5:
        def tags() -> None:
            page.add(page.pick("tags_head"), "boiler")
            page.chrome("nav", 5)
        after.append(tags)
    if rng.random() < 0.5:
        after.append(lambda: _share(page))
    if rng.random() < 0.7:
        def most_read() -> None:
            page.add(page.pick("related_head"), "related")
            _teasers(page, others[2:2 + rng.randint(3, 8)], summaries=rng.random() < 0.3)
        after.append(most_read)
    if rng.random() < 0.35:
        after.append(lambda: _widgets(page))
    rng.shuffle(after)
    for part in after if not clean else ():
        part()
    if not clean and rng.random() < 0.25 and len(others) > 1:
        appended = others[1]
        if rng.random() < 0.5:
            page.add(page.pick("appended_head"), "appended")
            _article_block(page, appended, "main_title", indic, others, main=False)
            page.roles[page.roles.index("main_title")] = "appended"
        else:
            _article_block(page, appended, "appended", indic, others, main=False)
    footer = 1.0 if clean else rng.random()
    if footer < 0.6:
        _footer(page)
    elif footer < 0.8:
        page.add(page.pick(rng.choice(("share", "tags_head", "footer_misc"))), "boiler")
    text = "\n".join(page.lines) + "\n"
    return LabelledPage(
        site=f"{article.source}/{split}",
        text=text,
        roles=list(page.roles),
        title=" ".join(article.title.split()),
        outlet=outlet,
        published=published,
        source=article.url,
        extra={"seed": str(seed), "line": str(article.line), "others": " ".join(str(a.line) for a in others)},
    )


def plain_page(article: Article, split: str) -> LabelledPage:
    """The article alone as a user saves it: its title, a blank line, its paragraphs (no chrome at all)."""
    title = " ".join(article.title.split())
    text = title + "\n\n" + "\n\n".join(article.paragraphs) + "\n"
    return LabelledPage(
        site=f"{article.source}/{split}", text=text, roles=["title", *["main"] * len(article.paragraphs)],
        title=title, source=article.url, extra={"line": str(article.line)},
    )


def synthetic_pages(shared: Path, splits: set[str], per_source: int, seed: int) -> Iterator[LabelledPage]:
    """Synthetic pages of the outlets in the given splits (the same pages for the same arguments)."""
    articles = read_articles(shared, per_source, seed)
    for source in sorted(articles):
        split = outlet_split(source)
        if split not in splits:
            continue
        pool = articles[source]
        for n, article in enumerate(pool):
            page_seed = seed * 100_000 + n
            rng = random.Random(page_seed)
            others = [a for a in rng.sample(pool, k=min(len(pool), OTHERS)) if a.url != article.url]
            yield make_page(article, others, split, page_seed)
