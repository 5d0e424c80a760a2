#pragma once
// The small word lists the tokenizer consults: abbreviations, hyphen
// prefixes kept whole, units split from numbers, common sentence openers.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::tokenizer::detail {

/// How an abbreviation behaves; flags combine.
enum AbbrevFlag : std::uint8_t {
  kAbbrevPlain = 0,
  kCapOnly = 1,     ///< only when capitalized ("Jan.", "Gov.", "Ill."): the lowercase form is a word
  kNumberOnly = 2,  ///< only before a number ("No. 5", "Fig. 3")
  kTitle = 4,       ///< precedes a name ("Dr.", "Gov."): never ends a sentence
  kOftenFinal = 8,  ///< often ends a sentence ("Inc.", "etc."): a capital after it starts a new one
};

/// Abbreviations (without the final period), queried with the word before a period.
class Abbreviations {
 public:
  /// The built-in English list plus `extra` (entries may carry their final period).
  explicit Abbreviations(const std::vector<std::string>& extra = {});
  /// Flags of `word` if it is an abbreviation (respecting kCapOnly), else -1.
  [[nodiscard]] int find(std::string_view word) const;

  /// Longest abbreviation looked up, in bytes; longer words never are.
  static constexpr std::size_t kMaxLength = 32;

 private:
  struct Entry {
    std::string key;  // lowercase
    std::uint8_t flags;
  };
  std::vector<Entry> entries_;
  // Open addressing over entries_ (index + 1, 0 = empty): most lookups are
  // misses (a word before a sentence's final period) and cost one probe.
  std::vector<std::uint16_t> slots_;
};

/// True when `word` (any case) keeps its hyphen in UD tokenization ("non-", "e-", "re-").
[[nodiscard]] bool is_hyphen_prefix(std::string_view word);
/// True when `word` (any case) ends domain names or file names ("com", "pdf").
[[nodiscard]] bool is_file_or_domain_suffix(std::string_view word);
/// True when `word` is a unit split from a preceding number ("5km", "8GB"; one letter: lowercase only).
[[nodiscard]] bool is_unit(std::string_view word);
/// True when `word` commonly starts an English sentence ("The", "He", "But").
[[nodiscard]] bool is_sentence_opener(std::string_view word);
/// Length of the emoticon starting `text` (":-)", "<3", "^_^"), or 0.
[[nodiscard]] std::size_t emoticon_length(std::string_view text);
/// Length of an apostrophe-initial word at the start of `text` ("'em", "'70s", "'til"), or 0.
[[nodiscard]] std::size_t leading_apostrophe_word(std::string_view text);

}  // namespace docpipe::tokenizer::detail
