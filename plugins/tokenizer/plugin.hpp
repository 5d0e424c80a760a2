#pragma once
// Entry point of the tokenizer plugin (exported with DOCPIPE_PLUGIN).

#include <docpipe/sdk/plugin.hpp>

namespace docpipe::tokenizer {

/// The plugin's description: layers, options and the stage factory.
[[nodiscard]] PluginInfo describe();

}  // namespace docpipe::tokenizer
