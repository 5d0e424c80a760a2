// The `docpipe` command as a user runs it: pipeline validation messages with
// file:line:col, runs over JSONL and text, bad input lines, exit codes.

#include "support/run_command.hpp"

#include <catch2/catch.hpp>

#include <string>

using docpipe::testing::run_command;
using docpipe::testing::TempDir;

namespace {

std::string docpipe_cmd(const std::string& args) {
  return std::string("'") + DOCPIPE_BINARY + "' --plugin-path '" + DOCPIPE_TEST_PLUGIN_ROOT + "/good' " + args;
}

const char* kGoodPipeline =
    "pipeline: demo\n"
    "stages:\n"
    "  - plugin: keywords\n"
    "    with:\n"
    "      words: [Moscow, Washington]\n";

}  // namespace

TEST_CASE("validate accepts a good pipeline", "[cli]") {
  TempDir dir;
  const auto file = dir.write("p.yaml", kGoodPipeline);
  const auto r = run_command(docpipe_cmd("validate " + file));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("ok (1 stages: keywords)"));
}

TEST_CASE("validate names file:line:col for each kind of mistake", "[cli]") {
  TempDir dir;
  struct Case {
    const char* yaml;
    const char* where;
    const char* says;
  };
  const Case cases[] = {
      {"pipeline: x\nstages:\n  - plugin: keyword\n", ":3:13", "unknown plugin 'keyword' (did you mean 'keywords'?)"},
      {"pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      wrods: [a]\n", ":5:14",
       "has no option 'wrods' (did you mean 'words'?); valid options: words, ignore_case"},
      {"pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      ignore_case: maybe\n", ":5:20",
       "option 'ignore_case' must be a boolean, got 'maybe'"},
      {"pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      words: {a: 1}\n", ":5:14",
       "option 'words' must be a list of strings, got a map"},
      {"pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      max_matches: 0\n", ":5:20",
       "option 'max_matches' is 0, out of range [1, 1000000]"},
      {"pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      max_matches: \"12\"\n", ":5:20",
       "option 'max_matches' must be an integer, got '12'"},
      {"pipeline: x\nstages: [\n", ":3:1", "not valid YAML"},
      {"pipeline: x\nstagez: []\n", ":2:1", "unknown key 'stagez' (did you mean 'stages'?)"},
      {"pipeline: x\nstages:\n  - plugin: keywords\n    whit: {}\n", ":4:5", "unknown stage key 'whit'"},
  };
  for (const auto& c : cases) {
    INFO(c.yaml);
    const auto file = dir.write("bad.yaml", c.yaml);
    const auto r = run_command(docpipe_cmd("validate " + file));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(file + c.where) && Catch::Contains(c.says));
  }
}

TEST_CASE("run writes the JSON contract for JSONL and text inputs", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", kGoodPipeline);
  const auto jsonl = dir.write("in.jsonl",
                               "{\"id\":\"a\",\"text\":\"Moscow and Washington.\",\"title\":\"T\"}\n"
                               "{\"id\":\"b\",\"text\":\"Nothing here.\"}\n");
  const auto text = dir.write("story.txt", "From Moscow.");
  const auto r = run_command(docpipe_cmd("run " + pipeline + " " + jsonl + " " + text + " -o " + dir.path() + "/out.jsonl"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const std::string out = dir.read("out.jsonl");
  CHECK(out ==
        "{\"id\":\"a\",\"text\":\"Moscow and Washington.\",\"meta\":{\"title\":\"T\"},\"keywords\":"
        "[{\"begin\":0,\"end\":6,\"word\":\"moscow\"},{\"begin\":11,\"end\":21,\"word\":\"washington\"}]}\n"
        "{\"id\":\"b\",\"text\":\"Nothing here.\",\"keywords\":[]}\n"
        "{\"id\":\"" + text + "\",\"text\":\"From Moscow.\",\"keywords\":[{\"begin\":5,\"end\":11,\"word\":\"moscow\"}]}\n");
}

TEST_CASE("run reads stdin and writes stdout with -, honouring --no-text and --layers", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", kGoodPipeline);
  auto r = run_command(docpipe_cmd("run " + pipeline + " - --no-text"), "{\"id\":1,\"text\":\"Moscow\"}\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"id\":\"1\",\"keywords\":[{\"begin\":0,\"end\":6,\"word\":\"moscow\"}]}\n");
  r = run_command(docpipe_cmd("run " + pipeline + " - --layers sentences"), "{\"id\":\"x\",\"text\":\"Moscow\"}\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"id\":\"x\",\"text\":\"Moscow\"}\n");
  CHECK_THAT(r.err, Catch::Contains("no stage of") && Catch::Contains("'sentences'"));
}

TEST_CASE("a run over its own output gives the same output", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", kGoodPipeline);
  const auto first = run_command(docpipe_cmd("run " + pipeline + " -"), "{\"id\":\"a\",\"text\":\"Moscow.\"}\n");
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == "{\"id\":\"a\",\"text\":\"Moscow.\",\"keywords\":[{\"begin\":0,\"end\":6,\"word\":\"moscow\"}]}\n");
  const auto second = run_command(docpipe_cmd("run " + pipeline + " -"), first.out);
  CHECK(second.exit_code == 0);
  CHECK(second.out == first.out);
}

TEST_CASE("a pipeline with no stages is valid and passes documents through", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", "pipeline: copy\nstages: []\n");
  auto r = run_command(docpipe_cmd("validate " + pipeline));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("ok (0 stages"));
  const std::string in = "{\"id\":\"a\",\"text\":\"Moscow.\",\"keywords\":[{\"begin\":0,\"end\":6,\"word\":\"moscow\"}]}\n";
  r = run_command(docpipe_cmd("run " + pipeline + " -"), in);
  CHECK(r.exit_code == 0);
  CHECK(r.out == in);
}

