#include <docpipe/eval/metrics.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace docpipe::eval;

TEST_CASE("counts give precision and recall and F1", "[eval]") {
  const Counts c{3, 4, 6};  // P = 3/4, R = 3/6, F1 = 2*.75*.5/1.25 = .6
  CHECK(c.precision() == Approx(0.75));
  CHECK(c.recall() == Approx(0.5));
  CHECK(c.f1() == Approx(0.6));
  CHECK(Counts{0, 0, 5}.precision() == 0.0);
  CHECK(Counts{0, 0, 5}.f1() == 0.0);
}

TEST_CASE("span scoring trims white space and ignores white-space-only spans", "[eval]") {
  //                        0123456789012345
  const std::string text = "Hi there,  you.";
  // gold: Hi [0,2) there [3,8) , [8,9) you [11,14) . [14,15)
  const std::vector<Span> gold{{0, 2}, {3, 8}, {8, 9}, {11, 14}, {14, 15}};
  // predicted: "Hi " trims to [0,2) (match), "there," [3,9) (no match), "  " dropped,
  // "you" (match), "." (match), and a duplicate "you" counted once.
  const std::vector<Span> pred{{0, 3}, {3, 9}, {9, 11}, {11, 14}, {11, 14}, {14, 15}};
  const Counts c = score_spans(text, pred, gold);
  CHECK(c.matched == 3);
  CHECK(c.predicted == 4);  // [0,2) [3,9) [11,14) [14,15)
  CHECK(c.gold == 5);
  CHECK(c.f1() == Approx(2.0 * 0.75 * 0.6 / 1.35));
}

TEST_CASE("trimming handles Unicode white space and punctuation", "[eval]") {
  const std::string text = "\xC2\xA0\xE2\x80\x9CYes.\xE2\x80\x9D ";  // NBSP “Yes.” space
  const Span all{0, static_cast<std::uint32_t>(text.size())};
  CHECK(trim_space(text, all) == Span{2, 12});
  CHECK(trim_space_punct(text, all) == Span{5, 8});  // just "Yes"
  CHECK(trim_space(text, {13, 13}).size() == 0);
}

TEST_CASE("golden-rule check compares stripped sentences", "[eval]") {
  const std::string text = "Hello World. My name is Jonas.";
  CHECK(sentences_equal(text, {{0, 13}, {13, 30}}, {"Hello World.", "My name is Jonas."}));
  CHECK_FALSE(sentences_equal(text, {{0, 30}}, {"Hello World.", "My name is Jonas."}));
  CHECK_FALSE(sentences_equal(text, {{0, 6}, {6, 13}, {13, 30}}, {"Hello World.", "My name is Jonas."}));
  CHECK_FALSE(sentences_equal(text, {}, {"Hello World.", "My name is Jonas."}));
}

TEST_CASE("overlap matching is one-to-one and needs half the longer span", "[eval]") {
  // gold [0,10); pred [0,4) overlaps 4 < 5: no; pred [2,10) overlaps 8 >= 5: yes.
  CHECK(match_overlapping({{0, 4}}, {{0, 10}}, 0.5).empty());
  const auto pairs = match_overlapping({{2, 10}, {0, 10}}, {{0, 10}}, 0.5);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0] == std::pair<std::size_t, std::size_t>{1, 0});  // the larger overlap wins
  CHECK(match_overlapping({{0, 1}}, {{0, 10}}, 0.0).size() == 1);
}

