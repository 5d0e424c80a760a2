// Hostile documents through the `docpipe` binary and the real shipped
// plugins: broken encodings, NUL bytes, odd line ends, BOMs, every Unicode
// space and quote, deep JSON, and very large documents. Each is processed
// or refused with a recorded error, in time linear in its size, and the
// documents around it come out exactly as when they are run alone.
// Skipped (with a warning) when the plugins are not built.
// DOCPIPE_HOSTILE_SCALE (e.g. 0.25) shrinks the big documents for slow
// sanitizer builds; the linear-time checks compare sizes S and 4S whatever S.

#include "support/run_command.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using docpipe::testing::run_command;
using docpipe::testing::TempDir;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kPluginDir = fs::path(DOCPIPE_BINARY).parent_path().parent_path() / "lib" / "docpipe" / "plugins";
constexpr std::size_t kMiB = std::size_t{1} << 20;

bool have_plugins(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    if (!fs::exists(kPluginDir / (name + ".so"))) {
      WARN("SKIPPED: plugin '" << name << "' is not built in " << kPluginDir.string());
      return false;
    }
  }
  return true;
}

double scale() {
  const char* s = std::getenv("DOCPIPE_HOSTILE_SCALE");
  const double v = s != nullptr ? std::atof(s) : 1.0;
  return v > 0.0 && v <= 1.0 ? v : 1.0;
}

std::size_t scaled(std::size_t bytes) {
  return static_cast<std::size_t>(static_cast<double>(bytes) * scale());
}

std::string docpipe_cmd(const std::string& args) {
  return fmt::format("'{}' -q --plugin-path '{}' {}", DOCPIPE_BINARY, kPluginDir.string(), args);
}

std::string tokenizer_pipeline(const TempDir& dir) {
  return dir.write("tokenizer.yaml", "pipeline: tokenizer-only\nstages:\n  - plugin: tokenizer\n");
}

std::string news_pipeline() {
  return std::string(DOCPIPE_SOURCE_DIR) + "/pipelines/news.yaml";
}

