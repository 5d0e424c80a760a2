// Fuzz target: the summarizer after the tokenizer, on raw bytes (repaired to UTF-8 as the reader
// does), through the real plugin built beside this target. Checks the
// invariants of fuzz_support.hpp on every document the stages accept.

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>

namespace {
constexpr const char* kPipeline = "pipeline: fuzz-summarizer\nstages:\n  - plugin: tokenizer\n  - plugin: summarizer\n";
}  // namespace

// Loads the plugins before fuzzing starts, so their coverage counters are known from the first input.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  docpipe::Document empty{"init", ""};
  (void)docpipe::fuzz::run_stages(kPipeline, empty);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  docpipe::Document doc{"fuzz", docpipe::fuzz::repaired_text(data, size)};
  if (docpipe::fuzz::run_stages(kPipeline, doc)) docpipe::fuzz::check_invariants(doc);
  return 0;
}
