#pragma once
// Where `docpipe eval` gets its predictions: a pipeline run in-process over
// the gold texts, or an existing docpipe output file.

#include <docpipe/eval/gold.hpp>
#include <docpipe/framework/pipeline.hpp>
#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace docpipe::eval {

/// The pipeline's output for one gold document.
struct Prediction {
  Document doc;
  std::string error;  ///< why the pipeline failed on it; "" when it did not
};

/// Runs `pipeline` over the id and text of each gold document, `threads` at
/// a time (0: all cores). Results are in gold order; a document that fails a
/// stage keeps its error and no layers.
[[nodiscard]] std::vector<Prediction> predict(const Pipeline& pipeline, const std::vector<GoldDocument>& gold,
                                              std::size_t threads);

/// A docpipe output file read by id.
struct PredictionFile {
  std::map<std::string, Document, std::less<>> documents;
  std::set<std::string, std::less<>> layers;  ///< layers present in any document
  std::size_t duplicates = 0;                 ///< ids seen again (the first one is kept)
};

/// Reads a docpipe JSONL output (layers as arrays of {begin, end, ...}).
/// A line without "text" (written with --no-text) takes `text_for(id)` when
/// that is not null. Throws docpipe::ConfigError naming file and line on a
/// bad line.
[[nodiscard]] PredictionFile read_predictions(
    const std::filesystem::path& file,
    const std::function<const std::string*(const std::string& id)>& text_for = nullptr);

}  // namespace docpipe::eval
