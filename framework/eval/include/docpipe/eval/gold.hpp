#pragma once
// Gold files for `docpipe eval`: the formats of shared/eval/*/ (tokens and
// sentences, sentence-boundary golden rules, quotes, toponyms, summaries),
// read into one GoldDocument shape.

#include <docpipe/eval/metrics.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::eval {

/// What a gold file annotates.
enum class GoldKind { tokens, sbd, quotes, places, summary };

/// Name of a kind as on the command line ("tokens", "sbd", ...).
[[nodiscard]] std::string_view to_string(GoldKind kind);
/// The kind named `name`, or nullopt.
[[nodiscard]] std::optional<GoldKind> gold_kind_from_string(std::string_view name);

/// A gold quote record.
struct GoldQuote {
  Span span;
  std::string kind;  ///< direct, mixed or indirect
  std::optional<Span> speaker;
};

/// A gold toponym.
struct GoldToponym {
  Span span;
  std::optional<std::pair<double, double>> coordinates;  ///< (lat, lon)
  std::string type;  ///< GeoWebNews pragmatic type; "" when the source has none (LGL)
};

/// One gold document; only the fields of its kind are filled.
struct GoldDocument {
  std::string id;
  std::string text;
  /// The record's `title`, when it has one: handed to the pipeline as meta,
  /// as `docpipe run` would (the summarizer reads it).
  std::string title;
  // tokens: each set only when the file has the field.
  std::optional<std::vector<Span>> tokens;
  std::optional<std::vector<Span>> words;
  std::optional<std::vector<Span>> sentences;
  // sbd: the rule name and expected sentences (`sentences` holds their spans).
  std::string rule;
  std::vector<std::string> expected_sentences;
  std::vector<GoldQuote> quotes;
  std::vector<GoldToponym> toponyms;
  /// places: the record's `source` ("GeoWebNews", "LGL"), scored apart too.
  std::string source;
  /// Reference summaries, each with one sentence per line.
  std::vector<std::string> summaries;
};

/// The kind of a gold record, from its fields: `toponyms` -> places,
/// `quotes` -> quotes, `summaries` -> summary, `spans` with string
/// `sentences` -> sbd, `tokens`/`sentences` span arrays -> tokens. Throws
/// docpipe::ConfigError when the line is not JSON or matches no kind.
[[nodiscard]] GoldKind detect_gold_kind(std::string_view json_line);

/// Parses one gold line of `kind`. Throws docpipe::DocumentError saying what
/// is wrong.
[[nodiscard]] GoldDocument parse_gold(std::string_view json_line, GoldKind kind);

/// A gold file read whole.
struct GoldSet {
  GoldKind kind = GoldKind::tokens;
  std::vector<GoldDocument> documents;
};

/// Reads `file` (JSONL; blank lines skipped), detecting the kind from the
/// first record unless `kind` is given; at most `limit` documents when set.
/// Throws docpipe::ConfigError naming file and line on any problem.
[[nodiscard]] GoldSet read_gold_file(const std::filesystem::path& file, std::optional<GoldKind> kind,
                                     std::optional<std::size_t> limit = std::nullopt);

}  // namespace docpipe::eval
