#pragma once
// Shared by the fuzz targets: a pipeline of the real plugins loaded once from
// the build's plugin directory, and the invariants every stage's output must
// keep whatever the input. A broken invariant aborts, which libFuzzer reports
// as a crash and the replay test as a failure.

#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace docpipe::fuzz {

/// Runs the stages of the pipeline file `yaml` (plugins found in the build's
/// plugin directory, loaded and created on the first call) on `doc`, each
/// stage called directly so that only a docpipe::DocumentError counts as a
/// refusal; any other exception escapes and ends the run as a crash. When a
/// plugin is not built, says so and exits with 77 (skipped, for CTest).
/// Returns false when a stage refused the document.
bool run_stages(const std::string& yaml, Document& doc);

/// Checks every core layer of `doc`: spans inside the text and on UTF-8
/// character boundaries, begin <= end, tokens non-empty, ordered and
/// disjoint, paragraphs and sentences ordered and disjoint, each sentence
/// inside a paragraph, every token inside a sentence, the summary in text
/// order, finite confidences in [0, 1], coordinates on the globe. Aborts with
/// a message naming the layer and index when one does not hold.
void check_invariants(const Document& doc);

/// The fuzz input as text, repaired to valid UTF-8 as the reader does.
[[nodiscard]] std::string repaired_text(const std::uint8_t* data, std::size_t size);

/// Prints `what` and aborts: a finding.
[[noreturn]] void fail(std::string_view what);

}  // namespace docpipe::fuzz
