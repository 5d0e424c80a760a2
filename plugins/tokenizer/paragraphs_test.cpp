#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace docpipe::tokenizer;
using namespace docpipe::tokenizer::test;

TEST_CASE("blank lines separate paragraphs, trimmed", "[tokenizer]") {
  CHECK(paragraphs_of("  One.\nStill one.\n\n \t\nTwo. \n") == Strings{"One.\nStill one.", "Two."});
  CHECK(paragraphs_of("A.\r\n\r\nB.") == Strings{"A.", "B."});
  CHECK(paragraphs_of("").empty());
  CHECK(paragraphs_of(" \n\n ").empty());
}

TEST_CASE("wire style: one paragraph per line", "[tokenizer]") {
  const std::string wire =
      "Quake hits Japan\nTOKYO (AP) -- A strong quake hit Japan on Monday.\n"
      "Officials said there was no damage.\nTrains were halted.";
  CHECK(paragraphs_of(wire).size() == 4);
  // Hard-wrapped prose is one paragraph.
  const std::string wrapped =
      "This text is wrapped at a fixed width, so its lines end in the middle of\n"
      "sentences and carry on at the start of the next line without a break in\n"
      "between, as plain-text e-mail and old documents do all the time.";
  CHECK(paragraphs_of(wrapped).size() == 1);
}

TEST_CASE("paragraph rule option", "[tokenizer]") {
  Options line;
  line.paragraph_rule = ParagraphRule::line;
  CHECK(paragraphs_of("a b\nc d\n\ne", line) == Strings{"a b", "c d", "e"});
  Options blank;
  blank.paragraph_rule = ParagraphRule::blank_line;
  CHECK(paragraphs_of("One.\nTwo.\nThree.", blank) == Strings{"One.\nTwo.\nThree."});
  CHECK(paragraphs_of("One.\nTwo.\nThree.") == Strings{"One.", "Two.", "Three."});
}
