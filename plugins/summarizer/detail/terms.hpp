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

/// Open-addressing map from short strings to ids: the hot lookup of every
/// token, so one hash and one probe sequence, with keys in one arena.
class WordTable {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;
  /// The value of `key`, or kMissing.
  [[nodiscard]] std::uint32_t find(std::string_view key, std::uint64_t hash) const;
  /// Adds `key` (not present) with `value`.
  void insert(std::string_view key, std::uint64_t hash, std::uint32_t value);
  [[nodiscard]] std::size_t size() const { return used_; }
  void clear();
  [[nodiscard]] static std::uint64_t hash(std::string_view key);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // 0: empty slot (keys are never empty)
    std::uint32_t value = 0;
  };
  void grow();
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
};

/// What one thread needs to turn words into terms: a stemmer, and caches of
/// word -> term and stem -> term that live across documents (ids are
/// global to the cache; each document maps them to dense local ids).
class Vocabulary {
 public:
  /// With `stem` false, words are compared as they are (lowercased); the
  /// stemmer still checks that `language` exists.
  explicit Vocabulary(const std::string& language, bool stem = true) : stemmer_(language), stem_(stem) {}

 private:
  friend class TermExtractor;
  static constexpr std::uint32_t kStop = 0xFFFFFFFEu;
  Stemmer stemmer_;
  bool stem_ = true;
  WordTable words_;                                       // lowercase word -> global term id or kStop
  std::unordered_map<std::string, std::uint32_t> stems_;  // stem -> global term id
  std::vector<std::uint32_t> stamp_;                      // global id -> document it was last seen in
  std::vector<std::uint32_t> local_;                      // global id -> local id in that document
  std::uint32_t epoch_ = 0;
};

/// Turns token spans into term bags; immutable, safe to share across threads.
class TermExtractor {
 public:
  /// `stopwords` are lowercase words; matched after lowercasing. With
  /// `numbers` false, number tokens ("3,000", "2004") are no terms (they
  /// still count as words of the sentence).
  explicit TermExtractor(const std::vector<std::string>& stopwords, bool numbers = true);

  /// Fills `out` with one bag per span from the tokens inside it (tokens
  /// sorted by begin, as the tokens layer is), and the bag of `title`.
  void extract(std::string_view text, const std::vector<Token>& tokens, const std::vector<Span>& spans,
               std::string_view title, Vocabulary& vocabulary, DocumentTerms& out) const;

  /// `word` lowercased (Unicode case folding), curly apostrophes made straight.
  static void normalize(std::string_view word, std::string& out);

 private:
  // Stop words are about half of all tokens: a small table that stays in
  // cache answers them before the large vocabulary is probed.
  WordTable stopwords_;
  bool numbers_ = true;
};

/// Reads a stop word file: one word per line, '#' comments, blank lines skipped.
/// Throws std::runtime_error when the file cannot be read.
[[nodiscard]] std::vector<std::string> read_word_list(const std::string& path);

}  // namespace docpipe::summarizer::detail
