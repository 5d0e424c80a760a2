#pragma once
// Entry point of the summarizer plugin (exported with DOCPIPE_PLUGIN).

#include <docpipe/sdk/plugin.hpp>

namespace docpipe::summarizer {

/// The plugin's description: layers, options and the stage factory.
[[nodiscard]] PluginInfo describe();

}  // namespace docpipe::summarizer
