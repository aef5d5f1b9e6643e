"""Write the Wojood sample as a flat ANERcorp-style CoNLL file, for choosing among NER candidates.

Wojood (SinaLab, MIT licence; ../shared/datasets/wojood_sample) tags nested entities with 21 types, one
or more IOB2 tags per token, outermost first.  Its PERS and ORG keep their names, GPE and LOC become
LOC, and the other types are dropped; of the tags that remain on a token, the outermost one is kept
(«منظمة التعاون الإسلامي» inside an OCC span stays an ORG; «فلسطين» inside «حكومة فلسطين» is part of
the ORG).  The shipped networks never trained on Wojood, so it is a selection signal that leaves the
ANERcorp test split unread until the one chosen candidate is scored.

    python scripts/wojood_conll.py ../shared/datasets/wojood_sample /tmp/wojood.conll
    marsad eval ner --conll /tmp/wojood.conll --types PERS,LOC,ORG
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.eval.ner import outermost

KEEP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
FILES = ("train.txt", "val.txt", "test.txt")


def main() -> None:
    """Convert the sample's three files, in order, into one CoNLL file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the wojood_sample folder")
    parser.add_argument("out", type=Path, help="the CoNLL file to write")
    args = parser.parse_args()
    lines: list[str] = []
    for name in FILES:
        for line in (args.folder / name).read_text(encoding="utf-8").splitlines():
            cells = line.split()
            lines.append(f"{cells[0]} {outermost(cells[1:], KEEP)}" if cells else "")
        lines.append("")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
