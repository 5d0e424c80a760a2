#include "summarizer.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <string>
#include <vector>

using namespace docpipe;
using namespace docpipe::summarizer;
using summarizer::test::make_doc;
using summarizer::test::summary_texts;

namespace {

// A made-up story with the furniture of a news page around it. Twelve
// sentences in the splitter's eyes, six of which must never be picked.
const std::string kStory =
    "Accessibility links\n"
    "Breaking News\n"
    "\n"
    "Riverton Council Backs New Bridge\n"
    "\n"
    "By Jane Porter\n"
    "\n"
    "RIVERTON, Oregon -- The Riverton city council approved a new bridge over the Clear River on Tuesday after "
    "two years of debate.\n"
    "\n"
    "The bridge will cost 40 million dollars and replace a ferry that carries 3,000 commuters a day.\n"
    "\n"
    "\"This is the best day for our city in a decade.\"\n"
    "Mayor Ana Ruiz said after the vote that the bridge would open in 2027.\n"
    "\n"
    "Opponents of the bridge fear that the river valley would lose its quiet character.\n"
    "\n"
    "\"We will keep fighting this in court.\"\n"
    "\n"
    "The council also voted to widen Main Street and to plant trees along the river.\n"
    "\n"
    "Construction of the bridge is expected to begin next spring.\n";

const std::vector<std::string> kNeverPicked = {
    "Accessibility links", "Breaking News",    "Riverton Council Backs New Bridge",
    "By Jane Porter",      "RIVERTON, Oregon", "We will keep fighting"};

Options options_with(Method method, Length length) {
  Options o;
  o.method = method;
  o.length = length;
  o.stopwords = summarizer::test::some_stopwords();
  return o;
}

std::size_t words_in(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool w = summarizer::test::is_word_byte(c);
    n += w && !in_word ? 1 : 0;
    in_word = w;
  }
  return n;
}

const Method kMethods[] = {Method::combined, Method::lead, Method::textrank, Method::lexrank};

}  // namespace

TEST_CASE("the sentence count is honoured exactly by every method", "[summarizer]") {
  for (const Method m : kMethods) {
    for (int k = 0; k <= 6; ++k) {
      const Summarizer s{options_with(m, {LengthUnit::sentences, static_cast<double>(k)})};
      const Document doc = make_doc(kStory);
      INFO("method " << static_cast<int>(m) << ", k " << k);
      CHECK(s.summarize(doc).size() == static_cast<std::size_t>(k));
    }
  }
}

