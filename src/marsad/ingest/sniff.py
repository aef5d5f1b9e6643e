"""Guess what a byte stream holds (for stdin, URLs and files without a known extension)."""

from __future__ import annotations

import json
import re
from typing import Literal

Kind = Literal["html", "feed", "json", "jsonl", "txt"]

_FEED_ROOT = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b",
                        re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(?:!doctype html|html|head|body|p|div|article|meta|title)\b", re.IGNORECASE)
_HEAD_CHARS = 2048


def sniff_text(text: str) -> Kind:
    """Return the kind of document ``text`` looks like: an RSS/Atom feed, HTML, JSON, JSONL or plain text."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        if _FEED_ROOT.match(head):
            return "feed"
        if _HTML_TAG.search(head):
            return "html"
    if head.startswith(("{", "[")):
        return _sniff_json(text)
    return "txt"


def _sniff_json(text: str) -> Kind:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        first = text.lstrip().split("\n", 1)[0]
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return "txt"
        return "jsonl"
    return "json"
