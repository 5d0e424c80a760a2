// Sentences over the token stream. A sentence may end after a terminal
// token (". ! ? ..." or an abbreviation with its period) plus the closing
// quotes and brackets attached to it; what follows decides. Paragraph breaks
// always end a sentence; single line breaks end one when the line has no
// final punctuation and does not run on (headlines, datelines, bylines).

#include "tokenizer.hpp"

#include "detail/chars.hpp"
#include "detail/lexicon.hpp"

#include <algorithm>
#include <limits>

namespace docpipe::tokenizer {
namespace {

using detail::CharClass;
using detail::CodePoint;
using detail::decode;

enum class Terminal : std::uint8_t { none, stop, ellipsis, long_ellipsis, mark, abbreviation, emoticon };
enum class ListStyle : std::uint8_t { none, period, paren, period_paren };

struct ListMarker {
  ListStyle style = ListStyle::none;
  int value = 0;
  std::size_t tokens = 0;  // how many tokens the marker spans
};

bool is_bullet(char32_t cp) {
  switch (cp) {
    case 0x2022:
    case 0x25AA:
    case 0x25E6:
    case 0x2023:
    case 0x2043:
    case 0x25CF:
    case 0x25A0:
    case 0x25BA:
    case 0x2013:
    case 0x2014:
      return true;
    default:
      return false;
  }
}

bool is_closer(char32_t cp) {
  switch (cp) {
    case ')':
    case ']':
    case '}':
    case '"':
    case '\'':
    case 0x201D:
    case 0x2019:
    case 0x00BB:
    case 0x203A:
    case 0x300D:  // 」
    case 0x300F:  // 』
    case 0xFF09:  // ）
      return true;
    default:
      return false;
  }
}

bool is_opener_punct(char32_t cp) {
  switch (cp) {
    case '(':
    case '[':
    case '{':
    case '"':
    case '\'':
    case 0x201C:
    case 0x2018:
    case 0x00AB:
    case 0x201E:
    case 0x00BF:
    case 0x00A1:
      return true;
    default:
      return false;
  }
}

// Words that end a line without ending it ("the\nUnited States").
bool runs_on(std::string_view w) {
  static constexpr std::string_view kWords[] = {",",  ";",    "-",    "(",  "/",   "&",   "and",  "or", "the",
                                                "of", "to",   "a",    "an", "in",  "for", "with", "by", "at",
                                                "on", "from", "that", "is", "was", "are", "but"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}

class SentenceScanner {
 public:
  SentenceScanner(const Tokenizer& tokenizer, std::string_view text, const std::vector<Token>& tokens,
                  const std::vector<Paragraph>& paragraphs, std::vector<Sentence>& out)
      : tokenizer_(tokenizer), text_(text), tok_(tokens), paragraphs_(paragraphs), out_(out) {}

  void run() {
    const std::size_t n = tok_.size();
    std::size_t para = 0;
    std::size_t start = 0;
    bool at_start = true;
    std::size_t i = 0;
    while (i < n) {
      while (para < paragraphs_.size() && paragraphs_[para].end <= tok_[i].begin) ++para;
      para_end_ = para < paragraphs_.size() ? paragraphs_[para].end : std::numeric_limits<Offset>::max();
      if (at_start) {
        start_ = start = i;
        note_list_marker(i);
        at_start = false;
      }
      // Most tokens are settled by the fast check: pass them in a tight loop.
      while (i + 1 < n && tok_[i + 1].begin < para_end_ && plain_pair(i)) ++i;
      std::size_t last = i;
      bool brk = true;
      if (i + 1 < n && tok_[i + 1].begin < para_end_) brk = decide(i, last);
      if (brk) {
        out_.push_back({tok_[start].begin, tok_[last].end});
        at_start = true;
      }
      i = last + 1;
    }
  }

 private:
  [[nodiscard]] std::string_view str(std::size_t i) const {
    return text_.substr(tok_[i].begin, tok_[i].end - tok_[i].begin);
  }
  [[nodiscard]] char32_t first_cp(std::size_t i) const { return decode(text_, tok_[i].begin).cp; }
  [[nodiscard]] CharClass first_class(std::size_t i) const { return decode(text_, tok_[i].begin).cls; }
  [[nodiscard]] bool attached(std::size_t i) const { return i > 0 && tok_[i - 1].end == tok_[i].begin; }
  [[nodiscard]] bool in_para(std::size_t i) const { return i < tok_.size() && tok_[i].begin < para_end_; }

  [[nodiscard]] bool gap_has_newline(std::size_t i) const {
    for (Offset p = tok_[i].end; p < tok_[i + 1].begin;) {
      const CodePoint c = decode(text_, p);
      if (c.cls == CharClass::newline) return true;
      p += c.len;
    }
    return false;
  }

  // A word of two or more letters that is not an abbreviation: a period
  // after it ends a sentence even before a lowercase word (web text).
  [[nodiscard]] bool plain_word(std::size_t i) const {
    const std::string_view w = str(i);
    if (tok_[i].kind == TokenKind::number) return w.size() >= 3;  // "call 555-1234. they"
    if (tok_[i].kind == TokenKind::punct) return w.size() == 1 && is_closer(first_cp(i));
    if (tok_[i].kind != TokenKind::word) return false;
    if (w.size() < 2) return false;
    return tokenizer_.abbreviations().find(w) < 0;
  }

  [[nodiscard]] bool is_lower_start(std::size_t i) const { return first_class(i) == CharClass::lower; }

  // Starts like a sentence: a capital, a digit, or opening punctuation.
  // Not a dash, comma or other mark that continues a sentence ("!”—is").
  [[nodiscard]] bool is_upper_start(std::size_t i) const {
    const CodePoint c = decode(text_, tok_[i].begin);
    switch (c.cls) {
      case CharClass::upper:
      case CharClass::digit:
      case CharClass::letter:
      case CharClass::symbol:
      case CharClass::emoji:
        return true;
      default:
        return is_opener_punct(c.cp) || (is_bullet(c.cp) && c.cp != 0x2013 && c.cp != 0x2014) ||
               tok_[i].kind == TokenKind::url;
    }
  }

  // A capitalized word that usually opens a sentence ("The", "He", "But"),
  // or an opening quote.
  [[nodiscard]] bool is_opener(std::size_t i) const {
    const char32_t cp = first_cp(i);
    return detail::is_sentence_opener(str(i)) || (is_opener_punct(cp) && cp != '(' && cp != '[');
  }

  // "I" is capitalized anywhere, so it is no sign of a new sentence.
  [[nodiscard]] bool is_pronoun_i(std::size_t i) const {
    const std::string_view w = str(i);
    return w == "I" || (w.size() > 2 && w[0] == 'I' && (w[1] == '\'' || w.substr(1, 3) == "\xE2\x80\x99"));
  }

  [[nodiscard]] Terminal terminal(std::size_t i) const {
    const std::string_view s = str(i);
    const Token& t = tok_[i];
    if (t.kind == TokenKind::word) {
      return s.size() > 1 && s.back() == '.' ? Terminal::abbreviation : Terminal::none;
    }
    if (t.kind == TokenKind::symbol && detail::emoticon_length(s) == s.size()) return Terminal::emoticon;
    if (t.kind != TokenKind::punct) return Terminal::none;
    if (s == "\xE2\x80\xA6") return Terminal::ellipsis;
    if (s.size() > 1) {
      // Full stops and question marks of other scripts: 。！？ । ؟ ۔
      switch (decode(text_, t.begin).cp) {
        case 0x3002:
        case 0xFF01:
        case 0xFF1F:
        case 0xFF0E:
        case 0x0964:
        case 0x0965:
        case 0x061F:
        case 0x06D4:
          return Terminal::mark;
        default:
          break;
      }
    }
    bool dots_only = true;
    for (char c : s) {
      if (c == '!' || c == '?') {
        dots_only = false;
      } else if (c != '.') {
        return Terminal::none;
      }
    }
    if (!dots_only) {
      // "(?)", "(!)": a comment inside a sentence
      if (i > 0 && attached(i) && (str(i - 1) == "(" || str(i - 1) == ":")) return Terminal::none;
      return Terminal::mark;
    }
    if (s.size() == 1) return Terminal::stop;
    if (s.size() == 3) return Terminal::ellipsis;
    return Terminal::long_ellipsis;
  }

  // A list marker at token i: "1." "1)" "1.)" "a." "a)".
  [[nodiscard]] ListMarker list_marker(std::size_t i) const {
    const std::size_t n = tok_.size();
    const std::string_view s = str(i);
    ListMarker m;
    if (tok_[i].kind == TokenKind::number && s.size() <= 3) {
      m.value = 0;
      for (char c : s) {
        if (c < '0' || c > '9') return {};
        m.value = m.value * 10 + (c - '0');
      }
    } else if (s.size() == 2 && s[1] == '.' && s[0] >= 'a' && s[0] <= 'z') {
      m.value = s[0] - 'a' + 1;
      m.style = ListStyle::period;
      m.tokens = 1;
    } else if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z') {
      m.value = s[0] - 'a' + 1;
    } else {
      return {};
    }
    if (m.style == ListStyle::none) {
      if (i + 1 >= n || !attached(i + 1)) return {};
      const std::string_view a = str(i + 1);
      if (a == ".") {
        if (i + 2 < n && attached(i + 2) && str(i + 2) == ")") {
          m.style = ListStyle::period_paren;
          m.tokens = 3;
        } else if (s.size() == 1 && s[0] >= 'a') {
          return {};  // "a ." is no marker
        } else {
          m.style = ListStyle::period;
          m.tokens = 2;
        }
      } else if (a == ")") {
        m.style = ListStyle::paren;
        m.tokens = 2;
      } else {
        return {};
      }
    }
    if (i + m.tokens >= n || attached(i + m.tokens)) return {};
    return m;
  }

  void note_list_marker(std::size_t i) {
    std::size_t at = i;
    if (is_bullet(first_cp(i)) && i + 1 < tok_.size()) at = i + 1;
    const ListMarker m = list_marker(at);
    if (m.style != ListStyle::none) {
      list_ = m;
      marker_end_ = at + m.tokens;  // tokens before this index belong to the marker
    } else {
      marker_end_ = 0;
    }
  }

  // True when the tokens from i on continue the current list ("2." after "1.").
  [[nodiscard]] bool continues_list(std::size_t i) const {
    if (list_.style == ListStyle::none) return false;
    const ListMarker m = list_marker(i);
    return m.style == list_.style && m.value == list_.value + 1 && in_para(i + m.tokens);
  }

  // "04/26/2001", "4/26/01"
  [[nodiscard]] bool is_date(std::size_t i) const {
    if (tok_[i].kind != TokenKind::number) return false;
    int slashes = 0;
    for (char c : str(i)) {
      if (c == '/')
        ++slashes;
      else if (c < '0' || c > '9')
        return false;
    }
    return slashes == 2;
  }

  // "07:17", "03:14:14"
  [[nodiscard]] bool is_time(std::size_t i) const {
    if (tok_[i].kind != TokenKind::number) return false;
    const std::string_view s = str(i);
    return s.size() >= 4 && s.size() <= 8 && s.find(':') != std::string_view::npos &&
           s.find_first_not_of("0123456789:") == std::string_view::npos;
  }

  [[nodiscard]] bool is_am_pm(std::size_t i) const {
    const std::string_view s = str(i);
    return s == "AM" || s == "PM" || s == "am" || s == "pm" || s == "a.m." || s == "p.m." || s == "A.M." || s == "P.M.";
  }

  // The time stamp of a forwarded e-mail stands alone:
  // "Kay Mann | 04/26/2001 07:17 AM | Will you ..."
  [[nodiscard]] bool time_stamp_boundary(std::size_t i) const {
    const std::size_t next = i + 1;
    if (i >= 2 && is_am_pm(i) && is_time(i - 1) && is_date(i - 2)) return true;
    if (next + 1 < tok_.size() && is_date(next) && is_time(next + 1)) {
      const CharClass c = first_class(i);
      return c == CharClass::upper || tok_[i].kind == TokenKind::email || str(i) == ">";
    }
    return false;
  }

  // Letter openings and closings stand alone: "Hi, | Yes, ...",
  // "Best regards, | Debra", "Thanks, | Sean".
  [[nodiscard]] bool ends_greeting(std::size_t i) const {
    if (str(i) != "," || i > start_ + 3 || i == start_) return false;
    static constexpr std::string_view kFirst[] = {
        "Hi",   "Hello",   "Hey",    "Dear",   "Greetings", "Regards",      "Best",  "Kind",     "Kindest",
        "Warm", "Warmest", "Thanks", "Cheers", "Sincerely", "Respectfully", "Yours", "Cordially"};
    const std::string_view w = str(start_);
    bool greeting = false;
    for (std::string_view k : kFirst) greeting = greeting || w == k;
    if (!greeting) return false;
    if (i > start_ + 1 && w != "Dear" && str(i - 1) != "regards" && str(i - 1) != "wishes") return false;
    const std::size_t next = i + 1;
    return first_class(next) == CharClass::upper && !is_pronoun_i(next);
  }

  // An all-capitals subheading run into its paragraph:
  // "MANUFACTURING SECTOR TAKING HIT The Economy Ministry said ...".
  [[nodiscard]] bool ends_caps_heading(std::size_t i) const {
    if (i < start_ + 2 || i > start_ + 12) return false;
    const std::size_t next = i + 1;
    const std::string_view n = str(next);
    if (tok_[next].kind != TokenKind::word || n.size() < 2 || !(n[0] >= 'A' && n[0] <= 'Z') ||
        !(n[1] >= 'a' && n[1] <= 'z'))
      return false;  // "The", not "THE" or "U.S."
    for (std::size_t k = start_; k <= i; ++k) {
      const std::string_view w = str(k);
      if (tok_[k].kind != TokenKind::word || w.size() < 2) return false;
      for (char c : w)
        if (!((c >= 'A' && c <= 'Z') || c == '\'' || c == '-')) return false;
    }
    return true;
  }

  // "TEHRAN (AFP) - An international ...": a dateline before the story.
  [[nodiscard]] bool ends_dateline(std::size_t i) const {
    const std::string_view dash = str(i);
    if (dash != "-" && dash != "--" && dash != "\xE2\x80\x94" && dash != "\xE2\x80\x93") return false;
    if (attached(i) || i == start_ || i > start_ + 10 || !in_para(i + 1) || attached(i + 1)) return false;
    const std::string_view first = str(start_);
    if (first.size() < 3 || tok_[start_].kind != TokenKind::word) return false;
    for (char c : first)
      if (!(c >= 'A' && c <= 'Z')) return false;  // TEHRAN, WASHINGTON
    for (std::size_t k = start_ + 1; k < i; ++k) {
      const std::string_view w = str(k);
      if (w == "," || w == "(" || w == ")" || first_class(k) == CharClass::upper ||
          tok_[k].kind == TokenKind::number)  // "BEIJING, March 3 (Reuters) -"
        continue;
      return false;
    }
    return first_class(i + 1) == CharClass::upper || is_opener_punct(first_cp(i + 1));
  }

  // "=====", "*****", "_____": a rule between parts of a message.
  [[nodiscard]] bool is_separator(std::size_t i) const {
    const std::string_view s = str(i);
    if (s.size() < 5 || (tok_[i].kind != TokenKind::punct && tok_[i].kind != TokenKind::symbol)) return false;
    switch (s[0]) {
      case '=':
      case '*':
      case '_':
      case '-':
      case '~':
      case '#':
        break;
      default:
        return false;
    }
    return s.find_first_not_of(s[0]) == std::string_view::npos;
  }

  // Addresses end a header line: "<jane@example.com> Groups: ...",
  // "http://a.org/x http://a.org/y", "jane@example.com Our office ..."
  [[nodiscard]] bool after_address(std::size_t i) const {
    const std::size_t next = i + 1;
    std::size_t a = i;
    if (str(i) == ">" && i > 0) a = i - 1;
    if (tok_[a].kind != TokenKind::email && tok_[a].kind != TokenKind::url) return false;
    if (tok_[a].kind == TokenKind::url && tok_[next].kind == TokenKind::url) return true;
    if (is_separator(next)) return true;
    // a bare address may sit inside a line of a signature or affiliation
    return a != i ? first_class(next) == CharClass::upper : detail::is_sentence_opener(str(next));
  }

  [[nodiscard]] bool breaks_before(std::size_t i) const {
    const std::size_t next = i + 1;
    if (time_stamp_boundary(i)) return true;
    if ((is_separator(i) && !attached(i) && !attached(next)) ||
        (is_separator(next) && !attached(next) && (next + 1 >= tok_.size() || !attached(next + 1))))
      return true;
    if (after_address(i)) return true;
    if (is_bullet(first_cp(next)) && tok_[next].kind != TokenKind::word) {
      const char32_t cp = first_cp(next);
      if ((cp != 0x2013 && cp != 0x2014) || gap_has_newline(i)) return true;
    }
    return continues_list(next);
  }

  // Fast path: token i is followed by a word or number one space away, and
  // no rule can apply ("the cat", "cat ,", ", 5"). Most tokens end here.
  [[nodiscard]] bool plain_pair(std::size_t i) const {
    const Token& a = tok_[i];
    const Token& b = tok_[i + 1];
    if (b.begin == a.end) {  // "cat," "cat." "5)": the mark decides, not the word
      if ((a.kind != TokenKind::word && a.kind != TokenKind::number) || b.kind != TokenKind::punct ||
          text_[a.end - 1] == '.')
        return false;
      switch (text_[b.begin]) {
        case ',':
        case ';':
        case ':':
        case ')':
        case '\'':
        case '"':
        case '.':
        case '!':
        case '?':
          break;
        default:
          return false;
      }
      const char c = static_cast<char>(text_[a.begin] | 0x20);
      const std::size_t len = a.end - a.begin;
      return !((len == 2 || len == 4) && (c == 'a' || c == 'p'));  // AM, PM
    }
    if (b.begin != a.end + 1 || text_[a.end] != ' ') return false;  // line breaks
    if (b.kind != TokenKind::word && b.kind != TokenKind::number) return false;
    if (b.kind == TokenKind::number || (list_.style != ListStyle::none && b.end - b.begin <= 2))
      return false;  // dates, list items
    const std::size_t len = a.end - a.begin;
    switch (a.kind) {
      case TokenKind::word: {
        if (text_[a.end - 1] == '.') return false;  // abbreviation
        if (len >= 2 && is_upper_ascii(text_[a.begin]) && is_upper_ascii(text_[a.begin + 1]) &&
            is_upper_ascii(text_[b.begin]))
          return false;  // a capitals heading
        const char c = static_cast<char>(text_[a.begin] | 0x20);
        return !((len == 2 || len == 4) && (c == 'a' || c == 'p'));  // AM, PM
      }
      case TokenKind::number:
        return true;
      case TokenKind::punct:
        if (len != 1) return false;
        switch (text_[a.begin]) {
          case ',':
            return i > start_ + 3;  // greetings
          case ';':
          case ':':
          case '(':
          case ')':
          case '"':
          case '\'':
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
  }

  // Does a sentence end after token i? `last` receives the sentence's last
  // token when it does, or the last token known to stay in it.
  bool decide(std::size_t i, std::size_t& last) {
    if (plain_pair(i)) {
      last = i;
      return false;
    }
    Terminal kind = terminal(i);
    if (kind == Terminal::none || i < marker_end_) {
      last = i;
      if (breaks_before(i)) return true;
      if (ends_greeting(i) || ends_dateline(i) || ends_caps_heading(i)) return true;
      if (gap_has_newline(i)) return ends_line(i);
      return false;
    }
    const std::size_t first = i;
    if (kind == Terminal::stop && i + 1 < tok_.size() && str(i + 1) == "." && spaced(i + 1)) {
      // ". . ." marks an omission, ". . . ." an omission at the end;
      // "word. . . . Next" ends after the first period.
      std::size_t k = i + 1;
      while (k < tok_.size() && str(k) == "." && spaced(k)) ++k;
      if (k - i == 4 && attached(i) && in_para(k) && !is_closer(first_cp(k)) && is_upper_start(k)) {
        last = i;
        return true;
      }
      kind = k - i >= 4 ? Terminal::long_ellipsis : Terminal::ellipsis;
      i = k - 1;
    }
    if ((kind == Terminal::ellipsis || kind == Terminal::long_ellipsis) && i > 0 && attached(i) &&
        (str(i - 1) == "[" || str(i - 1) == "(")) {
      last = i;  // "[...]": an omission mark, not an end
      return false;
    }
    std::size_t j = i;
    while (j + 1 < tok_.size() && in_para(j + 1) && is_closer(first_cp(j + 1)) && str(j + 1).size() <= 3 &&
           (attached(j + 1) || (j == i && (str(j + 1) == ")" || str(j + 1) == "]"))))
      ++j;
    const bool quoted = j != i;  // '"What?" he asked' goes on
    // "I love her. :)" - the smiley belongs to the sentence before
    if (kind != Terminal::emoticon && j + 1 < tok_.size() && in_para(j + 1) && terminal(j + 1) == Terminal::emoticon)
      ++j;
    // A citation or omission mark right after the end belongs to the
    // sentence: "... in 1805. [6] Next", "... for all! [...]", "... rights. 4 Even".
    if (j + 3 < tok_.size() && str(j + 1) == "[" && str(j + 3) == "]" && attached(j + 2) && attached(j + 3) &&
        in_para(j + 3) && (tok_[j + 2].kind == TokenKind::number || terminal(j + 2) == Terminal::ellipsis)) {
      j += 3;
    } else if (j + 2 < tok_.size() && in_para(j + 2) && tok_[j + 1].kind == TokenKind::number &&
               str(j + 1).size() <= 2 && detail::is_sentence_opener(str(j + 2)) && !gap_has_newline(j)) {
      j += 1;  // a footnote number ("rights. 4 Even so"), not "incident. 50 Cent's album"
    }
    last = j;
    if (!in_para(j + 1)) return true;
    const std::size_t next = j + 1;
    if (breaks_before(j)) return true;
    const bool newline = gap_has_newline(j);
    switch (text_[tok_[next].begin]) {
      case ',':
      case ';':
      case ':':
      case ')':
      case ']':
      case '}':
        return false;  // "affiliates. , 2000" is one sentence gone wrong, not two
      default:
        break;
    }
    switch (kind) {
      case Terminal::mark:
        // "What?" he asked. / where are you? i am here.
        return is_upper_start(next) || (is_lower_start(next) && !quoted);
      case Terminal::long_ellipsis:
        return is_upper_start(next);
      case Terminal::ellipsis:
        if (first == start_) return false;  // "... Now comes the fun part"
        // After the spaced ". . ." of edited prose, "I" does not start a sentence.
        if (first != i && is_pronoun_i(next)) return false;
        return is_upper_start(next) && (newline || first_class(next) != CharClass::digit);
      case Terminal::emoticon:
        return is_upper_start(next) && !is_pronoun_i(next) && first_class(next) != CharClass::digit;
      case Terminal::stop:
        return stop_ends(i, next, quoted);
      case Terminal::abbreviation:
        return abbreviation_ends(i, next, newline);
      case Terminal::none:
        break;
    }
    return false;
  }

  [[nodiscard]] bool spaced(std::size_t i) const {
    return tok_[i].begin == tok_[i - 1].end + 1 && text_[tok_[i - 1].end] == ' ';
  }

  // A plain period after a word.
  [[nodiscard]] bool stop_ends(std::size_t i, std::size_t next, bool closed) const {
    if (i > 0 && attached(i) && i - 1 == start_) {
      const ListMarker m = list_marker(start_);
      if (m.style != ListStyle::none) return false;
    }
    if (tok_[next].kind == TokenKind::url) return true;
    if (is_lower_start(next)) return !closed && i > 0 && attached(i) && plain_word(i - 1);
    if (first_class(next) == CharClass::digit && i > 0 && attached(i) && tok_[i - 1].kind != TokenKind::word &&
        tok_[i - 1].kind != TokenKind::number)
      return false;  // "N°. 5"
    return true;
  }

  [[nodiscard]] bool abbreviation_ends(std::size_t i, std::size_t next, bool newline) const {
    std::string_view w = str(i);
    w.remove_suffix(1);
    if (i == start_ && list_marker(i).style != ListStyle::none) return false;    // "a. The first item"
    if (i == start_ && (w == "P.S" || w == "PS" || w == "P.P.S")) return false;  // "P.S. I moved"
    if (is_lower_start(next)) return false;
    if (first_class(next) == CharClass::digit) return newline;
    const bool opener = is_opener(next);
    if (w.find('.') != std::string_view::npos) {
      if (w == "e.g" || w == "i.e" || w == "E.g" || w == "I.e") return false;
      return opener;  // "U.S. How" vs "U.S. Government"
    }
    const CodePoint first = decode(text_, tok_[i].begin);
    if (first.len == w.size()) {
      // An initial ("George W. Bush") unless a lowercase word precedes
      // and a typical opener follows ("you and I. Did").
      if (first.cls == CharClass::upper) return opener && i > 0 && is_lower_start(i - 1);
      return opener;
    }
    const int flags = tokenizer_.abbreviations().find(w);
    if (flags < 0) return opener;
    if ((flags & detail::kTitle) != 0) return false;
    if ((flags & detail::kOftenFinal) != 0) return opener;  // "Acme Inc. Chief Executive ..." goes on
    return opener;
  }

  // At a line break without final punctuation: a headline, byline or
  // dateline ends there, but hard-wrapped prose runs on. A line was broken on
  // purpose when the next word would have fitted on it (the widest line of
  // the text gives the wrap width).
  [[nodiscard]] bool ends_line(std::size_t i) {
    if (runs_on(str(i))) return false;
    const std::size_t next = i + 1;
    if (is_lower_start(next)) return false;
    std::size_t line_start = tok_[i].end;
    while (line_start > 0 && text_[line_start - 1] != '\n' && text_[line_start - 1] != '\r') --line_start;
    const std::size_t used = tok_[i].end - line_start;
    return used + 1 + (tok_[next].end - tok_[next].begin) <= wrap_width();
  }

  // Length in bytes of the longest line of the text, computed once.
  std::size_t wrap_width() {
    if (wrap_width_ == 0) {
      std::size_t from = 0;
      while (from <= text_.size()) {
        std::size_t nl = text_.find('\n', from);
        if (nl == std::string_view::npos) nl = text_.size();
        wrap_width_ = std::max(wrap_width_, nl - from);
        from = nl + 1;
      }
    }
    return wrap_width_;
  }

  const Tokenizer& tokenizer_;
  std::string_view text_;
  const std::vector<Token>& tok_;
  const std::vector<Paragraph>& paragraphs_;
  std::vector<Sentence>& out_;
  Offset para_end_ = 0;
  std::size_t wrap_width_ = 0;  // see wrap_width()
  std::size_t start_ = 0;       // first token of the current sentence
  std::size_t marker_end_ = 0;  // first token after the current sentence's list marker
  ListMarker list_;
};

}  // namespace

void Tokenizer::split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                const std::vector<Paragraph>& paragraphs, std::vector<Sentence>& out) const {
  SentenceScanner(*this, text, tokens, paragraphs, out).run();
}

}  // namespace docpipe::tokenizer
