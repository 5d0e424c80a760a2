#include "detail/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace docpipe::summarizer::detail {

namespace {

// For each term, the sentences holding it, with the term's count there.
// Pairs of sentences meet only through shared terms, so similarities are
// accumulated per term: cost is the sum of squared document frequencies,
// far below n^2 x terms for news, where most terms occur once or twice.
struct Postings {
  std::vector<std::uint32_t> start;                            // term t's entries are items[start[t], start[t + 1])
  std::vector<std::pair<std::uint32_t, std::uint32_t>> items;  // (sentence, count), sentences ascending
};

Postings postings(const std::vector<TermCounts>& bags) {
  std::uint32_t vocabulary = 0;
  std::size_t total = 0;
  for (const TermCounts& bag : bags) {
    if (!bag.empty()) vocabulary = std::max(vocabulary, bag.back().first + 1);
    total += bag.size();
  }
  Postings p;
  p.start.assign(vocabulary + 1, 0);
  for (const TermCounts& bag : bags) {
    for (const auto& tc : bag) ++p.start[tc.first + 1];
  }
  for (std::uint32_t t = 0; t < vocabulary; ++t) p.start[t + 1] += p.start[t];
  p.items.resize(total);
  std::vector<std::uint32_t> fill(p.start.begin(), p.start.end() - 1);
  for (std::size_t s = 0; s < bags.size(); ++s) {
    for (const auto& [term, count] : bags[s]) p.items[fill[term]++] = {static_cast<std::uint32_t>(s), count};
  }
  return p;
}

}  // namespace

Similarity overlap_similarity(const std::vector<TermCounts>& bags) {
  const std::size_t n = bags.size();
  Similarity sim{n, std::vector<double>(n * n, 0.0)};
  const Postings p = postings(bags);
  for (std::size_t t = 0; t + 1 < p.start.size(); ++t) {
    for (std::uint32_t x = p.start[t]; x < p.start[t + 1]; ++x) {
      for (std::uint32_t y = x + 1; y < p.start[t + 1]; ++y) sim.values[p.items[x].first * n + p.items[y].first] += 1.0;
    }
  }
  std::vector<double> log_len(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t len = 0;
    for (const auto& [term, count] : bags[i]) len += count;
    log_len[i] = len > 0 ? std::log(static_cast<double>(len)) : 0.0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double norm = log_len[i] + log_len[j];
      const double v = norm > 0.0 ? sim.values[i * n + j] / norm : 0.0;
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
  auto weight = [&](std::uint32_t term, std::uint32_t count) {
    return term < idf.size() ? static_cast<double>(count) * idf[term] : 0.0;
  };
  std::vector<double> norm(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& [term, count] : bags[i]) norm[i] += weight(term, count) * weight(term, count);
    norm[i] = std::sqrt(norm[i]);
  }
  const Postings p = postings(bags);
  for (std::size_t t = 0; t + 1 < p.start.size(); ++t) {
    const auto term = static_cast<std::uint32_t>(t);
    if (p.start[t + 1] - p.start[t] < 2 || t >= idf.size() || idf[t] == 0.0) continue;
    for (std::uint32_t x = p.start[t]; x < p.start[t + 1]; ++x) {
      const double wx = weight(term, p.items[x].second);
      for (std::uint32_t y = x + 1; y < p.start[t + 1]; ++y) {
        sim.values[p.items[x].first * n + p.items[y].first] += wx * weight(term, p.items[y].second);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double v = norm[i] > 0.0 && norm[j] > 0.0 ? sim.values[i * n + j] / (norm[i] * norm[j]) : 0.0;
      sim.values[i * n + j] = v;
      sim.values[j * n + i] = v;
    }
  }
  return sim;
}

Similarity count_cosine_similarity(const std::vector<TermCounts>& bags) {
  std::uint32_t vocabulary = 0;
  for (const TermCounts& bag : bags) {
    if (!bag.empty()) vocabulary = std::max(vocabulary, bag.back().first + 1);
  }
  return cosine_similarity(bags, std::vector<double>(vocabulary, 1.0));
}

Similarity threshold_graph(const Similarity& graph, double threshold) {
  Similarity out = graph;
  for (double& v : out.values) v = v >= threshold && v > 0.0 ? 1.0 : 0.0;
  return out;
}

std::vector<double> pagerank(const Similarity& graph, double damping) {
  const std::size_t n = graph.n;
  if (n == 0) return {};
  // Column-stochastic transition weights, laid out so that a sweep reads
  // rows: t[i * n + j] = w(j, i) / out(j).
  std::vector<double> out_weight(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) out_weight[i] += graph.at(i, j);
  }
  std::vector<double> t(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (out_weight[j] > 0.0) t[i * n + j] = graph.at(j, i) / out_weight[j];
    }
  }
  const double base = 1.0 / static_cast<double>(n);
  std::vector<double> score(n, base);
  std::vector<double> next(n, 0.0);
  // Scores only rank sentences: 1e-9 in L1 is far below any difference
  // that changes an order, and it bounds the sweeps on every graph.
  constexpr int kMaxSweeps = 100;
  constexpr double kTolerance = 1e-9;
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    // Mass of sentences with no edges is spread evenly, as if they linked
    // to every sentence, so the scores stay a distribution.
    double dangling = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      if (out_weight[j] == 0.0) dangling += score[j];
    }
    const double teleport = (1.0 - damping) * base + damping * dangling * base;
    double delta = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double* row = &t[i * n];
      double in = 0.0;
      for (std::size_t j = 0; j < n; ++j) in += row[j] * score[j];
      next[i] = teleport + damping * in;
      delta += std::abs(next[i] - score[i]);
    }
    score.swap(next);
    if (delta < kTolerance) break;
  }
  return score;
}

}  // namespace docpipe::summarizer::detail
