// Tokens as in Universal Dependencies English (EWT, GUM): white space
// separates chunks; inside a chunk, words keep their internal periods,
// apostrophes, digit separators and prefix hyphens, and punctuation is split
// off. One left-to-right pass; the only look-back is one code point, and the
// only look-aheads (URL, e-mail, abbreviation before a number) are bounded by
// the chunk or by the next run of spaces, so the time is linear.

#include "tokenizer.hpp"

#include "detail/chars.hpp"

#include <docpipe/sdk/error.hpp>

#include <array>
#include <limits>

namespace docpipe::tokenizer {
namespace {

using detail::CharClass;
using detail::class_at;
using detail::CodePoint;
using detail::decode;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (detail::lower_ascii(a[i]) != detail::lower_ascii(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals_ascii(s.substr(s.size() - suffix.size()), suffix);
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || is_ascii_alpha(c);
}

// Opening punctuation: splitting it off leaves the chunk "leading".
bool is_opening(char32_t cp) {
  switch (cp) {
    case '(':
    case '[':
    case '{':
    case '<':
    case '"':
    case '`':
    case 0x201C:
    case 0x201E:
    case 0x2018:
    case 0x00AB:
    case 0x2039:
    case 0x00BF:
    case 0x00A1:
      return true;
    default:
      return false;
  }
}

// The chunk scan's table: bit 0 marks ASCII bytes that are not space; the
// other bits note bytes that make a chunk worth a closer look.
enum : std::uint8_t { kByteText = 1, kByteAt = 2, kByteColon = 4 };
constexpr std::array<std::uint8_t, 256> make_chunk_bytes() {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < 128; ++c) t[c] = detail::is_space(detail::table::kAscii[c]) ? 0 : kByteText;
  t['@'] |= kByteAt;
  t[':'] |= kByteColon;
  return t;
}
constexpr std::array<std::uint8_t, 256> kChunkBytes = make_chunk_bytes();

// ASCII letters (the word scan's fast path).
constexpr std::array<bool, 256> make_alpha() {
  std::array<bool, 256> t{};
  for (std::size_t c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = true;
  return t;
}
constexpr std::array<bool, 256> kAlpha = make_alpha();

// Names spelled with their exclamation mark.
bool is_exclaimed_name(std::string_view w) {
  return w == "Yahoo" || w == "Jeb" || w == "Jeopardy" || w == "Wham" || w == "Oklahoma";
}

bool is_regional_indicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

// ASCII punctuation that forms one token when repeated ("***", "$$$", "//").
bool repeats(char c) {
  switch (c) {
    case '*':
    case '+':
    case '<':
    case '>':
    case '~':
    case '/':
    case '\\':
    case '$':
    case '^':
    case '|':
    case '#':
    case '&':
    case '%':
    case '@':
    case ',':
    case ';':
    case ':':
    case '`':
      return true;
    default:
      return false;
  }
}

class Scanner {
 public:
  Scanner(const Tokenizer& tokenizer, std::string_view text, std::vector<Token>& out)
      : tokenizer_(tokenizer),
        text_(text),
        out_(out),
        split_clitics_(tokenizer.options().split_clitics),
        split_hyphens_(tokenizer.options().split_hyphens) {}

  void run() {
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
      const auto b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) {
        const CharClass c = detail::table::kAscii[b];
        if (detail::is_space(c)) {
          if (c == CharClass::newline) open_single_ = false;  // single quotes do not span lines
          ++i;
          continue;
        }
      } else {
        const CodePoint c = decode(text_, i);
        if (detail::is_space(c.cls)) {
          i += c.len;
          continue;
        }
      }
      if (kAlpha[b] && plain_word(i)) continue;
      std::size_t j = i;
      std::uint8_t seen = 0;
      for (;;) {
        j = detail::skip_plain(text_, j, '@', ':');
        if (j >= n) break;
        const auto bj = static_cast<unsigned char>(text_[j]);
        if (bj < 0x80) {
          const std::uint8_t f = kChunkBytes[bj];
          if ((f & kByteText) == 0) break;
          seen |= f;
          ++j;
          continue;
        }
        const CodePoint c = decode(text_, j);
        if (detail::is_space(c.cls)) break;
        j += c.len;
      }
      chunk_flags_ = seen;
      chunk(i, j);
      i = j;
    }
  }

