#!/usr/bin/env python3
"""Speed-up of `docpipe run --mpi` with 1, 2, 4 ... ranks on this machine,
next to single-process runs in the same invocation (so ratios hold on a
noisy, shared machine).

  bench/scale_out.py [--build-dir build] [--plugin-path DIR] [--pipeline P.yaml]
                     [--corpus FILE] [--copies 20] [--ranks 1,2,4] [--threads 1]
                     [--chunk 200] [--repeat 1] [--markdown]

Runs, on the corpus repeated --copies times (in $DOCPIPE_BENCH_DIR, default
/tmp/docpipe-bench):
  single -j T     `docpipe run PIPELINE CORPUS -j T -o FILE` for T = 1 and 2
  mpi K x -j T    `mpirun --oversubscribe -n K docpipe run --mpi ... -j T --chunk C -o DIR`
  merge           `docpipe merge DIR -o FILE` after the largest K (and a byte
                  comparison with the single-process output)

Configurations take turns for --repeat rounds and the fastest round counts.
Wall time includes process start-up, plugin loading in every rank and, for
MPI, mpirun's own start-up. Speed-up is against `mpi 1` (the same code path
with one rank). Under root, Open MPI needs OMPI_ALLOW_RUN_AS_ROOT=1 and
OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; this script sets them. Python 3 standard
library only. Not a test: nothing is asserted.
"""

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import REPO, WORK, find_build_dir, log, repeated_corpus


def prepare_corpus(sample, copies):
    out = repeated_corpus(sample, copies, f"scale-{Path(sample).stem}-x{copies}.jsonl")
    docs = sum(1 for line in Path(sample).read_bytes().splitlines() if line.strip()) * copies
    return out, docs


def timed(cmd, env):
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - start
    if r.returncode not in (0, 1):
        sys.exit(f"scale_out: failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stderr[-2000:]}")
    return took


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir")
    ap.add_argument("--plugin-path", help="where the pipeline's plugins are (default: the build's own)")
    ap.add_argument("--pipeline", default=str(REPO / "pipelines" / "news.yaml"))
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "news-sample.jsonl"))
    ap.add_argument("--copies", type=int, default=20, help="repeat the corpus this many times")
    ap.add_argument("--ranks", default="1,2,4")
    ap.add_argument("--threads", type=int, default=1, help="-j per rank")
    ap.add_argument("--chunk", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest counts")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()

    build = find_build_dir(args.build_dir, "scale_out")
    docpipe = [str(build / "bin" / "docpipe"), "-q"]
    if args.plugin_path:
        docpipe += ["--plugin-path", args.plugin_path]
    mpirun = shutil.which("mpirun")
    if not mpirun:
        sys.exit("scale_out: mpirun not found (apt-get install openmpi-bin libopenmpi-dev)")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    corpus, docs = prepare_corpus(args.corpus, args.copies)
    size_mb = corpus.stat().st_size / 1e6
    log(f"scale_out: {docs} documents, {size_mb:.1f} MB, {os.cpu_count()} cores, build {build}")

    out = WORK / "scale-out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    # Configurations take turns, --repeat rounds, the fastest of each counts:
    # load from other users drifts over minutes, and this spreads it evenly.
    ranks = [int(k) for k in args.ranks.split(",")]
    configs = []
    for t in (1, 2):
        configs.append((f"single process, -j {t}", docpipe + [
            "run", args.pipeline, str(corpus), "-j", str(t), "-o", str(out / f"single-j{t}.jsonl")]))
    for k in ranks:
        configs.append((f"mpirun -n {k}, -j {args.threads} per rank", [mpirun, "--oversubscribe", "-n", str(k)] + docpipe + [
            "run", "--mpi", args.pipeline, str(corpus), "-j", str(args.threads), "--chunk", str(args.chunk),
            "-o", str(out / f"mpi{k}")]))
    times = {name: [] for name, _ in configs}
    for r in range(args.repeat):
        for name, cmd in configs:
            times[name].append(timed(cmd, env))
            log(f"  round {r + 1}: {name}: {times[name][-1]:.2f} s")
    rows = [(name, min(times[name])) for name, _ in configs]
    mpi_times = {k: min(times[f"mpirun -n {k}, -j {args.threads} per rank"]) for k in ranks}

    def best(cmd):
        return min(timed(cmd, env) for _ in range(args.repeat))

    kmax = max(ranks)
    merged = out / "merged.jsonl"
    s = best(docpipe + ["merge", str(out / f"mpi{kmax}"), "-o", str(merged)])
    rows.append((f"docpipe merge of the {kmax}-rank output", s))
    identical = filecmp.cmp(merged, out / "single-j1.jsonl", shallow=False)

    base = mpi_times[min(ranks)]
    if args.markdown:
        print(f"{docs} documents ({size_mb:.1f} MB), `{Path(args.pipeline).name}`, {os.cpu_count()} cores, "
              f"--chunk {args.chunk}\n")
        print("| run | best seconds | every round | documents/s | speed-up vs mpirun -n 1 |")
        print("|---|---:|---|---:|---:|")
        for name, secs in rows:
            speed = f"{base / secs:.2f}" if name.startswith("mpirun") else ""
            rounds = " ".join(f"{t:.2f}" for t in times.get(name, []))
            print(f"| {name} | {secs:.2f} | {rounds} | {docs / secs:.0f} | {speed} |")
        print(f"\nmerged output byte-identical to the single-process output: {'yes' if identical else 'NO'}")
    else:
        for name, secs in rows:
            print(f"{name:40s} {secs:8.2f} s {docs / secs:8.0f} docs/s")
        print(f"merged == single-process output: {identical}")


if __name__ == "__main__":
    main()
