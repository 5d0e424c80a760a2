// `docpipe validate FILE`: checks a pipeline without reading documents.

#include "commands.hpp"

#include <docpipe/framework/pipeline.hpp>

#include <fmt/format.h>

#include <iostream>

namespace docpipe::app {

void add_validate_command(CLI::App& app, GlobalOptions& globals) {
  auto* cmd = app.add_subcommand("validate", "Check a pipeline file against the plugins found, without running it");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("pipeline", *files, "Pipeline YAML file(s)")->required();
  cmd->callback([&globals, files] {
    for (const auto& file : *files) {
      const PipelineSpec spec = read_pipeline_file(file);
      const auto stages = resolve_pipeline(spec, globals.registry());
      std::vector<std::string> names;
      for (const auto& s : stages) names.push_back(s.plugin->info.name);
      std::cout << fmt::format("{}: ok ({} stages: {})\n", file, names.size(), fmt::join(names, " -> "));
    }
  });
}

}  // namespace docpipe::app
