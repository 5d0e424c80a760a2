#include "detail/terms.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace docpipe;
using namespace docpipe::summarizer::detail;

namespace {
std::vector<Span> sentence_spans(const Document& doc) {
  std::vector<Span> spans;
  for (const Sentence& s : doc.sentences) spans.push_back({s.begin, s.end});
  return spans;
}
}  // namespace

TEST_CASE("terms are stems of content words shared across sentences", "[summarizer]") {
  const TermExtractor extractor({"the", "of", "a", "don't"});
  Vocabulary vocabulary("english");
  const Document doc = summarizer::test::make_doc("The Elections of a nation.\nElection day don\xE2\x80\x99t wait.\n" +
                                                  std::string(100, 'x') + " nation.");
  DocumentTerms terms;
  extractor.extract(doc.text, doc.tokens, sentence_spans(doc), "Nation votes in election", vocabulary, terms);
  REQUIRE(terms.sentences.size() == 3);
  // "elections"/"election" share a stem; "the", "of", "a" and "don’t" are stop words.
  CHECK(terms.sentences[0].size() == 2);  // elect, nation
  CHECK(terms.sentences[1].size() == 3);  // elect, day, wait
  CHECK(terms.sentences[0][0].first == terms.sentences[1][0].first);
  CHECK(terms.words[0] == 5);             // stop words count as words
  CHECK(terms.sentences[2].size() == 1);  // the 100-byte run is no term
  CHECK(terms.title.size() == 2);         // "votes" never occurs in the text
  CHECK(terms.vocabulary == 4);

  // A second document reuses the cache and gets dense ids of its own.
  const Document other = summarizer::test::make_doc("The nation waits.");
  extractor.extract(other.text, other.tokens, sentence_spans(other), "", vocabulary, terms);
  CHECK(terms.vocabulary == 2);
  CHECK(terms.sentences[0] == TermCounts{{0, 1}, {1, 1}});
}

TEST_CASE("without stemming, words are compared as written (lowercased)", "[summarizer]") {
  const TermExtractor extractor({"the", "of", "a"});
  Vocabulary vocabulary("english", false);
  const Document doc = summarizer::test::make_doc("The Elections of a nation.\nElection day.\nELECTIONS again.");
  DocumentTerms terms;
  extractor.extract(doc.text, doc.tokens, sentence_spans(doc), "", vocabulary, terms);
  REQUIRE(terms.sentences.size() == 3);
  CHECK(terms.sentences[0].size() == 2);  // elections, nation
  CHECK(terms.sentences[1].size() == 2);  // election, day: "election" is not "elections"
  CHECK(terms.sentences[2].size() == 2);  // elections, again
  CHECK(terms.sentences[0][0].first != terms.sentences[1][0].first);
  CHECK(terms.sentences[0][0].first == terms.sentences[2][0].first);
  CHECK(terms.vocabulary == 5);
}

TEST_CASE("without numbers, number tokens count as words but are no terms", "[summarizer]") {
  const TermExtractor extractor({"the", "in"}, false);
  Vocabulary vocabulary("english");
  const Document doc = summarizer::test::make_doc("The 2004 budget rose.\nSales in 2004 fell 3 percent.");
  DocumentTerms terms;
  extractor.extract(doc.text, doc.tokens, sentence_spans(doc), "", vocabulary, terms);
  REQUIRE(terms.sentences.size() == 2);
  CHECK(terms.sentences[0].size() == 2);  // budget, rose
  CHECK(terms.sentences[1].size() == 3);  // sale, fell, percent
  CHECK(terms.words[0] == 4);
  CHECK(terms.words[1] == 6);
  CHECK(terms.vocabulary == 5);  // "2004" would have been shared
}

TEST_CASE("the word table finds what it stored, across growth", "[summarizer]") {
  WordTable table;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const std::string key = "w" + std::to_string(i);
    table.insert(key, WordTable::hash(key), i);
  }
  CHECK(table.size() == 5000);
  for (std::uint32_t i = 0; i < 5000; i += 7) {
    const std::string key = "w" + std::to_string(i);
    CHECK(table.find(key, WordTable::hash(key)) == i);
  }
  CHECK(table.find("absent", WordTable::hash("absent")) == WordTable::kMissing);
}