TEST_CASE("bad input lines are reported with file and line, and the run goes on", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", kGoodPipeline);
  const auto jsonl = dir.write("in.jsonl",
                               "{\"id\":\"a\",\"text\":\"Moscow\"}\n"
                               "{not json\n"
                               "{\"id\":\"c\"}\n"
                               "{\"id\":\"d\",\"text\":\"bad \xff byte\"}\n");
  const auto out = dir.path() + "/out.jsonl";
  const auto r = run_command(docpipe_cmd("run " + pipeline + " " + jsonl + " -o " + out));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":2: not valid JSON"));
  CHECK_THAT(r.err, Catch::Contains(jsonl + ":3: no \"text\" field"));
  const std::string written = dir.read("out.jsonl");
  CHECK_THAT(written, Catch::Contains("\"id\":\"a\""));
  // Invalid UTF-8 is repaired to U+FFFD and the repair recorded.
  CHECK_THAT(written, Catch::Contains("\"text\":\"bad \xEF\xBF\xBD byte\"") && Catch::Contains("\"_utf8_repairs\":1"));
  const std::string errors = dir.read("out.jsonl.errors.jsonl");
  CHECK_THAT(errors, Catch::Contains("\"line\":2") && Catch::Contains("\"line\":3") && Catch::Contains("\"stage\":\"read\""));
  // A line that is JSON but not a document still names its id; one that is
  // not JSON has none.
  CHECK_THAT(errors, Catch::Contains(R"({"id":"c","file":)") && Catch::Contains(R"({"id":null,"file":)"));
}

TEST_CASE("a stage that refuses its options stops the run before any document, naming the option", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", "pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      words: []\n");
  const auto r = run_command(docpipe_cmd("run " + pipeline + " -"), "{\"text\":\"x\"}\n");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(pipeline + ":5:14: option 'words': give at least one word"));
  CHECK(r.out.empty());
}

TEST_CASE("validate creates the stages, so it refuses what run refuses, and checks every file", "[cli]") {
  TempDir dir;
  const auto good = dir.write("good.yaml", kGoodPipeline);
  const auto refused = dir.write("refused.yaml", "pipeline: x\nstages:\n  - plugin: keywords\n    with:\n      words: []\n");
  const auto unknown = dir.write("unknown.yaml", "pipeline: x\nstages:\n  - plugin: keyword\n");
  auto r = run_command(docpipe_cmd("validate " + refused));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(refused + ":5:14: option 'words': give at least one word"));
  CHECK(r.out.empty());
  r = run_command(docpipe_cmd("validate " + refused + " " + good + " " + unknown));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(refused + ":5:14: option 'words'") && Catch::Contains(unknown + ":3:13: unknown plugin"));
  CHECK_THAT(r.out, Catch::Contains(good + ": ok (1 stages: keywords)"));
  r = run_command(docpipe_cmd("validate " + good + " " + good));
  CHECK(r.exit_code == 0);
}

TEST_CASE("plugins and describe show what the plugin declares", "[cli]") {
  auto r = run_command(docpipe_cmd("plugins"));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("keywords") && Catch::Contains("1.0.0") && Catch::Contains("keywords.so"));
  r = run_command(docpipe_cmd("describe keywords"));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Provides      keywords") && Catch::Contains("ignore_case") &&
                        Catch::Contains("boolean, default true"));
  r = run_command(docpipe_cmd("describe nope"));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown plugin 'nope'"));
}

TEST_CASE("the same plugin directory given twice is scanned once", "[cli]") {
  const std::string good = std::string(DOCPIPE_TEST_PLUGIN_ROOT) + "/good";
  auto r = run_command(docpipe_cmd("--plugin-path '" + good + "/' plugins"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("keywords"));
  r = run_command("cd '" + good + "/..' && DOCPIPE_PLUGIN_PATH='" + good + "' " + docpipe_cmd("--plugin-path good plugins"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  // Two different files with one plugin name stay an error.
  r = run_command(docpipe_cmd("--plugin-path '" + std::string(DOCPIPE_TEST_PLUGIN_ROOT) + "/dup' plugins"));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("two plugins are called 'keywords'"));
}

TEST_CASE("global options may follow the command", "[cli]") {
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", kGoodPipeline);
  const auto r = run_command(std::string("'") + DOCPIPE_BINARY + "' run " + pipeline + " - --no-text -q --plugin-path '" +
                                 DOCPIPE_TEST_PLUGIN_ROOT + "/good'",
                             "{\"id\":1,\"text\":\"Moscow\"}\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"id\":\"1\",\"keywords\":[{\"begin\":0,\"end\":6,\"word\":\"moscow\"}]}\n");
  CHECK(r.err.empty());
}

TEST_CASE("usage errors exit with 2", "[cli]") {
  CHECK(run_command(docpipe_cmd("run")).exit_code == 2);
  CHECK(run_command(docpipe_cmd("frobnicate")).exit_code == 2);
  CHECK(run_command(docpipe_cmd("--help")).exit_code == 0);
  // A number out of range is said plainly.
  TempDir dir;
  const auto pipeline = dir.write("p.yaml", kGoodPipeline);
  const auto r = run_command(docpipe_cmd("run " + pipeline + " - --max-doc-bytes 0"), "");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--max-doc-bytes: must be a number > 0, not 0"));
  CHECK(r.err.size() < 200);
}
