// Batch runs as an operator sees them: order and byte-identity across
// thread counts, compressed and directory inputs, split output, the errors
// file and error policies, crash isolation, and resume after kill -9.

#include "support/run_command.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <rapidjson/document.h>
#include <zlib.h>
#include <zstd.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

using docpipe::testing::run_command;
using docpipe::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string docpipe_cmd(const std::string& args) {
  return fmt::format("'{}' -q --plugin-path '{}/good' {}", DOCPIPE_BINARY, DOCPIPE_TEST_PLUGIN_ROOT, args);
}

std::string pipeline_yaml(int delay_us = 0) {
  return fmt::format(
      "pipeline: batch\nstages:\n  - plugin: keywords\n    with:\n      words: [river, city]\n"
      "  - plugin: crasher\n    with:\n      delay_us: {}\n",
      delay_us);
}

// `count` documents of varied length; `marks` puts a crash mark into doc i.
std::string corpus(int count, const std::map<int, std::string>& marks = {}) {
  std::string out;
  std::mt19937 rng(7);
  for (int i = 0; i < count; ++i) {
    std::string text = fmt::format("Document {} about the river and the city.", i);
    for (unsigned k = rng() % 40; k > 0; --k) text += " More words near the river.";
    if (auto it = marks.find(i); it != marks.end()) text += " " + it->second;
    out += fmt::format("{{\"id\":\"doc-{}\",\"text\":\"{}\"}}\n", i, text);
  }
  return out;
}

std::string count_lines_cmd(const std::string& file) { return "wc -l < '" + file + "'"; }

}  // namespace

TEST_CASE("output is in input order and byte-identical for any -j", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(300));
  std::string first;
  for (int j : {1, 2, 4, 8}) {
    const auto out = dir.path() + fmt::format("/out{}.jsonl", j);
    const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -j {} -o {}", p, in, j, out)));
    REQUIRE(r.exit_code == 0);
    const std::string got = dir.read(fs::path(out).filename());
    if (first.empty()) first = got;
    CHECK(got == first);
  }
  CHECK(std::count(first.begin(), first.end(), '\n') == 300);
  CHECK(first.find("\"id\":\"doc-0\"") < first.find("\"id\":\"doc-299\""));
}

TEST_CASE("gzip, zstd, directories with a glob, and split output", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const std::string text = corpus(50);
  dir.write("plain/a.jsonl", text);
  // The same documents compressed both ways, in a directory with a file the glob leaves out.
  fs::create_directories(dir.path() + "/in/sub");
  gzFile gz = gzopen((dir.path() + "/in/a.jsonl.gz").c_str(), "wb");
  REQUIRE(gz != nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  std::string zst(ZSTD_compressBound(text.size()), '\0');
  zst.resize(ZSTD_compress(zst.data(), zst.size(), text.data(), text.size(), 3));
  dir.write("in/sub/b.jsonl.zst", zst);
  dir.write("in/notes.md", "not a corpus file");

  auto r = run_command(docpipe_cmd(fmt::format("run {} {}/in --glob '*.jsonl.*' -o {}/all.jsonl", p, dir.path(), dir.path())));
  REQUIRE(r.exit_code == 0);
  r = run_command(docpipe_cmd(fmt::format("run {} {}/plain/a.jsonl -o {}/one.jsonl", p, dir.path(), dir.path())));
  REQUIRE(r.exit_code == 0);
  const std::string one = dir.read("one.jsonl");
  CHECK(dir.read("all.jsonl") == one + one);

  r = run_command(docpipe_cmd(fmt::format("run {} {}/plain/a.jsonl --split 20 -o {}/parts", p, dir.path(), dir.path())));
  REQUIRE(r.exit_code == 0);
  CHECK(dir.read("parts/part-00000.jsonl") + dir.read("parts/part-00001.jsonl") + dir.read("parts/part-00002.jsonl") == one);
  CHECK_FALSE(fs::exists(dir.path() + "/parts/part-00003.jsonl"));
}

TEST_CASE("a damaged gzip file: the lines before the damage are kept, the error says where, the next file is read",
          "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const std::string text = corpus(400);
  fs::create_directories(dir.path() + "/in");
  gzFile gz = gzopen((dir.path() + "/in/a.jsonl.gz").c_str(), "wb");
  REQUIRE(gz != nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  std::string bytes = dir.read("in/a.jsonl.gz");
  bytes.resize(bytes.size() / 2);  // cut in the middle: the stream ends inside a block
  dir.write("in/a.jsonl.gz", bytes);
  dir.write("in/b.jsonl", corpus(3));

  const auto r = run_command(docpipe_cmd(fmt::format("run {} {}/in/a.jsonl.gz {}/in/b.jsonl -o {}/out.jsonl", p,
                                                     dir.path(), dir.path(), dir.path())));
  CHECK(r.exit_code == 1);
  CHECK_THAT(dir.read("out.jsonl.errors.jsonl"), Catch::Contains("a.jsonl.gz\"") && Catch::Contains("truncated?") &&
                                                     Catch::Contains("nothing after it in this file can be read"));
  const std::string out = dir.read("out.jsonl");
  const auto written = std::count(out.begin(), out.end(), '\n');
  CHECK(written > 3);          // what came before the damage
  CHECK(written < 400 + 3);    // not the lines after it
  CHECK(out.rfind("\"id\":\"doc-2\"") > out.find("\"id\":\"doc-3\""));  // b.jsonl after a's part
}

TEST_CASE("a failing document is recorded with id, file, line and stage; the run goes on", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(20, {{3, "CRASH-THROW"}, {11, "CRASH-THROW"}}));
  const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl --stats {}/stats.json", p, in,
                                                     dir.path(), dir.path())));
  CHECK(r.exit_code == 1);
  const std::string errors = dir.read("out.jsonl.errors.jsonl");
  CHECK_THAT(errors, Catch::Contains(fmt::format(R"({{"id":"doc-3","file":"{}","line":4,"stage":"crasher")", in)) &&
                         Catch::Contains("crasher was told to throw") && Catch::Contains("\"id\":\"doc-11\""));
  CHECK(run_command(count_lines_cmd(dir.path() + "/out.jsonl")).out == "18\n");
  CHECK_THAT(dir.read("stats.json"), Catch::Contains("\"documents\":18") && Catch::Contains("\"failed\":2") &&
                                         Catch::Contains("\"name\":\"crasher\""));
}

