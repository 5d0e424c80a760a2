// `docpipe validate FILE...`: checks pipelines without reading documents.

#include "commands.hpp"

#include <docpipe/framework/pipeline.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>

namespace docpipe::app {

void add_validate_command(CLI::App& app, GlobalOptions& globals) {
  auto* cmd = app.add_subcommand("validate",
                                 "Check pipeline files against the plugins found and create their stages, without "
                                 "reading documents; every file is checked");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("pipeline", *files, "Pipeline YAML file(s)")->required();
  cmd->callback([&globals, files] {
    // Each file is checked as `run` would check it, stages created (so a
    // plugin's own refusals show), and a bad file does not hide the others.
    for (const auto& file : *files) {
      try {
        const PipelineSpec spec = read_pipeline_file(file);
        const auto stages = resolve_pipeline(spec, globals.registry());
        const Pipeline pipeline(stages, spec);
        const auto names = pipeline.stage_names();
        if (names.empty()) {
          std::cout << fmt::format("{}: ok (0 stages: documents pass through)\n", file) << std::flush;
        } else {
          std::cout << fmt::format("{}: ok ({} stages: {})\n", file, names.size(), fmt::join(names, " -> "))
                    << std::flush;
        }
      } catch (const ConfigError& e) {
        spdlog::error("{}", e.what());
        globals.exit_code = kUsageError;
      } catch (const PluginError& e) {
        spdlog::error("{}", e.what());
        globals.exit_code = kUsageError;
      }
    }
  });
}

}  // namespace docpipe::app
