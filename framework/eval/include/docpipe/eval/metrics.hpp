#pragma once
// The scoring primitives behind `docpipe eval`: span P/R/F1, golden-rule
// checks, quote matching, toponym recognition and resolution, and ROUGE as
// ROUGE-1.5.5 computes it. Pure functions over spans and strings.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docpipe::eval {

/// A half-open byte span [begin, end) of a document's text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  [[nodiscard]] std::uint32_t size() const { return end > begin ? end - begin : 0; }
  friend auto operator<=>(const Span&, const Span&) = default;
};

/// Bytes shared by two spans (0 when they are disjoint).
[[nodiscard]] std::uint32_t overlap(Span a, Span b);

/// Match counts behind precision, recall and F1 (micro-averaged by summing).
struct Counts {
  std::size_t matched = 0;    ///< true positives
  std::size_t predicted = 0;  ///< predictions scored
  std::size_t gold = 0;       ///< gold items scored
  /// matched / predicted; 0 when nothing was predicted.
  [[nodiscard]] double precision() const;
  /// matched / gold; 0 when there is no gold item.
  [[nodiscard]] double recall() const;
  /// Harmonic mean of precision and recall; 0 when both are 0.
  [[nodiscard]] double f1() const;
  Counts& operator+=(const Counts& other);
};

/// `span` without leading and trailing Unicode white space (clamped to the text).
[[nodiscard]] Span trim_space(std::string_view text, Span span);
/// `span` without leading and trailing white space and Unicode punctuation
/// (quote marks included).
[[nodiscard]] Span trim_space_punct(std::string_view text, Span span);

/// Exact-span P/R/F1: both sides trimmed of white space, white-space-only
/// spans dropped, duplicates counted once.
[[nodiscard]] Counts score_spans(std::string_view text, const std::vector<Span>& predicted,
                                 const std::vector<Span>& gold);

/// The spans only one side has, after the trimming score_spans does.
struct SpanDifference {
  std::vector<Span> missed;    ///< gold spans not predicted
  std::vector<Span> spurious;  ///< predicted spans not in the gold
};
[[nodiscard]] SpanDifference span_difference(std::string_view text, const std::vector<Span>& predicted,
                                             const std::vector<Span>& gold);

/// True when the predicted sentences, each stripped of white space (empty
/// ones dropped), are exactly the `expected` strings (also stripped): the
/// pySBD golden-rule test.
[[nodiscard]] bool sentences_equal(std::string_view text, const std::vector<Span>& predicted,
                                   const std::vector<std::string>& expected);

/// One-to-one matching of predicted to gold spans. A pair qualifies when the
/// spans overlap by more than 0 bytes and by at least `min_ratio` times the
/// longer of the two; pairs are taken greedily by overlap, largest first.
/// Returns (predicted index, gold index) pairs.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> match_overlapping(const std::vector<Span>& predicted,
                                                                                 const std::vector<Span>& gold,
                                                                                 double min_ratio);

/// A quote as scored: its content span and the speaker mention, if any.
struct QuoteItem {
  Span span;
  std::optional<Span> speaker;
};

/// Quote scores summed over documents.
struct QuoteCounts {
  Counts detection;                 ///< matched: overlap >= half the longer span
  Counts exact;                     ///< matched: equal after trimming space and punctuation
  std::size_t with_speaker = 0;     ///< detected gold quotes that have a gold speaker
  std::size_t speaker_correct = 0;  ///< ... whose predicted speaker overlaps it
  Counts end_to_end;                ///< matched and correctly attributed
  /// speaker_correct / with_speaker; 0 when there is none.
  [[nodiscard]] double speaker_accuracy() const;
  QuoteCounts& operator+=(const QuoteCounts& other);
};

/// Which quotes of one document went wrong (indices into the inputs).
struct QuoteDetails {
  std::vector<std::size_t> missed;                                 ///< gold quotes not detected
  std::vector<std::size_t> spurious;                               ///< predictions matching no gold quote
  std::vector<std::pair<std::size_t, std::size_t>> misattributed;  ///< (predicted, gold) detected, not attributed
};

