// `docpipe run PIPELINE INPUT... [-o OUT]`: the batch job.

#include "commands.hpp"

#include <docpipe/framework/pipeline.hpp>
#include <docpipe/framework/runner.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <sstream>

namespace docpipe::app {
namespace {

struct RunArgs {
  std::string pipeline;
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string errors;
  std::string layers;
  bool no_text = false;
  std::size_t threads = 0;
  std::string on_error = "continue";
};

std::set<std::string, std::less<>> parse_layers(const std::string& list) {
  std::set<std::string, std::less<>> layers;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) layers.insert(item);
  }
  return layers;
}

}  // namespace

void add_run_command(CLI::App& app, GlobalOptions& globals) {
  auto args = std::make_shared<RunArgs>();
  auto* cmd = app.add_subcommand("run", "Run a pipeline over documents and write annotated JSONL");
  cmd->add_option("pipeline", args->pipeline, "Pipeline YAML file")->required()->check(CLI::ExistingFile);
  cmd->add_option("inputs", args->inputs,
                  "Inputs: .jsonl files ({\"id\",\"text\",...} per line), text files (one document each, id = "
                  "path), or - for JSONL on stdin")
      ->required();
  cmd->add_option("-o,--output", args->output, "Output JSONL file, or - for stdout")->capture_default_str();
  cmd->add_option("--errors", args->errors,
                  "Where failed documents are recorded (JSONL); default OUTPUT.errors.jsonl, none for stdout");
  cmd->add_option("--layers", args->layers,
                  "Comma-separated layers to write (default: every layer but tokens)");
  cmd->add_flag("--no-text", args->no_text, "Leave the text out of the output");
  cmd->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  cmd->add_option("--on-error", args->on_error, "continue: record failed documents and go on; stop: end the run")
      ->check(CLI::IsMember({"continue", "stop"}))
      ->capture_default_str();
  cmd->callback([&globals, args] {
    const PipelineSpec spec = read_pipeline_file(args->pipeline);
    const auto stages = resolve_pipeline(spec, globals.registry());
    const Pipeline pipeline(stages, spec);

    RunOptions options;
    options.inputs = args->inputs;
    options.output = args->output;
    options.errors = args->errors;
    options.threads = args->threads;
    options.stop_on_error = args->on_error == "stop";
    options.write.include_text = !args->no_text;
    if (!args->layers.empty()) {
      options.write.layers = parse_layers(args->layers);
      const auto provided = pipeline.provided_layers();
      for (const auto& layer : *options.write.layers) {
        if (std::find(provided.begin(), provided.end(), layer) == provided.end()) {
          spdlog::warn("--layers: no stage of {} provides '{}'; it is written only where the input has it",
                       args->pipeline, layer);
        }
      }
    }
    const RunStats stats = run_pipeline(pipeline, options);
    const double mb = static_cast<double>(stats.bytes) / 1e6;
    spdlog::info("{} documents written, {} failed, {:.1f} MB in {:.2f} s ({:.1f} MB/s)", stats.documents,
                 stats.failed, mb, stats.seconds, stats.seconds > 0 ? mb / stats.seconds : 0.0);
    if (stats.failed > 0) {
      if (!stats.errors_file.empty()) spdlog::warn("failed documents are listed in {}", stats.errors_file);
      globals.exit_code = kSomeDocumentsFailed;
    }
  });
}

}  // namespace docpipe::app
