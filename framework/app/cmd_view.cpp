// `docpipe view OUT.jsonl... [-o REPORT.html] [--doc ID]`: one self-contained
// HTML page showing what a pipeline found (docs/viewer.md).

#include "commands.hpp"

#include <docpipe/framework/reader.hpp>
#include <docpipe/sdk/error.hpp>
#include <docpipe/view/report.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace docpipe::app {
namespace {

struct ViewArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> doc_ids;
  std::string title;
};

// Unreadable records warned about one by one before only their count is given.
constexpr std::size_t kWarnedRecords = 10;

// OUT.jsonl -> OUT.html beside it.
std::string default_output(const std::string& input) {
  if (input == "-") return "report.html";
  return std::filesystem::path(input).replace_extension(".html").string();
}

}  // namespace

void add_view_command(CLI::App& app, GlobalOptions& globals) {
  auto args = std::make_shared<ViewArgs>();
  auto* cmd = app.add_subcommand(
      "view",
      "Write one self-contained HTML report (no network needed to open it) of annotated documents; see "
      "docs/viewer.md");
  cmd->add_option("inputs", args->inputs, "docpipe output (JSONL, with its text), or - for stdin")->required();
  cmd->add_option("-o,--output", args->output,
                  "HTML file to write, or - for stdout (default: the first input with .html)");
  cmd->add_option("--doc", args->doc_ids, "Show only the document with this id (repeatable)")->type_name("ID");
  cmd->add_option("--title", args->title, "Report title (default: the input names)");
  cmd->callback([&globals, args] {
    const std::set<std::string, std::less<>> wanted(args->doc_ids.begin(), args->doc_ids.end());
    std::string title = args->title;
    if (title.empty()) {
      for (const auto& input : args->inputs) {
        title += (title.empty() ? "" : ", ") +
                 (input == "-" ? std::string("stdin") : std::filesystem::path(input).filename().string());
      }
    }
    view::Report report(title);
    std::set<std::string, std::less<>> found;
    DocumentReader reader(args->inputs);
    InputRecord record;
    std::size_t unreadable = 0;
    while (reader.next(record)) {
      if (!record.doc) {
        const auto where = record.line > 0 ? fmt::format("{}:{}", record.file, record.line) : record.file;
        // The first few on the terminal, a count for the rest; the report lists them all.
        if (++unreadable <= kWarnedRecords) spdlog::warn("{}: {}", where, record.error);
        if (wanted.empty()) report.add_error(fmt::format("{}: {}", where, record.error));
        globals.exit_code = kSomeDocumentsFailed;
        continue;
      }
      if (!wanted.empty() && !wanted.contains(record.doc->id)) continue;
      found.insert(record.doc->id);
      report.add(*record.doc);
    }
    if (unreadable > kWarnedRecords) {
      spdlog::warn("{} more unreadable records not shown ({} in all)", unreadable - kWarnedRecords, unreadable);
    }
    for (const auto& id : wanted) {
      if (!found.contains(id)) throw ConfigError(fmt::format("--doc: no document with id '{}' in the input", id));
    }
    if (report.size() == 0) throw ConfigError("no documents to show: the input has no readable record");

    const std::string output = args->output.empty() ? default_output(args->inputs.front()) : args->output;
    if (output == "-") {
      report.write(std::cout);
      std::cout.flush();
    } else {
      std::ofstream out(output, std::ios::binary | std::ios::trunc);
      if (!out) throw ConfigError(fmt::format("cannot write {}", output));
      report.write(out);
      out.close();
      if (!out) throw Error(fmt::format("writing {} failed", output));
      spdlog::info("wrote {} ({} documents)", output, report.size());
    }
  });
}

}  // namespace docpipe::app