 private:
  // Fast path for the most common chunks, a plain ASCII word alone or with
  // a comma ("cat", "cat,"), which no rule of chunk() would treat otherwise.
  // Advances i and returns true when it applies.
  bool plain_word(std::size_t& i) {
    const std::size_t n = text_.size();
    const std::size_t q = detail::skip_ascii_letters(text_, i + 1);
    const auto ends = [&](std::size_t k) { return k >= n || static_cast<unsigned char>(text_[k]) <= 0x20; };
    std::size_t end = q;
    if (!ends(q)) {
      if (text_[q] != ',' || !ends(q + 1)) return false;
      end = q + 1;
    }
    if (q - i == 2 && (text_[i] == 'x' || text_[i] == 'X') && text_[i + 1] == 'D') return false;  // "xD"
    finish_word(i, q, true, false, kNone);
    if (end != q) emit(q, end, TokenKind::punct);
    i = end;
    return true;
  }

  void emit(std::size_t b, std::size_t e, TokenKind kind) {
    out_.push_back({static_cast<Offset>(b), static_cast<Offset>(e), kind});
  }

  // One run of non-space characters.
  void chunk(std::size_t s, std::size_t e) {
    if (e - s <= 3 && detail::emoticon_length(text_.substr(s, e - s)) == e - s) {
      emit(s, e, TokenKind::symbol);
      return;
    }
    bool leading = true;  // only opening punctuation so far
    std::size_t p = s;
    while (p < e) {
      const CodePoint c = decode(text_, p);
      if (detail::is_word(c.cls) || starts_word(c.cp, p, e, leading)) {
        p = word(p, e, leading);
        leading = false;
      } else {
        p = punct(c, p, e, leading);
      }
    }
  }

  // '#tag', '@name', '.doc', '.5' start words.
  [[nodiscard]] bool starts_word(char32_t cp, std::size_t p, std::size_t e, bool leading) const {
    if (p + 1 >= e) return false;
    const char next = text_[p + 1];
    if (cp == '#') return leading && is_ascii_alpha(next);  // "#audiobooks", but "#" "1"
    if (cp == '@') return leading && is_ascii_alnum(next);
    if (cp == '+') return leading && is_ascii_digit(next);  // "+1 212 ..."

    if (cp == '.') {
      if (leading) return is_ascii_alnum(next);
      // "(draft).doc": a file name extension after punctuation
      std::size_t r = p + 1;
      while (r < e && is_ascii_alpha(text_[r])) ++r;
      return r > p + 1 && (r == e || !is_ascii_alnum(text_[r])) && !prev_is_word(p) &&
             detail::is_file_or_domain_suffix(text_.substr(p + 1, r - p - 1));
    }
    return false;
  }

