#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace docpipe::tokenizer;
using namespace docpipe::tokenizer::test;

TEST_CASE("sentences end at . ? ! before a capital", "[tokenizer]") {
  CHECK(sentences_of("It rained. We left! Did you? Yes.") == Strings{"It rained.", "We left!", "Did you?", "Yes."});
  CHECK(sentences_of("  Leading space. Trailing  ") == Strings{"Leading space.", "Trailing"});
}

TEST_CASE("no break after abbreviations, initials and decimals", "[tokenizer]") {
  CHECK(sentences_of("Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5. They talked.") ==
        Strings{"Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5.", "They talked."});
  CHECK(sentences_of("President George W. Bush spoke. He left.") ==
        Strings{"President George W. Bush spoke.", "He left."});
  CHECK(sentences_of("It costs 3.5 million. That is a lot.") == Strings{"It costs 3.5 million.", "That is a lot."});
  CHECK(sentences_of("I work for the U.S. Government in Virginia.") ==
        Strings{"I work for the U.S. Government in Virginia."});
  CHECK(sentences_of("I live in the U.S. How about you?") == Strings{"I live in the U.S.", "How about you?"});
  CHECK(sentences_of("They sued Acme Inc. The case is open.") == Strings{"They sued Acme Inc.", "The case is open."});
}

TEST_CASE("closing quotes and brackets stay with their sentence", "[tokenizer]") {
  CHECK(sentences_of("\"Will it work?\" She did not know.") == Strings{"\"Will it work?\"", "She did not know."});
  CHECK(sentences_of("\"Stop!\" he shouted.") == Strings{"\"Stop!\" he shouted."});
  CHECK(sentences_of("\"We will win,\" he said. \"We must.\"") == Strings{"\"We will win,\" he said.", "\"We must.\""});
  CHECK(sentences_of("\xE2\x80\x9CNo.\xE2\x80\x9D Then silence.") ==
        Strings{"\xE2\x80\x9CNo.\xE2\x80\x9D", "Then silence."});
  CHECK(sentences_of("He agreed (after a while.) Then he left.") ==
        Strings{"He agreed (after a while.)", "Then he left."});
}

TEST_CASE("numbered and bulleted lists", "[tokenizer]") {
  CHECK(sentences_of("1. The first item 2. The second item") == Strings{"1. The first item", "2. The second item"});
  CHECK(sentences_of("1) Buy milk. 2) Sell eggs.") == Strings{"1) Buy milk.", "2) Sell eggs."});
  CHECK(sentences_of("\xE2\x80\xA2 one thing \xE2\x80\xA2 another thing") ==
        Strings{"\xE2\x80\xA2 one thing", "\xE2\x80\xA2 another thing"});
}

TEST_CASE("ellipses", "[tokenizer]") {
  CHECK(sentences_of("I wonder... maybe not.") == Strings{"I wonder... maybe not."});
  CHECK(sentences_of("I never meant that.... She left.") == Strings{"I never meant that....", "She left."});
  CHECK(sentences_of("he said . . . and then stopped.") == Strings{"he said . . . and then stopped."});
  CHECK(sentences_of("\"The cat [...] sat [...]\" (Smith 5).") == Strings{"\"The cat [...] sat [...]\" (Smith 5)."});
}

TEST_CASE("headlines, datelines and bylines end at their line break", "[tokenizer]") {
  const std::string text =
      "Quake shakes northern Japan\nBy Jane Doe\n\nHOKKAIDO, Japan --\nA strong earthquake hit on Monday. "
      "No damage was reported.";
  CHECK(sentences_of(text) == Strings{"Quake shakes northern Japan", "By Jane Doe", "HOKKAIDO, Japan --",
                                      "A strong earthquake hit on Monday.", "No damage was reported."});
  Options blank;  // a hard-wrapped line that runs on
  blank.paragraph_rule = ParagraphRule::blank_line;
  CHECK(sentences_of("the President of the\nUnited States spoke.", blank) ==
        Strings{"the President of the\nUnited States spoke."});
}

TEST_CASE("sentences never cross paragraphs", "[tokenizer]") {
  CHECK(sentences_of("no period here\n\nnext paragraph") == Strings{"no period here", "next paragraph"});
}

TEST_CASE("web text: lowercase starts and run-together sentences", "[tokenizer]") {
  CHECK(sentences_of("we went home. it was late. where r u? here.") ==
        Strings{"we went home.", "it was late.", "where r u?", "here."});
  CHECK(sentences_of("The food was great.The staff too.") == Strings{"The food was great.", "The staff too."});
  CHECK(sentences_of("Pick the cheese, bread etc. and wine.") == Strings{"Pick the cheese, bread etc. and wine."});
  CHECK(sentences_of("\"Where?\" she asked.") == Strings{"\"Where?\" she asked."});
}

TEST_CASE("smileys, citations and footnotes stay with the sentence before", "[tokenizer]") {
  CHECK(sentences_of("I love her. :) She is great!") == Strings{"I love her. :)", "She is great!"});
  CHECK(sentences_of("Great view! :) you should go.") == Strings{"Great view! :)", "you should go."});
  CHECK(sentences_of("It was fun :) Then we left.") == Strings{"It was fun :)", "Then we left."});
  CHECK(sentences_of("He was born in 1788. [6] He died young.") ==
        Strings{"He was born in 1788. [6]", "He died young."});
  CHECK(sentences_of("Minorities are protected. 4 Even so, few vote.") ==
        Strings{"Minorities are protected. 4", "Even so, few vote."});
  CHECK(sentences_of("It is broken (?) and slow.") == Strings{"It is broken (?) and slow."});
}

