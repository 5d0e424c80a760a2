#!/usr/bin/env python3
"""Headline quality numbers of a pipeline on every shared gold set, with the
ICU BreakIterator baseline as the tokenizer's peer, as Markdown tables.

  bench/quality.py [--build-dir build] [--pipeline pipelines/news.yaml]
                   [--tokenizer-pipeline P.yaml] [--eval-dir ../shared/eval] [--json OUT.json]

Each number comes from `docpipe eval` (docs/eval.md); the commands run are
printed above the tables so anyone can rerun one. Gold sets that are absent
are skipped. Python 3 standard library only.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench import build_tools
from common import REPO, WORK, find_build_dir


def evaluate(docpipe, plugin_dir, args, commands):
    cmd = [str(docpipe), "--plugin-path", str(plugin_dir), "-q", "eval", *map(str, args), "--json"]
    commands.append(" ".join(["docpipe", "eval", *map(str, args)]))
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode not in (0, 1) or not result.stdout.strip():
        return {"error": (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]}
    return json.loads(result.stdout)


def pct(report, row, key):
    try:
        return f"{100 * report['scores'][row][key]:.2f}"
    except (KeyError, TypeError):
        return "-"


def num(report, row, key, digits=1):
    try:
        return f"{report['scores'][row][key]:.{digits}f}"
    except (KeyError, TypeError):
        return "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir")
    ap.add_argument("--pipeline", default=str(REPO / "pipelines/news.yaml"))
    ap.add_argument("--tokenizer-pipeline", help="pipeline for the token and sentence sets (default: tokenizer alone)")
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared/eval"))
    ap.add_argument("--json", help="also write every report here")
    args = ap.parse_args()

    build_dir = find_build_dir(args.build_dir, "quality")
    docpipe = build_dir / "bin" / "docpipe"
    plugin_dir = build_dir / "lib" / "docpipe" / "plugins"
    gold_dir = Path(args.eval_dir)
    WORK.mkdir(parents=True, exist_ok=True)
    tok = Path(args.tokenizer_pipeline) if args.tokenizer_pipeline else WORK / "tokenizer-only.yaml"
    if not args.tokenizer_pipeline:
        tok.write_text("pipeline: tokenizer-only\ndescription: written by bench/quality.py\n"
                       "stages:\n  - plugin: tokenizer\n")
    icu = build_tools(build_dir)
    pipe = Path(args.pipeline)
    commands = []
    reports = {}

    print("## Tokens and sentences (F1 %; golden rules: passed)\n")
    print("| gold | measure | docpipe | ICU BreakIterator |")
    print("|---|---|---|---|")
    for name, rel in [("UD EWT dev", "tokens/dev.jsonl"), ("UD GUM dev", "tokens/gum_dev.jsonl"),
                      ("pySBD golden rules", "sbd/golden_rules_en.jsonl")]:
        gold = gold_dir / rel
        if not gold.exists():
            continue
        ours = evaluate(docpipe, plugin_dir, [tok, gold], commands)
        icu_out = WORK / f"icu-{gold.parent.name}-{gold.stem}.jsonl"
        subprocess.run([str(icu), "--write", str(icu_out), str(gold)], check=True, capture_output=True)
        commands.append(f"{icu} --write {icu_out} {gold}")
        peer = evaluate(docpipe, plugin_dir, ["--pred", icu_out, gold], commands)
        reports[rel] = {"docpipe": ours, "icu": peer}
        if "golden_rules" in ours.get("scores", {}):
            rules = lambda r: (f"{num(r, 'golden_rules', 'passed', 0)} / {num(r, 'golden_rules', 'rules', 0)}"
                               if "scores" in r else "-")
            print(f"| {name} | rules passed | {rules(ours)} | {rules(peer)} |")
            print(f"| | sentence spans | {pct(ours, 'sentences', 'f1')} | {pct(peer, 'sentences', 'f1')} |")
        else:
            for i, row in enumerate(["tokens", "words", "sentences"]):
                print(f"| {name if i == 0 else ''} | {row} | {pct(ours, row, 'f1')} | {pct(peer, row, 'f1')} |")

    quotes = gold_dir / "quotes/dev.jsonl"
    if quotes.exists():
        r = evaluate(docpipe, plugin_dir, [pipe, quotes], commands)
        reports["quotes"] = r
        print(f"\n## Quotes ({pipe.name} on PolNeAR dev, %)\n")
        print("| kinds | P | R | F1 | exact F1 | speaker accuracy | end-to-end F1 |")
        print("|---|---|---|---|---|---|---|")
        for row in ["direct+mixed", "direct", "indirect"]:
            print(f"| {row} | {pct(r, row, 'precision')} | {pct(r, row, 'recall')} | {pct(r, row, 'f1')} | "
                  f"{pct(r, row, 'exact_f1')} | {pct(r, row, 'speaker_accuracy')} | {pct(r, row, 'e2e_f1')} |")

    geo = gold_dir / "geo/dev.jsonl"
    if geo.exists():
        r = evaluate(docpipe, plugin_dir, [pipe, geo], commands)
        reports["places"] = r
        print(f"\n## Places ({pipe.name} on GeoWebNews + LGL dev)\n")
        print("| rows | exact F1 % | overlap F1 % | Acc@161km % | mean km | median km | AUC |")
        print("|---|---|---|---|---|---|---|")
        print(f"| all | {pct(r, 'recognition_exact', 'f1')} | {pct(r, 'recognition_overlap', 'f1')} | "
              f"{pct(r, 'resolution', 'acc_161km')} | {num(r, 'resolution', 'mean_km')} | "
              f"{num(r, 'resolution', 'median_km', 3)} | {num(r, 'resolution', 'auc', 3)} |")
        for row in sorted(k for k in r.get("scores", {}) if k.startswith("source:")):
            print(f"| {row[7:]} | {pct(r, row, 'exact_f1')} | {pct(r, row, 'overlap_f1')} | "
                  f"{pct(r, row, 'acc_161km')} | {num(r, row, 'mean_km')} | {num(r, row, 'median_km', 3)} | "
                  f"{num(r, row, 'auc', 3)} |")

    rows = []
    for name, rel in [("BBC dev", "summaries/dev.jsonl"), ("CNN dev", "summaries-cnndm/dev.jsonl")]:
        gold = gold_dir / rel
        if gold.exists():
            r = evaluate(docpipe, plugin_dir, [pipe, gold], commands)
            reports[rel] = r
            rows.append(f"| {name} | {pct(r, 'rouge1', 'f1')} | {pct(r, 'rouge2', 'f1')} | "
                        f"{pct(r, 'rougeLsum', 'f1')} | {pct(r, 'rouge1', 'precision')} | "
                        f"{pct(r, 'rouge1', 'recall')} |")
    if rows:
        print(f"\n## Summaries ({pipe.name}, ROUGE F1 %, no stemming)\n")
        print("| gold | R-1 | R-2 | R-Lsum | R-1 P | R-1 R |")
        print("|---|---|---|---|---|---|")
        print("\n".join(rows))

    print("\nCommands:\n\n```sh")
    print("\n".join(commands))
    print("```")
    errors = {k: v for k, v in reports.items() if isinstance(v, dict) and "error" in v}
    for k, v in errors.items():
        print(f"\n{k}: {v['error']}", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(reports, indent=1))


if __name__ == "__main__":
    main()
