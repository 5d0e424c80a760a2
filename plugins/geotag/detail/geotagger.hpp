#pragma once
// The geotagger proper: finds place names in a document's sentences and
// resolves each to one gazetteer entry, reading the document as context.

#include "detail/gazetteer.hpp"

#include <docpipe/sdk/document.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::geotag::detail {

/// What a user can tune (the plugin's options).
struct Options {
  std::int64_t min_population = 0;           ///< cities below are ignored
  std::vector<std::string> focus_countries;  ///< ISO2 codes preferred when in doubt
  bool demonyms = true;                      ///< tag "Russian" as Russia
  double min_confidence = 0.0;               ///< places below are dropped
};

/// Tags places in documents; const and thread-safe once built.
///
///   Geotagger tagger(gazetteer, words, {});
///   doc.places = tagger.tag(doc.text, doc.sentences, doc.tokens);
class Geotagger {
 public:
  /// Keeps references: `gazetteer` and `words` must outlive the tagger.
  Geotagger(const Gazetteer& gazetteer, const Words& words, Options options);

  /// The places of `text`, in text order. Sentences and tokens are those of
  /// the document (byte offsets, sorted); without sentences the text is one.
  [[nodiscard]] std::vector<Place> tag(std::string_view text, const std::vector<Sentence>& sentences,
                                       const std::vector<Token>& tokens) const;

 private:
  /// The second-level regions (counties, parishes) among the senses of the
  /// normalized name `key` ("raleigh county").
  [[nodiscard]] std::vector<NameRef> counties(std::string_view key) const;

  const Gazetteer& gazetteer_;
  const Words& words_;
  Options options_;
};

}  // namespace docpipe::geotag::detail
