#include <docpipe/eval/evaluate.hpp>

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

using namespace docpipe::eval;

namespace {

double cell(const Report& r, std::string_view row, std::string_view key) {
  for (const auto& s : r.sections) {
    for (const auto& w : s.rows) {
      if (w.name != row) continue;
      for (const auto& c : w.cells) {
        if (c.key == key) return c.value;
      }
    }
  }
  FAIL("no cell " << row << "." << key);
  return -1;
}

}  // namespace

TEST_CASE("tokens and sentences are scored over documents and missing ones count as empty", "[eval]") {
  GoldDocument g;
  g.id = "d1";
  g.text = "I can't go. Bye.";
  g.tokens = std::vector<Span>{{0, 1}, {2, 7}, {8, 10}, {10, 11}, {12, 15}, {15, 16}};
  g.words = std::vector<Span>{{0, 1}, {2, 4}, {4, 7}, {8, 10}, {10, 11}, {12, 15}, {15, 16}};
  g.sentences = std::vector<Span>{{0, 11}, {12, 16}};
  docpipe::Document p{"d1", g.text};
  p.tokens = {{0, 1}, {2, 7}, {8, 11}, {12, 15}, {15, 16}};  // "go." is one token: 4 of 5 right
  p.sentences = {{0, 16}};
  Evaluator e(GoldKind::tokens, {});
  e.add(g, p);
  GoldDocument g2 = g;
  g2.id = "d2";
  e.add_missing(g2);
  const Report r = e.report();
  CHECK(r.documents == 2);
  CHECK(r.missing == 1);
  // tokens: 4 matched of 5 predicted, gold 6 + 6.
  CHECK(cell(r, "tokens", "precision") == Approx(0.8));
  CHECK(cell(r, "tokens", "recall") == Approx(4.0 / 12.0));
  // words against predicted tokens: I, Bye, . -> 3 of 5; gold 7 + 7.
  CHECK(cell(r, "words", "matched") == 3);
  CHECK(cell(r, "words", "gold") == 14);
  CHECK(cell(r, "sentences", "matched") == 0);
  CHECK(cell(r, "sentences", "predicted") == 1);
}

TEST_CASE("only the chosen layers are scored", "[eval]") {
  GoldDocument g;
  g.id = "d";
  g.text = "Hi.";
  g.tokens = std::vector<Span>{{0, 2}, {2, 3}};
  g.sentences = std::vector<Span>{{0, 3}};
  EvalOptions o;
  o.layers = {"sentences"};
  Evaluator e(GoldKind::tokens, o);
  docpipe::Document p{"d", g.text};
  p.sentences = {{0, 3}};
  e.add(g, p);
  const Report r = e.report();
  CHECK(cell(r, "sentences", "f1") == 1.0);
  rapidjson::Document j;
  j.Parse(format_json(r).c_str());
  REQUIRE(j.IsObject());
  CHECK(j["scores"].HasMember("sentences"));
  CHECK_FALSE(j["scores"].HasMember("tokens"));
}

TEST_CASE("golden rules pass only when every sentence is exact", "[eval]") {
  GoldDocument a;
  a.id = "gr-1";
  a.rule = "two sentences";
  a.text = "Mr. Li came. He left.";
  a.expected_sentences = {"Mr. Li came.", "He left."};
  a.sentences = std::vector<Span>{{0, 12}, {13, 21}};
  GoldDocument b = a;
  b.id = "gr-2";
  b.rule = "abbreviation";
  docpipe::Document right{"gr-1", a.text};
  right.sentences = {{0, 12}, {12, 21}};  // the space goes with the second: stripped, still right
  docpipe::Document wrong{"gr-2", b.text};
  wrong.sentences = {{0, 3}, {4, 12}, {13, 21}};  // split after "Mr."
  Evaluator e(GoldKind::sbd, {});
  e.add(a, right);
  e.add(b, wrong);
  const Report r = e.report();
  CHECK(cell(r, "golden_rules", "passed") == 1);
  CHECK(cell(r, "golden_rules", "rules") == 2);
  CHECK(cell(r, "sentences", "matched") == 3);  // 2 + 1
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0] == "failed rule: gr-2 (abbreviation)");
}

