#!/usr/bin/env bash
# Quick start 1: set up, build, and run the news pipeline on the bundled
# example article, printing the annotated JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release >&2
build/release/bin/docpipe run pipelines/news.yaml pipelines/examples/summit.jsonl -o -