TEST_CASE("the sentence count is honoured exactly with cosine similarity and a central share", "[summarizer]") {
  for (const Method m : {Method::textrank, Method::lexrank}) {
    for (const double share : {0.0, 0.2, 0.4, 1.0}) {
      for (int k = 0; k <= 8; ++k) {
        Options o = options_with(m, {LengthUnit::sentences, static_cast<double>(k)});
        o.similarity = SimilarityKind::cosine;
        o.stem = false;
        o.central_share = share;
        const Summarizer s{o};
        const auto summary = s.summarize(make_doc(kStory));
        INFO("method " << static_cast<int>(m) << ", share " << share << ", k " << k);
        CHECK(summary.size() == std::min<std::size_t>(static_cast<std::size_t>(k), 7));
        for (const std::string& text : summary_texts(make_doc(kStory), summary)) {
          for (const std::string& bad : kNeverPicked) CHECK(text.find(bad) == std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("a central share picks the longest of the central sentences", "[summarizer]") {
  // Three sentences about the bridge, one of them long; two about other things.
  const std::string text =
      "The new bridge opened.\n"
      "The new bridge over the river opened to traffic on Monday after six years of work by crews from three "
      "towns, and drivers crossed the new bridge all day long.\n"
      "Drivers liked the new bridge.\n"
      "A bakery in the old town sold fresh bread.\n"
      "Rain is expected on Friday.\n";
  Options o = options_with(Method::textrank, {LengthUnit::sentences, 1});
  o.similarity = SimilarityKind::cosine;
  o.stem = false;
  const Document doc = make_doc(text);
  const auto central = summary_texts(doc, Summarizer{o}.summarize(doc));
  REQUIRE(central.size() == 1);
  CHECK(central.front() == "The new bridge opened.");  // the most central: all its words are shared
  o.central_share = 0.4;
  const auto longest = summary_texts(doc, Summarizer{o}.summarize(doc));
  REQUIRE(longest.size() == 1);
  CHECK(longest.front().starts_with("The new bridge over the river"));
  o.length = {LengthUnit::sentences, 3};
  const auto three = summary_texts(doc, Summarizer{o}.summarize(doc));
  CHECK(three.size() == 3);  // the length is honoured even past the central share
}

TEST_CASE("more sentences than may be picked gives all the pickable ones", "[summarizer]") {
  const Summarizer s{options_with(Method::combined, {LengthUnit::sentences, 50})};
  Document doc = make_doc(kStory);
  s.annotate(doc);
  // 8 prose sentences; the quote no sentence next to it attributes is left out.
  CHECK(doc.summary.size() == 7);
}

TEST_CASE("a ratio counts the document's sentences and rounds", "[summarizer]") {
  const Document doc = make_doc(kStory);
  REQUIRE(doc.sentences.size() == 12);
  for (const auto& [ratio, expected] : {std::pair{0.25, 3}, std::pair{0.3, 4}, std::pair{0.01, 1}, std::pair{0.5, 6}}) {
    const Summarizer s{options_with(Method::textrank, {LengthUnit::ratio, ratio})};
    INFO("ratio " << ratio);
    CHECK(s.summarize(doc).size() == static_cast<std::size_t>(expected));
  }
}

TEST_CASE("a word budget is never exceeded and is filled greedily", "[summarizer]") {
  const Document doc = make_doc(kStory);
  for (const Method m : kMethods) {
    for (const int budget : {5, 9, 10, 16, 30, 45, 1000}) {
      Document d = doc;
      const Summarizer s{options_with(m, {LengthUnit::words, static_cast<double>(budget)})};
      s.annotate(d);
      std::size_t total = 0;
      for (const std::string& t : summary_texts(d)) total += words_in(t);
      INFO("method " << static_cast<int>(m) << ", budget " << budget);
      CHECK(total <= static_cast<std::size_t>(budget));
      // The shortest prose sentence has 10 words.
      CHECK(d.summary.empty() == (budget < 10));
    }
  }
}

TEST_CASE("a word budget is never exceeded with a central share", "[summarizer]") {
  for (const int budget : {5, 10, 16, 30, 45, 1000}) {
    Document d = make_doc(kStory);
    Options o = options_with(Method::textrank, {LengthUnit::words, static_cast<double>(budget)});
    o.similarity = SimilarityKind::cosine;
    o.central_share = 0.4;
    Summarizer{o}.annotate(d);
    std::size_t total = 0;
    for (const std::string& t : summary_texts(d)) total += words_in(t);
    INFO("budget " << budget);
    CHECK(total <= static_cast<std::size_t>(budget));
    CHECK(d.summary.empty() == (budget < 10));
  }
}

TEST_CASE("summaries come in text order with scores above 0 and at most 1", "[summarizer]") {
  for (const Method m : kMethods) {
    const Summarizer s{options_with(m, {LengthUnit::sentences, 4})};
    const auto summary = s.summarize(make_doc(kStory));
    REQUIRE(summary.size() == 4);
    for (std::size_t i = 1; i < summary.size(); ++i) CHECK(summary[i - 1].end <= summary[i].begin);
    double best = 0.0;
    for (const SummarySentence& x : summary) {
      CHECK(x.score > 0.0);
      CHECK(x.score <= 1.0);
      best = std::max(best, x.score);
    }
    CHECK(best == Approx(1.0));  // the best sentence is always picked first
  }
}

TEST_CASE("boilerplate, headlines, bylines and datelines are never picked", "[summarizer]") {
  for (const Method m : kMethods) {
    const Summarizer s{options_with(m, {LengthUnit::ratio, 1.0})};
    Document doc = make_doc(kStory);
    s.annotate(doc);
    for (const std::string& text : summary_texts(doc)) {
      for (const std::string& bad : kNeverPicked) CHECK(text.find(bad) == std::string::npos);
    }
    // The dateline's sentence is picked without its dateline.
    CHECK(summary_texts(doc).front().starts_with("The Riverton city council approved"));
  }
}

TEST_CASE("a quote is picked only together with its attribution", "[summarizer]") {
  const std::string text =
      "\"We have never seen water this high in the valley.\"\n"
      "The fire chief said the valley flood had forced hundreds of families from their homes.\n"
      "\"The water rose through the valley in an hour and families lost their homes.\"\n"
      "Volunteers in the valley filled sandbags to protect homes from the flood water.";
  for (const Method m : kMethods) {
    for (int k = 1; k <= 4; ++k) {
      const Summarizer s{options_with(m, {LengthUnit::sentences, static_cast<double>(k)})};
      const auto texts = summary_texts([&] {
        Document d = make_doc(text);
        s.annotate(d);
        return d;
      }());
      const bool first_quote = std::any_of(texts.begin(), texts.end(),
                                           [](const auto& t) { return t.find("never seen") != std::string::npos; });
      const bool chief = std::any_of(texts.begin(), texts.end(),
                                     [](const auto& t) { return t.find("fire chief") != std::string::npos; });
      const bool second_quote = std::any_of(texts.begin(), texts.end(),
                                            [](const auto& t) { return t.find("rose through") != std::string::npos; });
      INFO("method " << static_cast<int>(m) << ", k " << k);
      CHECK((!first_quote || chief));
      CHECK((!second_quote || chief));
      CHECK(texts.size() == std::min<std::size_t>(static_cast<std::size_t>(k), 4));
    }
  }
}

TEST_CASE("the graph methods never pick an unattributed quote, however central", "[summarizer]") {
  const std::string text =
      "The council approved the river bridge on Tuesday.\n"
      "Work on the bridge starts in May.\n"
      "\"The river bridge will change the river town, the river valley and the river bridge trade.\"\n"
      "Tickets for the ferry will be cheaper next year.\n";
  for (const Method m : {Method::textrank, Method::lexrank}) {
    for (const double share : {0.0, 0.4}) {
      Options o = options_with(m, {LengthUnit::ratio, 1.0});
      o.central_share = share;
      Document doc = make_doc(text);
      Summarizer{o}.annotate(doc);
      const auto texts = summary_texts(doc);
      INFO("method " << static_cast<int>(m) << ", share " << share);
      CHECK(texts.size() == 3);
      for (const std::string& t : texts) CHECK(t.find("river town") == std::string::npos);
      double best = 0.0;
      for (const SummarySentence& x : doc.summary) best = std::max(best, x.score);
      CHECK(best == Approx(1.0));  // relative to the best sentence that may be picked
    }
  }
}

TEST_CASE("the quotes layer decides attribution when present", "[summarizer]") {
  const std::string text =
      "\"Prices for bread will rise sharply across the country this winter.\"\n"
      "Farmers blame the drought for a poor wheat harvest across the country this year.\n"
      "Millers expect bread prices to rise across the country for months.";
  const Summarizer s{options_with(Method::textrank, {LengthUnit::sentences, 3})};
  Document doc = make_doc(text);
  // The quote stage found no speaker for the quote: it is never picked,
  // although a cue check alone would not have found one either way.
  doc.quotes.push_back({.begin = 1, .end = static_cast<Offset>(text.find(".\"") + 1)});
  doc.mark_present("quotes");
  s.annotate(doc);
  CHECK(doc.summary.size() == 2);
  // With a speaker in the next sentence it may be picked with that sentence.
  const auto farmers = static_cast<Offset>(text.find("Farmers"));
  doc.quotes.front().speaker_span = std::pair<Offset, Offset>{farmers, farmers + 7};
  s.annotate(doc);
  CHECK(doc.summary.size() == 3);
  // Reported speech is the writer's sentence: it needs no speaker nearby.
  doc.quotes.front().speaker_span.reset();
  doc.quotes.front().kind = QuoteKind::indirect;
  s.annotate(doc);
  CHECK(doc.summary.size() == 3);
}

TEST_CASE("lead picks the first prose sentences", "[summarizer]") {
  const Summarizer s{options_with(Method::lead, {LengthUnit::sentences, 2})};
  Document doc = make_doc(kStory);
  s.annotate(doc);
  const auto texts = summary_texts(doc);
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].starts_with("The Riverton city council"));
  CHECK(texts[1].starts_with("The bridge will cost"));
}

TEST_CASE("a one-sentence and an empty document", "[summarizer]") {
  for (const Method m : kMethods) {
    const Summarizer s{options_with(m, {LengthUnit::sentences, 3})};
    Document one = make_doc("The harbour reopened on Friday after a week of storms.");
    s.annotate(one);
    REQUIRE(one.summary.size() == 1);
    CHECK(one.summary.front().begin == 0);
    CHECK(one.summary.front().end == one.text.size());
    CHECK(one.summary.front().score == Approx(1.0));

    Document empty = make_doc("");
    s.annotate(empty);
    CHECK(empty.summary.empty());
    CHECK(empty.has_layer("summary"));
  }
}

TEST_CASE("the same input gives the same summary, on any thread", "[summarizer]") {
  Options central = options_with(Method::textrank, {LengthUnit::sentences, 3});
  central.similarity = SimilarityKind::cosine;
  central.stem = false;
  central.central_share = 0.4;
  for (const Options& o : {options_with(Method::combined, {LengthUnit::sentences, 3}), central}) {
    const Summarizer s{o};
    const Document doc = make_doc(kStory, "Council backs bridge");
    const auto expected = s.summarize(doc);
    std::vector<std::future<std::vector<SummarySentence>>> runs;
    for (int i = 0; i < 8; ++i) runs.push_back(std::async(std::launch::async, [&] { return s.summarize(doc); }));
    for (auto& r : runs) CHECK(r.get() == expected);
  }
}

TEST_CASE("sentences past max_sentences are never picked", "[summarizer]") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "Filler sentence number " + std::to_string(i) + " talks about nothing much.\n";
  text += "The volcano erupted and the volcano ash closed the volcano airport.\n";
  Options o = options_with(Method::textrank, {LengthUnit::sentences, 1});
  o.max_sentences = 10;
  const Summarizer s{o};
  Document doc = make_doc(text);
  s.annotate(doc);
  REQUIRE(doc.summary.size() == 1);
  CHECK(doc.summary.front().end <= doc.sentences[9].end);
}

TEST_CASE("hostile input finishes", "[summarizer]") {
  const Summarizer s{options_with(Method::combined, {LengthUnit::sentences, 3})};
  Document doc = make_doc(std::string(1 << 20, 'x') + ". \"Unbalanced quote. (( -- CNN) \n\n\n");
  s.annotate(doc);
  CHECK(doc.summary.size() <= 3);
}
TEST_CASE("the default method prefers sentences about the title", "[summarizer]") {
  const std::string text =
      "Snow fell across the northern hills overnight and roads were closed for hours.\n"
      "Schools in the hills stayed closed while crews cleared the roads of snow.\n"
      "The storm also knocked out power to the regional hospital for two hours.\n"
      "Crews expect the roads in the hills to reopen by the evening.";
  const Summarizer s{options_with(Method::combined, {LengthUnit::sentences, 1})};
  Document plain = make_doc(text);
  s.annotate(plain);
  Document titled = make_doc(text, "Storm cuts power to hospital");
  s.annotate(titled);
  REQUIRE(titled.summary.size() == 1);
  CHECK(summary_texts(titled).front().starts_with("The storm also knocked out power"));
  CHECK(summary_texts(plain).front() != summary_texts(titled).front());
}

TEST_CASE("the default method prefers a short sentence to a very long one next to it", "[summarizer]") {
  const std::string text =
      "The city council approved the budget for next year after a long evening session.\n"
      "The budget raises spending on schools and roads by a tenth over this year.\n"
      "The council members who had argued for most of the evening about the cost of the new library, the "
      "repairs to the old town hall, the pay of the street cleaners, the price of the winter salt, the new "
      "buses for the northern districts and the lights along the river finally agreed at midnight to put "
      "off every one of these questions until the spring.\n"
      "The mayor will sign the budget at the town hall on Friday morning.\n"
      "Residents may read the full budget at the town library.";
  const Summarizer s{options_with(Method::combined, {LengthUnit::sentences, 3})};
  Document doc = make_doc(text);
  s.annotate(doc);
  const auto texts = summary_texts(doc);
  REQUIRE(texts.size() == 3);
  CHECK(texts[0].starts_with("The city council approved"));
  CHECK(texts[1].starts_with("The budget raises"));
  CHECK(texts[2].starts_with("The mayor will sign"));
}

TEST_CASE("the seed article: who met whom, where, and what they disagreed on", "[summarizer]") {
  const std::filesystem::path seed_dir = std::filesystem::path(DOCPIPE_SOURCE_DIR) / ".." / "shared" / "seed";
  std::error_code ec;
  if (!std::filesystem::is_directory(seed_dir, ec)) {
    WARN("skipped: no " << seed_dir.string());
    return;
  }
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(seed_dir)) {
    if (entry.path().extension() != ".txt" || entry.path().filename().string().rfind("000_", 0) != 0) continue;
    std::ifstream in(entry.path());
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (text.empty()) {
    WARN("skipped: no seed article in " << seed_dir.string());
    return;
  }
  Options o = options_with(Method::combined, {LengthUnit::sentences, 3});
  o.stopwords = detail::read_word_list(std::string(DOCPIPE_TEST_DATA_DIR) + "/stopwords/english.txt");
  const Summarizer s{o};
  Document doc = make_doc(text);
  s.annotate(doc);
  std::string joined;
  for (const std::string& t : summary_texts(doc)) joined += t + "\n";
  INFO(joined);
  CHECK(doc.summary.size() == 3);
  for (const char* must : {"Medvedev", "Bush", "Japan", "missile defense"})
    CHECK(joined.find(must) != std::string::npos);
  for (const char* never : {"HOKKAIDO", "Accessibility", "Breaking News", "(left)"}) {
    CHECK(joined.find(never) == std::string::npos);
  }
}