TEST_CASE("quote scores cover detection and exact match and speaker and end to end", "[eval]") {
  //                        0         1         2         3         4
  //                        01234567890123456789012345678901234567890123
  const std::string text = "\"We won,\" he said. \"Taxes rise,\" said Ann.";
  const std::vector<QuoteItem> gold{
      {{1, 8}, Span{10, 12}},    // We won,   speaker he
      {{20, 31}, Span{38, 41}},  // Taxes rise,  speaker Ann
  };
  // First: same words without the comma (exact after trimming punctuation),
  // speaker right. Second: only "Taxes" [20,25): 5 < 11/2? no, 5 < 5.5 -> unmatched.
  // A third prediction in nothing.
  const std::vector<QuoteItem> pred{
      {{1, 7}, Span{10, 12}},
      {{20, 25}, Span{38, 41}},
      {{13, 17}, std::nullopt},
  };
  const QuoteCounts q = score_quotes(text, pred, gold);
  CHECK(q.detection.matched == 1);
  CHECK(q.detection.predicted == 3);
  CHECK(q.detection.gold == 2);
  CHECK(q.exact.matched == 1);
  CHECK(q.with_speaker == 1);
  CHECK(q.speaker_correct == 1);
  CHECK(q.speaker_accuracy() == 1.0);
  CHECK(q.end_to_end.matched == 1);

  // Wrong speaker: detected, not attributed.
  const QuoteCounts wrong = score_quotes(text, {{{1, 8}, Span{38, 41}}}, gold);
  CHECK(wrong.detection.matched == 1);
  CHECK(wrong.speaker_accuracy() == 0.0);
  CHECK(wrong.end_to_end.matched == 0);
  CHECK(wrong.end_to_end.f1() == 0.0);
  // No gold speaker and none predicted: attributed; one predicted: not.
  CHECK(score_quotes(text, {{{1, 8}, std::nullopt}}, {{{1, 8}, std::nullopt}}).end_to_end.matched == 1);
  CHECK(score_quotes(text, {{{1, 8}, Span{10, 12}}}, {{{1, 8}, std::nullopt}}).end_to_end.matched == 0);
}

TEST_CASE("haversine distances", "[eval]") {
  CHECK(haversine_km(0, 0, 0, 0) == 0.0);
  // A quarter of the equator: pi/2 * 6371.0088.
  CHECK(haversine_km(0, 0, 0, 90) == Approx(std::numbers::pi / 2 * 6371.0088));
  // Pole to pole: half the circumference.
  CHECK(haversine_km(90, 0, -90, 0) == Approx(std::numbers::pi * 6371.0088));
}

TEST_CASE("place recognition and resolution", "[eval]") {
  //                        0         1         2
  //                        0123456789012345678901234567
  const std::string text = "Paris and New York and Fr.";
  std::vector<GoldPlace> gold{
      {{0, 5}, std::make_pair(48.85, 2.35), true},     // Paris
      {{10, 18}, std::make_pair(40.71, -74.0), true},  // New York
      {{23, 25}, std::nullopt, false},                 // "Fr" of an unscored type
  };
  // Paris exact (right place), "York" overlaps New York (placed at Paris:
  // ~5837 km off), "Fr" ignored, "and" [6,9) a false positive.
  std::vector<PredictedPlace> pred{{{0, 5}, 48.85, 2.35}, {{14, 18}, 48.85, 2.35}, {{23, 25}, 0, 0}, {{6, 9}, 0, 0}};
  const PlaceCounts c = score_places(text, pred, gold);
  CHECK(c.exact.matched == 1);
  CHECK(c.exact.predicted == 3);
  CHECK(c.exact.gold == 2);
  CHECK(c.overlap.matched == 2);
  REQUIRE(c.errors_km.size() == 2);
  CHECK(c.errors_km[0] == 0.0);
  CHECK(c.errors_km[1] == Approx(haversine_km(40.71, -74.0, 48.85, 2.35)));
}

TEST_CASE("resolution scores give accuracy and mean and median and AUC", "[eval]") {
  const ResolutionScores r = resolution_scores({0.0, 100.0, 20038.0});
  CHECK(r.count == 3);
  CHECK(r.accuracy_161km == Approx(2.0 / 3.0));
  CHECK(r.mean_km == Approx(20138.0 / 3.0));
  CHECK(r.median_km == Approx(100.0));
  // Sorted ln(1+e): 0, ln 101, ln 20039; trapezoids (0 + ln101)/2 + (ln101 + ln20039)/2
  // over ln(20039) * (3 - 1).
  const double area = std::log(101.0) + std::log(20039.0) / 2.0;
  CHECK(r.auc == Approx(area / (2.0 * std::log(20039.0))));
  CHECK(resolution_scores({}).count == 0);
  CHECK(resolution_scores({0.0, 0.0}).auc == 0.0);
  CHECK(resolution_scores({1.0, 3.0}).median_km == Approx(2.0));
}