TEST_CASE("the error policies --on-error stop and --max-errors end the run early", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(200, {{5, "CRASH-THROW"}, {6, "CRASH-THROW"}, {7, "CRASH-THROW"}}));
  // Nothing after the document that stops the run is written, whatever -j.
  auto r = run_command(docpipe_cmd(fmt::format("run {} {} -j 2 --on-error stop -o {}/a.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 1);
  CHECK(run_command(count_lines_cmd(dir.path() + "/a.jsonl")).out == "5\n");
  CHECK(run_command(count_lines_cmd(dir.path() + "/a.jsonl.errors.jsonl")).out == "1\n");
  r = run_command(docpipe_cmd(fmt::format("run {} {} -j 2 --max-errors 1 -o {}/b.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 1);
  CHECK(run_command(count_lines_cmd(dir.path() + "/b.jsonl.errors.jsonl")).out == "2\n");
}

TEST_CASE("documents over --max-doc-bytes are refused; their neighbours are unaffected", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const std::string big = std::string(5000, 'x');
  const auto in = dir.write("in.jsonl", "{\"id\":\"a\",\"text\":\"river\"}\n{\"id\":\"big\",\"text\":\"" + big +
                                            "\"}\n{\"id\":\"c\",\"text\":\"city\"}\n");
  const auto r = run_command(docpipe_cmd(fmt::format("run {} {} --max-doc-bytes 1000 -o {}/out.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 1);
  const std::string out = dir.read("out.jsonl");
  CHECK_THAT(out, Catch::Contains("\"id\":\"a\"") && Catch::Contains("\"id\":\"c\""));
  CHECK_THAT(dir.read("out.jsonl.errors.jsonl"), Catch::Contains("\"line\":2") && Catch::Contains("over --max-doc-bytes"));
}

TEST_CASE("without --isolate a document over --doc-timeout is failed and the record names the slowest stage",
          "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml(300000));  // the crasher sleeps 0.3 s a document
  const auto in = dir.write("in.jsonl", corpus(2));
  const auto r = run_command(docpipe_cmd(fmt::format("run {} {} --doc-timeout 0.1 -o {}/out.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 1);
  const std::string errors = dir.read("out.jsonl.errors.jsonl");
  CHECK_THAT(errors, Catch::Contains("\"stage\":\"crasher\"") && Catch::Contains("over --doc-timeout") &&
                         Catch::Contains("slowest stage: crasher"));
  CHECK(std::count(errors.begin(), errors.end(), '\n') == 2);
}

TEST_CASE("with --isolate the workers report the time of each stage", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml(2000));  // the crasher sleeps 2 ms a document
  const auto in = dir.write("in.jsonl", corpus(20));
  const auto r = run_command(docpipe_cmd(
      fmt::format("run {} {} --isolate -j 2 -o {}/out.jsonl --stats {}/stats.json", p, in, dir.path(), dir.path())));
  REQUIRE(r.exit_code == 0);
  rapidjson::Document stats;
  stats.Parse(dir.read("stats.json").c_str());
  REQUIRE(stats.IsObject());
  const auto& stages = stats["stages"];
  REQUIRE(stages.Size() == 2);
  CHECK(std::string(stages[0]["name"].GetString()) == "keywords");
  CHECK(std::string(stages[1]["name"].GetString()) == "crasher");
  CHECK(stages[1]["seconds"].GetDouble() >= 20 * 0.002);  // every document's sleep, summed over the workers
}

TEST_CASE("with --isolate a segfault, an abort or a hang costs one document, not the run", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(40, {{4, "CRASH-SEGV"}, {17, "CRASH-ABORT"}, {30, "CRASH-HANG"}}));
  const auto r = run_command(docpipe_cmd(
      fmt::format("run {} {} --isolate -j 2 --doc-timeout 2 -o {}/out.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 1);
  const std::string errors = dir.read("out.jsonl.errors.jsonl");
  CHECK_THAT(errors, Catch::Contains("\"id\":\"doc-4\"") && Catch::Contains("SIGSEGV"));
  CHECK_THAT(errors, Catch::Contains("\"id\":\"doc-17\"") && Catch::Contains("SIGABRT"));
  CHECK_THAT(errors, Catch::Contains("\"id\":\"doc-30\"") && Catch::Contains("--doc-timeout"));
  // Every other document is there, exactly as an in-process run writes it.
  const auto clean = dir.write("clean.jsonl", corpus(40));
  REQUIRE(run_command(docpipe_cmd(fmt::format("run {} {} -o {}/ref.jsonl", p, clean, dir.path()))).exit_code == 0);
  std::string expected;
  std::istringstream ref(dir.read("ref.jsonl"));
  for (std::string line; std::getline(ref, line);) {
    if (line.find("\"doc-4\"") == std::string::npos && line.find("\"doc-17\"") == std::string::npos &&
        line.find("\"doc-30\"") == std::string::npos) {
      expected += line + "\n";
    }
  }
  CHECK(dir.read("out.jsonl") == expected);
}

TEST_CASE("a run killed with -9 at any moment and resumed gives the uninterrupted output", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml(300));
  const auto in = dir.write("in.jsonl", corpus(600, {{100, "CRASH-THROW"}, {450, "CRASH-THROW"}}));
  REQUIRE(run_command(docpipe_cmd(fmt::format("run {} {} -j 2 -o {}/ref.jsonl", p, in, dir.path()))).exit_code == 1);
  const std::string reference = dir.read("ref.jsonl");
  const std::string reference_errors = dir.read("ref.jsonl.errors.jsonl");
  std::mt19937 rng(2026);
  for (int trial = 0; trial < 6; ++trial) {
    const double kill_after = 0.02 + 0.02 * static_cast<double>(rng() % 8);
    INFO("trial " << trial << ", killed after " << kill_after << " s");
    const std::string out = fmt::format("{}/out{}.jsonl", dir.path(), trial);
    const std::string run = docpipe_cmd(fmt::format("run {} {} -j 2 -o {}", p, in, out));
    (void)run_command(fmt::format("{} & pid=$!; sleep {}; kill -9 $pid; wait $pid", run, kill_after));
    // A second kill during the resume, then a resume to the end.
    (void)run_command(fmt::format("{} --resume & pid=$!; sleep {}; kill -9 $pid; wait $pid", run, kill_after));
    const auto r = run_command(run + " --resume");
    CHECK(r.exit_code == 1);  // the two marked documents fail, as in the reference
    CHECK(dir.read(fs::path(out).filename()) == reference);
    CHECK(dir.read(fs::path(out + ".errors.jsonl").filename()) == reference_errors);
  }
}

TEST_CASE("resuming a finished run does nothing", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(10));
  const auto run = docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl", p, in, dir.path()));
  REQUIRE(run_command(run).exit_code == 0);
  const std::string before = dir.read("out.jsonl");
  const auto r = run_command(fmt::format("'{}' --plugin-path '{}/good' run {} {} -o {}/out.jsonl --resume", DOCPIPE_BINARY,
                                         DOCPIPE_TEST_PLUGIN_ROOT, p, in, dir.path()));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("nothing to do"));
  CHECK(dir.read("out.jsonl") == before);
}

TEST_CASE("a file the run writes that is also an input is refused before anything is written", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const std::string text = corpus(10);
  const auto in = dir.write("x.jsonl", text);
  for (const std::string& out : {in, dir.path() + "/./x.jsonl"}) {
    INFO(out);
    const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}", p, in, out)));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("x.jsonl") && Catch::Contains("input"));
    CHECK(dir.read("x.jsonl") == text);
  }
  // Through a symbolic link and from another directory: the same file.
  fs::create_symlink(in, dir.path() + "/link.jsonl");
  auto r = run_command(
      fmt::format("cd '{}' && {}", dir.path(), docpipe_cmd(fmt::format("run {} link.jsonl -o x.jsonl", p))));
  CHECK(r.exit_code == 2);
  for (const std::string& side : {"--errors " + in, "--stats " + in}) {
    INFO(side);
    r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl {}", p, in, dir.path(), side)));
    CHECK(r.exit_code == 2);
  }
  // The journal of out.jsonl is out.jsonl.journal.
  const auto journal = dir.write("out.jsonl.journal", text);
  r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl", p, journal, dir.path())));
  CHECK(r.exit_code == 2);
  CHECK(dir.read("x.jsonl") == text);
  CHECK(dir.read("out.jsonl.journal") == text);
  CHECK_FALSE(fs::exists(dir.path() + "/out.jsonl"));
}

TEST_CASE("a run's own output files inside an input directory are not read as input", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  dir.write("corp/a.jsonl", corpus(10, {{2, "CRASH-THROW"}}));
  const auto run =
      docpipe_cmd(fmt::format("run {0} {1}/corp -o {1}/corp/out.jsonl --stats {1}/corp/stats.json", p, dir.path()));
  for (int i = 0; i < 2; ++i) {
    INFO("run " << i);
    const auto r = run_command(run);
    CHECK(r.exit_code == 1);  // the marked document, nothing else
    CHECK(run_command(count_lines_cmd(dir.path() + "/corp/out.jsonl")).out == "9\n");
    CHECK(run_command(count_lines_cmd(dir.path() + "/corp/out.jsonl.errors.jsonl")).out == "1\n");
  }
  // Nor the part files, errors and journal of a --split directory inside it.
  dir.write("corp2/a.jsonl", corpus(10, {{2, "CRASH-THROW"}}));
  const auto split =
      docpipe_cmd(fmt::format("run {0} {1}/corp2 --glob '*.jsonl' --split 4 -o {1}/corp2/parts", p, dir.path()));
  REQUIRE(run_command(split).exit_code == 1);
  const auto r = run_command(split);
  CHECK(r.exit_code == 1);
  CHECK(run_command(fmt::format("cat {}/corp2/parts/part-*.jsonl | wc -l", dir.path())).out == "9\n");
}

TEST_CASE("resuming refuses the journal of a run with another pipeline or inputs or output options", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto other_p = dir.write("other.yaml", pipeline_yaml(1));
  const auto in = dir.write("in.jsonl", corpus(20, {{5, "CRASH-THROW"}}));
  const auto other_in = dir.write("other.jsonl", corpus(30));
  const auto out = dir.path() + "/out.jsonl";
  // --on-error stop leaves an unfinished run, as a kill would.
  REQUIRE(run_command(docpipe_cmd(fmt::format("run {} {} -o {} --on-error stop", p, in, out))).exit_code == 1);
  const std::string journal = dir.read("out.jsonl.journal");
  for (const auto& [args, names] :
       std::vector<std::pair<std::string, std::string>>{{fmt::format("{} {}", other_p, in), "pipeline"},
                                                        {fmt::format("{} {}", p, other_in), "inputs"},
                                                        {fmt::format("{} {} {}", p, in, in), "inputs"},
                                                        {fmt::format("{} {} --layers keywords", p, in), "--layers"},
                                                        {fmt::format("{} {} --no-text", p, in), "--no-text"}}) {
    INFO(args);
    const auto r = run_command(docpipe_cmd(fmt::format("run {} -o {} --resume", args, out)));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--resume") && Catch::Contains(names));
    CHECK(run_command(count_lines_cmd(out)).out == "5\n");
  }
  // The same file with other content is another pipeline.
  dir.write("p2.yaml", pipeline_yaml());
  REQUIRE(run_command(docpipe_cmd(fmt::format("run {0}/p2.yaml {1} -o {0}/b.jsonl --on-error stop", dir.path(), in)))
              .exit_code == 1);
  dir.write("p2.yaml", pipeline_yaml(1));
  CHECK(
      run_command(docpipe_cmd(fmt::format("run {0}/p2.yaml {1} -o {0}/b.jsonl --resume", dir.path(), in))).exit_code ==
      2);
  // The same arguments go on; so does a journal of an older docpipe, without the run's line.
  auto r = run_command(docpipe_cmd(fmt::format("run {} {} -o {} --resume", p, in, out)));
  CHECK(r.exit_code == 1);  // doc-5 failed in the first part
  CHECK(run_command(count_lines_cmd(out)).out == "19\n");
  REQUIRE(run_command(docpipe_cmd(fmt::format("run {} {} -o {} --on-error stop", p, in, out))).exit_code == 1);
  const std::string with_run = dir.read("out.jsonl.journal");
  dir.write("out.jsonl.journal", with_run.substr(with_run.find('\n') + 1));
  r = run_command(docpipe_cmd(fmt::format("run {} {} -o {} --resume", p, in, out)));
  CHECK(r.exit_code == 1);
  CHECK(run_command(count_lines_cmd(out)).out == "19\n");
  CHECK(journal.rfind("run ", 0) == 0);
}

TEST_CASE("a --stats file that cannot be written is refused before reading and a failed write is reported", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(10));
  auto r =
      run_command(docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl --stats /nonexistent/s.json", p, in, dir.path())));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/s.json"));
  CHECK_FALSE(fs::exists(dir.path() + "/out.jsonl"));
  // A --stats file that exists is left as it is until the run ends.
  dir.write("old.json", "old");
  REQUIRE(run_command(docpipe_cmd(fmt::format("run {0} {1} -o {2}/a.jsonl --stats {2}/old.json", p, in, dir.path())))
              .exit_code == 0);
  CHECK_THAT(dir.read("old.json"), Catch::Contains("\"documents\":10"));
  if (fs::exists("/dev/full")) {  // opens, but every write fails (ENOSPC)
    r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}/b.jsonl --stats /dev/full", p, in, dir.path())));
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Catch::Contains("/dev/full"));
  }
}

TEST_CASE("an --errors file that cannot be written is refused before any document is read", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(200, {{150, "CRASH-THROW"}}));
  const auto r = run_command(
      docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl --errors /nonexistent/e.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/e.jsonl"));
  CHECK(dir.read("out.jsonl").empty());
}

TEST_CASE("split output into an existing file is a configuration error", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", pipeline_yaml());
  const auto in = dir.write("in.jsonl", corpus(30));
  dir.write("existing", "keep me");
  for (const std::string& out : {dir.path() + "/existing", dir.path() + "/existing/sub"}) {
    INFO(out);
    const auto r = run_command(docpipe_cmd(fmt::format("run {} {} --split 10 -o {}", p, in, out)));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err,
               Catch::Contains("--split") && Catch::Contains("existing") && !Catch::Contains("filesystem error"));
  }
  CHECK(dir.read("existing") == "keep me");
}

TEST_CASE("an unreadable directory inside an input directory is an error, not skipped", "[batch]") {
  TempDir dir;
  // Root reads any directory: run docpipe as nobody then.
  std::string as_user;
  if (geteuid() == 0) {
    if (run_command("command -v setpriv").exit_code != 0) {
      WARN("SKIPPED: running as root without setpriv");
      return;
    }
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  const auto p = dir.write("p.yaml", pipeline_yaml());
  dir.write("corp/a.jsonl", corpus(10));
  dir.write("corp/locked/b.jsonl", corpus(10));
  fs::create_directories(dir.path() + "/out");
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir.path() + "/out", fs::perms::all);
  fs::permissions(dir.path() + "/corp/locked", fs::perms::none);
  const auto r = run_command(as_user + docpipe_cmd(fmt::format("run {0} {1}/corp -o {1}/out/o.jsonl", p, dir.path())));
  fs::permissions(dir.path() + "/corp/locked", fs::perms::owner_all);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("corp/locked"));
  CHECK_FALSE(fs::exists(dir.path() + "/out/o.jsonl"));
}

TEST_CASE("with --isolate a stage that cannot be created is a configuration error before any document", "[batch]") {
  TempDir dir;
  const auto p = dir.write("p.yaml", "stages:\n  - plugin: keywords\n    with:\n      words: []\n");
  const auto in = dir.write("in.jsonl", corpus(20));
  for (const std::string_view isolate : {"", " --isolate -j 2"}) {
    INFO(isolate);
    const auto out = fmt::format("{}/out{}.jsonl", dir.path(), isolate.size());
    const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}{}", p, in, out, isolate)));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("give at least one word") && !Catch::Contains("worker"));
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(out + ".errors.jsonl"));
  }
}
