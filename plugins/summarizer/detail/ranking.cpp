#include "detail/ranking.hpp"

#include <cmath>

namespace docpipe::summarizer::detail {
namespace {

template <typename F>
void for_shared_terms(const TermCounts& a, const TermCounts& b, F&& f) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      f(a[i], b[j]);
      ++i;
      ++j;
    }
  }
}

}  // namespace

Similarity overlap_similarity(const std::vector<TermCounts>& bags) {
  const std::size_t n = bags.size();
  Similarity sim{n, std::vector<double>(n * n, 0.0)};
  std::vector<double> log_len(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t len = 0;
    for (const auto& [term, count] : bags[i]) len += count;
    log_len[i] = len > 0 ? std::log(static_cast<double>(len)) : 0.0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double norm = log_len[i] + log_len[j];
      if (norm <= 0.0) continue;
      std::size_t shared = 0;
      for_shared_terms(bags[i], bags[j], [&](const auto&, const auto&) { ++shared; });
      const double v = static_cast<double>(shared) / norm;
      sim.values[i * n + j] = v;
      sim.values[j * n + i] = v;
    }
  }
  return sim;
}

std::vector<double> inverse_sentence_frequency(const std::vector<TermCounts>& bags, std::uint32_t vocabulary) {
  std::vector<double> df(vocabulary, 0.0);
  for (const TermCounts& bag : bags) {
    for (const auto& [term, count] : bag) {
      if (term < vocabulary) df[term] += 1.0;
    }
  }
  const auto n = static_cast<double>(bags.size());
  for (double& d : df) d = d > 0.0 ? std::log(n / d) : 0.0;
  return df;
}

Similarity cosine_similarity(const std::vector<TermCounts>& bags, const std::vector<double>& idf) {
  const std::size_t n = bags.size();
  Similarity sim{n, std::vector<double>(n * n, 0.0)};
  auto weight = [&](const std::pair<std::uint32_t, std::uint32_t>& tc) {
    return tc.first < idf.size() ? static_cast<double>(tc.second) * idf[tc.first] : 0.0;
  };
  std::vector<double> norm(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& tc : bags[i]) norm[i] += weight(tc) * weight(tc);
    norm[i] = std::sqrt(norm[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (norm[i] == 0.0) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (norm[j] == 0.0) continue;
      double dot = 0.0;
      for_shared_terms(bags[i], bags[j], [&](const auto& a, const auto& b) { dot += weight(a) * weight(b); });
      const double v = dot / (norm[i] * norm[j]);
      sim.values[i * n + j] = v;
      sim.values[j * n + i] = v;
    }
  }
  return sim;
}

Similarity threshold_graph(const Similarity& graph, double threshold) {
  Similarity out = graph;
  for (double& v : out.values) v = v >= threshold && v > 0.0 ? 1.0 : 0.0;
  return out;
}

std::vector<double> pagerank(const Similarity& graph, double damping) {
  const std::size_t n = graph.n;
  if (n == 0) return {};
  std::vector<double> out_weight(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) out_weight[i] += graph.at(i, j);
  }
  const double base = 1.0 / static_cast<double>(n);
  std::vector<double> score(n, base);
  std::vector<double> next(n, 0.0);
  constexpr int kMaxSweeps = 200;
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    // Mass of sentences with no edges is spread evenly, as if they linked
    // to every sentence, so the scores stay a distribution.
    double dangling = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      if (out_weight[j] == 0.0) dangling += score[j];
    }
    for (std::size_t i = 0; i < n; ++i) {
      double in = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        const double w = graph.at(j, i);
        if (w != 0.0) in += w / out_weight[j] * score[j];
      }
      next[i] = (1.0 - damping) * base + damping * (in + dangling * base);
    }
    double delta = 0.0;
    for (std::size_t i = 0; i < n; ++i) delta += std::abs(next[i] - score[i]);
    score.swap(next);
    if (delta < 1e-10) break;
  }
  return score;
}

}  // namespace docpipe::summarizer::detail
