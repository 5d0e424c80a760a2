#pragma once
// Character classes for the tokenizer's single pass over the bytes: a table
// for ASCII, utf8proc's general categories for everything else.

#include <utf8proc.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace docpipe::tokenizer::detail {

enum class CharClass : std::uint8_t {
  space,    ///< separates tokens (Z*, controls, zero-width spaces)
  newline,  ///< a space that ends a line: \n \r \v \f U+0085 U+2028 U+2029
  upper,    ///< Lu, Lt
  lower,    ///< Ll
  letter,   ///< other letters (Lm, Lo), Nl, No, and '_'
  digit,    ///< Nd
  extend,   ///< never starts a token: marks, ZWJ, variation selectors, emoji modifiers
  punct,    ///< P*
  symbol,   ///< S* other than emoji
  emoji,    ///< pictographs and regional indicators
  invalid,  ///< a byte that does not start valid UTF-8 (kept, one byte per token)
};

/// ASCII lowercase of one byte (other bytes unchanged); no locale.
[[nodiscard]] constexpr char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

/// One decoded code point.
struct CodePoint {
  char32_t cp = 0;
  std::uint8_t len = 1;
  CharClass cls = CharClass::invalid;
};

[[nodiscard]] constexpr bool is_space(CharClass c) {
  return c == CharClass::space || c == CharClass::newline;
}
[[nodiscard]] constexpr bool is_letter(CharClass c) {
  return c == CharClass::upper || c == CharClass::lower || c == CharClass::letter;
}
[[nodiscard]] constexpr bool is_alnum(CharClass c) {
  return is_letter(c) || c == CharClass::digit;
}
/// Letters, digits and marks: what words are made of.
[[nodiscard]] constexpr bool is_word(CharClass c) {
  return is_alnum(c) || c == CharClass::extend;
}

namespace table {
constexpr std::array<CharClass, 128> make_ascii() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::punct;
    if (c <= 0x20 || c == 0x7f)
      k = CharClass::space;
    else if (c >= 'A' && c <= 'Z')
      k = CharClass::upper;
    else if (c >= 'a' && c <= 'z')
      k = CharClass::lower;
    else if (c >= '0' && c <= '9')
      k = CharClass::digit;
    else if (c == '_')
      k = CharClass::letter;
    else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~')
      k = CharClass::symbol;
    t[static_cast<std::size_t>(c)] = k;
  }
  t['\n'] = t['\r'] = t['\v'] = t['\f'] = CharClass::newline;
  return t;
}
inline constexpr std::array<CharClass, 128> kAscii = make_ascii();
}  // namespace table

[[nodiscard]] constexpr bool is_emoji_cp(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         (cp >= 0x2300 && cp <= 0x23FF);
}

/// The class of a non-ASCII code point.
[[nodiscard]] inline CharClass classify(char32_t cp) {
  switch (cp) {
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return CharClass::newline;
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
      return CharClass::space;  // zero-width spaces, BOM
    case 0x200C:
    case 0x200D:
      return CharClass::extend;  // ZWNJ, ZWJ
    default:
      break;
  }
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return CharClass::extend;  // skin tones
  if (cp >= 0xE0020 && cp <= 0xE007F) return CharClass::extend;  // emoji tag sequences
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::upper;
    case UTF8PROC_CATEGORY_LL:
      return CharClass::lower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::letter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::digit;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
      return CharClass::extend;  // soft hyphen and other format characters stay inside their word
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
      return CharClass::space;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::newline;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::punct;
    case UTF8PROC_CATEGORY_SO:
      return is_emoji_cp(cp) ? CharClass::emoji : CharClass::symbol;
    default:  // Sm, Sc, Sk; unassigned, private use, surrogates: a token of their own
      return CharClass::symbol;
  }
}

