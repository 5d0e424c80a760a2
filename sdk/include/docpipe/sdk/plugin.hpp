#pragma once
// The plugin contract: a Stage processes documents, a PluginInfo describes a
// plugin and creates its stages, and DOCPIPE_PLUGIN exports the description
// with the ABI tag. A whole plugin:
//
//   #include <docpipe/sdk/plugin.hpp>
//   class Upper final : public docpipe::Stage {
//    public:
//     void process(docpipe::Document& doc) const override { ... }
//   };
//   docpipe::PluginInfo describe() {
//     return {.name = "upper", .version = "1.0.0", .summary = "...",
//             .provides = {"upper"},
//             .create = [](const docpipe::StageContext&) { return std::make_unique<Upper>(); }};
//   }
//   DOCPIPE_PLUGIN(describe)

#include <docpipe/sdk/document.hpp>
#include <docpipe/sdk/error.hpp>
#include <docpipe/sdk/options.hpp>
#include <docpipe/sdk/version.hpp>

#include <spdlog/logger.h>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace docpipe {

/// One step of a pipeline. process() is called concurrently from several
/// threads with different documents, hence const: load heavy resources in
/// the constructor and share them read-only. Throw docpipe::DocumentError
/// (or any exception) to fail one document; the host names stage and document.
class Stage {
 public:
  virtual ~Stage();
  /// Reads the layers the plugin requires and adds the ones it provides.
  virtual void process(Document& doc) const = 0;
};

/// What the host hands a plugin when it creates a stage.
struct StageContext {
  const Config& config;                    ///< validated options
  std::shared_ptr<spdlog::logger> logger;  ///< "plugin.<name>"; never configure its sinks
  std::filesystem::path data_dir;          ///< <plugin dir>/<name>/: data shipped with the plugin
};

/// A plugin's description and factory.
struct PluginInfo {
  std::string name;     ///< unique on the plugin path; [a-z0-9_-]+
  std::string version;  ///< the plugin's own version
  std::string summary;  ///< one line
  std::vector<std::string> requires_layers;  ///< layers an earlier stage must provide
  std::vector<std::string> provides;         ///< layers this plugin adds
  std::vector<OptionSpec> options;
  /// Creates a stage; throws ConfigError (see Config::error) on bad options.
  std::function<std::unique_ptr<Stage>(const StageContext&)> create;
};

/// Signature of the function DOCPIPE_PLUGIN exports.
using DescribeFunction = PluginInfo();

}  // namespace docpipe

/// Exports `describe_function` (a `docpipe::PluginInfo()` function) as the
/// plugin's entry point, together with the ABI tag. Use once per plugin.
#define DOCPIPE_PLUGIN(describe_function)                          \
  BOOST_DLL_ALIAS(describe_function, docpipe_plugin_describe)      \
  extern "C" BOOST_SYMBOL_EXPORT const char DOCPIPE_ABI_SYMBOL[];  \
  extern "C" BOOST_SYMBOL_EXPORT const char DOCPIPE_ABI_SYMBOL[] = DOCPIPE_ABI_TAG;
