// Invariants of the three layers on generated and hostile text: tokens are
// in order, never overlap and cover every byte that is not white space;
// sentences and paragraphs are made of whole tokens and nest. Hostile input
// must take linear time.

#include "tokenizer.hpp"

#include "detail/chars.hpp"

#include <utf8proc.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <string>
#include <vector>

using namespace docpipe;
using namespace docpipe::tokenizer;

namespace {

// White space by its own definition (not the tokenizer's): Unicode separators,
// controls, and the zero-width spaces. Invalid bytes are not white space.
bool is_white(std::string_view text, std::size_t i, std::size_t& len) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) {
    len = 1;
    return false;
  }
  len = static_cast<std::size_t>(n);
  if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return true;
    default:
      return false;
  }
}

// The checks return a message instead of asserting per token: a REQUIRE per
// token would make the check itself slow, and a checker that returns can be
// tested on broken layers.
template <typename Span>
std::string check_ordered(const std::vector<Span>& spans, std::size_t size, const char* what) {
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (!(spans[k].begin < spans[k].end)) return std::string(what) + ": empty or out of range";
    if (!(spans[k].end <= size)) return std::string(what) + ": empty or out of range";
    if (k > 0 && spans[k - 1].end > spans[k].begin) return std::string(what) + ": overlap or disorder";
  }
  return {};
}

// Every invariant of `doc` after annotation: empty when all hold, else what
// broke. Linear in the text.
std::string invariant_error(const Document& doc) {
  const std::string_view text = doc.text;
  for (const std::string& e :
       {check_ordered(doc.tokens, text.size(), "tokens"), check_ordered(doc.sentences, text.size(), "sentences"),
        check_ordered(doc.paragraphs, text.size(), "paragraphs")})
    if (!e.empty()) return e;

  // Every byte is either in a token or white space, and tokens hold no white space at their ends.
  std::size_t t = 0;
  for (std::size_t i = 0; i < text.size();) {
    while (t < doc.tokens.size() && doc.tokens[t].end <= i) ++t;
    const bool inside = t < doc.tokens.size() && doc.tokens[t].begin <= i;
    std::size_t len = 1;
    const bool white = is_white(text, i, len);
    if (!inside && !white) return "byte " + std::to_string(i) + " is neither white space nor in a token";
    if (inside && white && (i == doc.tokens[t].begin || i + len == doc.tokens[t].end))
      return "token " + std::to_string(t) + " starts or ends with white space";
    i += inside ? std::min<std::size_t>(len, doc.tokens[t].end - i) : len;
  }

  // Sentences are made of whole tokens, cover all tokens, and nest in paragraphs.
  std::size_t s = 0;
  std::size_t p = 0;
  for (const Token& tok : doc.tokens) {
    while (s < doc.sentences.size() && doc.sentences[s].end <= tok.begin) ++s;
    if (s == doc.sentences.size() || tok.begin < doc.sentences[s].begin || doc.sentences[s].end < tok.end)
      return "a token outside every sentence, or cut by one";
    while (p < doc.paragraphs.size() && doc.paragraphs[p].end <= tok.begin) ++p;
    if (p == doc.paragraphs.size() || tok.begin < doc.paragraphs[p].begin || doc.paragraphs[p].end < tok.end)
      return "a token outside every paragraph, or cut by one";
  }
  p = 0;
  t = 0;
  for (const Sentence& sent : doc.sentences) {
    while (p < doc.paragraphs.size() && doc.paragraphs[p].end <= sent.begin) ++p;
    if (p == doc.paragraphs.size() || sent.begin < doc.paragraphs[p].begin || doc.paragraphs[p].end < sent.end)
      return "a sentence outside every paragraph, or across two";
    while (t < doc.tokens.size() && doc.tokens[t].begin < sent.begin) ++t;
    if (t == doc.tokens.size() || doc.tokens[t].begin != sent.begin) return "a sentence that does not begin a token";
    while (t < doc.tokens.size() && doc.tokens[t].end < sent.end) ++t;
    if (t == doc.tokens.size() || doc.tokens[t].end != sent.end) return "a sentence that does not end a token";
  }
  // Paragraphs are trimmed.
  for (const Paragraph& para : doc.paragraphs) {
    std::size_t len = 1;
    if (is_white(text, para.begin, len)) return "paragraph not trimmed";
  }
  return {};
}

Document annotate(std::string text, const Options& options = {}) {
  Document doc{"t", std::move(text)};
  Tokenizer{options}.annotate(doc);
  return doc;
}

