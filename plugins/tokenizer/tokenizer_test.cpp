#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace docpipe::tokenizer;
using namespace docpipe::tokenizer::test;
using docpipe::Document;
using docpipe::Token;
using docpipe::TokenKind;

TEST_CASE("punctuation is split off words", "[tokenizer]") {
  CHECK(tokens_of("Hello, world!") == Strings{"Hello", ",", "world", "!"});
  CHECK(tokens_of("(see below)") == Strings{"(", "see", "below", ")"});
  CHECK(tokens_of("\"Yes,\" he said.") == Strings{"\"", "Yes", ",", "\"", "he", "said", "."});
  CHECK(tokens_of("\xE2\x80\x9CNo\xE2\x80\x9D") == Strings{"\xE2\x80\x9C", "No", "\xE2\x80\x9D"});
}

TEST_CASE("contractions and possessives stay one surface token", "[tokenizer]") {
  CHECK(tokens_of("I don't know John's dog.") == Strings{"I", "don't", "know", "John's", "dog", "."});
  CHECK(tokens_of("it\xE2\x80\x99s fine") == Strings{"it\xE2\x80\x99s", "fine"});
  CHECK(tokens_of("the Palestinians' land") == Strings{"the", "Palestinians'", "land"});
  CHECK(tokens_of("O'Neill said") == Strings{"O'Neill", "said"});
}

TEST_CASE("quoted words lose their single quotes", "[tokenizer]") {
  CHECK(tokens_of("a 'proof' that") == Strings{"a", "'", "proof", "'", "that"});
  CHECK(tokens_of("the 'bosses' plan") == Strings{"the", "'", "bosses", "'", "plan"});
  CHECK(tokens_of("'em and '70s") == Strings{"'em", "and", "'70s"});
}

TEST_CASE("clitic split gives UD words", "[tokenizer]") {
  Options o;
  o.split_clitics = true;
  CHECK(tokens_of("I don't know John's dog.", o) == Strings{"I", "do", "n't", "know", "John", "'s", "dog", "."});
  CHECK(tokens_of("can't won't I'm we're they've", o) ==
        Strings{"ca", "n't", "wo", "n't", "I", "'m", "we", "'re", "they", "'ve"});
  CHECK(tokens_of("gonna cannot", o) == Strings{"gon", "na", "can", "not"});
  CHECK(tokens_of("the boys' toys", o) == Strings{"the", "boys", "'", "toys"});
}

TEST_CASE("URLs and e-mail addresses are kept whole", "[tokenizer]") {
  CHECK(tokens_of("See http://example.com/a?b=1&c=2.") == Strings{"See", "http://example.com/a?b=1&c=2", "."});
  CHECK(tokens_of("(www.example.org)") == Strings{"(", "www.example.org", ")"});
  CHECK(tokens_of("at https://en.wikipedia.org/wiki/Foo_(bar), then") ==
        Strings{"at", "https://en.wikipedia.org/wiki/Foo_(bar)", ",", "then"});
  CHECK(tokens_of("Mail jane.doe@example.com.") == Strings{"Mail", "jane.doe@example.com", "."});
  Document doc{"d", "Mail jane.doe@example.com or https://x.org"};
  Tokenizer{{}}.annotate(doc);
  REQUIRE(doc.tokens.size() == 4);
  CHECK(doc.tokens[1].kind == TokenKind::email);
  CHECK(doc.tokens[3].kind == TokenKind::url);
}

TEST_CASE("numbers keep separators, decimals and times", "[tokenizer]") {
  CHECK(tokens_of("5,000 people paid $3.50 at 10:30.") ==
        Strings{"5,000", "people", "paid", "$", "3.50", "at", "10:30", "."});
  CHECK(tokens_of("on 08/16/2000, call 303-832-8160") == Strings{"on", "08/16/2000", ",", "call", "303-832-8160"});
  CHECK(tokens_of("ages 13-17") == Strings{"ages", "13", "-", "17"});
  CHECK(tokens_of("a 5km run at 5pm") == Strings{"a", "5", "km", "run", "at", "5", "pm"});
  CHECK(tokens_of("the 3rd and 1990s") == Strings{"the", "3rd", "and", "1990s"});
  Document doc{"d", "5,000 x"};
  Tokenizer{{}}.annotate(doc);
  CHECK(doc.tokens[0].kind == TokenKind::number);
}

TEST_CASE("abbreviations keep their period", "[tokenizer]") {
  CHECK(tokens_of("The U.S. and Gov. Smith met on Jan. 5.") ==
        Strings{"The", "U.S.", "and", "Gov.", "Smith", "met", "on", "Jan.", "5", "."});
  CHECK(tokens_of("George W. Bush, Inc. and e.g. this") ==
        Strings{"George", "W.", "Bush", ",", "Inc.", "and", "e.g.", "this"});
  CHECK(tokens_of("I said no. No. 5 won.") == Strings{"I", "said", "no", ".", "No.", "5", "won", "."});
  CHECK(tokens_of("in jan. it") == Strings{"in", "jan", ".", "it"});  // capitalized forms only
  CHECK(tokens_of("the end.") == Strings{"the", "end", "."});
  Options o;
  o.extra_abbreviations = {"Calif.", "approx"};
  CHECK(tokens_of("in Calif. for approx. two", o) == Strings{"in", "Calif.", "for", "approx.", "two"});
}

