"""Stable entity ids across runs: a registry of spelling keys, and redirects for merged entities.

Entity resolution numbers entities afresh on every run (``E1`` is the most mentioned).
The store keeps a registry mapping the spelling key (:func:`marsad.corpus.names.name_key`)
of every name form an entity was ever known by to its stable id.  After resolution, each
entity takes the stable id its forms already point to (the oldest, when they point to
several: those entities were merged, and the others become redirects, unless they are known entities, which are
never merged away); an entity none of
whose forms is known gets a new number, never reused.  Entities are matched most
mentioned first, and an old id goes to one entity only (an entity split in two keeps its
id on the larger part).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.corpus.entities import event_home, masculine_qualifier
from marsad.corpus.names import name_key as spelling_key
from marsad.corpus.result import CorpusResult
from marsad.model import Document, Entity


@dataclass
class Renumbering:
    """The outcome: each run-local id's stable id, the new registry entries, the merged-away ids."""

    ids: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    next_number: int = 1


def _known(entity_id: str) -> bool:
    """Whether an id is one of the registry of known entities (:mod:`marsad.corpus.known`): stable already, and never
    merged into another entity by a shared spelling key (a batch's Saudi Arabia called «المملكة», a key a Bahraini
    article had given Bahrain, must not fold Bahrain into it)."""
    return ":" in entity_id


def _number(entity_id: str) -> int:
    digits = entity_id.lstrip("E")
    return int(digits) if digits.isdigit() else 0


def entity_keys(entity: Entity) -> list[str]:
    """The registry keys of an entity: its type and the spelling key of each of its forms.

    A person named by several words is not keyed by its one-word forms: a surname alone
    (الأسد، الدوسري) is also another person's, and a batch that joined it to سليمان الأسد
    must not fold سليمان الأسد into بشار الأسد, whom the next batch joined it to.  Nor is an
    organisation: «سيتي», which an article joined to مانشستر سيتي, is Hull City's in the next
    batch («وهال سيتي», its first word untagged).  An event is keyed by its masculine qualifier too, as resolution
    keys it (a batch's «السوبر الإسبانية» is the store's «السوبر الإسباني»), and an event named by its bare word with the
    adjective resolution gives it (:func:`marsad.corpus.entities.event_home`); another country's event is not keyed by
    such a bare alias: the French cup's «السوبر» (an article on it) took the stored id of the bare Saudi cup on
    2015-08-02, and the Saudi cup's stored id with it.  Nor is an event named by its bare word whose aliases qualify
    it one way: an article calling the Egyptian cup «السوبر» twice and «السوبر المصري» once names the entity «السوبر»,
    which the home key had folded into the stored Saudi cup (2015-08-01, with the London one).
    """
    forms = [entity.name, *entity.aliases]
    if entity.type in ("PER", "ORG") and len(entity.name.split()) > 1:
        forms = [f for f in forms if len(f.split()) > 1]
    if entity.type == "MISC":
        bare = entity.name.strip() if " " not in entity.name.strip() else None
        qualified = {spelling_key(masculine_qualifier(f)) for f in entity.aliases
                     if bare is not None and len(f.split()) == 2 and f.split()[0] == bare}
        own = next(iter(qualified)) if len(qualified) == 1 else spelling_key(event_home(masculine_qualifier(entity.name)))
        forms = [f for f in forms if event_home(f) == f or spelling_key(event_home(f)) == own]
        forms += [masculine_qualifier(f) for f in forms]
        if bare is not None and not qualified:
            forms.append(event_home(bare))  # a batch's bare «السوبر» is the stored «السوبر السعودي»
    return sorted({f"{entity.type}:{spelling_key(f)}" for f in forms if f.strip()} or {f"{entity.type}:#{entity.id}"})


def name_key(entity: Entity) -> str:
    """The registry key of the entity's name."""
    return f"{entity.type}:{spelling_key(entity.name)}" if entity.name.strip() else f"{entity.type}:#{entity.id}"


def renumber(
    entities: list[Entity], known: dict[str, str], next_number: int, keyed: dict[str, list[str]] | None = None
) -> Renumbering:
    """Choose the stable id of every entity from the registry ``known`` (key -> id); ``keyed``: the entities'
    :func:`entity_keys` by id, when already computed.

    Each entity scores the stored ids its keys point to (one point a key, ten more when
    its name's key points there); pairs are granted best first, an id to one entity only.
    The other stored ids an entity points to, when no entity took them, were merged into
    it and become redirects (never a known entity's id).  Registry keys go to the entity whose name they spell (when
    the name's key is one of its keys), else to the most mentioned entity carrying them.
    """
    out = Renumbering(next_number=next_number)
    keys = {e.id: keyed[e.id] if keyed and e.id in keyed else entity_keys(e) for e in entities}
    pairs: list[tuple[int, int, int, str, str]] = []
    for e in entities:
        scores: dict[str, int] = {}
        own = name_key(e)
        for key in keys[e.id]:
            if key in known:
                scores[known[key]] = scores.get(known[key], 0) + 1 + (10 if key == own else 0)
        pairs.extend((-score, -e.mentions, _number(e.id), e.id, old) for old, score in scores.items())
    taken: set[str] = set()
    for e in entities:
        if _known(e.id):
            out.ids[e.id] = e.id
            taken.add(e.id)
    for _score, _mentions, _n, local, old in sorted(pairs):
        if local not in out.ids and old not in taken:
            out.ids[local] = old
            taken.add(old)
    for e in sorted(entities, key=lambda e: (-e.mentions, _number(e.id))):
        if e.id not in out.ids:
            out.ids[e.id] = f"E{out.next_number}"
            out.next_number += 1
    for _score, _mentions, _n, local, old in sorted(pairs):
        if old not in taken and not _known(old):
            out.redirects[old] = out.ids[local]
            taken.add(old)
    ranked = sorted(entities, key=lambda e: (e.mentions, -_number(e.id)))
    for e in ranked:
        for key in keys[e.id]:
            out.keys[key] = out.ids[e.id]
    for e in ranked:
        if name_key(e) in keys[e.id]:  # not the bare «السوبر» of an entity its aliases call the Egyptian cup
            out.keys[name_key(e)] = out.ids[e.id]
    return out


def apply_ids(docs: list[Document], entities: list[Entity], ids: dict[str, str]) -> None:
    """Rewrite run-local entity ids to stable ones in entities, mentions, quote speakers and via, event participants and actors."""
    for entity in entities:
        entity.id = ids.get(entity.id, entity.id)
    for doc in docs:
        for m in doc.mentions:
            if m.entity is not None:
                m.entity = ids.get(m.entity, m.entity)
        for q in doc.quotes:
            if q.speaker is not None:
                q.speaker = ids.get(q.speaker, q.speaker)
            q.via = [ids.get(v, v) for v in q.via]
        for e in doc.events:
            e.participants = [ids.get(p, p) for p in e.participants]
            for actor in getattr(e, "actors", ()):  # events that name their actors (entity ids) one by one
                actor.entity = ids.get(actor.entity, actor.entity)


def stabilise_ids(docs: list[Document], result: CorpusResult) -> None:
    """Corpus step: give the resolved entities their stable ids and extend ``result.entity_registry``."""
    numbering = renumber(result.entities, result.entity_registry, result.next_entity, result.entity_keys)
    apply_ids(docs, result.entities, numbering.ids)
    result.entity_registry.update(numbering.keys)
    result.next_entity = numbering.next_number
    result.merged_entities = numbering.redirects
