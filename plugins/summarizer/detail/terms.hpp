#pragma once
// Sentences as bags of stemmed content words: lowercase, stop words
// dropped, Snowball stems mapped to small integer ids per document.

#include "detail/stemmer.hpp"

#include <docpipe/sdk/document.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace docpipe::summarizer::detail {

/// (term id, count) pairs sorted by term id.
using TermCounts = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// A half-open byte span of the document text.
struct Span {
  Offset begin = 0;
  Offset end = 0;
};

/// The bags of one document, with ids shared by all its sentences.
struct DocumentTerms {
  std::vector<TermCounts> sentences;  ///< one bag per span given
  std::vector<std::uint32_t> words;   ///< word and number tokens per span, stop words included
  TermCounts title;                   ///< the bag of the title, terms unseen in the text dropped
  std::uint32_t vocabulary = 0;       ///< number of term ids in use
};

/// Turns token spans into term bags; immutable, safe to share across threads.
class TermExtractor {
 public:
  /// `stopwords` are lowercase words; matched after lowercasing.
  explicit TermExtractor(const std::vector<std::string>& stopwords);

  /// Fills `out` with one bag per span from the tokens inside it (tokens
  /// sorted by begin, as the tokens layer is), and the bag of `title`.
  void extract(std::string_view text, const std::vector<Token>& tokens, const std::vector<Span>& spans,
               std::string_view title, Stemmer& stemmer, DocumentTerms& out) const;

  /// `word` lowercased (Unicode case folding), curly apostrophes made straight.
  static void normalize(std::string_view word, std::string& out);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> stopwords_;
};

/// Reads a stop word file: one word per line, '#' comments, blank lines skipped.
/// Throws std::runtime_error when the file cannot be read.
[[nodiscard]] std::vector<std::string> read_word_list(const std::string& path);

}  // namespace docpipe::summarizer::detail
