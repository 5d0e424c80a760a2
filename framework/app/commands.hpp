#pragma once
// The `docpipe` subcommands. Each add_*_command() registers one subcommand
// on the CLI11 app; its callback does the work and sets the exit code.

#include <CLI/CLI.hpp>

#include <docpipe/framework/plugin_registry.hpp>

#include <string>
#include <vector>

namespace docpipe::app {

/// Exit codes (documented in docs/cli.md).
enum ExitCode : int { kSuccess = 0, kSomeDocumentsFailed = 1, kUsageError = 2 };

/// Options every subcommand shares.
struct GlobalOptions {
  std::vector<std::string> plugin_path;
  int exit_code = kSuccess;
  /// The plugin registry over the search path (built on first use).
  const PluginRegistry& registry();

 private:
  std::unique_ptr<PluginRegistry> registry_;
};

void add_plugins_command(CLI::App& app, GlobalOptions& globals);
void add_describe_command(CLI::App& app, GlobalOptions& globals);
void add_validate_command(CLI::App& app, GlobalOptions& globals);
void add_run_command(CLI::App& app, GlobalOptions& globals);
void add_merge_command(CLI::App& app, GlobalOptions& globals);
void add_eval_command(CLI::App& app, GlobalOptions& globals);
void add_view_command(CLI::App& app, GlobalOptions& globals);

}  // namespace docpipe::app
