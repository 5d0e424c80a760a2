// `docpipe merge INPUT... -o OUT`: shard outputs (--shard) and MPI output
// directories (--mpi) joined into the output a single-process run writes.

#include "commands.hpp"

#include <docpipe/framework/distributed.hpp>

#include <spdlog/spdlog.h>

namespace docpipe::app {

void add_merge_command(CLI::App& app, GlobalOptions& /*globals*/) {
  auto options = std::make_shared<MergeOptions>();
  auto* cmd =
      app.add_subcommand("merge", "Join --shard outputs or --mpi output directories into one JSONL in input order");
  cmd->add_option("inputs", options->inputs,
                  "Shard outputs (OUTPUT with OUTPUT.manifest.jsonl beside it) and --mpi output directories")
      ->required();
  cmd->add_option("-o,--output", options->output, "Merged JSONL file, or - for stdout")->capture_default_str();
  cmd->add_option("--errors", options->errors,
                  "Where the merged failures go; default OUTPUT.errors.jsonl (none for stdout)");
  cmd->callback([options] {
    const MergeStats stats = merge_outputs(*options);
    spdlog::info("merged {} parts: {} documents, {} failed", stats.parts, stats.documents, stats.failed);
    if (!stats.errors_file.empty()) spdlog::info("failed documents are listed in {}", stats.errors_file);
  });
}

}  // namespace docpipe::app
