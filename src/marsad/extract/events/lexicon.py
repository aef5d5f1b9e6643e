"""The event lexicons: trigger forms per type (built by ``marsad train events``) and the type names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.lexicons import load_table
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key


@dataclass(frozen=True)
class TriggerForm:
    """A trigger word form: its event type code and whether it is a verb (never after the article)."""

    type: str
    verb: bool


@dataclass(frozen=True)
class EventLexicon:
    """Trigger forms, type labels and the clause words the extractor matches (normalised keys)."""

    triggers: dict[str, TriggerForm]
    labels: dict[str, str]
    relatives: frozenset[str]
    auxiliaries: frozenset[str]
    pluperfect: frozenset[str]
    locatives: frozenset[str]

    def trigger(self, key: str) -> TriggerForm | None:
        """The trigger a word key is (clitics and a future س stripped as needed), if any.

        A verb form does not match after the article (البحث is a noun, not بحث "discussed").
        """
        for variant in stem_variants(key):
            found = self.triggers.get(variant)
            if found is None and len(variant) > 4 and variant[0] == "س" and variant[1] in "يتن":
                found = self.triggers.get(variant[1:])
            if found is None:
                continue
            if found.verb and ("ال" in key[: len(key) - len(variant)] or key.startswith("لل")):
                return None
            return found
        return None


@cache
def event_lexicon() -> EventLexicon:
    """Load (once) the event lexicons from ``marsad/lexicons/event_*``."""
    triggers = {row[0]: TriggerForm(row[1], row[4] == "verb") for row in load_table("event_triggers.tsv")}
    labels = {row[0]: row[1] if row[0] == row[1] else f"{row[0]} {row[1]}" for row in load_table("event_types.tsv")}
    words = {row[0]: row[1] for row in load_table("event_clause_words.tsv")}
    by_role: dict[str, set[str]] = {}
    for word, role in words.items():
        by_role.setdefault(role, set()).add(norm_key(word))
    return EventLexicon(
        triggers,
        labels,
        frozenset(by_role.get("relative", ())),
        frozenset(by_role.get("auxiliary", ())),
        frozenset(by_role.get("pluperfect", ())),
        frozenset(by_role.get("locative", ())),
    )


def type_label(code: str) -> str:
    """The report label of a type code ("04" -> "04 CONSULT"; "ELECT" stays)."""
    return event_lexicon().labels.get(code, code)



