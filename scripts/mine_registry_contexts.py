"""Mine the words SaudiNewsNet writes around a registered person's surname when it is also a common given name.

علي عبدالله صالح is called صالح alone beside قوات, ميليشيات, الحوثي, المخلوع; so is any man named صالح, and
صالح is also the ordinary word «good».  In a batch of the store that never writes his full name, a lone صالح
joins him only when two words around it are words of his (:func:`marsad.corpus.entities._join_registered_parts`).
For every registered person whose surname (a last name, not after بن or آل) is a common given name
(:func:`marsad.corpus.names.is_given_name`), the articles that write one of the person's multi-word forms are
read, and the content words around each bare occurrence of the surname (:func:`marsad.corpus.entities.near_words`:
two words either side in the clause, clitics off, stopwords out), not right after another word of the person's
forms, are counted once per article.  Words seen in at least ``--min-documents`` articles that are no common given
name themselves (other men of the name: «إبراهيم عسيري») are written
(tab-separated: registry id, word, articles), most frequent first.  The held-out third of the corpus (crc32(url)
% 3 == 0) is left out.

Usage: python scripts/mine_registry_contexts.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > contexts.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.entities import near_words, registry_parts
from marsad.corpus.known import shipped_registry
from marsad.corpus.names import is_given_name, name_words
from marsad.model import Document, Mention
from marsad.text.normalize import norm_key
from marsad.text.tokens import text_tokens
from marsad.train.saudinewsnet import mining_records


def _people() -> dict[str, tuple[str, list[str], set[str]]]:
    """Registered persons whose surname is a common given name: id -> (surname, multi-word forms, their words)."""
    registry = shipped_registry()
    out: dict[str, tuple[str, list[str], set[str]]] = {}
    for part, ids in registry_parts().items():
        if part[0] == "L" and len(ids) == 1 and is_given_name(part[1]):
            entry = registry.entries[next(iter(ids))]
            forms = [" ".join(name_words(f, variants=False)) for f in (entry.name, *entry.variants)]
            forms = [f for f in forms if " " in f]
            out[entry.id] = (part[1], forms, {w for f in forms for w in f.split()} - {part[1]})
    return out


def mine(path: str) -> dict[str, Counter[str]]:
    """Articles per context word of each person's bare surname, over the articles outside the held-out third."""
    people = _people()
    counts: dict[str, Counter[str]] = {pid: Counter() for pid in people}
    for record in mining_records(path):
        text = record.get("content") or ""
        if not text:
            continue
        key = norm_key(text)
        doc = Document(id="", source="", format="txt", text=text)
        for pid, (surname, forms, words) in people.items():
            if not any(f in key for f in forms):
                continue
            tokens = [t for t in text_tokens(text, 0, len(text)) if t.is_word]
            seen: set[str] = set()
            for i, t in enumerate(tokens):
                if t.stem == surname and not (i and tokens[i - 1].stem in words):
                    start = t.end - len(surname)
                    seen |= near_words(doc, Mention(start, t.end, text[start:t.end], "PER"))
            counts[pid].update(seen)
    return counts


def main() -> None:
    """Print the context words that pass the threshold."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-documents", type=int, default=10)
    args = parser.parse_args()
    for pid, words in sorted(mine(args.path).items()):
        for word, n in sorted(words.items(), key=lambda r: (-r[1], r[0])):
            if n >= args.min_documents and not is_given_name(word):
                sys.stdout.write(f"{pid}\t{word}\t{n}\n")


if __name__ == "__main__":
    main()
