"""Outlets: one canonical name per publisher, from record fields, URLs and the page's own words.

The lexicon (``lexicons/outlets.tsv``, extended by the user's TSV through ``Options.outlets_file``)
maps domains, source ids and name variants to one name, so that ``skynewsarabia.com``,
"Sky News Arabia" and «سكاي نيوز عربية» are one outlet.  An outlet is looked for in this
order: the record's outlet field, the URL's registrable domain, mastheads and copyright
lines, then bare self-references (a caption credit "…، فيتو").  Names that are also
ordinary words or section names (``outlets_common_words.txt``: الشرق الأوسط, الرياض, اليوم)
count in page text only inside an explicit pattern, so a menu entry is never an outlet.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from tld import get_fld

from marsad.lexicons import load, load_table
from marsad.page.lines import phrase_key
from marsad.text.normalize import norm_key, normalize

CREDIT_MAX_WORDS = 16  # a caption with its credit at the end
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
_SELF_PATTERNS = (
    re.compile(r"موقع\s*\(([^)]{2,30})\)"),
    re.compile(r'^"([^"]{2,30})"\s*\('),
    re.compile(r"^المصدر\s*:\s*(.{2,30})$"),
    re.compile(r"^((?:موقع|صحيفه|جريده|شبكه|بوابه|مجله)\s[^|:,\-]{2,30}?)\s*(?:[|:,\-].*)?$"),
    re.compile(
        r"(?:©|\(c\)|copyright|حقوق النشر(?: محفوظه)?(?: ل)?|جميع الحقوق محفوظه ل)\s*(?:\d{4}(?:\s*-\s*\d{4})?\s*)?"
        r"([^|©.,]{2,30}?)\s*(?:\d{4}\s*)?(?:[.|,]|\s-\s|جميع الحقوق|all rights|$)"
    ),
)
_NOT_A_NAME = re.compile(r"حقوق|محفوظ|rights|reserved")
# What a page calls itself around its name: "جريدة المدينة", "موقع المدينة الإلكتروني" name المدينة.
_KIND_WORDS = re.compile(
    r"^(?:جريده|صحيفه|موقع|شبكه|بوابه|مجله|قناه|وكاله)\s+|\s+(?:الالكتروني|الالكترونيه|الاخباري|الاخباريه|نت|اونلاين)$"
)
_CREDIT_SEPARATORS = ",/|-"


@dataclass(frozen=True)
class OutletTable:
    """The outlet lexicon: name keys, domains and the names usable as bare self-references."""

    by_key: dict[str, str]
    by_domain: dict[str, str]
    bare: tuple[tuple[str, str], ...]  # (normalised name, canonical), longest first

    def canonical(self, name: str) -> str | None:
        """The canonical outlet a name, id or domain denotes, if the lexicon knows it."""
        key = phrase_key(name)
        bare = _KIND_WORDS.sub("", _KIND_WORDS.sub("", key))
        for candidate in (key, key[1:] if key[:1] in "لبو" else key, bare):
            found = self.by_key.get(candidate)
            if found is not None:
                return found
        return self.of_host(name.strip().lower()) if _DOMAIN.match(name.strip().lower()) else None

    def of_host(self, host: str, path: str = "") -> str | None:
        """The lexicon outlet of a host name (and URL path, for outlets that live under one)."""
        host = host.lower().removeprefix("www.")
        best: tuple[int, str] | None = None
        for domain, name in self.by_domain.items():
            d_host, _, d_path = domain.partition("/")
            if (host == d_host or host.endswith("." + d_host)) and (
                not d_path or path.lower().strip("/").startswith(d_path)
            ):
                score = len(domain)
                if best is None or score > best[0]:
                    best = (score, name)
        return best[1] if best else None


def outlet_table(extra_file: str | None = None) -> OutletTable:
    """The shipped outlet lexicon, extended by the rows of ``extra_file`` (a TSV in the same format)."""
    return _table(str(Path(extra_file).resolve()) if extra_file else None)


@cache
def _table(extra_file: str | None) -> OutletTable:
    rows: list[tuple[str, ...]] = list(load_table("outlets.tsv"))
    if extra_file is not None:
        rows.extend(read_outlets_file(extra_file))  # later rows win: the user's over the shipped ones
    common = {norm_key(w) for w in load("outlets_common_words.txt")}
    by_key: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    bare: dict[str, str] = {}
    for row in rows:
        name, domains, *others = row if len(row) > 1 else (row[0], "")
        for domain in domains.split(","):
            if domain.strip():
                by_domain[domain.strip().lower().removeprefix("www.")] = name
        for variant in (name, *others):
            if not variant:
                continue
            by_key[phrase_key(variant)] = name
            key = norm_key(variant)
            if not key.isascii() and key not in common and "(" not in key:
                bare[key] = name
    ordered = tuple(sorted(bare.items(), key=lambda kv: len(kv[0]), reverse=True))
    return OutletTable(by_key, by_domain, ordered)


def read_outlets_file(path: str) -> list[tuple[str, ...]]:
    """Rows of a user outlet TSV (``name<TAB>domains<TAB>variants…``; ``#`` comments); raise ValueError if unusable."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"outlets file {path}: {exc}") from exc
    rows: list[tuple[str, ...]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if not cells[0]:
            raise ValueError(f"outlets file {path}: line {n} has no outlet name")
        rows.append(cells if len(cells) > 1 else (cells[0], ""))
    return rows


def outlet_of_url(url: str | None, table: OutletTable) -> str | None:
    """The outlet of a web address: the lexicon's name for its domain, else its registrable domain."""
    if not url:
        return None
    try:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        host = (parsed.hostname or "").lower()
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https") or not host or _is_address(host):
        return None
    found = table.of_host(host, parsed.path)
    if found is not None:
        return found
    fld = get_fld(host, fix_protocol=True, fail_silently=True)
    return str(fld) if fld else None


def outlet_of_field(value: str, url: str | None, table: OutletTable) -> str | None:
    """The outlet a record's outlet field names: a known name or id, a domain or URL, else the value as given."""
    value = " ".join(value.split())
    if not value:
        return None
    lower = value.lower()
    if "://" in lower or _DOMAIN.match(lower.removeprefix("www.")):
        return table.canonical(value) or outlet_of_url(value, table) or value
    return table.canonical(value) or value


def self_reference(lines: Iterable[str], table: OutletTable) -> str | None:
    """The outlet a page names itself by in ``lines`` (chrome, captions): patterns first, then bare names."""
    candidates = [line.strip() for line in lines if line.strip()]
    for line in candidates:
        found = _pattern_reference(line, table)
        if found is not None:
            return found
    for line in candidates:
        found = _bare_reference(line, table)
        if found is not None:
            return found
    return None


def _pattern_reference(line: str, table: OutletTable) -> str | None:
    norm = normalize(line)
    key = norm.text
    for pattern in _SELF_PATTERNS:
        match = pattern.search(key)
        if match:
            start, end = norm.to_original(match.start(1), match.end(1))
            found = line[start:end].strip()
            if found.startswith(("ل", "ب")) and table.canonical(found[1:]):
                found = found[1:]
            known = table.canonical(found)
            if known is None and not any(ch.isalpha() for ch in found):
                continue  # a year or a number ("© 2015") names no outlet
            if known is not None or not _NOT_A_NAME.search(normalize(found).text):
                return known or found
    return None


def _bare_reference(line: str, table: OutletTable) -> str | None:
    """A distinctive outlet name standing alone on a short line or credited at its end (", فيتو")."""
    key = normalize(line).text
    bare = phrase_key(key)
    credit = len(key.split()) <= CREDIT_MAX_WORDS
    for name_key, name in table.bare:
        if bare == phrase_key(name_key):
            return name
        pos = key.rfind(name_key) if credit else -1
        if pos > 0 and key[pos:].strip() == name_key and key[:pos].rstrip()[-1:] in _CREDIT_SEPARATORS:
            return name
    return None


def _is_address(host: str) -> bool:
    if host == "localhost" or "." not in host:
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
