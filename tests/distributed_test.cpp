// Scale-out as an operator sees it: --shard I/N over N processes and MPI
// runs (mpirun -n 3, a rank killed with -9 and the run resumed) all merge,
// with `docpipe merge`, to exactly the bytes of a single-process run. The
// MPI cases report SKIPPED (and CTest skips them) when docpipe was
// configured without MPI.

#include "support/run_command.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

using docpipe::testing::run_command;
using docpipe::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string docpipe_cmd(const std::string& args, bool quiet = true) {
  return fmt::format("'{}' {}--plugin-path '{}/good' {}", DOCPIPE_BINARY, quiet ? "-q " : "", DOCPIPE_TEST_PLUGIN_ROOT,
                     args);
}

// Open MPI refuses root without these (containers, CI).
std::string mpirun(int ranks, const std::string& args, bool quiet = true) {
  return fmt::format("OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 '{}' --oversubscribe -n {} {}",
                     DOCPIPE_MPIEXEC, ranks, docpipe_cmd(args, quiet));
}

bool have_mpi() {
  if (std::string(DOCPIPE_MPIEXEC).empty()) {
    std::cout << "SKIPPED: docpipe was configured without MPI\n";
    return false;
  }
  return true;
}

std::string pipeline_yaml(int delay_us = 0) {
  return fmt::format(
      "pipeline: batch\nstages:\n  - plugin: keywords\n    with:\n      words: [river, city]\n"
      "  - plugin: crasher\n    with:\n      delay_us: {}\n",
      delay_us);
}

// `count` documents of varied length; some fail a stage, one line is not
// JSON (a failed read) and blank lines are no records, so failures and
// record numbering are part of what must come out identical.
std::string corpus(int count) {
  std::string out;
  std::mt19937 rng(11);
  for (int i = 0; i < count; ++i) {
    std::string text = fmt::format("Document {} about the river and the city.", i);
    for (unsigned k = rng() % 30; k > 0; --k) text += " More words near the river.";
    if (i % 97 == 13) text += " CRASH-THROW";
    out += fmt::format("{{\"id\":\"doc-{}\",\"text\":\"{}\"}}\n", i, text);
    if (i == 40) out += "\n";
    if (i == 77) out += "{not json\n";
  }
  return out;
}

// ids in a JSONL text, each with how often it appears.
std::map<std::string, int> ids(const std::string& jsonl) {
  std::map<std::string, int> seen;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find("\"id\":\"");
    if (at == std::string::npos) continue;
    const auto end = line.find('"', at + 6);
    ++seen[line.substr(at + 6, end - at - 6)];
  }
  return seen;
}

// A single-process run: the bytes everything else must reproduce.
struct Reference {
  std::string output;
  std::string errors;
};

Reference reference_run(const TempDir& dir, const std::string& p, const std::string& in) {
  const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -j 2 -o {}/ref.jsonl", p, in, dir.path())));
  REQUIRE(r.exit_code == 1);  // the marked documents fail
  Reference ref{dir.read("ref.jsonl"), dir.read("ref.jsonl.errors.jsonl")};
  REQUIRE(std::count(ref.output.begin(), ref.output.end(), '\n') > 250);
  REQUIRE_FALSE(ref.errors.empty());
  return ref;
}

}  // namespace