// Fragments that exercise every rule; random concatenations of them make
// text no one would write, which is the point.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> f = {
      "word",
      "Word",
      "U.S.",
      "Mr.",
      "Inc.",
      "e.g.",
      "a.m.",
      "Jan.",
      "No.",
      "5",
      "3.5",
      "5,000",
      "10:30",
      "303-832-8160",
      "13-17",
      "non-human",
      "self-made",
      "and/or",
      "9/30/01",
      "don't",
      "John's",
      "cannot",
      "'",
      "\"",
      "(",
      ")",
      "[",
      "]",
      "[6]",
      "[...]",
      ".",
      ",",
      ";",
      ":",
      "!",
      "?",
      "?!",
      "...",
      "..",
      ". . .",
      "-",
      "--",
      "\xE2\x80\x94",
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\xE2\x80\x99",
      "\xE2\x80\x98",
      ":)",
      ":-(",
      "http://x.org/a(b)",
      "www.x.com",
      "a@b.com",
      "<a@b.co>",
      "#tag",
      "@name",
      "+1",
      "$",
      "%",
      "*****",
      "=====",
      "1.",
      "2)",
      "a.",
      "\xE2\x80\xA2",
      "\xE2\x81\x83",
      "\xC3\xA9t\xC3\xA9",
      "e\xCC\x81",
      "\xCC\x81",
      "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
      "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5",
      "\xE2\x80\x8D",
      "\xE4\xB8\xAD\xE6\x96\x87",
      "\xFF",
      "\xC3",
      "\xE2\x80",
      "\xED\xA0\x80",
      "04/26/2001",
      "07:17",
      "AM",
      "Hi",
      "Regards",
      "TOKYO",
      "(AP)",
      "5km",
      "quality.You",
      "Yahoo!",
      "P.S.",
      "\xE2\x80\xA6",
      "''",
      "``",
  };
  return f;
}

const std::vector<std::string>& separators() {
  static const std::vector<std::string> s = {
      " ", " ", " ", "", "\n", "\n\n", "\t", "\r\n", "\xC2\xA0", "\xE2\x80\xA8", "\xE2\x80\xA9", "  \n  \n", "\f"};
  return s;
}

std::string random_text(std::mt19937& rng, std::size_t pieces) {
  const auto& f = fragments();
  const auto& s = separators();
  std::string text;
  for (std::size_t k = 0; k < pieces; ++k) {
    text += f[rng() % f.size()];
    text += s[rng() % s.size()];
  }
  return text;
}

double seconds_for(const std::string& text, bool check) {
  const auto start = std::chrono::steady_clock::now();
  const Document doc = annotate(text);
  const auto stop = std::chrono::steady_clock::now();
  if (check) REQUIRE(invariant_error(doc) == "");
  return std::chrono::duration<double>(stop - start).count();
}

// Linear time: 8 times the input may not take much more than 8 times as long
// (quadratic work takes 64 times as long). Each size is timed several times
// and the best kept, and a fixed allowance absorbs a busy machine's noise, so
// the test fails on a complexity regression, not on load.
void check_linear(const std::string& unit, std::size_t small_bytes) {
  std::string small;
  while (small.size() < small_bytes) small += unit;
  std::string large;
  large.reserve(small.size() * 8);
  for (int k = 0; k < 8; ++k) large += small;
  double best_small = 1e9;
  double best_large = 1e9;
  for (int k = 0; k < 3; ++k) {
    best_small = std::min(best_small, seconds_for(small, k == 0));
    best_large = std::min(best_large, seconds_for(large, k == 0));
  }
  INFO("small " << best_small << " s, 8x large " << best_large << " s");
  CHECK(best_large < 32 * best_small + 0.1);
}

}  // namespace

TEST_CASE("invariants hold on random text", "[tokenizer]") {
  std::mt19937 rng(20240611);
  Options clitics;
  clitics.split_clitics = true;
  Options lines;
  lines.paragraph_rule = ParagraphRule::line;
  Options blank;
  blank.paragraph_rule = ParagraphRule::blank_line;
  blank.split_hyphens = false;
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_text(rng, 1 + rng() % 60);
    INFO("text: " << text);
    REQUIRE(invariant_error(annotate(text)) == "");
    REQUIRE(invariant_error(annotate(text, clitics)) == "");
    REQUIRE(invariant_error(annotate(text, lines)) == "");
    REQUIRE(invariant_error(annotate(text, blank)) == "");
  }
}

TEST_CASE("invariants hold on random bytes", "[tokenizer]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text(rng() % 200, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    REQUIRE(invariant_error(annotate(text)) == "");
  }
}