TEST_CASE("quotes are scored per category of kinds", "[eval]") {
  GoldDocument g;
  g.id = "q";
  g.text = "\"Go,\" she said, adding that he is late.";
  g.quotes = {{{1, 4}, "direct", Span{6, 9}}, {{23, 38}, "indirect", Span{6, 9}}};
  docpipe::Document p{"q", g.text};
  docpipe::Quote direct;
  direct.begin = 1;
  direct.end = 4;
  direct.speaker_span = std::make_pair(6u, 9u);
  p.quotes.push_back(direct);
  Evaluator e(GoldKind::quotes, {});
  e.add(g, p);
  const Report r = e.report();
  CHECK(cell(r, "direct+mixed", "f1") == 1.0);
  CHECK(cell(r, "direct", "e2e_f1") == 1.0);
  CHECK(cell(r, "direct", "speaker_accuracy") == 1.0);
  CHECK(cell(r, "indirect", "recall") == 0.0);
  CHECK(cell(r, "indirect", "gold") == 1);
}

TEST_CASE("places ignore unscored gold types and resolve matched toponyms", "[eval]") {
  GoldDocument g;
  g.id = "p";
  g.text = "French troops left Mali.";
  g.toponyms = {{{0, 6}, std::nullopt, "Demonym"}, {{19, 23}, std::make_pair(17.0, -4.0), "Literal"}};
  docpipe::Document p{"p", g.text};
  docpipe::Place france;
  france.begin = 0;
  france.end = 6;
  docpipe::Place mali;
  mali.begin = 19;
  mali.end = 23;
  mali.lat = 17.0;
  mali.lon = -4.0;
  p.places = {france, mali};
  Evaluator e(GoldKind::places, {});
  e.add(g, p);
  Report r = e.report();
  CHECK(cell(r, "recognition_exact", "precision") == 1.0);  // "French" neither right nor wrong
  CHECK(cell(r, "recognition_exact", "gold") == 1);
  CHECK(cell(r, "resolution", "acc_161km") == 1.0);
  CHECK(cell(r, "resolution", "toponyms") == 1);

  EvalOptions all;
  all.all_place_types = true;
  Evaluator e2(GoldKind::places, all);
  e2.add(g, p);
  r = e2.report();
  CHECK(cell(r, "recognition_exact", "gold") == 2);
  CHECK(cell(r, "resolution", "toponyms") == 1);  // the demonym has no coordinates
}

TEST_CASE("places are also scored by the gold's source", "[eval]") {
  GoldDocument a;
  a.id = "a";
  a.text = "Oslo";
  a.source = "A";
  a.toponyms = {{{0, 4}, std::make_pair(59.9, 10.7), ""}};
  GoldDocument b = a;
  b.id = "b";
  b.source = "B";
  docpipe::Document hit{"a", a.text};
  docpipe::Place oslo;
  oslo.begin = 0;
  oslo.end = 4;
  oslo.lat = 59.9;
  oslo.lon = 10.7;
  hit.places = {oslo};
  Evaluator e(GoldKind::places, {});
  e.add(a, hit);
  e.add_missing(b);
  const Report r = e.report();
  CHECK(cell(r, "source:A", "exact_f1") == 1.0);
  CHECK(cell(r, "source:B", "exact_f1") == 0.0);
  CHECK(cell(r, "source:B", "gold") == 1);
  CHECK(cell(r, "recognition_exact", "recall") == Approx(0.5));
}

