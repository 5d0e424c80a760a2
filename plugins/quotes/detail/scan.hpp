#pragma once
// The quote finder's own light token stream: words, punctuation, quote-mark
// candidates and line breaks, with the lexicon classes of each word. One
// linear pass over the text; no regular expressions.

#include "detail/lexicon.hpp"

#include <docpipe/sdk/document.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace docpipe::quotes::detail {

enum class TokKind : std::uint8_t { word, punct, mark, newline };

/// The shape of a quote-mark candidate; whether it opens, closes or is an
/// apostrophe is decided by pair_marks() from its context.
enum class MarkShape : std::uint8_t {
  none,
  dq_ascii,  ///< "   open or close
  dq_twin,   ///< ''  NYT style, open or close
  dq_open,   ///< “ „ « ``
  dq_close,  ///< ” »
  sq_ascii,  ///< '   open, close or apostrophe
  sq_open,   ///< ‘
  sq_close,  ///< ’   close or apostrophe
};

/// Token flags.
enum TokFlag : std::uint8_t {
  kCap = 1U << 0,          ///< word starts with an upper-case letter
  kDigit = 1U << 1,        ///< word starts with a digit
  kSpaceBefore = 1U << 2,  ///< white space (or the text start) before it
  kSpaceAfter = 1U << 3,   ///< white space (or the text end) after it
  kInQuote = 1U << 4,      ///< inside a paired quote (set by pair_marks)
  kOpen = 1U << 5,         ///< a mark that opens a paired quote
  kClose = 1U << 6,        ///< a mark that closes a paired quote
  kEndsInS = 1U << 7,      ///< word ends in s (a plural possessive may follow: Jones')
};

struct Tok {
  Offset b = 0;
  Offset e = 0;
  TokKind kind = TokKind::word;
  MarkShape mark = MarkShape::none;
  char ch = 0;  ///< punctuation: the ASCII char; '-' for dashes, 'e' for an ellipsis
  std::uint8_t flags = 0;
  std::uint32_t lex = 0;  ///< Lex flags of a word

  [[nodiscard]] bool is(char c) const { return kind == TokKind::punct && ch == c; }
  [[nodiscard]] bool has(std::uint32_t lex_flags) const { return (lex & lex_flags) != 0; }
  [[nodiscard]] bool word() const { return kind == TokKind::word; }
  [[nodiscard]] bool cap() const { return (flags & kCap) != 0; }
  [[nodiscard]] bool in_quote() const { return (flags & kInQuote) != 0; }
};

/// Splits `text` into tokens. Apostrophes inside words (don't, O'Brien) and
/// foot-and-inch marks after digits (5'10") are kept inside the word.
[[nodiscard]] std::vector<Tok> scan(std::string_view text, const Lexicon& lexicon);

}  // namespace docpipe::quotes::detail