  std::size_t punct(const CodePoint& c, std::size_t p, std::size_t e, bool& leading) {
    const std::string_view rest = text_.substr(p, e - p);
    std::size_t q = p + c.len;
    TokenKind kind = TokenKind::punct;
    switch (c.cls) {
      case CharClass::symbol:
        kind = TokenKind::symbol;
        break;
      case CharClass::emoji:
        kind = TokenKind::emoji;
        break;
      case CharClass::invalid:
        kind = TokenKind::other;
        break;
      default:
        break;
    }
    bool opener = false;
    if (c.cp == '\'' && q < e && text_[q] == '\'') {  // '' is a double quote (NYT, LaTeX)
      emit(p, q + 1, TokenKind::punct);
      return q + 1;  // `leading` stays: it opens or closes like "
    }
    switch (c.cp) {
      case '\'':
      case 0x2019:
        if (leading || !prev_is_word(p)) {
          if (const std::size_t m = detail::leading_apostrophe_word(rest); m != 0) {
            finish_word(p, p + m, true, false, kNone);
            leading = false;
            return p + m;
          }
        } else if (const std::size_t m = clitic_after(p, e); m != 0) {  // "Jr.'s"
          emit(p, p + m, TokenKind::word);
          leading = false;
          return p + m;
        }
        if (leading) {
          open_single_ = true;
          opener = true;
        } else {
          open_single_ = false;
        }
        break;
      case 0x2018:
        open_single_ = true;
        opener = true;
        break;
      case '.':
      case '!':
      case '?':
        while (q < e && (text_[q] == '.' || text_[q] == '!' || text_[q] == '?')) ++q;
        break;
      case '-':
      case '=':
        if (const std::size_t m = detail::emoticon_length(rest); m != 0 && ends_emoticon(p + m, e)) {
          emit(p, p + m, TokenKind::symbol);
          leading = false;
          return p + m;
        }
        while (q < e && (text_[q] == '-' || text_[q] == '=')) ++q;
        break;
      default:
        if (c.cp < 0x80) {
          if (c.cp == ':' || c.cp == ';' || c.cp == '<' || c.cp == '^') {
            if (const std::size_t m = detail::emoticon_length(rest); m != 0 && ends_emoticon(p + m, e)) {
              emit(p, p + m, TokenKind::symbol);
              leading = false;
              return p + m;
            }
          }
          if (repeats(static_cast<char>(c.cp)) && (c.cp != '<' || (q < e && text_[q] == '<'))) {
            while (q < e && text_[q] == text_[p]) ++q;
          } else if (is_opening(c.cp)) {
            opener = true;
          }
        } else if (c.cls == CharClass::emoji) {
          if (is_regional_indicator(c.cp) && q < e) {
            const CodePoint d = decode(text_, q);
            if (is_regional_indicator(d.cp)) q += d.len;
          }
          q = skip_extend(q, e, true);
        } else {
          opener = is_opening(c.cp);
          if (c.cp == 0x2026 || c.cp == 0x2014 || c.cp == 0x2013) {  // "……", "——"
            while (q + c.len <= e && text_.compare(q, c.len, text_, p, c.len) == 0) q += c.len;
          }
          q = skip_extend(q, e, false);
        }
        break;
    }
    emit(p, q, kind);
    if (!opener) leading = false;
    return q;
  }

  // Marks and joiners after a code point belong to it; after a ZWJ, an emoji
  // continues the sequence.
  [[nodiscard]] std::size_t skip_extend(std::size_t q, std::size_t e, bool emoji) const {
    while (q < e) {
      const CodePoint d = decode(text_, q);
      if (d.cls != CharClass::extend) break;
      q += d.len;
      if (emoji && d.cp == 0x200D && q < e) {
        const CodePoint f = decode(text_, q);
        if (f.cls == CharClass::emoji || f.cls == CharClass::symbol) q += f.len;
      }
    }
    return q;
  }

  [[nodiscard]] bool ends_emoticon(std::size_t q, std::size_t e) const {
    return q >= e || !detail::is_alnum(class_at(text_, q));
  }

  [[nodiscard]] bool prev_is_word(std::size_t p) const {
    if (p == 0) return false;
    return detail::is_word(decode(text_, detail::previous_start(text_, p)).cls);
  }

