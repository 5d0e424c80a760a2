#include "detail/scan.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace docpipe::quotes::detail {

namespace {

bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// Bytes of a multi-byte character that is punctuation or space to us (so it
// never continues a word): NBSP and guillemets (C2 xx), the General
// Punctuation block U+2000-U+206F (E2 80 xx, E2 81 xx) and the ideographic
// space.
std::size_t special_len(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == 0xC2 && i + 1 < t.size()) {
    const auto d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
  }
  if (c == 0xE2 && i + 2 < t.size()) {
    const auto d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0x80 || d == 0x81) return 3;
  }
  if (c == 0xE3 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0x80) {
    return 3;
  }
  return 0;
}

std::size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

bool word_byte(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return ascii_alnum(c);
  return special_len(t, i) == 0;
}

bool starts_upper(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(t.data() + i),
                                  static_cast<utf8proc_ssize_t>(t.size() - i), &cp);
  if (n <= 0) return false;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

}  // namespace

std::vector<Tok> scan(std::string_view t, const Lexicon& lexicon) {
  std::vector<Tok> out;
  out.reserve(t.size() / 5 + 8);
  const std::size_t n = t.size();
  std::size_t i = 0;
  bool space_before = true;
  auto push = [&](std::size_t b, std::size_t e, TokKind kind, MarkShape mark, char ch) {
    Tok tok;
    tok.b = static_cast<Offset>(b);
    tok.e = static_cast<Offset>(e);
    tok.kind = kind;
    tok.mark = mark;
    tok.ch = ch;
    if (space_before) tok.flags |= kSpaceBefore;
    if (!out.empty() && space_before) out.back().flags |= kSpaceAfter;
    space_before = false;
    out.push_back(tok);
  };
  while (i < n) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space_before = true;
      ++i;
      continue;
    }
    if (c == '\n') {
      if (!out.empty() && out.back().kind == TokKind::newline) {
        out.back().e = static_cast<Offset>(i + 1);
      } else {
        space_before = true;
        push(i, i + 1, TokKind::newline, MarkShape::none, '\n');
      }
      space_before = true;
      ++i;
      continue;
    }
    if (c == '"') {
      push(i, i + 1, TokKind::mark, MarkShape::dq_ascii, '"');
      ++i;
      continue;
    }
    if (c == '\'') {
      // ,''' closes a single quote, then a double one (NYT style).
      if (i + 2 < n && t[i + 1] == '\'' && t[i + 2] == '\'' && !space_before) {
        push(i, i + 1, TokKind::mark, MarkShape::sq_ascii, '\'');
        push(i + 1, i + 3, TokKind::mark, MarkShape::dq_twin, '"');
        i += 3;
        continue;
      }
      if (i + 1 < n && t[i + 1] == '\'') {
        push(i, i + 2, TokKind::mark, MarkShape::dq_twin, '"');
        i += 2;
      } else {
        push(i, i + 1, TokKind::mark, MarkShape::sq_ascii, '\'');
        ++i;
      }
      continue;
    }
    if (c == '`') {
      if (i + 1 < n && t[i + 1] == '`') {
        push(i, i + 2, TokKind::mark, MarkShape::dq_open, '"');
        i += 2;
      } else {
        push(i, i + 1, TokKind::mark, MarkShape::sq_open, '\'');
        ++i;
      }
      continue;
    }
    if (const std::size_t sl = special_len(t, i); sl != 0) {
      const auto d = static_cast<unsigned char>(t[i + 1]);
      if (c == 0xC2) {
        if (d == 0xA0) {
          space_before = true;
        } else {
          push(i, i + 2, TokKind::mark, d == 0xAB ? MarkShape::dq_open : MarkShape::dq_close, '"');
        }
        i += 2;
        continue;
      }
      if (c == 0xE2 && d == 0x80) {
        const auto x = static_cast<unsigned char>(t[i + 2]);
        switch (x) {
          case 0x9C:
          case 0x9E:
          case 0x9F:
            push(i, i + 3, TokKind::mark, MarkShape::dq_open, '"');
            break;
          case 0x9D:
            push(i, i + 3, TokKind::mark, MarkShape::dq_close, '"');
            break;
          case 0x98:
          case 0x9B:
            push(i, i + 3, TokKind::mark, MarkShape::sq_open, '\'');
            break;
          case 0x99:
            push(i, i + 3, TokKind::mark, MarkShape::sq_close, '\'');
            break;
          case 0x92:
          case 0x93:
          case 0x94:
          case 0x95:
            push(i, i + 3, TokKind::punct, MarkShape::none, '-');
            break;
          case 0xA6:
            push(i, i + 3, TokKind::punct, MarkShape::none, 'e');
            break;
          default:
            if (x <= 0x8B || x == 0xA8 || x == 0xA9 || x == 0xAF) {
              space_before = true;  // typographic spaces and separators
            } else {
              push(i, i + 3, TokKind::punct, MarkShape::none, '*');
            }
        }
        i += 3;
        continue;
      }
      if (c == 0xE2 || c == 0xE3) {
        if (c == 0xE3) {
          space_before = true;
        } else {
          push(i, i + sl, TokKind::punct, MarkShape::none, '*');
        }
        i += sl;
        continue;
      }
    }
    if (word_byte(t, i)) {
      const std::size_t b = i;
      bool inner_dot = false;
      bool digit_apostrophe = false;
      bool apostrophe = false;
      while (i < n) {
        const auto ci = static_cast<unsigned char>(t[i]);
        if (ci < 0x80 && ascii_alnum(ci)) {
          ++i;
          continue;
        }
        if (ci >= 0x80) {
          if (special_len(t, i) == 0) {
            i += utf8_len(ci);
            continue;
          }
          // ’ between two letters is an apostrophe inside the word (don’t).
          if (ci == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
              static_cast<unsigned char>(t[i + 2]) == 0x99 && i + 3 < n && word_byte(t, i + 3)) {
            apostrophe = true;
            if (ascii_digit(static_cast<unsigned char>(t[i - 1])) &&
                ascii_digit(static_cast<unsigned char>(t[i + 3]))) {
              digit_apostrophe = true;  // 6’2”
            }
            i += 3;
            continue;
          }
          break;
        }
        if ((ci == '\'' || ci == '-' || ci == '.' || ci == '&') && i + 1 < n && word_byte(t, i + 1) &&
            t[i + 1] != '\'') {
          if (ci == '.') inner_dot = true;
          if (ci == '\'') apostrophe = true;
          if (ci == '\'' && ascii_digit(static_cast<unsigned char>(t[i - 1])) &&
              ascii_digit(static_cast<unsigned char>(t[i + 1]))) {
            digit_apostrophe = true;
          }
          ++i;
          continue;
        }
        if (ci == ',' && ascii_digit(static_cast<unsigned char>(t[i - 1])) && i + 1 < n &&
            ascii_digit(static_cast<unsigned char>(t[i + 1]))) {
          ++i;
          continue;
        }
        break;
      }
      // "Sanders’ campaign": a plural possessive before a lower-case word.
      if (i + 2 < n && (t[i - 1] == 's' || t[i - 1] == 'S')) {
        std::size_t a = 0;
        if (t[i] == '\'' && t[i + 1] != '\'') a = 1;
        if (t.substr(i, 3) == "\xE2\x80\x99") a = 3;
        if (a != 0 && i + a + 1 < n && t[i + a] == ' ' && t[i + a + 1] >= 'a' && t[i + a + 1] <= 'z') i += a;
      }
      // 5'10": the inch mark belongs to the measure, not to a quotation.
      if (digit_apostrophe && i < n && ascii_digit(static_cast<unsigned char>(t[i - 1]))) {
        if (t[i] == '"') {
          ++i;
        } else if (t.substr(i, 3) == "\xE2\x80\x9D" || t.substr(i, 3) == "\xE2\x80\xB3") {
          i += 3;
        }
      }
      std::string_view w = t.substr(b, i - b);
      std::uint32_t lex = lexicon.classes(w);
      if (apostrophe && w.size() > 3 &&
          (w.substr(w.size() - 3) == "n't" || (w.size() > 5 && w.substr(w.size() - 5) == "n\xE2\x80\x99t"))) {
        lex |= kAux;  // "doesn't", "won’t": negated auxiliaries
      }
      if (lex == 0 && apostrophe) {
        // "he's", "they’re": a contracted pronoun still starts a clause.
        const std::size_t apo = std::min(w.find('\''), w.find("\xE2\x80\x99"));
        if (apo != std::string_view::npos && apo > 0) {
          // "he's", "they'd": the pronoun; not the writer's "I'd", "you'd".
          const std::string_view stem = w.substr(0, apo);
          const bool writer = stem == "I" || stem == "i" || stem == "you" || stem == "You";
          lex = lexicon.classes(stem) & (writer ? kClauseStart : kClauseStart | kPronoun | kPersonPronoun);
        }
      }
      // An abbreviation's period is part of the word ("Mr.", "U.S.", "W.").
      // ("No. 5" is an abbreviation; "said no." ends a sentence.)
      const auto said_no = [&] {  // (only asked of a word before a period)
        const bool digit_next = (i + 1 < n && ascii_digit(static_cast<unsigned char>(t[i + 1]))) ||
                                (i + 2 < n && t[i + 1] == ' ' && ascii_digit(static_cast<unsigned char>(t[i + 2])));
        return (w == "no" || w == "No") && !digit_next;
      };
      if (i < n && t[i] == '.' && (inner_dot || (lex & kAbbrev) != 0 || (w.size() == 1 && starts_upper(w, 0))) &&
          !said_no()) {
        ++i;
        if (!inner_dot && (lex & kAbbrev) == 0) lex = 0;
      }
      push(b, i, TokKind::word, MarkShape::none, 0);
      Tok& tok = out.back();
      tok.lex = lex;
      if (starts_upper(t, b)) tok.flags |= kCap;
      if (ascii_digit(c)) tok.flags |= kDigit;
      if (t[i - 1] == 's' || t[i - 1] == 'S') tok.flags |= kEndsInS;
      continue;
    }
    // ASCII punctuation (and anything else): one token per character, with
    // "--" read as a dash.
    if (c == '-' && i + 1 < n && t[i + 1] == '-') {
      std::size_t e = i;
      while (e < n && t[e] == '-') ++e;
      push(i, e, TokKind::punct, MarkShape::none, '-');
      i = e;
      continue;
    }
    const std::size_t len = utf8_len(c);
    push(i, i + len, TokKind::punct, MarkShape::none, c < 0x80 ? static_cast<char>(c) : '*');
    i += len;
  }
  if (!out.empty()) out.back().flags |= kSpaceAfter;
  return out;
}

}  // namespace docpipe::quotes::detail