/// Decodes the code point at byte `i` (< text.size()). Invalid UTF-8 yields
/// one byte of class `invalid`, so every byte is consumed exactly once.
[[nodiscard]] inline CodePoint decode(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {b, 1, table::kAscii[b]};
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return {0xFFFD, 1, CharClass::invalid};
  return {static_cast<char32_t>(cp), static_cast<std::uint8_t>(n), classify(static_cast<char32_t>(cp))};
}

/// The class of the byte at `i` when it is ASCII; otherwise decodes.
[[nodiscard]] inline CharClass class_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  return b < 0x80 ? table::kAscii[b] : decode(text, i).cls;
}

/// Start of the code point that ends right before byte `i` (> 0).
[[nodiscard]] inline std::size_t previous_start(std::string_view text, std::size_t i) {
  std::size_t j = i - 1;
  // Walk back over at most three continuation bytes.
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80; ++k) --j;
  return j;
}

namespace swar {
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
/// High bit set in each byte of `w` below `n` (n <= 128; exact for the lowest such byte).
constexpr std::uint64_t below(std::uint64_t w, std::uint8_t n) {
  return (w - kOnes * n) & ~w & kHighs;
}
/// High bit set in each byte of `w` equal to `b` (exact for the lowest such byte).
constexpr std::uint64_t equal(std::uint64_t w, std::uint8_t b) {
  return below(w ^ (kOnes * b), 1);
}
inline std::uint64_t load(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}
/// Byte index of the lowest flagged byte (mask != 0), for little-endian loads.
inline std::size_t first(std::uint64_t mask) {
  return static_cast<std::size_t>(__builtin_ctzll(mask)) / 8;
}
}  // namespace swar

/// Skips plain ASCII text from byte i: returns the first index at or after i
/// whose byte is a control or space (<= 0x20), DEL, non-ASCII, or one of
/// `stop1`, `stop2`; or text.size(). Eight bytes at a time.
[[nodiscard]] inline std::size_t skip_plain(std::string_view text, std::size_t i, std::uint8_t stop1,
                                            std::uint8_t stop2) {
  static_assert(std::endian::native == std::endian::little, "the SWAR scans assume little-endian loads");
  const std::size_t n = text.size();
  while (i + 8 <= n) {
    const std::uint64_t w = swar::load(text.data() + i);
    const std::uint64_t m = swar::below(w, 0x21) | (w & swar::kHighs) | swar::equal(w, 0x7F) | swar::equal(w, stop1) |
                            swar::equal(w, stop2);
    if (m != 0) return i + swar::first(m);
    i += 8;
  }
  while (i < n) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b <= 0x20 || b >= 0x7F || b == stop1 || b == stop2) return i;
    ++i;
  }
  return n;
}

/// The first index at or after i that is not an ASCII letter, or text.size().
[[nodiscard]] inline std::size_t skip_ascii_letters(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  while (i + 8 <= n) {
    // Folded to lowercase, a letter is a byte in 0x61..0x7A; anything below,
    // above, or with the high bit set stops the run.
    const std::uint64_t v = swar::load(text.data() + i) | (swar::kOnes * 0x20);
    const std::uint64_t above = ((v & ~swar::kHighs) + swar::kOnes * (0x7F - 0x7A)) | v;
    const std::uint64_t m = swar::below(v, 0x61) | (above & swar::kHighs);
    if (m != 0) return i + swar::first(m);
    i += 8;
  }
  while (i < n && static_cast<unsigned>((static_cast<unsigned char>(text[i]) | 0x20) - 'a') < 26u) ++i;
  return i;
}

/// The first index at or after i whose byte may start a line break
/// (< 0x0E or non-ASCII), or text.size().
[[nodiscard]] inline std::size_t skip_to_break_candidate(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  while (i + 8 <= n) {
    const std::uint64_t w = swar::load(text.data() + i);
    const std::uint64_t m = swar::below(w, 0x0E) | (w & swar::kHighs);
    if (m != 0) return i + swar::first(m);
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(text[i]) >= 0x0E && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace docpipe::tokenizer::detail
