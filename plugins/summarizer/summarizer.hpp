#pragma once
// The summarizer's engine: picks the sentences of a document that best
// summarize it, by lead position, TextRank, LexRank, or a combination of
// position, centrality and title overlap with redundancy control.
//
//   docpipe::summarizer::Options options;  // combined method, 3 sentences
//   options.stopwords = {"the", "a", "of"};
//   const docpipe::summarizer::Summarizer summarizer{options};
//   summarizer.annotate(doc);  // needs doc.tokens, doc.sentences, doc.paragraphs

#include "detail/pool.hpp"
#include "detail/terms.hpp"

#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace docpipe::summarizer {

enum class Method : std::uint8_t {
  combined,  ///< position + centrality + title overlap, MMR redundancy control
  lead,      ///< the first sentences
  textrank,  ///< PageRank on word-overlap similarity (Mihalcea & Tarau 2004)
  lexrank,   ///< PageRank on thresholded tf-idf cosine graph (Erkan & Radev 2004)
};

/// How the graph methods compare two sentences.
enum class SimilarityKind : std::uint8_t {
  overlap,  ///< TextRank's shared terms / (log |a| + log |b|)
  cosine,   ///< cosine of raw term counts
};

/// How long a summary is.
enum class LengthUnit : std::uint8_t {
  sentences,  ///< exactly `value` sentences (fewer only when fewer may be picked)
  words,      ///< as many sentences as fit in `value` words, never more
  ratio,      ///< round(value x the document's sentences), at least 1
};

struct Length {
  LengthUnit unit = LengthUnit::sentences;
  double value = 3;
};

struct Options {
  Method method = Method::combined;
  Length length;
  SimilarityKind similarity = SimilarityKind::overlap;  ///< `textrank`'s sentence similarity
  /// 0: pick the best-ranked sentences. In (0, 1]: the graph methods pick by
  /// words x a weight falling from 1 to 0 around this share of the
  /// sentences in rank order, so the longest of the central ones win.
  double central_share = 0.0;
  std::string language = "english";    ///< a libstemmer algorithm name
  bool stem = true;                    ///< compare Snowball stems (else lowercase words)
  bool numbers = true;                 ///< number tokens are terms when comparing sentences
  std::vector<std::string> stopwords;  ///< lowercase words ignored when comparing sentences
  std::size_t max_sentences = 400;     ///< only the first this many sentences are candidates
};

/// Immutable after construction except for an internal pool of stemmers and caches;
/// summarize() and annotate() are safe to call concurrently.
class Summarizer {
 public:
  /// Throws std::invalid_argument when libstemmer has no `options.language`.
  explicit Summarizer(Options options);

  /// The chosen sentences of `doc` in text order, each with its score in
  /// (0, 1] (1 for the document's best sentence). Spans leave out a leading
  /// dateline or a headline line the sentence splitter joined to the text.
  [[nodiscard]] std::vector<SummarySentence> summarize(const Document& doc) const;
  /// Replaces doc.summary with summarize(doc) and marks the layer present.
  void annotate(Document& doc) const;

  [[nodiscard]] const Options& options() const { return options_; }

 private:
  Options options_;
  detail::TermExtractor terms_;
  mutable detail::Pool<detail::Vocabulary> vocabularies_;
};

}  // namespace docpipe::summarizer