  // Length of a clitic ("'s", "'re") at p that ends the chunk or is followed by punctuation.
  [[nodiscard]] std::size_t clitic_after(std::size_t p, std::size_t e) const {
    const std::size_t a = text_[p] == '\'' ? 1 : 3;
    std::size_t q = p + a;
    while (q < e && is_ascii_alpha(text_[q])) ++q;
    if (q < e && detail::is_word(class_at(text_, q))) return 0;
    const std::string_view letters = text_.substr(p + a, q - p - a);
    static constexpr std::string_view kClitics[] = {"s", "m", "d", "ll", "re", "ve"};
    for (std::string_view k : kClitics)
      if (iequals_ascii(letters, k)) return q - p;
    return 0;
  }

  [[nodiscard]] std::size_t url_length(std::size_t p, std::size_t e) const {
    const std::string_view rest = text_.substr(p, e - p);
    switch (rest[0]) {  // most words are not URLs
      case 'h':
      case 'H':
      case 'f':
      case 'F':
      case 'm':
      case 'M':
      case 'w':
      case 'W':
        break;
      default:
        return 0;
    }
    std::size_t prefix = 0;
    static constexpr std::string_view kSchemes[] = {"http://", "https://", "ftp://", "mailto:", "file://"};
    for (std::string_view s : kSchemes)
      if (istarts_with(rest, s)) prefix = s.size();
    if (prefix == 0 && istarts_with(rest, "www.") && rest.size() > 4 && is_ascii_alnum(rest[4])) prefix = 4;
    if (prefix == 0 || prefix == rest.size()) return 0;
    std::size_t end = rest.size();
    int parens = 0;
    int brackets = 0;
    for (char ch : rest) {
      parens += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      brackets += ch == '[' ? 1 : ch == ']' ? -1 : 0;
    }
    while (end > prefix) {
      const std::size_t last = detail::previous_start(rest, end);
      const char32_t cp = decode(rest, last).cp;
      bool strip = false;
      switch (cp) {
        case '.':
        case ',':
        case ';':
        case ':':
        case '!':
        case '?':
        case '\'':
        case '"':
        case '>':
        case 0x201D:
        case 0x2019:
        case 0x00BB:
        case 0x2026:
          strip = true;
          break;
        case ')':
          strip = parens < 0;
          parens += strip ? 1 : 0;
          break;
        case ']':
          strip = brackets < 0;
          brackets += strip ? 1 : 0;
          break;
        default:
          break;
      }
      if (!strip) break;
      end = last;
    }
    return end;
  }

