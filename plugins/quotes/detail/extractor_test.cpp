#include "detail/extractor.hpp"
#include "detail/test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace docpipe;
using namespace docpipe::quotes::detail;

namespace {

// A quote as the tests compare it: texts rather than offsets.
struct Q {
  std::string content;
  std::string kind;
  std::string mention;  // speaker span text, "" when none
  std::string speaker;  // resolved, "" when none
  std::string cue;
};

std::vector<Q> run(const std::string& text, ExtractorOptions opt = {}, std::vector<std::string> extra_verbs = {}) {
  static const std::string dir = DOCPIPE_TEST_DATA_DIR;
  const Extractor ex(Lexicon::load(dir, extra_verbs), opt);
  const Document doc = quotes::test::make_doc(text);
  std::vector<Q> out;
  for (const Quote& q : ex.extract(doc)) {
    Q r;
    r.content = text.substr(q.begin, q.end - q.begin);
    r.kind = std::string(to_string(q.kind));
    if (q.speaker_span) r.mention = text.substr(q.speaker_span->first, q.speaker_span->second - q.speaker_span->first);
    r.speaker = q.speaker.value_or("");
    if (q.cue_span) r.cue = text.substr(q.cue_span->first, q.cue_span->second - q.cue_span->first);
    out.push_back(r);
  }
  return out;
}

std::vector<Q> directs(const std::string& text) {
  std::vector<Q> out;
  for (auto& q : run(text)) {
    if (q.kind == "direct") out.push_back(q);
  }
  return out;
}

}  // namespace

TEST_CASE("quote then speaker then verb", "[quotes]") {
  const auto q = directs("\"We will keep talking,\" Anna Berg said on Monday.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "We will keep talking,");
  CHECK(q[0].mention == "Anna Berg");
  CHECK(q[0].speaker == "Anna Berg");
  CHECK(q[0].cue == "said");
}

TEST_CASE("quote then verb then speaker", "[quotes]") {
  const auto q = directs("\xE2\x80\x9CWe will keep talking,\xE2\x80\x9D said Anna Berg, a city councilwoman.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Anna Berg");
  CHECK(q[0].cue == "said");
}

TEST_CASE("speaker and verb before a colon or comma", "[quotes]") {
  auto q = directs("Anna Berg told reporters on Tuesday: \"The plan is dead.\"");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "The plan is dead.");
  CHECK(q[0].mention == "Anna Berg");
  CHECK(q[0].cue == "told");
  q = directs("The mayor said, ''The plan is dead.''");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "The mayor");
}

TEST_CASE("an appositive between speaker and verb", "[quotes]") {
  const auto q = directs("\"We differ on Europe,\" Berg, who took office in May, told reporters.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Berg");
  CHECK(q[0].cue == "told");
}

TEST_CASE("according to, added, told reporters", "[quotes]") {
  auto q = directs("According to Anna Berg, \"the talks went well.\"");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Anna Berg");
  CHECK(q[0].cue == "According to");
  q = directs("\"It was friendly,\" she added.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "she");
  CHECK(q[0].cue == "added");
  q = directs("\"Why now?\" asked Tom Reed.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Tom Reed");
}

TEST_CASE("a quote split by its attribution gives two attributed pieces", "[quotes]") {
  const auto q = directs("\"We agree on trade,\" Tom Reed said, \"but not on farms.\"");
  REQUIRE(q.size() == 2);
  CHECK(q[1].content == "but not on farms.");
  CHECK(q[1].mention == "Tom Reed");
}

TEST_CASE("a quote with no cue continues the previous speaker", "[quotes]") {
  auto q = directs("\"We agree on trade,\" Tom Reed said. \"We differ on farms.\"");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Tom Reed");
  CHECK(q[1].cue.empty());
  q = directs("\"We agree on trade,\" Tom Reed said.\n\"We differ on farms.\"\n\"And on steel.\"");
  REQUIRE(q.size() == 3);
  CHECK(q[2].speaker == "Tom Reed");
  CHECK(q[2].mention == "Tom Reed");
}

TEST_CASE("a quote over several paragraphs reopens each and closes at the last", "[quotes]") {
  const std::string text = "Tom Reed said: \"We agree on trade.\n\"We differ on farms.\n\"And on steel.\"\nHe left.";
  auto q = directs(text);
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "We agree on trade.\n\"We differ on farms.\n\"And on steel.");
  CHECK(q[0].speaker == "Tom Reed");
  ExtractorOptions split;
  split.join_paragraphs = false;
  q = run(text, split);
  REQUIRE(q.size() == 3);
  CHECK(q[0].content == "We agree on trade.");
  CHECK(q[1].content == "We differ on farms.");
  CHECK(q[2].content == "And on steel.");
  for (const auto& x : q) CHECK(x.speaker == "Tom Reed");
}

