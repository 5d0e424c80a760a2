#!/usr/bin/env bash
# Quick start 2: set up, build, and run the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
ctest --preset release
