#include "summarizer.hpp"

#include "detail/ranking.hpp"
#include "detail/sentence_filter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace docpipe::summarizer {
namespace {

using detail::Span;

constexpr int kNoNeighbor = -1;

// One sentence as the selection sees it.
struct Candidate {
  Span span;                // the sentence without a leading dateline or headline line
  bool allowed = false;     // may be picked at all
  bool prose = false;       // a sentence by its shape (no headline, caption or fragment), picked or not
  int needs = kNoNeighbor;  // a quote whose attribution is in this candidate: pick that one first
  detail::Style style;
  double quoted_share = 0.0;  // share of the sentence in a source's own words
};

std::vector<Sentence> ordered_sentences(const Document& doc, std::size_t cap) {
  std::vector<Sentence> out = doc.sentences;
  const auto size = static_cast<Offset>(std::min<std::size_t>(doc.text.size(), std::numeric_limits<Offset>::max()));
  for (Sentence& s : out) {
    s.end = std::min(s.end, size);
    s.begin = std::min(s.begin, s.end);
  }
  if (!std::is_sorted(out.begin(), out.end(), [](const Sentence& a, const Sentence& b) { return a.begin < b.begin; })) {
    std::stable_sort(out.begin(), out.end(), [](const Sentence& a, const Sentence& b) { return a.begin < b.begin; });
  }
  // Overlapping spans would be picked twice over; keep the first of each.
  std::vector<Sentence> clean;
  clean.reserve(std::min(out.size(), cap));
  for (const Sentence& s : out) {
    if (clean.size() >= cap) break;
    if (!clean.empty() && s.begin < clean.back().end) continue;
    clean.push_back(s);
  }
  return clean;
}

// Attribution of quote sentences from the `quotes` layer: a sentence mostly
// covered by quoted words is attributed when its quote's speaker or cue lies
// in it, else it depends on the sentence that holds them.
void shapes_from_quotes_layer(const Document& doc, const std::vector<Candidate>& cands,
                              std::vector<detail::QuoteShape>& shapes, std::vector<int>& attribution_in) {
  const std::size_t n = cands.size();
  std::vector<Offset> covered(n, 0);
  auto sentence_at = [&](Offset pos) -> int {
    const auto it = std::upper_bound(cands.begin(), cands.end(), pos,
                                     [](Offset p, const Candidate& c) { return p < c.span.begin; });
    if (it == cands.begin()) return kNoNeighbor;
    const auto idx = static_cast<int>(std::distance(cands.begin(), it) - 1);
    return pos < cands[static_cast<std::size_t>(idx)].span.end ? idx : kNoNeighbor;
  };
  std::vector<int> where(n, kNoNeighbor);
  std::vector<bool> unattributed(n, false);
  for (const Quote& q : doc.quotes) {
    // Reported speech ("police said the man was armed") is the story told
    // by the writer; only a source's own words need their speaker near.
    if (q.kind == QuoteKind::indirect) continue;
    int anchor = kNoNeighbor;
    if (q.speaker_span) anchor = sentence_at(q.speaker_span->first);
    if (anchor == kNoNeighbor && q.cue_span) anchor = sentence_at(q.cue_span->first);
    int s = sentence_at(q.begin);
    if (s == kNoNeighbor) {
      const auto it = std::upper_bound(cands.begin(), cands.end(), q.begin,
                                       [](Offset p, const Candidate& c) { return p < c.span.begin; });
      s = static_cast<int>(std::distance(cands.begin(), it));
    }
    for (auto i = static_cast<std::size_t>(s); i < n && cands[i].span.begin < q.end; ++i) {
      const Offset b = std::max(q.begin, cands[i].span.begin);
      const Offset e = std::min(q.end, cands[i].span.end);
      if (e > b) covered[i] += e - b;
      if (anchor == static_cast<int>(i)) {
        shapes[i].attributed = true;
      } else if (anchor == kNoNeighbor) {
        unattributed[i] = true;
      } else if (where[i] == kNoNeighbor) {
        where[i] = anchor;
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Offset len = cands[i].span.end - cands[i].span.begin;
    shapes[i].quote = len > 0 && 2 * covered[i] >= len;
    shapes[i].quoted_share = len > 0 ? std::min(1.0, static_cast<double>(covered[i]) / len) : 0.0;
    if (shapes[i].quote && !shapes[i].attributed && !unattributed[i]) attribution_in[i] = where[i];
  }
}

std::vector<Candidate> analyse(const Document& doc, std::size_t cap) {
  const std::vector<Sentence> sentences = ordered_sentences(doc, cap);
  std::vector<Candidate> cands(sentences.size());
  const std::string_view text = doc.text;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    const std::string_view whole = text.substr(s.begin, s.end - s.begin);
    const auto start = static_cast<Offset>(detail::content_start(whole));
    Candidate& c = cands[i];
    c.span = {static_cast<Offset>(s.begin + start), s.end};
    c.allowed = !detail::is_weak_shape(whole.substr(start));
    c.prose = c.allowed;
    c.style = detail::style_of(whole.substr(start));
  }

  std::vector<detail::QuoteShape> shapes(cands.size());
  std::vector<int> attribution_in(cands.size(), kNoNeighbor);
  if (doc.has_layer("quotes")) {
    shapes_from_quotes_layer(doc, cands, shapes, attribution_in);
  } else {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    spans.reserve(cands.size());
    for (const Candidate& c : cands) spans.emplace_back(c.span.begin, c.span.end);
    shapes = detail::quote_shapes(text, spans);
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (!shapes[i].quote || shapes[i].attributed) continue;
      if (i > 0 && shapes[i - 1].attributed) {
        attribution_in[i] = static_cast<int>(i - 1);
      } else if (i + 1 < cands.size() && shapes[i + 1].attributed) {
        attribution_in[i] = static_cast<int>(i + 1);
      }
    }
  }
  for (std::size_t i = 0; i < cands.size(); ++i) {
    cands[i].quoted_share = shapes[i].quoted_share;
    if (!shapes[i].quote || shapes[i].attributed) continue;
    const int a = attribution_in[i];
    const bool adjacent = a != kNoNeighbor && (a + 1 == static_cast<int>(i) || a == static_cast<int>(i) + 1);
    if (adjacent && cands[static_cast<std::size_t>(a)].allowed) {
      cands[i].needs = a;
    } else {
      cands[i].allowed = false;  // an unattributed quote misleads out of context
    }
  }
  return cands;
}

// Weights of the combined method, tuned on the CNN dev set (human
// highlights; docs/plugins/summarizer.md). Position dominates: on news the
// lead is the best single evidence of importance. Centrality only orders
// sentences far from the lead (1/(k+1) differs by little there), a headline
// moves the sentences that echo it up by about one lead position, and the
// penalties push down sentences that cannot stand alone in a summary.
constexpr double kCentralityWeight = 0.05;
constexpr double kTitleWeight = 1.0;
constexpr std::uint32_t kMinWords = 10;       // shorter: a fragment ("Yes, the courier.")
constexpr double kWeakPenalty = 1.0;          // questions and fragments: picked only when nothing else is left
constexpr double kQuotePenalty = 0.4;         // times the quoted share: a source's words rarely sum up a story
constexpr double kPronounStartPenalty = 0.3;  // "He said ..." needs the sentence before it
constexpr double kMmrLambda = 0.95;           // relevance against similarity to what is already picked
// A long sentence carries more than a summary sentence says: past
// kLongWords it loses kLongPenalty per kLongWords more. Small: it decides
// between nearby sentences away from the lead (human highlights are short,
// and F1 against them pays for every word a summary sentence adds).
constexpr double kLongWords = 25.0;
constexpr double kLongPenalty = 0.1;

double title_overlap(const detail::TermCounts& title, const detail::TermCounts& bag) {
  if (title.empty()) return 0.0;
  std::size_t shared = 0;
  std::size_t j = 0;
  for (const auto& [term, count] : title) {
    while (j < bag.size() && bag[j].first < term) ++j;
    if (j < bag.size() && bag[j].first == term) ++shared;
  }
  return static_cast<double>(shared) / static_cast<double>(title.size());
}

// The value of a sentence when a summary should hold as much as possible
// of what a reference of the `share` most central sentences would hold:
// its words times a weight of its centrality rank (x = rank / n) that
// falls from 1 to 0 around `share`. Every picked sentence then costs one
// of the k places and brings its words, so among sentences that are surely
// central the longer ones win. The weight is the complement of a Laplace
// distribution function, 1 - e^((x - share) / w) / 2 below the share and
// e^(-(x - share) / w) / 2 above it: flat near the top of the ranking, it
// falls off sharply at the share and lets the tail go early, so a long
// sentence just past the share does not displace a central one.
std::vector<double> central_words(const std::vector<double>& relevance, const std::vector<std::uint32_t>& words,
                                  double share) {
  const std::size_t n = relevance.size();
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return relevance[a] > relevance[b]; });
  constexpr double kWidth = 0.06;  // of the rank share: the weight is 0.91 at share - 0.1 and 0.09 at share + 0.1
  std::vector<double> value(n, 0.0);
  for (std::size_t r = 0; r < n; ++r) {
    const double x = (static_cast<double>(r) + 0.5) / static_cast<double>(n);
    const double weight =
        x < share ? 1.0 - 0.5 * std::exp((x - share) / kWidth) : 0.5 * std::exp(-(x - share) / kWidth);
    const std::size_t k = order[r];
    value[k] = static_cast<double>(std::max<std::uint32_t>(words[k], 1)) * weight;
  }
  return value;
}

