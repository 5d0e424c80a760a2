// Paragraphs: blank lines always separate them; in wire style (no blank
// line anywhere, and most lines end a sentence or are short like headlines
// and bylines) every line break does too.

#include "tokenizer.hpp"

#include "detail/chars.hpp"

#include <array>

namespace docpipe::tokenizer {
namespace {

using detail::CharClass;
using detail::CodePoint;
using detail::decode;

struct Line {
  std::size_t begin;  // first non-space byte
  std::size_t end;    // end of the last non-space code point
  bool blank;
  bool hard_break;  // ends with U+2029 or a form feed: a paragraph break of its own
};

// Length of the line break at i (0 if none) and whether it also breaks the
// paragraph (U+2029, form feed).
inline std::size_t line_break_at(std::string_view text, std::size_t i, bool& hard) {
  switch (static_cast<unsigned char>(text[i])) {
    case '\n':
    case '\v':
      return 1;
    case '\f':
      hard = true;
      return 1;
    case '\r':
      return i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
    case 0xC2:
    case 0xE2: {
      const CodePoint c = decode(text, i);
      if (c.cls != CharClass::newline) return 0;
      hard = c.cp == 0x2029;
      return c.len;
    }
    default:
      return 0;
  }
}

// Calls f(Line) for each line of `text`. Only the bytes at the line's ends
// are decoded; the middle is a byte scan for line breaks.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    Line line{i, i, true, false};
    std::size_t end = i;
    std::size_t brk = 0;
    for (;;) {
      end = detail::skip_to_break_candidate(text, end);
      if (end >= n || (brk = line_break_at(text, end, line.hard_break)) != 0) break;
      ++end;
    }
    // trim
    std::size_t b = i;
    while (b < end) {
      const CodePoint c = decode(text, b);
      if (!detail::is_space(c.cls)) break;
      b += c.len;
    }
    if (b < end) {
      std::size_t e = end;
      while (e > b) {
        const std::size_t s = detail::previous_start(text, e);
        const CodePoint c = decode(text, s);
        if (!detail::is_space(c.cls) || s + c.len != e) break;  // (an invalid byte is not space)
        e = s;
      }
      line.begin = b;
      line.end = e;
      line.blank = false;
    }
    if (!f(line)) return;
    i = end + brk;
  }
}

bool ends_like_paragraph(std::string_view text, const Line& line) {
  const std::size_t last = detail::previous_start(text, line.end);
  switch (decode(text, last).cp) {
    case '.':
    case '!':
    case '?':
    case '"':
    case '\'':
    case ':':
    case ')':
    case 0x201D:
    case 0x2019:
    case 0x2026:
      return true;
    default:
      return line.end - line.begin < 60;  // headline, byline, dateline
  }
}

}  // namespace

void Tokenizer::split_paragraphs(std::string_view text, std::vector<Paragraph>& out) const {
  ParagraphRule rule = options_.paragraph_rule;
  if (rule == ParagraphRule::automatic) {
    std::size_t lines = 0;
    std::size_t wire_like = 0;
    bool blank_between = false;
    bool seen_text = false;
    bool pending_blank = false;
    for_each_line(text, [&](const Line& line) {
      if (line.blank) {
        pending_blank = seen_text;
        return true;
      }
      if (pending_blank) {
        blank_between = true;
        return false;  // blank lines decide it
      }
      pending_blank = line.hard_break;
      seen_text = true;
      ++lines;
      if (ends_like_paragraph(text, line)) ++wire_like;
      return true;
    });
    rule =
        !blank_between && lines >= 2 && wire_like * 10 >= lines * 6 ? ParagraphRule::line : ParagraphRule::blank_line;
  }
  std::size_t begin = 0;
  std::size_t end = 0;
  bool open = false;
  for_each_line(text, [&](const Line& line) {
    if (line.blank) {
      if (open) out.push_back({static_cast<Offset>(begin), static_cast<Offset>(end)});
      open = false;
      return true;
    }
    if (!open) begin = line.begin;
    open = true;
    end = line.end;
    if (rule == ParagraphRule::line || line.hard_break) {
      out.push_back({static_cast<Offset>(begin), static_cast<Offset>(end)});
      open = false;
    }
    return true;
  });
  if (open) out.push_back({static_cast<Offset>(begin), static_cast<Offset>(end)});
}

}  // namespace docpipe::tokenizer