/// Scores one document's quotes. A matched pair is correctly attributed
/// when the gold speaker span and the predicted one overlap, or when
/// neither side has a speaker. Fills `details` when given.
[[nodiscard]] QuoteCounts score_quotes(std::string_view text, const std::vector<QuoteItem>& predicted,
                                       const std::vector<QuoteItem>& gold, QuoteDetails* details = nullptr);

/// Great-circle distance in km between two (lat, lon) points in degrees
/// (haversine, mean Earth radius 6371.0088 km).
[[nodiscard]] double haversine_km(double lat1, double lon1, double lat2, double lon2);

/// A gold toponym as scored.
struct GoldPlace {
  Span span;
  std::optional<std::pair<double, double>> coordinates;  ///< (lat, lon)
  /// False for gold annotations of a type that is not scored: predictions
  /// on them are neither right nor wrong.
  bool counted = true;
};

/// A predicted place.
struct PredictedPlace {
  Span span;
  double lat = 0.0;
  double lon = 0.0;
};

/// Place scores summed over documents.
struct PlaceCounts {
  Counts exact;    ///< recognition, exact span match
  Counts overlap;  ///< recognition, any overlap (one-to-one)
  /// Error in km of each overlap-matched gold toponym that has coordinates.
  std::vector<double> errors_km;
  PlaceCounts& operator+=(const PlaceCounts& other);
};

/// Which places of one document went wrong (indices into the inputs).
struct PlaceDetails {
  std::vector<std::size_t> missed;    ///< counted gold toponyms no prediction overlaps
  std::vector<std::size_t> spurious;  ///< scored predictions overlapping no counted gold toponym
  std::vector<std::pair<std::size_t, std::size_t>> resolved;  ///< (predicted, gold) pairs behind errors_km, in order
};

/// Scores one document's places. Predictions that overlap only uncounted
/// gold annotations are ignored. Fills `details` when given.
[[nodiscard]] PlaceCounts score_places(std::string_view text, const std::vector<PredictedPlace>& predicted,
                                       const std::vector<GoldPlace>& gold, PlaceDetails* details = nullptr);

/// Resolution metrics over a list of errors.
struct ResolutionScores {
  std::size_t count = 0;
  double accuracy_161km = 0.0;  ///< share of errors < 161 km
  double mean_km = 0.0;
  double median_km = 0.0;
  /// Area under the curve of sorted ln(1 + error), trapezoidal rule,
  /// normalised by ln(20039) (Gritta et al. 2018): 0 best, 1 worst.
  double auc = 0.0;
};

/// Accuracy@161 km, mean, median and AUC of `errors_km` (all 0 when empty).
[[nodiscard]] ResolutionScores resolution_scores(std::vector<double> errors_km);

/// Precision, recall and F1 of one ROUGE measure.
struct RougePrf {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
};

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum of one candidate summary.
struct RougeScores {
  RougePrf rouge1;
  RougePrf rouge2;
  RougePrf rouge_lsum;
};

/// ROUGE as ROUGE-1.5.5 computes it with `-n 2 -z SPL` (and `-m` when
/// stemming): text lowercased, every run of characters outside [a-z0-9]
/// separates tokens, tokens longer than 3 characters Porter-stemmed when
/// asked; ROUGE-Lsum is the summary-level union LCS over sentences (one per
/// line). Not thread-safe (the stemmer keeps state).
///
///   docpipe::eval::RougeScorer rouge(false);
///   auto s = rouge.score({"the cat sat"}, {"the cat"});  // s.rouge1.recall == 2/3
class RougeScorer {
 public:
  explicit RougeScorer(bool stem);
  ~RougeScorer();
  RougeScorer(const RougeScorer&) = delete;
  RougeScorer& operator=(const RougeScorer&) = delete;

  /// Tokens of `text` as ROUGE sees them.
  [[nodiscard]] std::vector<std::string> tokenize(std::string_view text) const;
  /// Scores a candidate against one reference, each given as sentences.
  [[nodiscard]] RougeScores score(const std::vector<std::string>& reference_sentences,
                                  const std::vector<std::string>& candidate_sentences) const;

 private:
  struct Stemmer;
  std::unique_ptr<Stemmer> stemmer_;
};

/// Splits `text` at newlines into sentences, dropping blank lines.
[[nodiscard]] std::vector<std::string> split_lines(std::string_view text);

}  // namespace docpipe::eval