  [[nodiscard]] std::size_t email_length(std::size_t p, std::size_t e) const {
    std::size_t q = p;
    std::size_t at = kNone;
    while (q < e) {
      const char ch = text_[q];
      if (ch == '@') {
        if (at != kNone) return 0;
        at = q;
      } else if (!(is_ascii_alnum(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-' || ch == '\'')) {
        break;
      }
      ++q;
    }
    if (at == kNone || at == p) return 0;
    while (q > at && !is_ascii_alnum(text_[q - 1])) --q;
    const std::string_view domain = text_.substr(at + 1, q - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return 0;
    return q - p;
  }

  // Should the hyphen at q (segment [seg, q) before it) stay inside the word?
  [[nodiscard]] bool keep_hyphen(std::size_t seg, std::size_t q, std::size_t after, std::size_t e) const {
    const std::string_view left = text_.substr(seg, q - seg);
    if (!split_hyphens_ || detail::is_hyphen_prefix(left)) return true;
    bool left_digits = !left.empty();
    for (char ch : left) left_digits = left_digits && is_ascii_digit(ch);
    if (!left_digits) return false;
    std::size_t r = after;
    while (r < e && is_ascii_digit(text_[r])) ++r;
    const std::size_t right = r - after;
    if (right == 0) return false;
    if (text_[after] == '0') return true;  // "36-01", codes and dates
    // Phone numbers and codes ("303-832-8160", "3-5213") stay whole;
    // ranges ("13-17", "1998-2004") split.
    return right >= 3 && !(left.size() == 4 && right == 4);
  }

  // "quality.You" is two sentences run together; "Newsfeed.Com",
  // "Report.PDF", "U.S" and "Ph.D" are one token.
  [[nodiscard]] bool missing_space(std::size_t left, std::size_t q, std::size_t after, std::size_t e) const {
    if (q - left < 2) return false;
    std::size_t r = after;
    while (r < e && is_ascii_alpha(text_[r])) ++r;
    if (r - after < 2) return false;
    return !detail::is_file_or_domain_suffix(text_.substr(after, r - after));
  }

  // UD splits a slash between words ("and/or", "East/West") but not in
  // short forms ("b/c", "w/o") or numbers ("9/30/01", "f/2").
  [[nodiscard]] bool slash_splits(std::size_t left, std::size_t q, std::size_t after, std::size_t e) const {
    std::size_t r = after;
    while (r < e && is_ascii_alpha(text_[r])) ++r;
    if (r == after) return false;  // a digit follows
    for (std::size_t k = left; k < q; ++k)
      if (!is_ascii_alpha(text_[k])) return false;
    return q - left >= 3 || r - after >= 3;
  }

  // True when the '.' at q belongs to the word [ws, q).
  [[nodiscard]] bool takes_period(std::size_t ws, std::size_t q, std::size_t e) const {
    const std::string_view w = text_.substr(ws, q - ws);
    if (w.empty()) return false;
    if (w.find('.') != std::string_view::npos) {
      // "U.S", "a.m", "Ph.D": letter segments of one or two letters
      std::size_t seg_len = 0;
      for (char ch : w) {
        if (ch == '.') {
          if (seg_len == 0) return false;
          seg_len = 0;
        } else if (is_ascii_alpha(ch) && ++seg_len <= 2) {
          continue;
        } else {
          return false;
        }
      }
      return seg_len > 0;
    }
    const CodePoint first = decode(text_, ws);
    if (first.len == w.size()) return detail::is_letter(first.cls);  // an initial
    const int flags = tokenizer_.abbreviations().find(w);
    if (flags < 0) return false;
    if ((flags & detail::kNumberOnly) != 0) return next_is_digit(q + 1, e);
    return true;
  }

  [[nodiscard]] bool next_is_digit(std::size_t q, std::size_t) const {
    while (q < text_.size()) {
      const CodePoint c = decode(text_, q);
      if (!detail::is_space(c.cls)) return c.cls == CharClass::digit;
      q += c.len;
    }
    return false;
  }

  std::size_t word(std::size_t p, std::size_t e, bool leading) {
    if (leading) {
      if (const std::size_t u =
              (chunk_flags_ & kByteColon) != 0 || text_[p] == 'w' || text_[p] == 'W' ? url_length(p, e) : 0;
          u != 0) {
        emit(p, p + u, TokenKind::url);
        return p + u;
      }
      if (const std::size_t m = (chunk_flags_ & kByteAt) != 0 ? email_length(p, e) : 0; m != 0) {
        emit(p, p + m, TokenKind::email);
        return p + m;
      }
    }
    std::size_t ws = p;
    std::size_t q = p;
    if (text_[q] == '#' || text_[q] == '@' || text_[q] == '.' || text_[q] == '+') ++q;
    std::size_t seg = q;
    std::size_t dot_seg = q;  // start of the current period-separated segment
    std::size_t piece = q;    // start of the current run of word characters
    bool letters = false;
    bool digits = false;
    std::size_t unit_at = kNone;
    CharClass prev = CharClass::space;
    while (q < e) {
      if (kAlpha[static_cast<unsigned char>(text_[q])]) {  // fast path: ASCII letters
        if (!letters && digits && unit_at == kNone) unit_at = q;
        letters = true;
        do ++q;
        while (q < e && kAlpha[static_cast<unsigned char>(text_[q])]);
        prev = CharClass::lower;
        continue;
      }
      const CodePoint c = decode(text_, q);
      if (detail::is_word(c.cls)) {
        if (detail::is_letter(c.cls)) {
          if (!letters && digits && unit_at == kNone) unit_at = q;
          letters = true;
        } else if (c.cls == CharClass::digit) {
          digits = true;
        }
        if (c.cls != CharClass::extend) prev = c.cls;
        q += c.len;
        continue;
      }
      const std::size_t nq = q + c.len;
      const CharClass next = nq < e ? class_at(text_, nq) : CharClass::space;
      const bool prev_alnum = detail::is_alnum(prev);
      const bool next_alnum = detail::is_alnum(next);
      bool joined = false;
      switch (c.cp) {
        case '.':
          joined = prev_alnum && next_alnum &&
                   !(next == CharClass::upper && detail::is_letter(prev) && missing_space(dot_seg, q, nq, e));
          if (joined) dot_seg = nq;
          break;
        case ',':
        case ':':
          joined = prev == CharClass::digit && next == CharClass::digit;
          break;
        case '\'':
        case 0x2019:
          if (prev_alnum && detail::is_letter(next)) {
            joined = true;
          } else if (detail::is_letter(prev) && (text_[q - 1] == 's' || text_[q - 1] == 'S') && !next_alnum &&
                     !open_single_ && q > ws + 1) {
            q = nq;  // plural possessive: "Palestinians'"
            return finish_word(ws, q, letters, digits, unit_at);
          }
          break;
        case '-':
        case 0x2010:
          if (prev_alnum && next_alnum) {
            if (keep_hyphen(seg, q, nq, e)) {
              joined = true;
              seg = nq;
              break;
            }
            finish_word(ws, q, letters, digits, unit_at);
            emit(q, nq, TokenKind::punct);
            ws = seg = dot_seg = piece = q = nq;
            letters = digits = false;
            unit_at = kNone;
            prev = CharClass::space;
            continue;
          }
          if (c.cp == '-' && detail::is_letter(prev) && !(nq < e && text_[nq] == '-') &&
              (nq >= e || !is_opening(decode(text_, nq).cp))) {
            if (nq >= e || detail::is_space(next) || next == CharClass::punct) {
              if (nq >= e || (text_[nq] != '.' && text_[nq] != ',')) {
                q = nq;  // a cut-off word: "re-", "Shobha-"
                return finish_word(ws, q, letters, digits, unit_at);
              }
            }
          }
          break;
        case '/':
          if (prev_alnum && next_alnum) {
            if (!slash_splits(piece, q, nq, e)) {
              joined = true;
              break;
            }
            finish_word(ws, q, letters, digits, unit_at);  // "and/or" -> "and" "/" "or"
            emit(q, nq, TokenKind::punct);
            ws = seg = dot_seg = piece = q = nq;
            letters = digits = false;
            unit_at = kNone;
            prev = CharClass::space;
            continue;
          }
          break;
        case '@':
        case '&':
        case '+':
          joined = prev_alnum && next_alnum;
          break;
        case '(':
          if (detail::is_letter(prev) && text_.substr(q, 3) == "(s)") {
            q += 3;  // "friend(s)"
            continue;
          }
          break;
        default:
          break;
      }
      if (!joined) break;
      prev = CharClass::punct;
      q = nq;
      piece = q;
    }
    // The period goes with an abbreviation, but not the dots of an ellipsis
    // ("Inc..." is "Inc" "..."; "Inc.." is "Inc." ".").
    const bool abbreviation = q < e && text_[q] == '.' && !(q + 2 < e && text_[q + 1] == '.' && text_[q + 2] == '.') &&
                              takes_period(ws, q, e);
    if (abbreviation || (q < e && text_[q] == '!' && is_exclaimed_name(text_.substr(ws, q - ws)))) ++q;
    return finish_word(ws, q, letters, digits, unit_at);
  }

  std::size_t finish_word(std::size_t ws, std::size_t q, bool letters, bool digits, std::size_t unit_at) {
    if (q == ws) return q;
    if (unit_at != kNone && split_unit(ws, unit_at, q)) return q;
    const TokenKind kind = letters ? TokenKind::word : digits ? TokenKind::number : TokenKind::other;
    if (kind == TokenKind::word && split_clitics_) {
      if (const std::size_t cut = clitic_cut(ws, q); cut != kNone) {
        emit(ws, cut, TokenKind::word);
        emit(cut, q, TokenKind::word);
        return q;
      }
    }
    emit(ws, q, kind);
    return q;
  }

  // "5km" -> "5" "km"; "12:30pm" -> "12:30" "pm"; "3rd" stays.
  bool split_unit(std::size_t ws, std::size_t unit_at, std::size_t q) {
    for (std::size_t i = ws; i < unit_at; ++i) {
      const char ch = text_[i];
      if (!(is_ascii_digit(ch) || ch == '.' || ch == ',' || ch == ':')) return false;
    }
    for (std::size_t i = unit_at; i < q; ++i)
      if (!is_ascii_alpha(text_[i])) return false;
    if (!detail::is_unit(text_.substr(unit_at, q - unit_at))) return false;
    emit(ws, unit_at, TokenKind::number);
    emit(unit_at, q, TokenKind::word);
    return true;
  }

  // Where a word splits into UD syntactic words, or kNone.
  [[nodiscard]] std::size_t clitic_cut(std::size_t ws, std::size_t q) const {
    const std::string_view w = text_.substr(ws, q - ws);
    static constexpr std::string_view kApostrophes[] = {"'", "\xE2\x80\x99"};
    for (std::string_view a : kApostrophes) {
      const std::string_view nt = a.size() == 1 ? std::string_view("n't") : std::string_view("n\xE2\x80\x99t");
      if (w.size() > nt.size() && iends_with(w, nt)) return q - nt.size();
      static constexpr std::string_view kTails[] = {"s", "m", "d", "ll", "re", "ve"};
      for (std::string_view t : kTails) {
        const std::size_t len = a.size() + t.size();
        if (w.size() > len && w.compare(w.size() - len, a.size(), a) == 0 && iends_with(w, t)) return q - len;
      }
      if (w.size() > a.size() && w.compare(w.size() - a.size(), a.size(), a) == 0) return q - a.size();
    }
    struct Split {
      std::string_view word;
      std::size_t at;
    };
    static constexpr Split kSplits[] = {{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}};
    for (const Split& s : kSplits)
      if (iequals_ascii(w, s.word)) return ws + s.at;
    return kNone;
  }

  const Tokenizer& tokenizer_;
  std::string_view text_;
  std::vector<Token>& out_;
  const bool split_clitics_;
  const bool split_hyphens_;
  bool open_single_ = false;      // an opening single quote waits for its close
  std::uint8_t chunk_flags_ = 0;  // kByte* bits seen in the current chunk
};

}  // namespace

Tokenizer::Tokenizer(Options options) : options_(std::move(options)), abbreviations_(options_.extra_abbreviations) {}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) const {
  Scanner(*this, text, out).run();
}

void Tokenizer::annotate(Document& doc) const {
  if (doc.text.size() > std::numeric_limits<Offset>::max())
    throw DocumentError("tokenizer: text longer than 4 GiB cannot be addressed with 32-bit offsets");
  doc.tokens.clear();
  doc.sentences.clear();
  doc.paragraphs.clear();
  doc.tokens.reserve(doc.text.size() / 5 + 16);
  tokenize(doc.text, doc.tokens);
  split_paragraphs(doc.text, doc.paragraphs);
  split_sentences(doc.text, doc.tokens, doc.paragraphs, doc.sentences);
  doc.mark_present("tokens");
  doc.mark_present("sentences");
  doc.mark_present("paragraphs");
}

}  // namespace docpipe::tokenizer