// `text` as a JSON string body; bytes >= 0x80 pass through untouched (valid or not).
std::string json_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string jsonl_line(const std::string& id, const std::string& text) {
  return fmt::format("{{\"id\":\"{}\",\"text\":\"{}\"}}\n", id, json_escape(text));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The output line of document `id` ("" when absent).
std::string line_of(const std::vector<std::string>& lines, const std::string& id) {
  const std::string key = fmt::format("{{\"id\":\"{}\",", id);
  for (const auto& line : lines)
    if (line.rfind(key, 0) == 0) return line;
  return {};
}

struct Timed {
  docpipe::testing::CommandResult result;
  double seconds = 0.0;
};

Timed timed(const std::string& command) {
  const auto start = std::chrono::steady_clock::now();
  Timed t;
  t.result = run_command(command);
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return t;
}

// A short news paragraph, different for each `i`, as the neighbours of a hostile document.
std::string neighbour_text(int i) {
  return fmt::format(
      "LONDON (Staff) - Officials in Paris said on Monday that talks number {} would resume. "
      "\"We are ready,\" said Anna Berg, a spokeswoman. The meeting in Berlin ended early.",
      i);
}

// Runs `pipeline` over `neighbours` documents with `hostile` lines put between
// them (`hostile` is a list of complete JSONL lines; a line may be broken on
// purpose) and checks that each neighbour's output equals its output in a run
// of the neighbours alone. Returns the output lines and the errors file.
struct MixedRun {
  std::vector<std::string> lines;
  std::string errors;
  double seconds = 0.0;
};

MixedRun run_between_neighbours(const TempDir& dir, const std::string& pipeline, const std::string& name,
                                const std::vector<std::string>& hostile, const std::string& extra = "") {
  std::string alone;
  std::string mixed;
  for (std::size_t i = 0; i <= hostile.size(); ++i) {
    const std::string line = jsonl_line(fmt::format("n{}", i), neighbour_text(static_cast<int>(i)));
    alone += line;
    mixed += line;
    if (i < hostile.size()) mixed += hostile[i];
  }
  const auto alone_in = dir.write(name + "-alone.jsonl", alone);
  const auto mixed_in = dir.write(name + "-mixed.jsonl", mixed);
  const auto alone_out = dir.path() + "/" + name + "-alone.out.jsonl";
  const auto mixed_out = dir.path() + "/" + name + "-mixed.out.jsonl";
  const auto a = run_command(docpipe_cmd(fmt::format("run {} {} -o {} -j 2", pipeline, alone_in, alone_out)));
  REQUIRE(a.exit_code == 0);
  const Timed m = timed(docpipe_cmd(fmt::format("run {} {} -o {} -j 2 {}", pipeline, mixed_in, mixed_out, extra)));
  INFO(m.result.err);
  REQUIRE((m.result.exit_code == 0 || m.result.exit_code == 1));  // 1: some document failed and was recorded
  MixedRun run;
  run.lines = lines_of(dir.read(name + "-mixed.out.jsonl"));
  run.errors = dir.read(name + "-mixed.out.jsonl.errors.jsonl");
  run.seconds = m.seconds;
  if (m.result.exit_code == 1) CHECK_FALSE(run.errors.empty());
  const auto alone_lines = lines_of(dir.read(name + "-alone.out.jsonl"));
  for (std::size_t i = 0; i <= hostile.size(); ++i) {
    const std::string id = fmt::format("n{}", i);
    INFO("neighbour " << id << " of hostile input " << name);
    const std::string expected = line_of(alone_lines, id);
    REQUIRE_FALSE(expected.empty());
    CHECK(line_of(run.lines, id) == expected);
  }
  return run;
}

// Seconds of the faster of two runs of `make(bytes)` through `pipeline`.
double best_of_two(const TempDir& dir, const std::string& pipeline, const std::string& input, const std::string& extra,
                   int* exit_code) {
  double best = 1e9;
  for (int k = 0; k < 2; ++k) {
    const Timed t =
        timed(docpipe_cmd(fmt::format("run {} {} -o {}/timed.out.jsonl -j 2 {}", pipeline, input, dir.path(), extra)));
    INFO(t.result.err);
    REQUIRE((t.result.exit_code == 0 || t.result.exit_code == 1));
    *exit_code = t.result.exit_code;
    best = std::min(best, t.seconds);
  }
  return best;
}

// Checks that processing a document of 4S bytes takes at most a generous
// multiple of the time for S bytes (quadratic time would take 16 times as
// long, plus the fixed start-up cost both share). `make` writes a JSONL file
// holding the document of the size asked, between two small neighbours.
void check_linear(const TempDir& dir, const std::string& pipeline, std::size_t big,
                  const std::function<std::string(std::size_t)>& make, const std::string& extra = "",
                  int expected_exit = 0) {
  const std::size_t small = big / 4;
  int code = -1;
  const std::string small_in = dir.write("small.jsonl", make(small));
  const double t_small = best_of_two(dir, pipeline, small_in, extra, &code);
  CHECK(code == expected_exit);
  const std::string big_in = dir.write("big.jsonl", make(big));
  const double t_big = best_of_two(dir, pipeline, big_in, extra, &code);
  CHECK(code == expected_exit);
  INFO(fmt::format("{:.1f} MB: {:.2f} s, {:.1f} MB: {:.2f} s", small / 1e6, t_small, big / 1e6, t_big));
  CHECK(t_big <= 8.0 * t_small + 1.0);
  // The neighbours of the big document are written, in order, whatever happened to it.
  const auto lines = lines_of(dir.read("timed.out.jsonl"));
  CHECK_FALSE(line_of(lines, "before").empty());
  CHECK_FALSE(line_of(lines, "after").empty());
  fs::remove(small_in);
  fs::remove(big_in);
}

std::string with_neighbours(const std::string& line) {
  return jsonl_line("before", neighbour_text(-1)) + line + jsonl_line("after", neighbour_text(-2));
}

// Prose with sentences, paragraphs and quotes, repeated to `bytes`.
std::string prose(std::size_t bytes) {
  static const std::string unit =
      "WASHINGTON (Staff) - The Senate voted 52-48 on Friday to pass the bill. \"It is a good day,\" "
      "said Sen. Mary Jones of Ohio, adding that the U.S. economy grew 2.5% last year.\n\n";
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  out.resize(bytes - bytes % unit.size());  // whole units: no character is cut
  return out;
}

// No whitespace at all, but words, digits, punctuation and quotes in it.
std::string no_whitespace(std::size_t bytes) {
  static const std::string unit = "word.Another,\"quoted\"-hyphen;123.45U.S.(x)e-mail@a.b/";
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  out.resize(bytes);
  return out;
}

const std::vector<std::string> kSpaces = {
    "\t",     "\n",     "\v",     "\f",     "\r",     " ",      "\u0085", "\u00A0", "\u1680", "\u2000", "\u2001",
    "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u2028", "\u2029",
    "\u202F", "\u205F", "\u3000", "\u180E", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"};

const std::vector<std::string> kQuotes = {
    "\"",     "'",      "\u00AB", "\u00BB", "\u2018", "\u2019", "\u201A", "\u201B", "\u201C", "\u201D",
    "\u201E", "\u201F", "\u2039", "\u203A", "\u2E42", "\u300C", "\u300D", "\u300E", "\u300F", "\u301D",
    "\u301E", "\u301F", "\uFE41", "\uFE42", "\uFE43", "\uFE44", "\uFF02", "\uFF07", "\uFF62", "\uFF63",
    "\u275B", "\u275C", "\u275D", "\u275E", "`",      "\u00B4", "\u2032", "\u2033"};

}  // namespace

TEST_CASE("small hostile documents through the news pipeline leave their neighbours unchanged", "[hostile]") {
  if (!have_plugins({"tokenizer", "quotes", "geotag", "summarizer"})) return;
  TempDir dir;
  std::string spaces_text = "Every space:";
  for (const auto& s : kSpaces) spaces_text += s + "word" + s + "Said" + s + "Paris." + s;
  std::string quotes_text = "Every quote:";
  for (const auto& q : kQuotes) quotes_text += " " + q + "Yes," + q + " said Tom in Rome. " + q + "No" + q + ".";
  for (const auto& q : kQuotes) quotes_text += q;  // a run of unbalanced marks at the end

  // Processed: each of these is a valid JSON line.
  const std::map<std::string, std::string> processed = {
      {"invalid-utf8",
       "Bytes \xff\xfe, a cut \xe2\x82 sequence, overlong \xc0\xaf, a lone \xed\xa0\x80 surrogate. "
       "\"Fine,\" said Ann in Boston."},
      {"nul", "A NUL \0 inside. \"Yes,\" he said in Madrid.\0"s},
      {"crlf", "First line.\r\nSecond line in Paris.\r\n\r\n\"A quote,\" she said.\r\n"},
      {"lone-cr", "First line.\rSecond line in Paris.\r\r\"A quote,\" she said.\r"},
      {"bom",
       "\xef\xbb\xbf\"It starts with a BOM,\" said Lee in Oslo. \xef\xbb\xbf"
       "And one inside."},
      {"spaces", spaces_text},
      {"quotes", quotes_text},
      {"empty", ""},
      {"controls", "\x01\x02\x03\x1b[31mred\x1b[0m \x7f said \x08\x08 Bob."},
  };
  std::vector<std::string> hostile;
  for (const auto& [id, text] : processed) hostile.push_back(jsonl_line(id, text));
  // Refused: broken JSON lines, each recorded in the errors file.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  hostile.push_back("{\"id\":\"raw-nul\",\"text\":\"a raw NUL \0 byte in a JSON string\"}\n"s);
  hostile.push_back("{\"id\":\"deep\",\"text\":\"deep meta\",\"meta\":" + deep + "}\n");
  hostile.push_back("{\"id\":\"truncated\",\"text\":\"no end\n");
  hostile.push_back("\xff\xfe\x00\x01 binary garbage \x89PNG\r\x1a\n"s);
  hostile.push_back("\xef\xbb\xbf{\"id\":\"bom-line\",\"text\":\"A BOM before the JSON object.\"}\r\n");

  const MixedRun run = run_between_neighbours(dir, news_pipeline(), "small", hostile);
  for (const auto& [id, text] : processed) {
    INFO("hostile document " << id);
    CHECK_FALSE(line_of(run.lines, id).empty());
  }
  CHECK(line_of(run.lines, "invalid-utf8").find("_utf8_repairs") != std::string::npos);
  // Every line of input is either written or recorded: nothing is lost silently.
  const auto errors = lines_of(run.errors);
  CHECK(run.lines.size() + errors.size() == 2 * hostile.size() + 1);
  // Refused while reading: the raw NUL, the deep nesting, the truncated line and the garbage.
  INFO(run.errors);
  // A BOM before a line's JSON may be read past or refused; either way the line is accounted for.
  const bool bom_line_read = !line_of(run.lines, "bom-line").empty();
  CHECK(errors.size() == (bom_line_read ? 4U : 5U));
  CHECK(run.errors.find("nested deeper than") != std::string::npos);
}

TEST_CASE("deeply nested JSON is refused in time linear in its depth", "[hostile]") {
  if (!have_plugins({"tokenizer"})) return;
  TempDir dir;
  const auto p = tokenizer_pipeline(dir);
  check_linear(
      dir, p, scaled(16 * kMiB),
      [](std::size_t n) {
        return with_neighbours("{\"id\":\"deep\",\"text\":\"x\",\"meta\":" + std::string(n / 2, '[') +
                               std::string(n / 2, ']') + "}\n");
      },
      "", 1);
  CHECK(dir.read("timed.out.jsonl.errors.jsonl").find("\"line\":2") != std::string::npos);
}

TEST_CASE("a 50 MB document is tokenized in time linear in its size", "[hostile]") {
  if (!have_plugins({"tokenizer"})) return;
  TempDir dir;
  const auto p = tokenizer_pipeline(dir);
  check_linear(dir, p, scaled(50 * kMiB), [](std::size_t n) { return with_neighbours(jsonl_line("big", prose(n))); });
  CHECK(dir.read("timed.out.jsonl").find("{\"id\":\"big\",") != std::string::npos);
}

TEST_CASE("10 MB without whitespace is tokenized in time linear in its size", "[hostile]") {
  if (!have_plugins({"tokenizer"})) return;
  TempDir dir;
  const auto p = tokenizer_pipeline(dir);
  check_linear(dir, p, scaled(10 * kMiB),
               [](std::size_t n) { return with_neighbours(jsonl_line("dense", no_whitespace(n))); });
  CHECK(dir.read("timed.out.jsonl").find("{\"id\":\"dense\",") != std::string::npos);
}

TEST_CASE("a 100 MB JSON line over --max-doc-bytes is refused while reading, in linear time", "[hostile]") {
  if (!have_plugins({"tokenizer"})) return;
  TempDir dir;
  const auto p = tokenizer_pipeline(dir);
  const std::size_t limit = scaled(16 * kMiB);
  check_linear(
      dir, p, scaled(100 * kMiB), [](std::size_t n) { return with_neighbours(jsonl_line("huge", no_whitespace(n))); },
      fmt::format("--max-doc-bytes {}", limit), 1);
  const std::string errors = dir.read("timed.out.jsonl.errors.jsonl");
  CHECK(errors.find("\"line\":2") != std::string::npos);
  CHECK(dir.read("timed.out.jsonl").find("\"id\":\"huge\"") == std::string::npos);
}

TEST_CASE("a big document with only line ends, quotes and spaces is tokenized in linear time", "[hostile]") {
  if (!have_plugins({"tokenizer"})) return;
  TempDir dir;
  const auto p = tokenizer_pipeline(dir);
  std::string unit = "\r\n\r";
  for (const auto& s : kSpaces) unit += s;
  for (const auto& q : kQuotes) unit += q;
  check_linear(dir, p, scaled(8 * kMiB), [&unit](std::size_t n) {
    std::string text;
    while (text.size() + unit.size() <= n) text += unit;
    return with_neighbours(jsonl_line("marks", text));
  });
}

TEST_CASE("a pipeline file cannot load a plugin by path, only by name from the plugin path", "[hostile]") {
  TempDir dir;
  // A real plugin library copied outside the plugin path, named by its path.
  const fs::path outside = fs::path(dir.path()) / "evil" / "keywords.so";
  fs::create_directories(outside.parent_path());
  fs::copy_file(fs::path(DOCPIPE_TEST_PLUGIN_ROOT) / "good" / "keywords.so", outside);
  const auto p = dir.write("p.yaml", fmt::format("pipeline: p\nstages:\n  - plugin: {}\n  - plugin: ../evil/keywords\n",
                                                 outside.string()));
  const auto in = dir.write("in.jsonl", jsonl_line("a", "text"));
  const auto r = run_command(docpipe_cmd(fmt::format("run {} {} -o {}/out.jsonl", p, in, dir.path())));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("p.yaml:3:13: unknown plugin '" + outside.string() + "'") &&
                        Catch::Contains("p.yaml:4:13: unknown plugin '../evil/keywords'"));
  CHECK_FALSE(fs::exists(dir.path() + "/out.jsonl"));
}