TEST_CASE("shards: --shard I/N for N = 1..5 covers each document once and merges to the single-process output",
          "[distributed]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(300));
  const Reference ref = reference_run(dir, p, in);
  for (int n = 1; n <= 5; ++n) {
    INFO(n << " shards");
    std::map<std::string, int> seen;
    for (int i = 0; i < n; ++i) {
      const auto out = fmt::format("{}/n{}-s{}.jsonl", dir.path(), n, i);
      const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -j 2 --shard {}/{} -o {}", p, in, i, n, out)));
      CHECK((r.exit_code == 0 || r.exit_code == 1));
      for (const auto& [id, k] : ids(dir.read(fs::path(out).filename()))) seen[id] += k;
      for (const auto& [id, k] : ids(dir.read(fs::path(out + ".errors.jsonl").filename()))) seen[id] += k;
    }
    // Every document once, over outputs and errors together.
    auto all = ids(ref.output);
    for (const auto& [id, k] : ids(ref.errors)) all[id] += k;
    CHECK(seen == all);
    CHECK(std::all_of(seen.begin(), seen.end(), [](const auto& e) { return e.second == 1; }));

    // As a shell glob names them: the files beside each shard output come along.
    const auto merged = fmt::format("{}/merged{}.jsonl", dir.path(), n);
    const auto r = run_command(docpipe_cmd(fmt::format("merge {}/n{}-s*.jsonl -o {}", dir.path(), n, merged)));
    REQUIRE(r.exit_code == 0);
    CHECK(dir.read(fs::path(merged).filename()) == ref.output);
    CHECK(dir.read(fs::path(merged + ".errors.jsonl").filename()) == ref.errors);
  }
}

TEST_CASE("merge refuses a missing shard, a shard given twice and an unfinished shard", "[distributed]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(60));
  for (int i = 0; i < 3; ++i) {
    (void)run_command(docpipe_cmd(fmt::format("run {} {} --shard {}/3 -o {}/s{}.jsonl", p, in, i, dir.path(), i)));
  }
  const auto s = [&](int i) { return fmt::format("{}/s{}.jsonl", dir.path(), i); };
  auto r = run_command(docpipe_cmd(fmt::format("merge {} {} -o {}/m.jsonl", s(0), s(2), dir.path())));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("are in no input"));
  CHECK_FALSE(fs::exists(dir.path() + "/m.jsonl"));
  r = run_command(docpipe_cmd(fmt::format("merge {} {} {} {} -o {}/m.jsonl", s(0), s(1), s(2), s(1), dir.path())));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("appears twice"));
  // A shard whose journal does not end in "done" was killed: merging it would lose its tail.
  const std::string journal = dir.read("s1.jsonl.journal");
  dir.write("s1.jsonl.journal", journal + "at records=1 part=0\n");
  r = run_command(docpipe_cmd(fmt::format("merge {} {} {} -o {}/m.jsonl", s(0), s(1), s(2), dir.path())));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("did not finish"));
  r = run_command(docpipe_cmd(fmt::format("run {} {} --shard 3/3 -o {}/bad.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 2);
}

TEST_CASE("mpirun -n 1 and -n 3: the merged output is byte-identical to a single-process run",
          "[distributed][mpi][mpi-identical]") {
  if (!have_mpi()) return;
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml(200));
  const auto in = dir.write("in.jsonl", corpus(300));
  const Reference ref = reference_run(dir, p, in);
  for (int ranks : {1, 3}) {
    INFO(ranks << " ranks");
    const auto out = fmt::format("{}/mpi{}", dir.path(), ranks);
    const auto r = run_command(
        mpirun(ranks, fmt::format("run --mpi {} {} -j 1 --chunk 17 -o {} --stats {}.json", p, in, out, out)));
    CHECK(r.exit_code == 1);  // failed documents, as in the reference
    CHECK_THAT(dir.read(fs::path(out + ".json").filename()), Catch::Contains("\"failed\":4"));
    // Parts are whole chunks; the manifest lists them.
    CHECK(fs::exists(out + "/part-000000.jsonl"));
    CHECK_THAT(dir.read(fs::path(out).filename().string() + "/manifest.jsonl"),
               Catch::Contains(R"({"part":"part-000001.jsonl","manifest":"part-000001.manifest.jsonl")") &&
                   Catch::Contains(R"("first_record":17,"end_record":34)"));
    const auto m = run_command(docpipe_cmd(fmt::format("merge {} -o {}.jsonl", out, out)));
    REQUIRE(m.exit_code == 0);
    CHECK(dir.read(fs::path(out + ".jsonl").filename()) == ref.output);
    CHECK(dir.read(fs::path(out + ".jsonl.errors.jsonl").filename()) == ref.errors);
  }
  // An input inside the output directory (a part of an earlier run) or named as --stats is refused.
  const auto mpi1 = dir.path() + "/mpi1";
  auto refused = run_command(
      mpirun(1, fmt::format("run --mpi {} {}/part-000000.jsonl -o {}", p, mpi1, mpi1), false));
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("is inside the --mpi output directory"));
  refused = run_command(mpirun(1, fmt::format("run --mpi {} {} -o {}/mpi-x --stats {}", p, in, dir.path(), in), false));
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("is also the --stats file"));

  // A rank that sees other input files would number records differently: the job stops.
  const auto other = dir.write("other.jsonl", corpus(301));
  const auto r = run_command(fmt::format(
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 '{}' --oversubscribe -n 2 sh -c "
      "'if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then exec \"$0\" \"$@\" {}; else exec \"$0\" \"$@\" {}; fi' {}",
      DOCPIPE_MPIEXEC, other, in, docpipe_cmd(fmt::format("run --mpi {} -o {}/mixed", p, dir.path()))));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("sees other inputs than rank 0"));
}

