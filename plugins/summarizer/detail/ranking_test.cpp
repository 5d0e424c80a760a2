#include "detail/ranking.hpp"

#include <catch2/catch.hpp>

#include <numeric>

using namespace docpipe::summarizer::detail;

TEST_CASE("TextRank overlap similarity", "[summarizer]") {
  // Terms 0..3; sentence 0 has 4 tokens, sentence 1 has 2, sharing terms 1 and 2.
  const std::vector<TermCounts> bags = {{{0, 1}, {1, 2}, {2, 1}}, {{1, 1}, {2, 1}}, {{3, 1}}};
  const Similarity sim = overlap_similarity(bags);
  CHECK(sim.at(0, 1) == Approx(2.0 / (std::log(4.0) + std::log(2.0))));
  CHECK(sim.at(1, 0) == sim.at(0, 1));
  CHECK(sim.at(0, 2) == 0.0);
  CHECK(sim.at(1, 2) == 0.0);  // one-token sentence 2 has log length 0 but shares nothing
}

TEST_CASE("tf-idf cosine similarity", "[summarizer]") {
  const std::vector<TermCounts> bags = {{{0, 1}, {1, 1}}, {{0, 1}, {1, 1}}, {{2, 1}}};
  const auto idf = inverse_sentence_frequency(bags, 3);
  CHECK(idf[0] == Approx(std::log(3.0 / 2.0)));
  CHECK(idf[2] == Approx(std::log(3.0)));
  const Similarity sim = cosine_similarity(bags, idf);
  CHECK(sim.at(0, 1) == Approx(1.0));
  CHECK(sim.at(0, 2) == 0.0);
}

TEST_CASE("count cosine similarity weighs every term alike", "[summarizer]") {
  // Sentence 0: term 0 twice and term 1; sentence 1: term 0; sentence 2: terms 0 and 1 once each.
  const std::vector<TermCounts> bags = {{{0, 2}, {1, 1}}, {{0, 1}}, {{0, 1}, {1, 1}}, {{2, 1}}};
  const Similarity sim = count_cosine_similarity(bags);
  CHECK(sim.at(0, 1) == Approx(2.0 / std::sqrt(5.0)));
  CHECK(sim.at(1, 0) == sim.at(0, 1));
  CHECK(sim.at(0, 2) == Approx(3.0 / (std::sqrt(5.0) * std::sqrt(2.0))));
  CHECK(sim.at(1, 2) == Approx(1.0 / std::sqrt(2.0)));  // term 0 is in every sentence but one: no idf here
  CHECK(sim.at(0, 3) == 0.0);
  CHECK(count_cosine_similarity({}).n == 0);
}

TEST_CASE("PageRank favours the hub of a star and sums to one", "[summarizer]") {
  Similarity star{4, std::vector<double>(16, 0.0)};
  for (std::size_t leaf = 1; leaf < 4; ++leaf) star.values[leaf] = star.values[leaf * 4] = 1.0;
  const auto scores = pagerank(star);
  CHECK(std::accumulate(scores.begin(), scores.end(), 0.0) == Approx(1.0));
  CHECK(scores[0] > scores[1]);
  CHECK(scores[1] == Approx(scores[2]));

  Similarity empty{3, std::vector<double>(9, 0.0)};
  for (const double s : pagerank(empty)) CHECK(s == Approx(1.0 / 3.0));
  CHECK(pagerank(Similarity{}).empty());
}

TEST_CASE("LexRank's threshold keeps strong edges only", "[summarizer]") {
  const Similarity g{2, {0.0, 0.05, 0.05, 0.0}};
  CHECK(threshold_graph(g, 0.1).at(0, 1) == 0.0);
  CHECK(threshold_graph(g, 0.01).at(0, 1) == 1.0);
}