TEST_CASE("ROUGE tokenisation lowercases and splits at anything but ASCII letters and digits", "[eval]") {
  const RougeScorer plain(false);
  CHECK(plain.tokenize("Don't STOP-now, 3.5%!") == std::vector<std::string>{"don", "t", "stop", "now", "3", "5"});
  const RougeScorer stem(true);
  // Stemmed only when longer than 3 characters: "runs" -> "run", "was" stays.
  CHECK(stem.tokenize("Running runs was ponies") == std::vector<std::string>{"run", "run", "was", "poni"});
}

TEST_CASE("ROUGE-1 and ROUGE-2 and ROUGE-Lsum on a worked example", "[eval]") {
  const RougeScorer rouge(false);
  // ref tokens: the cat sat | on the mat  (6); cand: the cat | sat on a mat (6)
  const auto s = rouge.score({"The cat sat.", "On the mat."}, {"The cat.", "Sat on a mat."});
  // Unigram hits: the(2 ref, 1 cand)=1, cat 1, sat 1, on 1, mat 1 -> 5 of 6 each side.
  CHECK(s.rouge1.precision == Approx(5.0 / 6.0));
  CHECK(s.rouge1.recall == Approx(5.0 / 6.0));
  // Bigrams across the whole text: ref the-cat cat-sat sat-on on-the the-mat;
  // cand the-cat cat-sat sat-on on-a a-mat -> 3 hits of 5 each.
  CHECK(s.rouge2.f1 == Approx(0.6));
  // Lsum: ref "the cat sat": LCS with "the cat" = {the, cat}, with "sat on a mat" = {sat}
  // -> union 3 hits. ref "on the mat": with "the cat" {the}, with "sat on a mat" {on, mat}
  // -> union {on, the, mat}, but "the" appears once in the candidate and was used: 2 hits.
  // 5 hits of 6 tokens each side.
  CHECK(s.rouge_lsum.recall == Approx(5.0 / 6.0));
  CHECK(s.rouge_lsum.precision == Approx(5.0 / 6.0));
  const auto none = rouge.score({"a b"}, {});
  CHECK(none.rouge1.f1 == 0.0);
  CHECK(none.rouge_lsum.f1 == 0.0);
}

TEST_CASE("split_lines drops blank lines", "[eval]") {
  CHECK(split_lines("a b\n\n c \n") == std::vector<std::string>{"a b", "c"});
  CHECK(split_lines("").empty());
}

TEST_CASE("span differences list what only one side has", "[eval]") {
  const std::string text = "ab cd";
  const auto d = span_difference(text, {{0, 2}, {3, 4}}, {{0, 2}, {3, 5}});
  CHECK(d.missed == std::vector<Span>{{3, 5}});
  CHECK(d.spurious == std::vector<Span>{{3, 4}});
}

TEST_CASE("quote and place details name the mistakes", "[eval]") {
  const std::string text = "\"A b c d,\" he said. X Y.";
  QuoteDetails q;
  // pred 0 matches gold 0 with the wrong speaker; pred 1 matches nothing; gold 1 is missed.
  (void)score_quotes(text, {{{1, 8}, Span{19, 20}}, {{13, 17}, std::nullopt}},
                     {{{1, 8}, Span{10, 12}}, {{20, 23}, std::nullopt}}, &q);
  CHECK(q.missed == std::vector<std::size_t>{1});
  CHECK(q.spurious == std::vector<std::size_t>{1});
  REQUIRE(q.misattributed.size() == 1);
  CHECK(q.misattributed[0] == std::pair<std::size_t, std::size_t>{0, 0});

  PlaceDetails p;
  const auto counts = score_places(text, {{{20, 21}, 1.0, 1.0}, {{13, 17}, 0, 0}},
                                   {{{20, 21}, std::make_pair(1.0, 2.0), true}, {{22, 23}, std::nullopt, true}}, &p);
  CHECK(p.missed == std::vector<std::size_t>{1});
  CHECK(p.spurious == std::vector<std::size_t>{1});
  REQUIRE(p.resolved.size() == 1);
  CHECK(counts.errors_km[0] == Approx(haversine_km(1.0, 2.0, 1.0, 1.0)));
}