TEST_CASE("speakers resolve to the fullest name, without titles", "[quotes]") {
  const std::string text =
      "Finnish President Anna Berg met Chancellor Tom Reed in Oslo.\n"
      "\"We agree on trade,\" Berg said.\n"
      "\"We differ on farms,\" she said.\n"
      "\"No comment,\" a Finnish government spokesman said.";
  const auto q = directs(text);
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Anna Berg");
  CHECK(q[1].mention == "she");
  CHECK(q[1].speaker == "Anna Berg");
  CHECK(q[2].speaker == "a Finnish government spokesman");
}

TEST_CASE("a description with a name in apposition resolves to the name", "[quotes]") {
  const auto q = run("Berg's chief adviser, Tom Reed, described the talks as \"friendly and open.\"");
  REQUIRE(q.size() == 1);
  CHECK(q[0].kind == "mixed");
  CHECK(q[0].speaker == "Tom Reed");
  CHECK(q[0].content.find("the talks as") == 0);
}

TEST_CASE("a pronoun inside a sentence refers to its subject", "[quotes]") {
  const auto q =
      run("Tom Reed met Anna Berg.\n"
          "\"Fine,\" Berg said.\n"
          "Reed, whom Berg called by his first name, praised the new leader, whom he described as \"confident.\"");
  // (The relative objects "whom" are indirect records of their own.)
  const Q* confident = nullptr;
  for (const auto& x : q) {
    if (x.content == "confident.") confident = &x;
  }
  REQUIRE(confident != nullptr);
  CHECK(confident->mention == "he");
  CHECK(confident->speaker == "Tom Reed");
}

