#!/usr/bin/env python3
"""Throughput and peak memory of docpipe pipelines, next to baselines run in
the same invocation (so ratios hold on a noisy machine).

  bench/bench.py [--build-dir build] [--pipeline P.yaml ...] [--plugin NAME ...]
                 [--corpus FILE] [--size-mb 100] [--threads 1,all] [--repeat 1]
                 [--markdown] [--json OUT.json]

Runs, each with 1 thread and with all cores:
  cat          `cat CORPUS > /dev/null`: reading the file, the physical floor
  icu          bench/icu_baseline.cpp: ICU word + sentence BreakIterators over
               the same JSONL (built here with $CXX or g++; needs libicu-dev, libtbb-dev)
  PIPELINE     `docpipe run PIPELINE CORPUS -o - -j N` (output discarded)
  plugin NAME  one plugin alone: the runner's own time for the stage NAME in a
               pipeline `--base + NAME` (from `docpipe run --stats`, when the
               docpipe built has it; --base is `tokenizer` by default), and
               the difference of `docpipe run` wall times with and without NAME

The corpus (default ../shared/corpus/news-sample.jsonl) is repeated into
/tmp/docpipe-bench ($DOCPIPE_BENCH_DIR) until it holds at least --size-mb MB. MB/s counts the
UTF-8 bytes of the documents' text (1 MB = 10^6 bytes); peak RSS comes from
wait4(2). Python 3 standard library only. Not a test: nothing is asserted.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, WORK, copies_for, find_build_dir, log, repeated_corpus


def prepare_corpus(sample, size_mb):
    """The sample repeated to >= size_mb MB; returns (path, documents, text_bytes, file_bytes)."""
    docs = 0
    text_bytes = 0
    with open(sample, "rb") as f:
        for line in f:
            if line.strip():
                docs += 1
                text_bytes += len(json.loads(line)["text"].encode("utf-8"))
    repeats = copies_for(sample, size_mb)
    path = repeated_corpus(sample, repeats, f"corpus-{sample.stem}-x{repeats}.jsonl")
    return path, docs * repeats, text_bytes * repeats, sample.stat().st_size * repeats


def run(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, peak RSS in MB, exit code, stdout text or None, stderr tail).

    Peak RSS comes from GNU time (/usr/bin/time) when it is there: wait4's
    ru_maxrss of a child forked from Python would count Python's own pages.
    """
    out_file = tempfile.TemporaryFile() if stdout == "capture" else None
    err_file = tempfile.TemporaryFile()
    rss_file = WORK / "time.out"
    gnu_time = Path("/usr/bin/time")
    full = [str(gnu_time), "-f", "%M", "-o", str(rss_file), *cmd] if gnu_time.exists() else cmd
    start = time.perf_counter()
    proc = subprocess.Popen(full, stdout=out_file if out_file else stdout, stderr=err_file)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    rss_mb = usage.ru_maxrss / 1024.0
    if gnu_time.exists():
        try:
            lines = rss_file.read_text().strip().splitlines()
            rss_mb = int(lines[-1]) / 1024.0
        except (OSError, ValueError, IndexError):
            pass
    err_file.seek(0)
    err = [l for l in err_file.read().decode("utf-8", "replace").strip().splitlines()
           if not l.startswith("Command exited with non-zero status")]
    text = None
    if out_file:
        out_file.seek(0)
        text = out_file.read().decode("utf-8", "replace")
    return wall, rss_mb, code, text, err[-3:]


def best_of(repeat, cmd, stdout=subprocess.DEVNULL):
    results = [run(cmd, stdout) for _ in range(repeat)]
    failed = [r for r in results if r[2] != 0]
    if failed:
        return failed[0]
    return min(results, key=lambda r: r[0])


def build_tools(build_dir):
    WORK.mkdir(parents=True, exist_ok=True)
    icu = WORK / "icu_baseline"
    log("bench: building icu_baseline")
    subprocess.run([os.environ.get("CXX", "g++"), "-O2", "-std=c++20", "-o", str(icu), str(REPO / "bench/icu_baseline.cpp"),
                    "-licuuc", "-licui18n", "-licudata", "-ltbb"], check=True)
    return icu


