// docpipe: runs YAML pipelines of plugins over documents.

#include "commands.hpp"

#include <docpipe/sdk/error.hpp>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <iostream>

namespace docpipe::app {

const PluginRegistry& GlobalOptions::registry() {
  if (!registry_) registry_ = std::make_unique<PluginRegistry>(plugin_search_path(plugin_path));
  return *registry_;
}

}  // namespace docpipe::app

int main(int argc, char** argv) {
  using namespace docpipe::app;
  // Documents come and go by the thousand a second on every thread; with
  // glibc's default (128 KiB, adaptive) each thread's heap was given back to
  // the kernel and faulted in again all the time (madvise and brk in the
  // thousands per GB of input). A few MB kept per thread is cheaper.
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  auto logger = spdlog::stderr_color_mt("docpipe");
  logger->set_pattern("docpipe: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::info);

  CLI::App app{"docpipe: runs YAML pipelines of plugins over documents (JSONL or text files)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "docpipe 1.0.0");
  GlobalOptions globals;
  app.add_option("--plugin-path", globals.plugin_path,
                 "Directory to search for plugins first (repeatable); then $DOCPIPE_PLUGIN_PATH, then the "
                 "plugins installed with docpipe")
      ->type_name("DIR");
  app.add_flag_callback("-v,--verbose", [] { spdlog::set_level(spdlog::level::debug); }, "Log more");
  app.add_flag_callback("-q,--quiet", [] { spdlog::set_level(spdlog::level::err); }, "Log errors only");

  // Global options may also follow the command (`docpipe run P IN -q`).
  app.fallthrough();
  add_run_command(app, globals);
  add_merge_command(app, globals);
  add_eval_command(app, globals);
  add_view_command(app, globals);
  add_validate_command(app, globals);
  add_plugins_command(app, globals);
  add_describe_command(app, globals);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kSuccess : kUsageError;
  } catch (const docpipe::ConfigError& e) {
    spdlog::error("{}", e.what());
    return kUsageError;
  } catch (const docpipe::PluginError& e) {
    spdlog::error("{}", e.what());
    return kUsageError;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kSomeDocumentsFailed;
  }
  return globals.exit_code;
}
