"""Experiment (issue 13): does a learned speaker ranker generalise better than the quote rules?

Development gold files only (``tests/gold/quotes/*.jsonl`` except ``snn_test*``; the held-out files are never
read).  The product pipeline analyses them once (``marsad.eval.quotes.run_pipeline``); for every gold quote the
pipeline matched, candidate speakers are generated (the rules' choice, the previous quote's speaker, PER/ORG/LOC
mentions and role phrases of the quote's sentence, the earlier sentences of its paragraph and the previous
paragraph) with features, and a conditional logit (softmax over a quote's candidates, L2, numpy) ranks them.
Generalisation is estimated by leave-one-FILE-out cross-validation and compared with the rules' blind first scores
(``tests/gold/quotes/README.md``); the rules' current figures on these files are inflated (fixed on them).

Run: ``.venv/bin/python scripts/speaker_ranker_cv.py [--local] [--expand]`` (a few seconds of CPU; the pipeline
output is cached in ``$TMPDIR/marsad-ranker-dev.pkl``).  ``--local`` keeps only candidates the text offers (no
candidate that exists only as the rules' or previous quote's answer); ``--expand`` adds kind x position products.
Results and the conclusion: ``docs/SPEAKER_RANKER.md``.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import sys
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from marsad.eval.quotes import best_match, gold_files, load_gold, run_pipeline, speaker_matches, speaker_words
from marsad.extract.quotes.lexicon import quote_lexicon
from marsad.page.build import content_id
from marsad.text.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "marsad-ranker-dev.pkl"


def analysed_dev(shared: Path):  # type: ignore[no-untyped-def]
    """(file, regions, gold quotes, analysed document) for every development gold document (cached)."""
    if CACHE.exists():
        with CACHE.open("rb") as handle:
            return pickle.load(handle)
    files = [p for p in gold_files(ROOT / "tests/gold/quotes") if "test" not in p.name]
    docs = load_gold(files, shared)
    analysed = run_pipeline(docs)
    out = [(g.file, g.regions, g.quotes, analysed[content_id(g.text)]) for g in docs]
    with CACHE.open("wb") as handle:
        pickle.dump(out, handle)
    return out


ENDERS = frozenset(".!?؟…")
LEX = quote_lexicon()
CONTINUE_LEMMAS = frozenset({"أضاف", "تابع", "استطرد", "أردف", "استدرك", "أكمل", "ختم"})
STOP_AFTER_ROLE = re.compile(r"[،,:؛.!?؟«»\"“”]")

FEATURES = [
    "bias", "is_rule", "is_prev", "per", "org", "loc", "role", "other",
    "same_sent", "sent_dist", "para_dist0", "para_dist1", "para_dist2",
    "log_word_dist", "right_after_cue", "between_cue_quote", "before_cue_same_sent", "after_quote",
    "in_other_quote", "quote_between", "nearest_before", "rank_before", "prep_before",
    "in_title", "log_count", "cue_continue", "cue_participle", "cue_nominal", "cue_wf",
    "cont_x_prev", "part_x_prev", "no_cue",
    "after_cue_x_per", "same_sent_x_per", "before_x_per",
]


@dataclass
class Cand:
    """A candidate speaker of one quote."""

    text: str
    start: int
    end: int
    kind: str
    flags: set[str] = field(default_factory=set)


def _layout(text: str) -> tuple[list[int], list[int], list[int]]:
    """Paragraph starts, sentence starts (char offsets) and word-token starts of ``text``."""
    paras = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    sents = sorted(set(paras + [m.end() for m in re.finditer(r"[.!?؟…]+[\s\"»”]*", text)]))
    words = [t.start for t in tokenize(text) if t.is_word]
    return paras, sents, words


def _idx(starts: list[int], off: int) -> int:
    return bisect_right(starts, off) - 1


def candidates(doc, pred, quotes_sorted, k: int) -> list[Cand]:  # type: ignore[no-untyped-def]
    """Candidates for predicted quote ``pred`` (the ``k``-th quote of the document in order)."""
    text = doc.text
    paras, sents, _ = layout(doc)
    anchor = pred.cue.start if pred.cue is not None else pred.start
    p = _idx(paras, anchor)
    lo = paras[max(0, p - 1)]
    s = _idx(sents, anchor)
    hi = sents[s + 1] if s + 1 < len(sents) else len(text)
    hi = max(hi, pred.end if pred.end - pred.start < 400 else hi)
    out: dict[frozenset[str], Cand] = {}

    def add(c: Cand) -> None:
        key = speaker_words(c.text)
        if not key:
            return
        if key in out:
            out[key].flags |= c.flags
            if c.kind != "rule" and out[key].kind in ("rule", "prev"):
                out[key].kind, out[key].start, out[key].end = c.kind, c.start, c.end
            elif abs(c.start - anchor) < abs(out[key].start - anchor) and c.kind not in ("rule", "prev"):
                out[key].start, out[key].end = c.start, c.end
            return
        out[key] = c

    if pred.speaker_text is not None:
        st = pred.speaker_text
        add(Cand(st.text, st.start, st.end, "rule", {"is_rule"}))
    if k > 0:
        prev = quotes_sorted[k - 1]
        if prev.speaker_text is not None:
            add(Cand(prev.speaker_text.text, prev.speaker_text.start, prev.speaker_text.end, "prev", {"is_prev"}))
    for m in doc.mentions:
        if lo <= m.start < hi and not (pred.start <= m.start < pred.end):
            kind = {"PER": "per", "ORG": "org"}.get(m.type, "loc" if m.type in ("LOC", "GPE") else "other")
            add(Cand(m.text, m.start, m.end, kind))
    toks = [t for t in tokenize(text, lo, hi) if not (pred.start <= t.start < pred.end)]
    for j, t in enumerate(toks):
        r = LEX.role(t.key)
        if r in ("person", "group", "body"):
            end = j + 1
            while end < len(toks) and end - j < 4 and toks[end].is_word and LEX.cue(toks[end].key) is None \
                    and toks[end].key not in LEX.complementizers \
                    and not STOP_AFTER_ROLE.search(text[toks[end - 1].end:toks[end].start]):
                end += 1
            add(Cand(text[t.start:toks[end - 1].end], t.start, toks[end - 1].end, "role"))
    return list(out.values())


def features(doc, pred, c: Cand, cands: list[Cand], quotes_sorted) -> list[float]:  # type: ignore[no-untyped-def]
    """The feature vector of candidate ``c`` for quote ``pred``."""
    text = doc.text
    paras, sents, words = layout(doc)
    anchor = pred.cue.start if pred.cue is not None else pred.start
    cue_key = ""
    cue = None
    if pred.cue is not None:
        cue_tok = tokenize(text, pred.cue.start, pred.cue.end)
        cue_key = cue_tok[0].key if cue_tok else ""
        cue = LEX.cue(cue_key)
    located = c.kind not in ("rule", "prev") or c.start < len(text)
    ps, pa = _idx(paras, c.start), _idx(paras, anchor)
    ss, sa = _idx(sents, c.start), _idx(sents, anchor)
    wd = abs(bisect_right(words, c.start) - bisect_right(words, anchor))
    f: dict[str, float] = {"bias": 1.0}
    f["is_rule"] = float("is_rule" in c.flags)
    f["is_prev"] = float("is_prev" in c.flags)
    f[c.kind if c.kind in ("per", "org", "loc", "role", "other") else "other"] = 1.0
    if located:
        f["same_sent"] = float(ss == sa)
        f["sent_dist"] = min(abs(sa - ss), 6) / 6
        pd = pa - ps
        f["para_dist0" if pd <= 0 else "para_dist1" if pd == 1 else "para_dist2"] = 1.0
        f["log_word_dist"] = math.log1p(wd) / 5
        cue_end = pred.cue.end if pred.cue is not None else pred.start
        between = [t for t in words if cue_end <= t < c.start]
        f["right_after_cue"] = float(pred.cue is not None and c.start >= cue_end and len(between) <= 1)
        f["between_cue_quote"] = float(pred.cue is not None and cue_end <= c.start < pred.start)
        f["before_cue_same_sent"] = float(c.start < anchor and ss == sa)
        f["after_quote"] = float(c.start >= pred.end)
        f["in_other_quote"] = float(any(q is not pred and q.start <= c.start < q.end for q in quotes_sorted))
        f["quote_between"] = float(any(q is not pred and c.end <= q.start and q.end <= anchor for q in quotes_sorted))
        before = sorted((x for x in cands if x.start < anchor and x.kind not in ("rule", "prev")),
                        key=lambda x: -x.start)
        rank = next((r for r, x in enumerate(before) if x is c), None)
        f["nearest_before"] = float(rank == 0)
        f["rank_before"] = min(rank, 5) / 5 if rank is not None else 1.0
        f["prep_before"] = float(c.start > 0 and text[c.start - 1] in "لب")
        f["in_title"] = float(ps == 0 and len(paras) > 2)
    n = sum(1 for m in doc.mentions if speaker_words(m.text) & speaker_words(c.text))
    f["log_count"] = math.log1p(n) / 3
    lemma = cue.lemma if cue is not None else ""
    f["cue_continue"] = float(lemma in CONTINUE_LEMMAS)
    f["cue_participle"] = float(cue is not None and cue.role == "participle")
    f["cue_nominal"] = float(pred.cue is not None and cue is None)
    f["cue_wf"] = float(cue_key[:1] in ("و", "ف"))
    f["cont_x_prev"] = f["cue_continue"] * f["is_prev"]
    f["part_x_prev"] = f["cue_participle"] * f["is_prev"]
    f["no_cue"] = float(pred.cue is None)
    per = float(c.kind == "per")
    f["after_cue_x_per"] = f.get("right_after_cue", 0.0) * per
    f["same_sent_x_per"] = f.get("same_sent", 0.0) * per
    f["before_x_per"] = f.get("before_cue_same_sent", 0.0) * per
    return [f.get(name, 0.0) for name in FEATURES]


def label(c: Cand, gold_names: tuple[str, ...]) -> bool:
    """True when the candidate names the gold speaker."""
    return speaker_matches(c.text, gold_names)


_LAYOUTS: dict[int, tuple[list[int], list[int], list[int]]] = {}


def layout(doc) -> tuple[list[int], list[int], list[int]]:  # type: ignore[no-untyped-def]
    """The cached layout of a document."""
    if id(doc) not in _LAYOUTS:
        _LAYOUTS[id(doc)] = _layout(doc.text)
    return _LAYOUTS[id(doc)]


FIRST = {"snn_dev2": 0.857, "snn_dev4": 0.857, "snn_dev5": 0.769, "snn_dev6": 0.879, "snn_dev7": 0.935,
         "snn_dev8": 0.737, "snn_dev9": 0.875, "snn_dev10": 0.917, "snn_dev11": 0.909, "snn_dev12": 0.900,
         "snn_dev13": 0.743, "snn_dev14": 0.625, "snn_dev15": 0.816}


def build():  # type: ignore[no-untyped-def]
    """Per matched gold quote: (file, features, labels, rule right?, candidate texts, gold name)."""
    rows = []  # (file, X, y, rule_ok)
    for file, regions, gquotes, doc in analysed_dev(Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))):
        preds = [q for q in doc.quotes if any(s <= q.start < e for s, e in regions)]
        qs = sorted(doc.quotes, key=lambda q: q.start)
        used: set[int] = set()
        for g in gquotes:
            best, bo = best_match(preds, used, g)
            if best is None or bo * 2 < g.end - g.start:
                continue
            used.add(best)
            pred = preds[best]
            k = qs.index(pred)
            cands = candidates(doc, pred, qs, k)
            X = np.array([features(doc, pred, c, cands, qs) for c in cands]) if cands else np.zeros((0, len(FEATURES)))
            y = np.array([label(c, g.speakers) for c in cands], dtype=bool)
            rule_ok = speaker_matches(pred.speaker_text.text if pred.speaker_text else None, g.speakers)
            rows.append((file, X, y, rule_ok, [c.text for c in cands], g.speakers[0]))
    return rows


KINDS = ["per", "org", "loc", "role", "is_prev", "is_rule"]
POS = ["same_sent", "right_after_cue", "between_cue_quote", "before_cue_same_sent", "after_quote", "in_other_quote",
       "quote_between", "nearest_before", "para_dist1", "para_dist2", "prep_before", "in_title", "cue_continue",
       "cue_participle", "cue_nominal", "no_cue", "log_count"]
PAIRS = [(a, b) for a in KINDS for b in POS]


def expand(X):  # type: ignore[no-untyped-def]
    """Add the kind x position products to a feature matrix."""
    if not len(X):
        return np.zeros((0, len(FEATURES) + len(PAIRS)))
    ix = {f: i for i, f in enumerate(FEATURES)}
    extra = np.stack([X[:, ix[a]] * X[:, ix[b]] for a, b in PAIRS], axis=1)
    return np.hstack([X, extra])


def train(groups, mask, l2=0.3, iters=300, lr=0.5):  # type: ignore[no-untyped-def]
    """Fit a conditional logit on (features, labels) groups, using the features in ``mask``."""
    d = len(FEATURES)
    w = np.zeros(d)
    data = [(X, y) for X, y in groups if len(y) and y.any()]
    X = np.vstack([x for x, _ in data])[:, mask]
    gid = np.concatenate([np.full(len(y), i) for i, (_, y) in enumerate(data)])
    target = np.concatenate([y / y.sum() for _, y in data])
    starts = np.array([0, *np.cumsum([len(y) for _, y in data])[:-1]])
    n = len(data)
    v = np.zeros(mask.sum())
    for _ in range(iters):
        s = X @ v
        s = s - np.maximum.reduceat(s, starts)[gid]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[gid]
        g = X.T @ (p - target) / n + l2 * v / n
        v -= lr * g
    w[mask] = v
    return w


def pick_ok(w, X, y, mask) -> bool:  # type: ignore[no-untyped-def]
    """True when the top-ranked candidate is a right one."""
    if not len(y):
        return False
    return bool(y[int(np.argmax(X[:, mask] @ w[mask]))])


PERFILE: dict = {}


def main() -> None:
    """Print the leave-one-file-out table, the override counts and the weights fitted on every file."""
    rows = build()
    if "--expand" in sys.argv:
        FEATURES.extend(f"{a}*{b}" for a, b in PAIRS)
        rows = [(r[0], expand(r[1]), *r[2:]) for r in rows]
    if "--local" in sys.argv:
        # only candidates the text offers (mentions, role phrases): none that exists only as the rules' answer
        ix = {f: i for i, f in enumerate(FEATURES)}
        def keep(X):  # type: ignore[no-untyped-def]
            src_ok = X[:, [ix["per"], ix["org"], ix["loc"], ix["role"]]].sum(axis=1) > 0
            src_ok |= (X[:, ix["is_rule"]] + X[:, ix["is_prev"]]) == 0
            return src_ok
        rows = [(r[0], r[1][keep(r[1])], r[2][keep(r[1])], *r[3:]) for r in rows]
    files = list(dict.fromkeys(r[0] for r in rows))
    variants = {
        "full": np.ones(len(FEATURES), bool),
        "no_rule_flag": np.array(["is_rule" not in f for f in FEATURES]),
        "no_rule_no_prev": np.array([not any(x in f for x in ("is_rule", "is_prev", "cont_x_prev", "part_x_prev")) for f in FEATURES]),
    }
    print(f"{'file':10} {'n':>4} {'oracle':>6} {'rule_now':>8} {'first':>6} " + " ".join(f"{v:>15}" for v in variants))
    tot = {v: 0 for v in variants}
    tot_rule = tot_or = n_all = 0
    for f in files:
        test = [r for r in rows if r[0] == f]
        trainr = [(r[1], r[2]) for r in rows if r[0] != f]
        accs = {}
        PERFILE[f] = accs
        for v, mask in variants.items():
            # no-rule variants drop candidates that come only from the rule's choice
            w = train(trainr, mask)
            ok = sum(pick_ok(w, r[1], r[2], mask) for r in test)
            accs[v] = ok
            tot[v] += ok
        n = len(test)
        rule = sum(r[3] for r in test)
        orc = sum(bool(len(r[2]) and r[2].any()) for r in test)
        tot_rule += rule
        tot_or += orc
        n_all += n
        print(f"{f:10} {n:4d} {orc / n:6.3f} {rule / n:8.3f} {FIRST.get(f, float('nan')):6.3f} "
              + " ".join(f"{accs[v] / n:15.3f}" for v in variants))
    print(f"{'ALL':10} {n_all:4d} {tot_or / n_all:6.3f} {tot_rule / n_all:8.3f} {'':6} "
          + " ".join(f"{tot[v] / n_all:15.3f}" for v in variants))
    # override: the rule's choice unless the no-rule ranker (trained on the other files) is confident of another
    mask = variants["no_rule_flag"]
    ix_rule = FEATURES.index("is_rule")
    for t in (0.5, 0.7, 0.8, 0.9, 0.95):
        fixed = broken = 0
        for f in files:
            w = train([(r[1], r[2]) for r in rows if r[0] != f], mask)
            for r in (r for r in rows if r[0] == f):
                X, y = r[1], r[2]
                if not len(y):
                    continue
                s = X[:, mask] @ w[mask]
                p = np.exp(s - s.max())
                p /= p.sum()
                top = int(np.argmax(p))
                rule_i = [i for i in range(len(y)) if X[i, ix_rule] > 0]
                if p[top] >= t and (not rule_i or top != rule_i[0]):
                    fixed += int(bool(y[top]) and not r[3])
                    broken += int(not y[top] and r[3])
        print(f"override at p>={t}: fixes {fixed} rule errors, breaks {broken} right rule answers")
    blind = [f for f in files if f in FIRST]
    nb = sum(1 for r in rows if r[0] in blind)
    print("blind-first files, weighted: first", round(sum(FIRST[f] * sum(1 for r in rows if r[0] == f) for f in blind) / nb, 3))
    for v in variants:
        print(v, "on blind-first files:", round(sum(PERFILE[f][v] for f in blind) / nb, 3))
    w = train([(r[1], r[2]) for r in rows], variants["full"])
    for name, val in sorted(zip(FEATURES, w, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {name:22} {val:+.3f}")


if __name__ == "__main__":
    main()
