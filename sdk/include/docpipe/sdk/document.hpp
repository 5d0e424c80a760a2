#pragma once
// The document model every stage reads and extends: the text (never
// modified), id, meta, and named layers of annotations with byte offsets.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace docpipe {

/// Byte offset into Document::text (UTF-8), spans are half-open [begin, end).
using Offset = std::uint32_t;

/// What kind of token a span is; written as the token's `kind` field.
enum class TokenKind : std::uint8_t { word, number, punct, symbol, url, email, emoji, other };

/// Name of a token kind as written in JSON ("word", "punct", ...).
[[nodiscard]] std::string_view to_string(TokenKind kind);
/// The token kind named `name`, or nullopt.
[[nodiscard]] std::optional<TokenKind> token_kind_from_string(std::string_view name);

struct Paragraph {
  Offset begin = 0;
  Offset end = 0;
  friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

struct Sentence {
  Offset begin = 0;
  Offset end = 0;
  friend bool operator==(const Sentence&, const Sentence&) = default;
};

struct Token {
  Offset begin = 0;
  Offset end = 0;
  TokenKind kind = TokenKind::word;
  friend bool operator==(const Token&, const Token&) = default;
};

enum class QuoteKind : std::uint8_t { direct, mixed, indirect };

/// Name of a quote kind as written in JSON ("direct", "mixed", "indirect").
[[nodiscard]] std::string_view to_string(QuoteKind kind);
/// The quote kind named `name`, or nullopt.
[[nodiscard]] std::optional<QuoteKind> quote_kind_from_string(std::string_view name);

/// Something said. [begin, end) is the quoted content without its marks.
struct Quote {
  Offset begin = 0;
  Offset end = 0;
  /// The mention the attribution rests on ("he", "the spokesman"), if any.
  std::optional<std::pair<Offset, Offset>> speaker_span;
  /// The resolved speaker ("Dmitry Medvedev"), if any.
  std::optional<std::string> speaker;
  /// The speech cue ("said", "according to"), if any.
  std::optional<std::pair<Offset, Offset>> cue_span;
  QuoteKind kind = QuoteKind::direct;
  double confidence = 1.0;
  friend bool operator==(const Quote&, const Quote&) = default;
};

/// A place name resolved to a point on the map.
struct Place {
  Offset begin = 0;
  Offset end = 0;
  std::string name;     ///< canonical name ("Moscow")
  double lat = 0.0;
  double lon = 0.0;
  std::optional<std::int64_t> geonameid;
  std::string country;  ///< ISO 3166-1 alpha-2, empty when none (a continent)
  std::string feature;  ///< GeoNames feature code: PPLC, PPL, ADM1, PCLI, CONT, ...
  double confidence = 1.0;
  friend bool operator==(const Place&, const Place&) = default;
};

/// One sentence chosen for the summary.
struct SummarySentence {
  Offset begin = 0;
  Offset end = 0;
  double score = 0.0;
  friend bool operator==(const SummarySentence&, const SummarySentence&) = default;
};

/// Attribute value of a custom-layer annotation.
using Value = std::variant<std::string, std::int64_t, double, bool>;

/// One annotation of a custom layer: a span plus typed attributes.
struct Annotation {
  Offset begin = 0;
  Offset end = 0;
  std::map<std::string, Value, std::less<>> attributes;
  friend bool operator==(const Annotation&, const Annotation&) = default;
};

/// Names of the core layers, in the order they are written.
inline constexpr std::string_view kCoreLayers[] = {"paragraphs", "sentences", "tokens",
                                                   "quotes",     "places",    "summary"};

/// True when `name` is one of kCoreLayers.
[[nodiscard]] bool is_core_layer(std::string_view name);

/// A document in flight.
///
///   docpipe::Document doc{"doc-1", "Hello world."};
///   doc.sentences.push_back({0, 12});
///   doc.mark_present("sentences");
///
/// Core layers are plain vectors; a layer is *present* once something
/// provides it (the host marks the layers a stage declares it provides after
/// the stage ran, and the reader marks the layers it read), so an empty
/// present layer is written as `[]` and an absent one not at all.
class Document {
 public:
  Document() = default;
  Document(std::string doc_id, std::string doc_text) : id(std::move(doc_id)), text(std::move(doc_text)) {}

  std::string id;
  std::string text;  ///< valid UTF-8; stages never modify it
  /// The input record's other fields, each kept as its raw JSON text.
  std::vector<std::pair<std::string, std::string>> meta;

  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Quote> quotes;
  std::vector<Place> places;
  std::vector<SummarySentence> summary;

  /// The meta field `key` if it is a JSON string, unescaped; else nullopt.
  [[nodiscard]] std::optional<std::string> meta_string(std::string_view key) const;

  /// The custom layer `name`, created (and marked present) if missing.
  /// Core layer names are refused with std::invalid_argument.
  std::vector<Annotation>& layer(std::string_view name);
  /// The custom layer `name`, or nullptr when absent.
  [[nodiscard]] const std::vector<Annotation>* find_layer(std::string_view name) const;
  /// Custom layers by name.
  [[nodiscard]] const std::map<std::string, std::vector<Annotation>, std::less<>>& custom_layers() const {
    return custom_;
  }

  /// Marks layer `name` (core or custom) present.
  void mark_present(std::string_view name);
  /// True when layer `name` is present.
  [[nodiscard]] bool has_layer(std::string_view name) const;
  /// Names of the present layers.
  [[nodiscard]] const std::set<std::string, std::less<>>& present_layers() const { return present_; }

  /// The text of [begin, end) as a view (clamped to the text).
  [[nodiscard]] std::string_view slice(Offset begin, Offset end) const;

  friend bool operator==(const Document&, const Document&) = default;

 private:
  std::map<std::string, std::vector<Annotation>, std::less<>> custom_;
  std::set<std::string, std::less<>> present_;
};

}  // namespace docpipe
