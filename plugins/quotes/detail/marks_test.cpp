#include "detail/marks.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace docpipe::quotes::detail;

namespace {

const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(DOCPIPE_TEST_DATA_DIR);
  return lex;
}

// The quoted strings of one paragraph, content without marks; an unclosed
// quote is written with a trailing "…".
std::vector<std::string> quoted(const std::string& text) {
  std::vector<Tok> toks = scan(text, lexicon());
  std::vector<MarkPair> pairs;
  pair_marks(toks, 0, static_cast<std::uint32_t>(toks.size()), pairs);
  std::vector<std::string> out;
  for (const auto& p : pairs) {
    const auto b = toks[p.open].e;
    if (p.unclosed) {
      out.push_back(text.substr(b, toks.back().e - b) + "…");
    } else {
      out.push_back(text.substr(b, toks[p.close].b - b));
    }
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("straight, curly, NYT and guillemet double quotes pair", "[quotes]") {
  CHECK(quoted(R"("We agree," he said.)") == V{"We agree,"});
  CHECK(quoted("\xE2\x80\x9CWe agree,\xE2\x80\x9D he said, \xE2\x80\x9C"
               "and we will talk.\xE2\x80\x9D") == V{"We agree,", "and we will talk."});
  CHECK(quoted("''We agree,'' he said.") == V{"We agree,"});
  CHECK(quoted("\xC2\xABWe agree,\xC2\xBB he said.") == V{"We agree,"});
  CHECK(quoted("``We agree,'' he said.") == V{"We agree,"});
}

TEST_CASE("mismatched and typo pairs still pair", "[quotes]") {
  CHECK(quoted("\xE2\x80\x9CWe agree,\" he said.") == V{"We agree,"});
  CHECK(quoted("\"We agree,\xE2\x80\x9D he said.") == V{"We agree,"});
  CHECK(quoted("\xE2\x80\x9CWe agree,\xE2\x80\x9C he said.") == V{"We agree,"});
}

TEST_CASE("single quotes pair at top level, not inside double quotes", "[quotes]") {
  CHECK(quoted("Smith: Jones Has \xE2\x80\x98To Come a Long Way\xE2\x80\x99 On Farms") == V{"To Come a Long Way"});
  CHECK(quoted("Smith says 'No deal' with Jones") == V{"No deal"});
  CHECK(quoted("\"They told me, 'You will lose,' and I won,\" she said.") ==
        V{"They told me, 'You will lose,' and I won,"});
}

TEST_CASE("apostrophes and inch marks open no quote", "[quotes]") {
  CHECK(quoted("We don't know what the '90s meant to Jones' family.").empty());
  CHECK(quoted("We don\xE2\x80\x99t know what the \xE2\x80\x99"
               "90s meant to Jones\xE2\x80\x99 family.")
            .empty());
  CHECK(quoted("He is 5'10\" tall and weighs 170 pounds.").empty());
  CHECK(quoted("Rock 'n' roll and the 'em dash are not quotes.").empty());
  CHECK(quoted("The players' union met the owners' lawyers.").empty());
}

TEST_CASE("a quote left open runs to the paragraph end", "[quotes]") {
  CHECK(quoted("He said: \"We will talk and talk") == V{"We will talk and talk…"});
  CHECK(quoted("It ended there. \"").empty());
}