def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model or platform.processor(), "memory": mem,
            "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "kernel": platform.release(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def write_pipeline(name, plugins):
    path = WORK / f"{name}.yaml"
    stages = "".join(f"  - plugin: {p}\n" for p in plugins)
    path.write_text(f"pipeline: {name}\ndescription: written by bench/bench.py\nstages:\n{stages}")
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", help="docpipe build tree (default: the newest build*/ with bin/docpipe)")
    ap.add_argument("--pipeline", action="append", default=[],
                    help="pipeline YAML to measure (repeatable; default: tokenizer alone and pipelines/news.yaml)")
    ap.add_argument("--plugin", action="append", default=[], help="measure this plugin alone (repeatable)")
    ap.add_argument("--base", default="tokenizer",
                    help="comma-separated plugins run before a --plugin (default: tokenizer)")
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/news-sample.jsonl"))
    ap.add_argument("--size-mb", type=int, default=100, help="repeat the corpus to at least this size (MB)")
    ap.add_argument("--threads", default="1,all", help="comma-separated thread counts; 'all' = every core")
    ap.add_argument("--repeat", type=int, default=1, help="runs per row; the fastest is reported")
    ap.add_argument("--no-baselines", action="store_true", help="skip cat and ICU")
    ap.add_argument("--plugin-path", action="append", default=[], help="also look for plugins here (repeatable)")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    load_before = " ".join(f"{x:.1f}" for x in os.getloadavg())
    build_dir = find_build_dir(args.build_dir, "bench")
    docpipe = build_dir / "bin" / "docpipe"
    plugin_dir = build_dir / "lib" / "docpipe" / "plugins"
    corpus, docs, text_bytes, file_bytes = prepare_corpus(Path(args.corpus), args.size_mb)
    threads = [os.cpu_count() if t == "all" else int(t) for t in args.threads.split(",")]
    threads = list(dict.fromkeys(threads))
    icu = build_tools(build_dir) if not args.no_baselines else None

    pipelines = [Path(p) for p in args.pipeline]
    if not pipelines:
        pipelines = [write_pipeline("tokenizer-only", ["tokenizer"]), REPO / "pipelines/news.yaml"]

    rows = []

    def add(name, n, result, note=""):
        wall, rss, code, _, err = result
        wall = max(wall, 1e-6)
        row = {"run": name, "threads": n, "seconds": round(wall, 3), "wall": wall, "peak_rss_mb": round(rss, 1)}
        if code != 0:
            row["error"] = " / ".join(err) or f"exit code {code}"
        else:
            row["text_mb_s"] = round(text_bytes / 1e6 / wall, 2)
            row["input_mb_s"] = round(file_bytes / 1e6 / wall, 2)
            row["docs_s"] = round(docs / wall, 1)
        if note:
            row["note"] = note
        rows.append(row)
        log(f"bench: {name} -j{n}: " + (row.get("error") or f"{wall:.2f} s, {row['text_mb_s']} MB/s, {rss:.0f} MB"))
        return row

    env_path = [a for d in [*args.plugin_path, plugin_dir] for a in ("--plugin-path", str(d))]
    help_text = subprocess.run([str(docpipe), "run", "--help"], capture_output=True, text=True).stdout
    has_stats = "--stats" in help_text
    stats_file = WORK / "stats.json"

    def stage_note(row):
        """Adds the runner's per-stage thread-seconds of the last run to row."""
        if has_stats and stats_file.exists() and "error" not in row:
            stages = json.loads(stats_file.read_text()).get("stages", [])
            row["stages"] = {st["name"]: round(st["seconds"], 2) for st in stages}

    if not args.no_baselines:
        add("cat", 1, best_of(args.repeat, ["cat", str(corpus)]))
        for n in threads:
            add("icu (word+sentence)", n, best_of(args.repeat, [str(icu), "-j", str(n), str(corpus)]))
    for pipe in pipelines:
        name = f"docpipe run {pipe.name}"
        for n in threads:
            stats_file.unlink(missing_ok=True)
            extra = ["--stats", str(stats_file)] if has_stats else []
            stage_note(add(name, n, best_of(args.repeat, [str(docpipe), *env_path, "-q", "run", str(pipe),
                                                          str(corpus), "-o", "-", "-j", str(n), *extra])))

    plugin_rows = []
    for plugin in args.plugin:
        base_plugins = [p for p in args.base.split(",") if p and p != plugin]
        pipe = write_pipeline(f"bench-{plugin}", [*base_plugins, plugin])
        base = write_pipeline("bench-base", base_plugins) if base_plugins else None
        for n in threads:
            entry = {"plugin": plugin, "threads": n}
            # `docpipe run --stats` gives the runner's time per stage (summed over threads).
            stats_file.unlink(missing_ok=True)
            result = best_of(args.repeat, [str(docpipe), *env_path, "-q", "run", str(pipe), str(corpus), "-o", "-",
                                           "-j", str(n), "--stats", str(stats_file)])
            if result[2] == 0 and stats_file.exists():
                stats = json.loads(stats_file.read_text())
                stage = next((st for st in stats.get("stages", []) if st["name"] == plugin), None)
                if stage:
                    entry["stage_cpu_seconds"] = round(stage["seconds"], 3)
                    entry["stage_mb_per_thread_s"] = round(text_bytes / 1e6 / max(stage["seconds"], 1e-9), 2)
                entry["stages"] = stats.get("stages", [])
            elif result[2] != 0 and not any("--stats" in line for line in result[4]):
                entry["error"] = " / ".join(result[4])
            else:
                entry["note"] = "this docpipe has no `run --stats`: no stage time"
            if base is not None:
                a = best_of(args.repeat, [str(docpipe), *env_path, "-q", "run", str(pipe), str(corpus), "-o", "-",
                                          "-j", str(n)])
                b = best_of(args.repeat, [str(docpipe), *env_path, "-q", "run", str(base), str(corpus), "-o", "-",
                                          "-j", str(n)])
                if a[2] == 0 and b[2] == 0:
                    extra = a[0] - b[0]  # may be <= 0 on a noisy machine: no rate then
                    entry["wall_with"] = round(a[0], 3)
                    entry["wall_tokenizer_only"] = round(b[0], 3)
                    entry["difference_mb_s"] = round(text_bytes / 1e6 / extra, 2) if extra > 0 else None
                    entry["peak_rss_mb"] = round(a[1], 1)
                else:
                    entry["error"] = " / ".join((a if a[2] else b)[4])
            plugin_rows.append(entry)
            log(f"bench: plugin {plugin} -j{n}: {entry}")

    info = machine()
    info["load_average"] = f"{load_before} (start) / {info['load_average']} (end)"
    info.update({"corpus": str(corpus), "documents": docs, "text_mb": round(text_bytes / 1e6, 1),
                 "file_mb": round(file_bytes / 1e6, 1), "build_dir": str(build_dir)})
    cat_row = next((r for r in rows if r["run"] == "cat" and "error" not in r), None)
    icu_row = {r["threads"]: r for r in rows if r["run"].startswith("icu") and "error" not in r}
    for r in rows:
        if "error" in r:
            continue
        if cat_row:
            r["x_cat_time"] = round(r["wall"] / cat_row["wall"], 1)
        if r["threads"] in icu_row:
            r["x_icu_speed"] = round(icu_row[r["threads"]]["wall"] / r["wall"], 2)

    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "runs": rows, "plugins": plugin_rows}, indent=1))
    print(f"# {info['date']}: {info['nproc']} x {info['cpu']}, {info['memory']}, load average "
          f"{info['load_average']}; corpus {info['file_mb']} MB ({info['documents']} documents, "
          f"{info['text_mb']} MB of text)")
    if args.markdown:
        print("| run | threads | seconds | text MB/s | docs/s | peak RSS MB | time / cat | speed / ICU | "
              "stage thread-seconds |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            if "error" in r:
                print(f"| {r['run']} | {r['threads']} | - | - | - | - | - | - | pending: {r['error'][:120]} |")
            else:
                print(f"| {r['run']} | {r['threads']} | {r['seconds']} | {r['text_mb_s']} | {r['docs_s']} | "
                      f"{r['peak_rss_mb']} | {r.get('x_cat_time', '-')} | {r.get('x_icu_speed', '-')} | "
                      + (", ".join(f"{k} {v}" for k, v in r["stages"].items()) if r.get("stages") else "-") + " |")
        if plugin_rows:
            print("\n| plugin | threads | stage thread-seconds | stage MB/s per thread | with tokenizer s | "
                  "tokenizer only s | difference MB/s | peak RSS MB |")
            print("|---|---|---|---|---|---|---|---|")
            for p in plugin_rows:
                if "error" in p:
                    print(f"| {p['plugin']} | {p['threads']} | pending: {p['error'][:120]} |||||| ")
                    continue
                print(f"| {p['plugin']} | {p['threads']} | {p.get('stage_cpu_seconds', '-')} | "
                      f"{p.get('stage_mb_per_thread_s', '-')} | {p.get('wall_with', '-')} | "
                      f"{p.get('wall_tokenizer_only', '-')} | {p.get('difference_mb_s', '-')} | "
                      f"{p.get('peak_rss_mb', '-')} |")
    else:
        fmt = "{:<36} {:>3} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8}"
        print(fmt.format("run", "-j", "seconds", "text MB/s", "docs/s", "RSS MB", "t/cat", "v/ICU"))
        for r in rows:
            if "error" in r:
                print(f"{r['run']:<36} {r['threads']:>3}  failed: {r['error'][:100]}")
            else:
                print(fmt.format(r["run"][:36], r["threads"], r["seconds"], r["text_mb_s"], r["docs_s"],
                                 r["peak_rss_mb"], r.get("x_cat_time", "-"), r.get("x_icu_speed", "-")))
        for p in plugin_rows:
            print(f"plugin {p['plugin']} -j{p['threads']}: " + json.dumps(
                {k: v for k, v in p.items() if k not in ("plugin", "threads", "stages")}))


if __name__ == "__main__":
    main()