std::vector<double> normalized(std::vector<double> v) {
  double max = 0.0;
  for (const double x : v) max = std::max(max, x);
  if (max > 0.0) {
    for (double& x : v) x /= max;
  }
  return v;
}

}  // namespace

Summarizer::Summarizer(Options options)
    : options_(std::move(options)),
      terms_(options_.stopwords, options_.numbers),
      vocabularies_([language = options_.language, stem = options_.stem] {
        return std::make_unique<detail::Vocabulary>(language, stem);
      }) {}

std::vector<SummarySentence> Summarizer::summarize(const Document& doc) const {
  const std::vector<Candidate> cands = analyse(doc, std::max<std::size_t>(options_.max_sentences, 1));
  // Graph nodes: the candidates that may be picked and, for the graph
  // methods, also the prose sentences that may not (a quote far from its
  // speaker): they are part of what the story is about and vote for the
  // sentences they share words with, but are never picked themselves.
  const bool graph_method = options_.method == Method::textrank || options_.method == Method::lexrank;
  std::vector<std::size_t> nodes;
  std::vector<bool> pickable;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    if (cands[i].allowed || (graph_method && cands[i].prose)) {
      nodes.push_back(i);
      pickable.push_back(cands[i].allowed);
    }
  }
  const std::size_t n = nodes.size();
  if (std::find(pickable.begin(), pickable.end(), true) == pickable.end()) return {};

  std::vector<Span> spans;
  spans.reserve(n);
  for (const std::size_t i : nodes) spans.push_back(cands[i].span);
  detail::DocumentTerms terms;
  const std::optional<std::string> title = doc.meta_string("title");
  {
    const auto vocabulary = vocabularies_.borrow();
    terms_.extract(doc.text, doc.tokens, spans, title.value_or(std::string()), *vocabulary, terms);
  }

  std::vector<double> relevance(n, 0.0);
  detail::Similarity redundancy;  // only the combined method uses it
  switch (options_.method) {
    case Method::lead:
      for (std::size_t k = 0; k < n; ++k) relevance[k] = 1.0 / static_cast<double>(k + 1);
      break;
    case Method::textrank:
      relevance = normalized(detail::pagerank(options_.similarity == SimilarityKind::cosine
                                                  ? detail::count_cosine_similarity(terms.sentences)
                                                  : detail::overlap_similarity(terms.sentences)));
      break;
    case Method::lexrank: {
      const auto idf = detail::inverse_sentence_frequency(terms.sentences, terms.vocabulary);
      relevance =
          normalized(detail::pagerank(detail::threshold_graph(detail::cosine_similarity(terms.sentences, idf), 0.1)));
      break;
    }
    case Method::combined: {
      const auto idf = detail::inverse_sentence_frequency(terms.sentences, terms.vocabulary);
      redundancy = detail::cosine_similarity(terms.sentences, idf);
      const std::vector<double> centrality = normalized(detail::pagerank(detail::overlap_similarity(terms.sentences)));
      for (std::size_t k = 0; k < n; ++k) {
        const Candidate& c = cands[nodes[k]];
        double r = 1.0 / static_cast<double>(k + 1) + kCentralityWeight * centrality[k] +
                   kTitleWeight * title_overlap(terms.title, terms.sentences[k]);
        if (c.style.question || terms.words[k] < kMinWords) r -= kWeakPenalty;
        r -= kQuotePenalty * c.quoted_share;
        if (c.style.leans_back) r -= kPronounStartPenalty;
        r -= kLongPenalty * std::max(0.0, (static_cast<double>(terms.words[k]) - kLongWords) / kLongWords);
        relevance[k] = r;
      }
      // Shift so the weakest sentence keeps a small positive score.
      double low = 0.0;
      for (const double r : relevance) low = std::min(low, r);
      for (double& r : relevance) r = r - low + 0.01;
      relevance = normalized(relevance);
      break;
    }
  }
  if (options_.central_share > 0.0 && graph_method) {
    relevance = normalized(central_words(relevance, terms.words, options_.central_share));
  }
  if (graph_method) {  // scores relative to the best sentence that may be picked
    double best = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      if (pickable[k]) best = std::max(best, relevance[k]);
    }
    for (std::size_t k = 0; k < n; ++k) relevance[k] = pickable[k] && best > 0.0 ? relevance[k] / best : 0.0;
  }
  for (double& r : relevance) r = std::max(r, 1e-9);

  // How many sentences, or how many words.
  std::size_t want = n;
  std::uint64_t budget = std::numeric_limits<std::uint64_t>::max();
  switch (options_.length.unit) {
    case LengthUnit::sentences:
      want = static_cast<std::size_t>(std::max(0.0, options_.length.value));
      break;
    case LengthUnit::ratio:
      want = doc.sentences.empty()
                 ? 0
                 : std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(
                                                options_.length.value * static_cast<double>(doc.sentences.size()))));
      break;
    case LengthUnit::words:
      budget = static_cast<std::uint64_t>(std::max(0.0, options_.length.value));
      break;
  }

  // Greedy selection: the best admissible node each round. A quote waits
  // for the sentence that attributes it; words must fit the budget.
  std::vector<int> node_of(cands.size(), -1);
  for (std::size_t k = 0; k < n; ++k) node_of[nodes[k]] = static_cast<int>(k);
  std::vector<bool> chosen(n, false);
  std::vector<bool> rejected(n, false);
  std::vector<double> max_sim(n, 0.0);
  std::size_t picked = 0;
  while (picked < want) {
    int best = -1;
    double best_value = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < n; ++k) {
      if (chosen[k] || !pickable[k] || terms.words[k] > budget) continue;
      const int needs = cands[nodes[k]].needs;
      if (needs != kNoNeighbor) {
        const int m = node_of[static_cast<std::size_t>(needs)];
        if (m < 0 || !chosen[static_cast<std::size_t>(m)] || rejected[static_cast<std::size_t>(m)]) continue;
      }
      const double value = options_.method == Method::combined
                               ? kMmrLambda * relevance[k] - (1.0 - kMmrLambda) * max_sim[k]
                               : relevance[k];
      if (value > best_value) {
        best_value = value;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) break;
    const auto b = static_cast<std::size_t>(best);
    // Bylines, captions and navigation lines are rare and costly to spot,
    // so they are looked for only in sentences about to be picked.
    const Span span = spans[b];
    if (detail::has_boilerplate_marker(doc.slice(span.begin, span.end))) {
      chosen[b] = true;  // never picked; not counted
      rejected[b] = true;
      continue;
    }
    chosen[b] = true;
    ++picked;
    if (budget != std::numeric_limits<std::uint64_t>::max()) budget -= terms.words[b];
    if (redundancy.n == n) {
      for (std::size_t k = 0; k < n; ++k) max_sim[k] = std::max(max_sim[k], redundancy.at(k, b));
    }
  }

  std::vector<SummarySentence> out;
  for (std::size_t k = 0; k < n; ++k) {
    if (chosen[k] && !rejected[k]) out.push_back({spans[k].begin, spans[k].end, relevance[k]});
  }
  return out;
}

void Summarizer::annotate(Document& doc) const {
  doc.summary = summarize(doc);
  doc.mark_present("summary");
}

}  // namespace docpipe::summarizer