TEST_CASE("datelines before a dash stand alone", "[tokenizer]") {
  CHECK(sentences_of("TEHRAN (AFP) - An international contest opened on Monday.") ==
        Strings{"TEHRAN (AFP) -", "An international contest opened on Monday."});
  CHECK(sentences_of("WASHINGTON -- The Senate voted.") == Strings{"WASHINGTON --", "The Senate voted."});
  CHECK(sentences_of("The plan - Smith said - works.") == Strings{"The plan - Smith said - works."});
}

TEST_CASE("message structure: time stamps, rules, addresses, greetings", "[tokenizer]") {
  CHECK(sentences_of("Kay Mann 04/26/2001 07:17 AM Will you send the draft?") ==
        Strings{"Kay Mann", "04/26/2001 07:17 AM", "Will you send the draft?"});
  CHECK(sentences_of("Thanks for the help ===== The information here is private.") ==
        Strings{"Thanks for the help", "=====", "The information here is private."});
  CHECK(sentences_of("See http://a.org/x http://a.org/y for more.") ==
        Strings{"See http://a.org/x", "http://a.org/y for more."});
  CHECK(sentences_of("Hi, Yes the room is free. Best regards, Debra") ==
        Strings{"Hi,", "Yes the room is free.", "Best regards,", "Debra"});
  CHECK(sentences_of("Thanks, I will.") == Strings{"Thanks, I will."});
}

TEST_CASE("a capitals subheading run into its paragraph ends before the text", "[tokenizer]") {
  CHECK(sentences_of("MANUFACTURING SECTOR TAKING HIT The ministry said orders fell.") ==
        Strings{"MANUFACTURING SECTOR TAKING HIT", "The ministry said orders fell."});
  CHECK(sentences_of("NEW YORK Stocks rose.") == Strings{"NEW YORK Stocks rose."});  // two words: a place
}

TEST_CASE("a dash or a brand's exclamation mark continues the sentence", "[tokenizer]") {
  CHECK(sentences_of("His act \xE2\x80\x94\"It will be great!\"\xE2\x80\x94is wearing thin.") ==
        Strings{"His act \xE2\x80\x94\"It will be great!\"\xE2\x80\x94is wearing thin."});
  CHECK(sentences_of("Jeb! was better than before.") == Strings{"Jeb! was better than before."});
  CHECK(sentences_of("Really? $5 for that?") == Strings{"Really?", "$5 for that?"});
}

TEST_CASE("extra abbreviations keep built-in behaviour and end sentences only before openers", "[tokenizer]") {
  Options o;
  o.extra_abbreviations = {"Gov.", "approx.", "Univ"};
  CHECK(sentences_of("Gov. Smith spoke. It rained.", o) == Strings{"Gov. Smith spoke.", "It rained."});
  CHECK(sentences_of("It costs approx. Five Dollars.", o) == Strings{"It costs approx. Five Dollars."});
  CHECK(sentences_of("He went to the Univ. The end.", o) == Strings{"He went to the Univ.", "The end."});
}

TEST_CASE("full stops of other scripts end sentences", "[tokenizer]") {
  // 中文。下一句！ / Hindi danda / Arabic question mark
  CHECK(sentences_of("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82\xE4\xB8\x8B\xE4\xB8\x80\xE5\x8F\xA5\xEF\xBC\x81") ==
        Strings{"\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82", "\xE4\xB8\x8B\xE4\xB8\x80\xE5\x8F\xA5\xEF\xBC\x81"});
  CHECK(sentences_of("\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4 \xE0\xA4\xB5\xE0\xA4\xB9 "
                     "\xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4")
            .size() == 2);
  CHECK(sentences_of("\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F \xD9\x84\xD8\xA3\xD9\x86").size() == 2);
}

TEST_CASE("hard-wrapped prose runs on at its line breaks", "[tokenizer]") {
  const std::string text =
      "The company said on Tuesday that its chairman, Mr. Smith, had resigned\n"
      "and that Vice Chairman John Doe would take over the post from May 1\n"
      "Shareholders had asked for the change for some time, it added.";
  CHECK(sentences_of(text).size() == 1);
  const std::string headed = "Smith quits\nThe company said on Tuesday that its chairman, Mr. Smith, had resigned.";
  CHECK(sentences_of(headed, [] {
          Options o;
          o.paragraph_rule = ParagraphRule::blank_line;
          return o;
        }()) == Strings{"Smith quits", "The company said on Tuesday that its chairman, Mr. Smith, had resigned."});
}

TEST_CASE("a number after a sentence starts the next one unless it is a footnote", "[tokenizer]") {
  CHECK(sentences_of("No arrests were made. 50 Cent's album is out.") ==
        Strings{"No arrests were made.", "50 Cent's album is out."});
  CHECK(sentences_of("We won on the Sun. Call it luck.") == Strings{"We won on the Sun.", "Call it luck."});
}

TEST_CASE("a dateline with a date before the dash", "[tokenizer]") {
  CHECK(sentences_of("BEIJING, March 3 (Reuters) - China's top lawmaker spoke.") ==
        Strings{"BEIJING, March 3 (Reuters) -", "China's top lawmaker spoke."});
}
