#pragma once
// Sentence centrality on a similarity graph: TextRank (Mihalcea & Tarau
// 2004) and LexRank (Erkan & Radev 2004), with their similarity measures.

#include "detail/terms.hpp"

#include <cstddef>
#include <vector>

namespace docpipe::summarizer::detail {

/// A dense symmetric n x n matrix of similarities (zero diagonal).
struct Similarity {
  std::size_t n = 0;
  std::vector<double> values;
  [[nodiscard]] double at(std::size_t i, std::size_t j) const { return values[i * n + j]; }
};

/// TextRank's overlap: shared terms / (log |a| + log |b|), |x| in tokens.
[[nodiscard]] Similarity overlap_similarity(const std::vector<TermCounts>& bags);

/// Inverse sentence frequency log(n / df) of every term id below `vocabulary`.
[[nodiscard]] std::vector<double> inverse_sentence_frequency(const std::vector<TermCounts>& bags,
                                                             std::uint32_t vocabulary);

/// Cosine of tf-idf vectors.
[[nodiscard]] Similarity cosine_similarity(const std::vector<TermCounts>& bags, const std::vector<double>& idf);

/// Cosine of raw term counts (every term weighted 1).
[[nodiscard]] Similarity count_cosine_similarity(const std::vector<TermCounts>& bags);

/// Stationary scores of a random walk on `graph` (edges weighted by
/// similarity, rows normalized) with damping; sums to 1. Deterministic:
/// at most 100 sweeps in a fixed order, stopping early on convergence
/// (L1 change below 1e-9).
[[nodiscard]] std::vector<double> pagerank(const Similarity& graph, double damping = 0.85);

/// `graph` with every edge below `threshold` removed and the rest set to 1
/// (LexRank's thresholded graph).
[[nodiscard]] Similarity threshold_graph(const Similarity& graph, double threshold);

}  // namespace docpipe::summarizer::detail
