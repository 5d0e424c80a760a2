#!/usr/bin/env python3
"""Upper bounds for extractive summaries: the ROUGE-2 F1 of the best k sentences.

    docpipe run P.yaml GOLD.jsonl -o /tmp/sents.jsonl --layers sentences   # P: the tokenizer alone
    python3 plugins/summarizer/tools/oracle.py GOLD.jsonl /tmp/sents.jsonl [--limit N]

For every gold document, over the sentences of docpipe's own sentence layer
(what the summarizer can pick), it prints the mean over documents of:

  * 3 sentences: the best 3 by ROUGE-2 F1, found exhaustively;
  * 30 % of the sentences (round(0.3 n), at least 1, as `ratio: 0.3`): greedy,
    then single swaps until none helps; a lower bound of the true optimum;
  * 3 sentences and 30 % taken among the reference's own sentences, in the
    reference's order (for an extractive reference: what a perfect imitation
    of the program that chose it gets at that length).

ROUGE as `docpipe eval` computes it (docs/eval.md): lowercase, [a-z0-9]+
tokens, n-grams across the chosen sentences joined in text order, F1 of
clipped counts, best reference per document, mean of per-document F1.
Python 3 standard library only; a few minutes on the BBC dev set.
"""
import argparse
import itertools
import json
import re
import statistics
from collections import Counter

TOKEN = re.compile(r"[a-z0-9]+")


def tokens(s):
    return TOKEN.findall(s.lower())


def grams(t, n):
    return Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))


class Doc:
    def __init__(self, sentences, reference):
        self.toks = [tokens(s) for s in sentences]
        self.uni = [Counter(t) for t in self.toks]
        self.bi = [grams(t, 2) for t in self.toks]
        ref = tokens(reference)
        self.ref = {1: Counter(ref), 2: grams(ref, 2)}
        self.ref_total = {n: sum(c.values()) for n, c in self.ref.items()}

    def f1(self, chosen, n=2):
        """ROUGE-n F1 of the sentences `chosen` joined in text order."""
        chosen = sorted(chosen)
        cand = Counter()
        for i in chosen:
            cand.update(self.bi[i] if n == 2 else self.uni[i])
        if n == 2:  # bigrams across the joins
            prev = None
            for i in chosen:
                t = self.toks[i]
                if t:
                    if prev is not None:
                        cand[(prev, t[0])] += 1
                    prev = t[-1]
        total = sum(cand.values())
        ref = self.ref[n]
        match = sum(min(c, ref[g]) for g, c in cand.items() if g in ref)
        if not match:
            return 0.0
        p, r = match / total, match / self.ref_total[n]
        return 2 * p * r / (p + r)


def best_exhaustive(doc, k):
    m = len(doc.toks)
    return max(itertools.combinations(range(m), min(k, m)), key=doc.f1)


def best_greedy_swap(doc, k):
    m = len(doc.toks)
    cur = []
    for _ in range(min(k, m)):
        cur.append(max((i for i in range(m) if i not in cur), key=lambda i: doc.f1(cur + [i])))
    score = doc.f1(cur)
    improved = True
    while improved:
        improved = False
        for a in range(len(cur)):
            for b in range(m):
                if b in cur:
                    continue
                trial = cur[:a] + [b] + cur[a + 1:]
                s = doc.f1(trial)
                if s > score + 1e-12:
                    cur, score, improved = trial, s, True
    return cur


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("sentences", help="docpipe output with a sentences layer for the same documents")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    gold = {}
    for line in open(args.gold, encoding="utf-8"):
        g = json.loads(line)
        gold[g["id"]] = g
    rows = {"3 sentences, exhaustive": [], "30 %, greedy + swaps (lower bound)": [],
            "3 reference sentences, reference order": [], "30 %, reference sentences first": []}
    r1 = {k: [] for k in rows}
    count = 0
    for line in open(args.sentences, encoding="utf-8"):
        d = json.loads(line)
        g = gold.get(d["id"])
        if g is None or not d.get("sentences"):
            continue
        raw = g["text"].encode("utf-8")
        sentences = [raw[s["begin"]:s["end"]].decode("utf-8", "replace") for s in d["sentences"]]
        m = len(sentences)
        k30 = max(1, int(0.3 * m + 0.5))
        best = None
        for ref in g["summaries"]:  # best reference per document, as the scorer does
            doc = Doc(sentences, ref)
            stripped = [s.strip() for s in sentences]
            order = []
            for r in ref.split("\n"):
                if r.strip() in stripped and stripped.index(r.strip()) not in order:
                    order.append(stripped.index(r.strip()))
            rest = [i for i in range(m) if i not in order]  # pad with the lead when the reference is short
            picks = {"3 sentences, exhaustive": best_exhaustive(doc, 3),
                     "30 %, greedy + swaps (lower bound)": best_greedy_swap(doc, k30),
                     "3 reference sentences, reference order": (order + rest)[:3],
                     "30 %, reference sentences first": (order + rest)[:k30]}
            scores = {name: (doc.f1(p, 2), doc.f1(p, 1)) for name, p in picks.items()}
            best = scores if best is None else {n: max(best[n], scores[n]) for n in scores}
        for name, (f2, f1) in best.items():
            rows[name].append(f2)
            r1[name].append(f1)
        count += 1
        if args.limit and count >= args.limit:
            break
    print(f"{count} documents; ROUGE F1 x 100 (ROUGE-2 maximized; ROUGE-1 of the same choice)")
    for name in rows:
        print(f"  {name:42s} R-2 {100 * statistics.mean(rows[name]):6.2f}   R-1 {100 * statistics.mean(r1[name]):6.2f}")


if __name__ == "__main__":
    main()