TEST_CASE("hyphens split except after UD prefixes", "[tokenizer]") {
  CHECK(tokens_of("a 15-year term") == Strings{"a", "15", "-", "year", "term"});
  CHECK(tokens_of("self-driven non-human e-mail re-elected") ==
        Strings{"self", "-", "driven", "non-human", "e-mail", "re-elected"});
  CHECK(tokens_of("day -- a chance--no") == Strings{"day", "--", "a", "chance", "--", "no"});
  CHECK(tokens_of("pre- and post-war") == Strings{"pre-", "and", "post-war"});
}

TEST_CASE("punctuation runs and emoticons stay whole", "[tokenizer]") {
  CHECK(tokens_of("Wait... what?!") == Strings{"Wait", "...", "what", "?!"});
  CHECK(tokens_of("great :) and :-( ok") == Strings{"great", ":)", "and", ":-(", "ok"});
  CHECK(tokens_of("fun:)") == Strings{"fun", ":)"});
  CHECK(tokens_of("***** wow !!!") == Strings{"*****", "wow", "!!!"});
  CHECK(tokens_of("Yahoo! rocks") == Strings{"Yahoo!", "rocks"});
}

TEST_CASE("Unicode: marks, emoji, non-breaking spaces, other scripts", "[tokenizer]") {
  CHECK(tokens_of("caf\xC3\xA9 cafe\xCC\x81.") == Strings{"caf\xC3\xA9", "cafe\xCC\x81", "."});
  CHECK(tokens_of("a\xC2\xA0"
                  "b") == Strings{"a", "b"});  // NBSP separates
  // thumbs up with skin tone, family with ZWJ, a flag
  const std::string emoji =
      "ok\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 "
      "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5";
  CHECK(tokens_of(emoji) == Strings{"ok", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
                                    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
                                    "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"});
  CHECK(tokens_of("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1.") ==
        Strings{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", ",", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
                "."});
  CHECK(tokens_of("\xE2\x80\x94quote\xE2\x80\x94") == Strings{"\xE2\x80\x94", "quote", "\xE2\x80\x94"});
}

TEST_CASE("invalid UTF-8 bytes become tokens of their own", "[tokenizer]") {
  const std::string text =
      "ab\xFF"
      "cd \xC3";
  const auto toks = tokens_of(text);
  std::string joined;
  for (const auto& t : toks) joined += t;
  CHECK(joined ==
        "ab\xFF"
        "cd\xC3");
}

TEST_CASE("slashes split between words, not in short forms or numbers", "[tokenizer]") {
  CHECK(tokens_of("and/or East/West b/c w/o 9/30/01") ==
        Strings{"and", "/", "or", "East", "/", "West", "b/c", "w/o", "9/30/01"});
}

TEST_CASE("run-together sentences split, domains and file names do not", "[tokenizer]") {
  CHECK(tokens_of("quality.You") == Strings{"quality", ".", "You"});
  CHECK(tokens_of("Newsfeed.Com Report.PDF Ph.D U.S.A") == Strings{"Newsfeed.Com", "Report.PDF", "Ph.D", "U.S.A"});
  CHECK(tokens_of("(draft).doc") == Strings{"(", "draft", ")", ".doc"});
  CHECK(tokens_of("Mr.Smith") == Strings{"Mr.", "Smith"});
}

TEST_CASE("hashtags, mentions and phone prefixes", "[tokenizer]") {
  CHECK(tokens_of("#audiobooks @jane +1 #1") == Strings{"#audiobooks", "@jane", "+1", "#", "1"});
  CHECK(tokens_of("<jane.doe@example.com>") == Strings{"<", "jane.doe@example.com", ">"});
  CHECK(tokens_of("<< File: a.doc >>") == Strings{"<<", "File", ":", "a.doc", ">>"});
}

TEST_CASE("two apostrophes are one double quote", "[tokenizer]") {
  CHECK(tokens_of("''We will win,'' he said.") == Strings{"''", "We", "will", "win", ",", "''", "he", "said", "."});
  CHECK(tokens_of("``great.''") == Strings{"``", "great", ".", "''"});
}

TEST_CASE("split_hyphens off keeps hyphenated words whole", "[tokenizer]") {
  Options o;
  o.split_hyphens = false;
  CHECK(tokens_of("a well-known New York-based 15-year-old", o) ==
        Strings{"a", "well-known", "New", "York-based", "15-year-old"});
  CHECK(tokens_of("ages 13-17 -- fine", o) == Strings{"ages", "13-17", "--", "fine"});
}

TEST_CASE("one-letter units only in lowercase", "[tokenizer]") {
  CHECK(tokens_of("a 10k run on 3G and 4K") == Strings{"a", "10", "k", "run", "on", "3G", "and", "4K"});
}