TEST_CASE("an MPI rank killed with -9 mid-run: --resume reruns its unfinished chunks, nothing lost or duplicated",
          "[distributed][mpi][mpi-resume]") {
  if (!have_mpi()) return;
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml(4000));
  const auto in = dir.write("in.jsonl", corpus(400));
  const Reference ref = reference_run(dir, p, in);
  const auto out = dir.path() + "/out";
  const auto run = mpirun(3, fmt::format("run --mpi {} {} -j 1 --chunk 10 -o {}", p, in, out));
  // Wait for 5 finished chunks (at most 30 s), then kill -9 rank 1's process.
  const auto killed = run_command(fmt::format(
      "{} & mp=$!; n=0; "
      "until [ \"$(grep -c '^done' {}/chunks.journal 2>/dev/null)\" -ge 5 ] 2>/dev/null || [ $n -ge 600 ]; do "
      "sleep 0.05; n=$((n+1)); done; "
      "for p in $(pgrep -P $mp); do if tr '\\0' '\\n' < /proc/$p/environ | grep -qx OMPI_COMM_WORLD_RANK=1; then "
      "kill -9 $p; echo killed; fi; done; wait $mp",
      run, out));
  REQUIRE_THAT(killed.out, Catch::Contains("killed"));
  CHECK(killed.exit_code != 0);
  CHECK_FALSE(fs::exists(out + "/manifest.jsonl"));
  auto m = run_command(docpipe_cmd(fmt::format("merge {} -o {}/m.jsonl", out, dir.path())));
  CHECK(m.exit_code == 2);
  CHECK_THAT(m.err, Catch::Contains("did not finish"));

  // The resume says which chunks did not finish (rank 1's among them) and runs only those and the rest.
  const auto resumed = run_command(mpirun(
      3, fmt::format("run --mpi {} {} -j 1 --chunk 10 -o {} --resume --stats {}/stats.json", p, in, out, dir.path()),
      false));
  CHECK(resumed.exit_code == 1);
  CHECK_THAT(resumed.err, Catch::Contains("held by rank 1 did not finish; it runs again"));
  const std::string stats = dir.read("stats.json");
  CHECK_THAT(stats, !Catch::Contains("\"resumed_from\":0,") && Catch::Contains("\"failed\":5"));
  m = run_command(docpipe_cmd(fmt::format("merge {} -o {}/m.jsonl", out, dir.path())));
  REQUIRE(m.exit_code == 0);
  CHECK(dir.read("m.jsonl") == ref.output);
  CHECK(dir.read("m.jsonl.errors.jsonl") == ref.errors);
  // Resuming the finished run does nothing and changes nothing.
  const auto again =
      run_command(mpirun(3, fmt::format("run --mpi {} {} -j 1 --chunk 10 -o {} --resume", p, in, out), false));
  CHECK(again.exit_code == 1);  // still the failed documents of the run
  CHECK_THAT(again.err, Catch::Contains("nothing to do"));
  m = run_command(docpipe_cmd(fmt::format("merge {} -o {}/m2.jsonl", out, dir.path())));
  CHECK(dir.read("m2.jsonl") == ref.output);
}
