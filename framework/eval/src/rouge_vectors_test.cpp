// Reproduces ROUGE-1.5.5's own numbers from shared/eval/summaries/rouge_vectors.jsonl
// (skipped when that file is absent).

#include <docpipe/eval/metrics.hpp>

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace docpipe::eval;

namespace {

std::filesystem::path vectors_file() {
  if (const char* dir = std::getenv("DOCPIPE_SHARED_EVAL_DIR")) {
    return std::filesystem::path(dir) / "summaries/rouge_vectors.jsonl";
  }
  return std::filesystem::path(DOCPIPE_SHARED_EVAL_DIR) / "summaries/rouge_vectors.jsonl";
}

}  // namespace

TEST_CASE("ROUGE matches ROUGE-1.5.5 on the reference vectors to 1e-4", "[eval]") {
  const auto file = vectors_file();
  if (!std::filesystem::exists(file)) {
    WARN("skipped: " << file << " is absent");
    return;
  }
  const RougeScorer plain(false);
  const RougeScorer stemmed(true);
  std::ifstream in(file);
  std::size_t vectors = 0;
  std::size_t values = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    rapidjson::Document v;
    v.Parse(line.c_str());
    REQUIRE(v.IsObject());
    const std::string name = v["name"].GetString();
    const RougeScorer& scorer = v["stem"].GetBool() ? stemmed : plain;
    const RougeScores got =
        scorer.score(split_lines(v["reference"].GetString()), split_lines(v["candidate"].GetString()));
    const std::pair<const char*, const RougePrf*> measures[] = {
        {"rouge1", &got.rouge1}, {"rouge2", &got.rouge2}, {"rougeLsum", &got.rouge_lsum}};
    for (const auto& [key, prf] : measures) {
      if (!v["expected"].HasMember(key)) continue;
      const auto& e = v["expected"][key];
      INFO(name << " " << key);
      // The expected values are truncated to 5 decimals.
      CHECK(std::abs(prf->recall - e["r"].GetDouble()) < 1e-4);
      CHECK(std::abs(prf->precision - e["p"].GetDouble()) < 1e-4);
      CHECK(std::abs(prf->f1 - e["f"].GetDouble()) < 1e-4);
      ++values;
    }
    ++vectors;
  }
  CHECK(vectors > 0);
  CHECK(values >= vectors);
}
