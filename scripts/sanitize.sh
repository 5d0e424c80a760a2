#!/usr/bin/env bash
# CI's sanitizer pass (see docs/security.md):
#   asan  builds the `asan` preset (ASan + UBSan, everything) and runs the
#         whole test suite under it;
#   tsan  builds the `tsan` preset with only the framework, the test plugins
#         and the tests (-DDOCPIPE_PLUGINS=none) and runs the framework tests
#         and the batch-runner integration tests under ThreadSanitizer.
# Exits non-zero on any build failure, test failure or sanitizer report.
#
#   scripts/sanitize.sh [asan|tsan|all]      (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
jobs="${DOCPIPE_JOBS:-2}"

run_asan() {
  local start=$SECONDS
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  echo "sanitize: asan build took $((SECONDS - start)) s"
  start=$SECONDS
  # The big hostile documents at a quarter of their size: the linear-time
  # checks compare S and 4S whatever S is, and ASan is several times slower.
  # handle_segv=0: the crash-isolation tests make a plugin raise SIGSEGV and
  # expect the worker to die of it; a real segfault still fails its test.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:handle_segv=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export DOCPIPE_HOSTILE_SCALE=0.25
  # Open MPI leaks by design at MPI_Finalize, from components it has already
  # unloaded (LeakSanitizer cannot even name them): the MPI runs are checked
  # for memory errors with leak detection off, everything else with it on.
  ctest --test-dir build/asan -j "$jobs" --output-on-failure --timeout 900 -E '^distributed: mpi '
  ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}" \
    ctest --test-dir build/asan -j "$jobs" --output-on-failure --timeout 900 -R '^distributed: mpi '
  echo "sanitize: asan tests took $((SECONDS - start)) s"
}

run_tsan() {
  local start=$SECONDS
  cmake --preset tsan -DDOCPIPE_PLUGINS=none >/dev/null
  cmake --build --preset tsan -j "$jobs" --target framework_test integration_test
  echo "sanitize: tsan build took $((SECONDS - start)) s"
  start=$SECONDS
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:handle_segv=0"
  build/tsan/bin/framework_test
  build/tsan/bin/integration_test '[batch]'
  echo "sanitize: tsan tests took $((SECONDS - start)) s"
}

case "$what" in
  asan) run_asan ;;
  tsan) run_tsan ;;
  all) run_asan; run_tsan ;;
  *) echo "usage: scripts/sanitize.sh [asan|tsan|all]" >&2; exit 2 ;;
esac
echo "sanitize: $what passed"