TEST_CASE("summaries score the mean of per-document ROUGE F1", "[eval]") {
  GoldDocument g;
  g.id = "s";
  g.text = "Rain fell. Rivers rose. Roads shut.";
  g.summaries = {"Rain fell.\nRoads shut."};
  docpipe::Document p{"s", g.text};
  p.summary = {{24, 35, 1.0}, {0, 10, 2.0}};  // out of order on purpose
  Evaluator e(GoldKind::summary, {});
  e.add(g, p);
  e.add_missing(g);  // an empty summary: 0
  const Report r = e.report();
  CHECK(cell(r, "rouge1", "f1") == Approx(0.5));
  CHECK(cell(r, "rouge2", "f1") == Approx(0.5));  // rain-fell fell-roads roads-shut: 3 of 3
  CHECK(cell(r, "rougeLsum", "f1") == Approx(0.5));
}

TEST_CASE("reports print as a table and as JSON", "[eval]") {
  Report r;
  r.kind = "tokens";
  r.documents = 3;
  r.missing = 1;
  r.sections.push_back({"spans", {{"tokens", {{"precision", 0.5}, {"matched", 7, Cell::Format::count}}}}});
  r.notes.push_back("a note");
  const std::string table = format_table(r);
  CHECK(table.find("1 missing") != std::string::npos);
  CHECK(table.find("50.00") != std::string::npos);
  CHECK(table.find("note: a note") != std::string::npos);
  rapidjson::Document j;
  j.Parse(format_json(r).c_str());
  REQUIRE(j.IsObject());
  CHECK(j["scores"]["tokens"]["precision"].GetDouble() == 0.5);
  CHECK(j["scores"]["tokens"]["matched"].GetUint() == 7);
  CHECK(j["missing"].GetUint() == 1);
}

TEST_CASE("examples list the mistakes of the first documents", "[eval]") {
  GoldDocument g;
  g.id = "d";
  g.text = "Mr. Li left.";
  g.tokens = std::vector<Span>{{0, 3}, {4, 6}, {7, 11}, {11, 12}};
  docpipe::Document p{"d", g.text};
  p.tokens = {{0, 2}, {2, 3}, {4, 6}, {7, 11}, {11, 12}};
  EvalOptions o;
  o.examples = 1;
  Evaluator e(GoldKind::tokens, o);
  e.add(g, p);
  GoldDocument g2 = g;
  g2.id = "d2";
  e.add(g2, p);  // over the limit of 1 document
  const Report r = e.report();
  REQUIRE(r.examples.size() == 1);
  CHECK(r.examples[0] == "tokens d: missed 1: \u00ABMr.\u00BB@0 spurious 2: \u00ABMr\u00BB@0 \u00AB.\u00BB@2");
  CHECK(format_table(r).find("mistakes") != std::string::npos);
}

TEST_CASE("bootstrap intervals bracket the score and vanish when documents agree", "[eval]") {
  GoldDocument g;
  g.id = "d";
  g.text = "Hi.";
  g.tokens = std::vector<Span>{{0, 2}, {2, 3}};
  docpipe::Document right{"d", g.text};
  right.tokens = {{0, 2}, {2, 3}};
  EvalOptions o;
  o.bootstrap = 200;
  {
    Evaluator same(GoldKind::tokens, o);
    same.add(g, right);
    same.add(g, right);
    const Report r = same.report();
    CHECK(cell(r, "tokens", "f1_ci_low") == 1.0);
    CHECK(cell(r, "tokens", "f1_ci_high") == 1.0);
  }
  Evaluator mixed(GoldKind::tokens, o);
  for (int i = 0; i < 10; ++i) {
    mixed.add(g, right);
    mixed.add_missing(g);
  }
  const Report r = mixed.report();
  const double f1 = cell(r, "tokens", "f1");  // P 1, R .5
  CHECK(f1 == Approx(2.0 / 3.0));
  CHECK(cell(r, "tokens", "f1_ci_low") < f1);
  CHECK(cell(r, "tokens", "f1_ci_high") > f1);
  CHECK(cell(r, "tokens", "f1_ci_high") <= 1.0);
}
