#pragma once
// Scoring predicted documents against a gold set, and the report that
// `docpipe eval` prints (a table, or JSON).
//
//   auto gold = docpipe::eval::read_gold_file("dev.jsonl", std::nullopt);
//   docpipe::eval::Evaluator evaluator(gold.kind, {});
//   for (const auto& g : gold.documents) evaluator.add(g, predicted_for(g));
//   std::cout << docpipe::eval::format_table(evaluator.report());

#include <docpipe/eval/gold.hpp>
#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace docpipe::eval {

/// GeoWebNews types scored as toponyms by default: every kept type except
/// Demonym, Language and Homonym (no coordinates; not place names to a
/// geotagger). Gold without a type (LGL) is always scored.
[[nodiscard]] const std::set<std::string, std::less<>>& default_place_types();

/// What the evaluator scores.
struct EvalOptions {
  /// Layers to score (see Evaluator::known_layers); empty: all of them.
  std::set<std::string, std::less<>> layers;
  /// Porter-stem ROUGE tokens longer than 3 characters.
  bool stem = false;
  /// Gold toponym types scored; the other types' spans are ignored.
  std::set<std::string, std::less<>> place_types = default_place_types();
  /// Score every gold toponym type.
  bool all_place_types = false;
  /// Show the mistakes of up to this many documents per row (0: none).
  std::size_t examples = 0;
  /// Add 95% bootstrap intervals over documents with this many resamples (0: none).
  std::size_t bootstrap = 0;
};

/// One number of a report.
struct Cell {
  enum class Format { ratio, count, number };
  std::string key;
  double value = 0.0;
  Format format = Format::ratio;  ///< ratio: a share in [0, 1], shown as %
};

/// One line of a report table: a scored layer or category.
struct Row {
  std::string name;  ///< unique in the report; the JSON key
  std::vector<Cell> cells;
};

struct Section {
  std::string title;
  std::vector<Row> rows;
};

/// The scores of one evaluation.
struct Report {
  std::string kind;
  std::string gold;           ///< the gold file, as named by the user ("" when unknown)
  std::string predictions;    ///< what was scored: "pipeline P.yaml" or "predictions OUT.jsonl"
  std::size_t documents = 0;  ///< gold documents scored
  std::size_t missing = 0;    ///< of which had no prediction (scored as empty)
  std::size_t failed = 0;     ///< of which failed in the pipeline (scored as empty)
  std::vector<Section> sections;
  std::vector<std::string> notes;
  /// Mistakes, one document and row a line (EvalOptions::examples).
  std::vector<std::string> examples;
};

/// The report as aligned text tables (ratios in %).
[[nodiscard]] std::string format_table(const Report& report);
/// The report as one JSON object: {"kind", "gold", "predictions",
/// "documents", "missing", "failed", "scores": {row: {key: value}},
/// "notes": [...], "examples": [...]}.
[[nodiscard]] std::string format_json(const Report& report);

/// Accumulates scores document by document. Not thread-safe.
class Evaluator {
 public:
  Evaluator(GoldKind kind, EvalOptions options);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  /// The layers a kind can score: tokens -> tokens, words, sentences; sbd ->
  /// sentences; quotes -> quotes; places -> places; summary -> summary.
  /// (`words` is scored from a predicted `words` layer if there is one, else
  /// from `tokens`.)
  [[nodiscard]] static std::vector<std::string> known_layers(GoldKind kind);

  /// Scores `predicted` (offsets into gold.text) against `gold`.
  void add(const GoldDocument& gold, const Document& predicted);
  /// Scores a document with no prediction: as an empty prediction.
  void add_missing(const GoldDocument& gold);
  /// Scores a document the pipeline failed on: as an empty prediction.
  void add_failed(const GoldDocument& gold);

  [[nodiscard]] Report report() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace docpipe::eval
