// Fuzz target: the pipeline loader on raw bytes. Every input ends in a
// PipelineSpec or a ConfigError naming the file; resolving the spec against
// an empty registry and against the built plugins ends in stages or a
// ConfigError. Anything else (another exception, a crash, a hang, memory
// beyond libFuzzer's limit) is a finding.

#include "fuzz_support.hpp"

#include <docpipe/framework/pipeline.hpp>
#include <docpipe/framework/plugin_registry.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

void resolve(const docpipe::PipelineSpec& spec, const docpipe::PluginRegistry& registry) {
  try {
    (void)docpipe::resolve_pipeline(spec, registry);
  } catch (const docpipe::ConfigError& e) {
    if (std::string(e.what()).find("fuzz.yaml") == std::string::npos)
      docpipe::fuzz::fail(fmt::format("a resolve error does not name the file: {}", e.what()));
  }
}

const docpipe::PluginRegistry& plugins() {
  // Missing plugins only make resolution fail earlier; the target runs without them.
  static const auto* instance = new docpipe::PluginRegistry({std::filesystem::path(DOCPIPE_FUZZ_PLUGIN_DIR)});
  return *instance;  // never destroyed: plugin code stays loaded until the process ends
}

}  // namespace

// Loads the plugins before fuzzing starts, so their coverage counters are known from the first input.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)plugins();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const docpipe::PluginRegistry empty({});
  docpipe::PipelineSpec spec;
  try {
    spec = docpipe::parse_pipeline(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const docpipe::ConfigError& e) {
    if (std::string(e.what()).find("fuzz.yaml") == std::string::npos)
      docpipe::fuzz::fail(fmt::format("a pipeline file error does not name the file: {}", e.what()));
    return 0;
  }
  resolve(spec, empty);
  resolve(spec, plugins());
  return 0;
}