TEST_CASE("indirect quotes: X said that, sentence-final and according to", "[quotes]") {
  auto q = run("Anna Berg said Finland would sign the treaty next year.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].kind == "indirect");
  CHECK(q[0].content == "Finland would sign the treaty next year");
  CHECK(q[0].mention == "Anna Berg");
  q = run("Finland would sign the treaty next year, Anna Berg told reporters.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "Finland would sign the treaty next year");
  q = run("Finland would sign the treaty, said Anna Berg, a minister in the government.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "Finland would sign the treaty");
  q = run("Finland, she said, would sign the treaty.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].content == "would sign the treaty");
  q = run("Anna Berg said on Tuesday she would sign the treaty.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "she would sign the treaty");
  q = run("Finland will sign the treaty, according to two officials.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "two officials");
  q = run("Officials believe that the treaty will be signed in May.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "that the treaty will be signed in May");
}

TEST_CASE("scare quotes and titles are not attributed", "[quotes]") {
  const std::string text = "The shield guards Europe from so-called \"rogue states\" such as Iran.";
  CHECK(run(text).empty());
  ExtractorOptions opt;
  opt.unattributed = true;
  const auto q = run(text, opt);
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "rogue states");
  CHECK(q[0].speaker.empty());
}

TEST_CASE("titles and subheads in quotes are nobody's", "[quotes]") {
  CHECK(run("Tom Reed told the story in his 2012 book, ''A Northern Son.''").empty());
  CHECK(run("\"We won,\" Tom Reed said.\n\"DIVISIVE AND WRONG\"\nThe vote is on Monday.").size() == 1);
  CHECK(run("\"We won,\" Tom Reed said.\n'Coal Is Not the Villain'\nThe vote is on Monday.").size() == 1);
  // ...but a title-case quote someone says is still a quote.
  CHECK(directs("\"Thank You Helsinki!\" Tom Reed wrote.").size() == 1);
}

TEST_CASE("extra verbs extend the lexicon", "[quotes]") {
  const std::string text = "\"It is over,\" Tom Reed harrumphed.";
  CHECK(run(text).empty());  // an unknown verb: the quote is nobody's
  const auto q = run(text, {}, {"harrumphed"});
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Tom Reed");
}

TEST_CASE("a speech verb opening the text has no word before it to look at", "[quotes]") {
  // Found by fuzzing: the subjectless-cue rule read the token before the
  // first one (UBSan in the sanitizer suite).
  CHECK_NOTHROW(run(" said said: G\r\nm"));
  CHECK_NOTHROW(run("said that it rained"));
}

TEST_CASE("text that must yield nothing", "[quotes]") {
  // Apostrophes open no quote ("know what …" is an indirect reading, no more).
  for (const auto& q : run("We don't know what the '90s meant to Jones' family.")) CHECK(q.kind == "indirect");
  CHECK(run("The '90s meant a lot to Jones' family.").empty());
  CHECK(run("He is 5'10\" tall and his brother is 6'2\" tall.").empty());
  CHECK(run("The talks ended without a deal. \"").empty());
  CHECK(run("The talks ended without a deal.\n\"We will").empty());
  CHECK(run("").empty());
  CHECK(run("\"\"\"\"''''\xE2\x80\x9C\xE2\x80\x9D").empty());
}

TEST_CASE("a megabyte quote with no closing mark finishes fast and yields nothing", "[quotes]") {
  std::string text = "Tom Reed said: \"";
  while (text.size() < (1U << 20)) text += "we will talk and talk ";
  const auto start = std::chrono::steady_clock::now();
  CHECK(run(text).empty());
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CHECK(ms < 2000);
  std::string words(1U << 20, 'a');
  CHECK(run("\"" + words).empty());
}

TEST_CASE("hostile input finishes in linear time", "[quotes]") {
  const auto timed = [](const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    const auto q = run(text);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(ms < 3000);
    return q;
  };
  std::string pairs;  // a paragraph of 200,000 unattributed quotes
  while (pairs.size() < (1U << 20)) pairs += "\"Ha.\" ";
  CHECK(timed(pairs).size() > 1000);
  CHECK(timed(std::string(1U << 20, '\'')).empty());
  CHECK(timed(std::string(1U << 20, '"')).empty());
  std::string commas = "Tom Reed said";  // one endless sentence of commas
  while (commas.size() < (1U << 20)) commas += ", he said";
  (void)timed(commas);
  std::string split = "\"Yes,\" Tom Reed said";  // one quote split 100,000 times
  while (split.size() < (1U << 20)) split += ", \"and yes\"";
  CHECK(timed(split + ".").size() > 1000);
  std::string lines;  // 100,000 paragraphs, each continuing the last
  while (lines.size() < (1U << 20)) lines += "\"Go on.\"\n";
  const auto chain = timed("\"Yes,\" Tom Reed said.\n" + lines);
  REQUIRE(chain.size() > 1000);
  CHECK(chain.back().speaker == "Tom Reed");
}

TEST_CASE("more attribution patterns of news writing", "[quotes]") {
  auto q = directs("\"We lost,\" said one of the senior advisers.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "one of the senior advisers");
  q = directs("\"We won,\" Tom Reed said, adding: \"It was close.\"");
  REQUIRE(q.size() == 2);
  CHECK(q[1].mention == "Tom Reed");
  CHECK(q[1].cue == "adding");
  q = directs("Reed: 'We Will Win the North'");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Reed");
  q = directs("\"It is late,\" Tom Reed wrote in a letter to the board explaining why he left, \"but not too late.\"");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Tom Reed");
  q = directs("A city official who spoke on condition of anonymity said, \"The plan is dead.\"");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "A city official");
  q = directs("\"Not yet,\" the tall, soft-spoken mayor said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "the tall, soft-spoken mayor");
  q = directs("\"We agree,\" Anna Berg of the Nordic Policy Center said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "Anna Berg");
}

TEST_CASE("several reported clauses in one sentence", "[quotes]") {
  const auto q = run("Berg, who calls the plan a mistake, said she would vote against it.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].content == "the plan a mistake");
  CHECK(q[0].mention == "who");
  CHECK(q[0].speaker == "Berg");
  CHECK(q[1].content == "she would vote against it");
  CHECK(q[1].mention == "Berg");
}

TEST_CASE("a headline in title case and a speech verb give no name", "[quotes]") {
  // "Berg Says Norway" is a name, a verb and a name: "Norway" stays "Norway".
  const auto q = run(
      "Berg Says Norway, Sweden Need Talks Despite Row Over Fish\n"
      "Finnish President Anna Berg met the Swedish delegation in Oslo on Monday.\n"
      "But Norway rejects this and says the quota threatens its fishing towns.");
  const Q* towns = nullptr;
  for (const auto& x : q) {
    if (x.content == "the quota threatens its fishing towns") towns = &x;
  }
  REQUIRE(towns != nullptr);
  CHECK(towns->mention == "Norway");
  CHECK(towns->speaker == "Norway");
  // A title-case line names nobody: "Storm Hits Lake Ridge" is no full name
  // for "Ridge".
  const auto r = run(
      "Storm Hits Lake Ridge\n"
      "\"It is over,\" Ridge said.");
  REQUIRE(!r.empty());
  CHECK(r.back().speaker == "Ridge");
}
