#pragma once
// Finds the quotes of a document and who said them: direct quotes from
// paired marks, mixed and indirect ones from speech-verb clauses, speakers
// from the attribution patterns of news writing, resolved through the
// document to the fullest name used.

#include "detail/lexicon.hpp"

#include <docpipe/sdk/document.hpp>

#include <vector>

namespace docpipe::quotes::detail {

struct ExtractorOptions {
  bool indirect = true;         ///< report indirect quotes (no marks)
  bool mixed = true;            ///< report mixed quotes (partial quotes in a paraphrase)
  bool unattributed = false;    ///< also report quoted strings nobody is said to speak
  bool join_paragraphs = true;  ///< a quote over several paragraphs is one record
  double min_confidence = 0.0;  ///< drop quotes below this confidence
};

/// Stateless after construction: extract() may run on many threads at once.
class Extractor {
 public:
  Extractor(Lexicon lexicon, ExtractorOptions options) : lex_(std::move(lexicon)), opt_(options) {}

  /// The quotes of `doc` in text order. Reads doc.text, and doc.paragraphs
  /// and doc.sentences when present (line breaks always end a paragraph).
  [[nodiscard]] std::vector<Quote> extract(const Document& doc) const;

 private:
  Lexicon lex_;
  ExtractorOptions opt_;
};

}  // namespace docpipe::quotes::detail