TEST_CASE("the invariant checker catches broken layers", "[tokenizer]") {
  const Document good = annotate("One sentence here. And another one.\n\nA paragraph.");
  REQUIRE(invariant_error(good) == "");
  Document missing = good;
  missing.tokens.erase(missing.tokens.begin() + 1);
  CHECK(invariant_error(missing) != "");
  Document overlap = good;
  overlap.tokens[1].begin = overlap.tokens[0].begin;
  CHECK(invariant_error(overlap) != "");
  Document spill = good;
  spill.sentences[1].end = spill.paragraphs[1].end;  // crosses into the next paragraph
  CHECK(invariant_error(spill) != "");
  Document untrimmed = good;
  untrimmed.paragraphs[1].begin -= 1;
  CHECK(invariant_error(untrimmed) != "");
}

TEST_CASE("annotation is deterministic and replaces old layers", "[tokenizer]") {
  std::mt19937 rng(3);
  const std::string text = random_text(rng, 200);
  Document a = annotate(text);
  const Tokenizer tok{{}};
  tok.annotate(a);  // again, on a document that already has the layers
  const Document b = annotate(text);
  CHECK(a.tokens == b.tokens);
  CHECK(a.sentences == b.sentences);
  CHECK(a.paragraphs == b.paragraphs);
}

TEST_CASE("empty and blank documents", "[tokenizer]") {
  for (const char* text : {"", " ", "\n\n\n", "\xC2\xA0\t\r\n"}) {
    const Document doc = annotate(text);
    CHECK(doc.tokens.empty());
    CHECK(doc.sentences.empty());
    CHECK(doc.paragraphs.empty());
    CHECK(doc.has_layer("tokens"));
  }
}

TEST_CASE("hostile input takes linear time", "[tokenizer]") {
  SECTION("10 MB without a space or a newline") {
    std::string text;
    const std::string unit = "abcdefghij0123456789";
    while (text.size() < 10'000'000) text += unit;
    const Document doc = annotate(text);
    REQUIRE(invariant_error(doc) == "");
    CHECK(doc.tokens.size() == 1);
    CHECK(doc.sentences.size() == 1);
  }
  SECTION("a long chunk of joined words, dots, hyphens, slashes and apostrophes") {
    check_linear("ab.Cd-ef/gh'ij:12-345.6,7@x.Yz", 100'000);
  }
  SECTION("a URL and an e-mail address that never end") {
    check_linear("http://a.b/c-d_e.f?g=(h)", 100'000);
  }
  SECTION("a megabyte of punctuation") {
    std::mt19937 rng(11);
    const std::string marks = ".,;:!?()[]{}\"'-*/\\<>=";
    std::string text;
    while (text.size() < 1'000'000) {
      text += marks[rng() % marks.size()];
      if (rng() % 7 == 0) text += ' ';
    }
    REQUIRE(invariant_error(annotate(text)) == "");
    check_linear(text.substr(0, 20'000), 100'000);
  }
  SECTION("spaced dots and list markers without end") {
    check_linear(". ", 100'000);
    check_linear("1. a 2) b ", 100'000);
  }
  SECTION("lone combining marks") {
    check_linear("\xCC\x81", 100'000);
    check_linear("\xCC\x81 ", 100'000);
    const Document doc = annotate("\xCC\x81\xCC\x81 x");
    REQUIRE(invariant_error(doc) == "");
    CHECK(doc.tokens.size() == 2);
  }
  SECTION("only white space and line breaks") {
    check_linear(" \n", 100'000);
    check_linear("\n\n", 100'000);
  }
  SECTION("opening brackets and quotes without end") {
    check_linear("(\"'[", 100'000);
  }
}

TEST_CASE("the eight-byte scans agree with byte loops", "[tokenizer]") {
  std::mt19937 rng(5);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 24, 'a');
    for (char& c : s) c = static_cast<char>(rng() % 3 == 0 ? rng() % 256 : 'A' + rng() % 58);
    for (std::size_t from = 0; from <= s.size(); ++from) {
      std::size_t expect = from;
      while (expect < s.size() && ((s[expect] >= 'a' && s[expect] <= 'z') || (s[expect] >= 'A' && s[expect] <= 'Z')))
        ++expect;
      REQUIRE(detail::skip_ascii_letters(s, from) == expect);
      std::size_t plain = from;
      while (plain < s.size()) {
        const auto b = static_cast<unsigned char>(s[plain]);
        if (b <= 0x20 || b >= 0x7F || b == '@' || b == ':') break;
        ++plain;
      }
      REQUIRE(detail::skip_plain(s, from, '@', ':') == plain);
      std::size_t brk = from;
      while (brk < s.size() && static_cast<unsigned char>(s[brk]) >= 0x0E && static_cast<unsigned char>(s[brk]) < 0x80)
        ++brk;
      REQUIRE(detail::skip_to_break_candidate(s, from) == brk);
    }
  }
}
