#include "detail/sentence_filter.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace docpipe::summarizer::detail;

namespace {
std::string after_dateline(std::string_view s) {
  return std::string(s.substr(dateline_length(s)));
}
std::string content(std::string_view s) {
  return std::string(s.substr(content_start(s)));
}
}  // namespace

TEST_CASE("datelines are recognised", "[summarizer]") {
  CHECK(after_dateline("HOKKAIDO, Japan -- Moscow and Washington should talk.") ==
        "Moscow and Washington should talk.");
  CHECK(after_dateline("London (CNN)A 19-year-old man was charged.") == "A 19-year-old man was charged.");
  CHECK(after_dateline("WASHINGTON (CNN) -- The Senate voted.") == "The Senate voted.");
  CHECK(after_dateline("NEW YORK (AP) \xE2\x80\x94 Stocks fell.") == "Stocks fell.");
  CHECK(after_dateline("(CNN) -- A storm hit the coast.") == "A storm hit the coast.");
  CHECK(after_dateline("BEIRUT, Lebanon - Talks resumed.") == "Talks resumed.");
  CHECK(after_dateline("West of Baghdad, Iraq (CNN)The call came.") == "The call came.");
}

TEST_CASE("sentences that merely look like datelines are kept whole", "[summarizer]") {
  CHECK(dateline_length("The United States -- which had objected -- agreed.") == 0);
  CHECK(dateline_length("Russian President Dmitry Medvedev (left) meets Bush.") == 0);
  CHECK(dateline_length("Senator John Smith (R) said no.") == 0);
  CHECK(dateline_length("He left.") == 0);
  CHECK(dateline_length("") == 0);
  CHECK(dateline_length("NATO") == 0);
}

TEST_CASE("content starts after a joined headline line and the dateline", "[summarizer]") {
  CHECK(content("Medvedev (left) meets Bush in Japan\nHOKKAIDO, Japan -- Moscow should talk.") ==
        "Moscow should talk.");
  CHECK(content("Plain sentence here.") == "Plain sentence here.");
  CHECK(content("First line ends.\nSecond line.") == "First line ends.\nSecond line.");
}

TEST_CASE("termination", "[summarizer]") {
  CHECK(is_terminated("He said so."));
  CHECK(is_terminated("He called him \"confident.\""));
  CHECK(is_terminated("Is it? "));
  CHECK(is_terminated("And then\xE2\x80\xA6"));
  CHECK(
      is_terminated("He was \xE2\x80\x9C"
                    "calm.\xE2\x80\x9D"));
  CHECK_FALSE(is_terminated("Close Personal Ties"));
  CHECK_FALSE(is_terminated("A man walks past the ruins of his home ."));
  CHECK_FALSE(is_terminated("Here is the list:"));
  CHECK_FALSE(is_terminated(""));
}

TEST_CASE("boilerplate lines", "[summarizer]") {
  for (const char* line :
       {"Accessibility links", "Breaking News", "Disagreements Persist", "By John Smith and Ann Lee, CNN.",
        "Russian President Dmitry Medvedev (left) meets U.S. President George W. Bush in Japan.",
        "CNN's Jane Doe contributed to this report.", "READ MORE: WHY THE VOTE MATTERS.",
        "Click here to follow our live coverage of the vote.", "Read more: the vote in pictures.",
        "Photo: the flooded town square on Monday.", "Too short.",
        "A police officer stands guard outside the court in London ."}) {
    INFO(line);
    CHECK(is_boilerplate(line));
  }
  for (const char* line : {"By Monday, the council had approved the plan.",
                           "The council approved the bridge on Tuesday.", "\"We will win,\" she said."}) {
    INFO(line);
    CHECK_FALSE(is_boilerplate(line));
  }
}

TEST_CASE("quote shapes follow marks across sentences", "[summarizer]") {
  const std::string text =
      "\"We agree on Iran. But we differ on missiles,\" Medvedev said. \"We will talk.\"\n"
      "\"It went well,\" he told reporters. Bush smiled. \xE2\x80\x9CIt was fine.\xE2\x80\x9D";
  const std::vector<std::pair<std::size_t, std::size_t>> spans = {{0, 18},   {19, 61},   {62, 77},
                                                                  {78, 112}, {113, 125}, {126, 144}};
  REQUIRE(text.size() == 144);
  const auto shapes = quote_shapes(text, spans);
  REQUIRE(shapes.size() == 6);
  CHECK(shapes[0].quote);
  CHECK_FALSE(shapes[0].attributed);
  CHECK(shapes[1].attributed);  // "But we differ on missiles," Medvedev said.
  CHECK(shapes[2].quote);
  CHECK_FALSE(shapes[2].attributed);
  CHECK(shapes[3].attributed);
  CHECK_FALSE(shapes[4].quote);
  CHECK(shapes[5].quote);
  CHECK_FALSE(shapes[5].attributed);
}

TEST_CASE("a quote reopened at a joined paragraph break stays one quote", "[summarizer]") {
  // Print style reopens a quote that runs into the next paragraph with a
  // new mark; here the two paragraphs were joined into one line, so a
  // mark-counting reader would take the reopening mark for a closing one
  // and everything after the real closing mark for quoted words.
  const std::string text =
      "She added: \"We tried everything. \"Nothing worked, so we stopped.\" The ferry will run until May. "
      "A new bridge is planned for 2030.";
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const std::string_view s : {"She added: \"We tried everything.", "\"Nothing worked, so we stopped.\"",
                                   "The ferry will run until May.", "A new bridge is planned for 2030."}) {
    const std::size_t b = text.find(s);
    REQUIRE(b != std::string::npos);
    spans.emplace_back(b, b + s.size());
  }
  const auto shapes = quote_shapes(text, spans);
  REQUIRE(shapes.size() == 4);
  CHECK(shapes[0].attributed);
  CHECK(shapes[1].quote);
  CHECK_FALSE(shapes[2].quote);
  CHECK(shapes[2].quoted_share == 0.0);
  CHECK_FALSE(shapes[3].quote);
  // A stray closing mark (an inch sign, a typo) opens nothing.
  const std::string stray = "The screen is 27\" wide. The price fell again on Monday.";
  const auto stray_shapes = quote_shapes(stray, {{0, 24}, {25, stray.size()}});
  CHECK_FALSE(stray_shapes[0].quote);
  CHECK_FALSE(stray_shapes[1].quote);
}

TEST_CASE("style traits of weak summary sentences", "[summarizer]") {
  CHECK(style_of("Who is this menace to society?").question);
  CHECK(style_of("\"Why now?\" she asked.").question == false);
  CHECK(style_of("Can it be done?\"").question);
  CHECK(style_of("He later told police he had been asleep.").leans_back);
  CHECK(style_of("They were freed on Monday.").leans_back);
  CHECK_FALSE(style_of("Theresa May spoke first.").leans_back);
  CHECK_FALSE(style_of("Police freed them on Monday.").leans_back);
  const Style quote = style_of("\"It was a mistake,\" the minister said.");
  CHECK(quote.opens_quote);
  CHECK_FALSE(quote.leans_back);  // "It" is inside the quote
  CHECK(style_of("\xE2\x80\x9CWe will win,\xE2\x80\x9D he said.").opens_quote);
}
