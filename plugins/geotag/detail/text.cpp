#include "detail/text.hpp"

#include <utf8proc.h>

#include <cstdlib>

namespace docpipe::geotag::detail {
namespace {

bool is_separator_ascii(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case '-': case '/': case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case '"': case '!': case '?': case '{': case '}': case '<': case '>': case '|': case '*':
      return true;
    default:
      return false;
  }
}

// Decodes the code point at text[pos]; returns its length (1 for invalid bytes).
std::uint32_t decode(std::string_view text, std::uint32_t pos, utf8proc_int32_t& cp) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  const auto n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    cp = -1;
    return 1;
  }
  return static_cast<std::uint32_t>(n);
}

bool is_space_or_separator(utf8proc_int32_t cp) {
  if (cp < 0) return true;
  if (cp < 0x80) return is_separator_ascii(static_cast<char>(cp));
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_PD:  // dashes
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:  // quotes (’ is Pf: handled below)
      return cp != 0x2019;
    default:
      return false;
  }
}

}  // namespace

void append_normalized(std::string_view text, std::string& out) {
  bool ascii = true;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string folded;
  if (!ascii) {
    utf8proc_uint8_t* mapped = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                               UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                               UTF8PROC_STRIPMARK));
    if (n >= 0 && mapped != nullptr) {
      folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
      text = folded;
    }
    std::free(mapped);
  }
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x99 || third == 0x98) {  // ’ ‘ as '
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (third >= 0x90 && third <= 0x95) {  // dashes as -
        out.push_back('-');
        i += 2;
        continue;
      }
    }
    out.push_back(c);
  }
}

std::string normalized(std::string_view text) {
  std::string out;
  append_normalized(text, out);
  return out;
}

void split_units(std::string_view text, std::uint32_t begin, std::uint32_t end, bool strip_possessive,
                 std::vector<Unit>& out) {
  std::uint32_t pos = begin;
  while (pos < end) {
    utf8proc_int32_t cp = 0;
    std::uint32_t len = 0;
    // Skip separators.
    while (pos < end) {
      const auto c = static_cast<unsigned char>(text[pos]);
      if (c < 0x80) {
        if (!is_separator_ascii(static_cast<char>(c)) && c != '.' && c != '\'') break;
        ++pos;
        continue;
      }
      len = decode(text, pos, cp);
      if (!is_space_or_separator(cp) && cp != 0x2019) break;
      pos += len;
    }
    if (pos >= end) break;
    const std::uint32_t start = pos;
    while (pos < end) {
      const auto c = static_cast<unsigned char>(text[pos]);
      if (c < 0x80) {
        if (is_separator_ascii(static_cast<char>(c))) break;
        ++pos;
        continue;
      }
      len = decode(text, pos, cp);
      if (is_space_or_separator(cp)) break;
      pos += len;
    }
    Unit unit{start, pos, false};
    // Trailing periods and apostrophes are not part of the word.
    while (unit.end > unit.begin && (text[unit.end - 1] == '.' || text[unit.end - 1] == '\'')) {
      if (text[unit.end - 1] == '.') unit.dot_after = true;
      --unit.end;
    }
    if (strip_possessive && unit.end - unit.begin > 2) {
      if (text[unit.end - 1] == 's' || text[unit.end - 1] == 'S') {
        if (text[unit.end - 2] == '\'') {
          unit.end -= 2;
          unit.dot_after = false;
        } else if (unit.end - unit.begin > 4 && text.substr(unit.end - 4, 3) == "\xE2\x80\x99") {
          unit.end -= 4;
          unit.dot_after = false;
        }
      }
    }
    if (unit.end > unit.begin) out.push_back(unit);
  }
}

bool starts_upper(std::string_view text, std::uint32_t pos) {
  if (pos >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp = 0;
  decode(text, pos, cp);
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

bool is_all_caps(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  bool letter = false;
  for (std::uint32_t i = begin; i < end && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

}  // namespace docpipe::geotag::detail
