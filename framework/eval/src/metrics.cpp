#include <docpipe/eval/metrics.hpp>

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <numbers>
#include <numeric>
#include <set>
#include <stdexcept>
#include <tuple>

namespace docpipe::eval {
namespace {

bool is_space(utf8proc_int32_t c) {
  if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x85 || (c >= 0x1C && c <= 0x1F)) {
    return true;
  }
  const auto cat = utf8proc_category(c);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

bool is_punct(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return true;
    default:
      return c == '`';  // a quote mark in some texts, though Unicode calls it a symbol
  }
}

// Code point at text[i] and its length; invalid bytes decode as -1, length 1.
std::pair<utf8proc_int32_t, std::size_t> decode_at(std::string_view text, std::size_t i) {
  utf8proc_int32_t c = -1;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &c);
  if (n <= 0) return {-1, 1};
  return {c, static_cast<std::size_t>(n)};
}

// Start of the code point that ends at text[end - 1].
std::size_t previous_start(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t i = end - 1;
  while (i > begin && end - i < 4 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

template <typename Pred>
Span trim_if(std::string_view text, Span span, Pred strip) {
  std::size_t b = std::min<std::size_t>(span.begin, text.size());
  std::size_t e = std::clamp<std::size_t>(span.end, b, text.size());
  while (b < e) {
    const auto [c, n] = decode_at(text.substr(0, e), b);
    if (c < 0 || !strip(c)) break;
    b += n;
  }
  while (e > b) {
    const std::size_t s = previous_start(text, b, e);
    const auto [c, n] = decode_at(text.substr(0, e), s);
    if (c < 0 || s + n != e || !strip(c)) break;
    e = s;
  }
  return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

std::vector<Span> trimmed_set(std::string_view text, const std::vector<Span>& spans) {
  std::vector<Span> out;
  out.reserve(spans.size());
  for (const Span s : spans) {
    const Span t = trim_space(text, s);
    if (t.size() > 0) out.push_back(t);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t sorted_intersection_size(const std::vector<Span>& a, const std::vector<Span>& b) {
  std::size_t n = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

std::string_view strip_view(std::string_view s) {
  const Span t = trim_space(s, {0, static_cast<std::uint32_t>(s.size())});
  return s.substr(t.begin, t.size());
}

double ratio(std::size_t num, std::size_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

double fmeasure(double p, double r) {
  return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
}

}  // namespace

std::uint32_t overlap(Span a, Span b) {
  const std::uint32_t lo = std::max(a.begin, b.begin);
  const std::uint32_t hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

double Counts::precision() const {
  return ratio(matched, predicted);
}
double Counts::recall() const {
  return ratio(matched, gold);
}
double Counts::f1() const {
  return fmeasure(precision(), recall());
}
Counts& Counts::operator+=(const Counts& other) {
  matched += other.matched;
  predicted += other.predicted;
  gold += other.gold;
  return *this;
}

Span trim_space(std::string_view text, Span span) {
  return trim_if(text, span, is_space);
}

Span trim_space_punct(std::string_view text, Span span) {
  return trim_if(text, span, [](utf8proc_int32_t c) { return is_space(c) || is_punct(c); });
}

Counts score_spans(std::string_view text, const std::vector<Span>& predicted, const std::vector<Span>& gold) {
  const auto p = trimmed_set(text, predicted);
  const auto g = trimmed_set(text, gold);
  return {sorted_intersection_size(p, g), p.size(), g.size()};
}

SpanDifference span_difference(std::string_view text, const std::vector<Span>& predicted,
                               const std::vector<Span>& gold) {
  const auto p = trimmed_set(text, predicted);
  const auto g = trimmed_set(text, gold);
  SpanDifference d;
  std::set_difference(g.begin(), g.end(), p.begin(), p.end(), std::back_inserter(d.missed));
  std::set_difference(p.begin(), p.end(), g.begin(), g.end(), std::back_inserter(d.spurious));
  return d;
}

bool sentences_equal(std::string_view text, const std::vector<Span>& predicted,
                     const std::vector<std::string>& expected) {
  std::vector<std::string_view> got;
  for (const Span s : predicted) {
    const Span t = trim_space(text, s);
    if (t.size() > 0) got.push_back(text.substr(t.begin, t.size()));
  }
  std::vector<std::string_view> want;
  for (const auto& s : expected) {
    const auto v = strip_view(s);
    if (!v.empty()) want.push_back(v);
  }
  return got == want;
}

std::vector<std::pair<std::size_t, std::size_t>> match_overlapping(const std::vector<Span>& predicted,
                                                                   const std::vector<Span>& gold, double min_ratio) {
  // (overlap, predicted, gold); candidates are few per document, so all pairs are tried.
  std::vector<std::tuple<std::uint32_t, std::size_t, std::size_t>> candidates;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    for (std::size_t j = 0; j < gold.size(); ++j) {
      const std::uint32_t o = overlap(predicted[i], gold[j]);
      const double longer = std::max(predicted[i].size(), gold[j].size());
      if (o > 0 && static_cast<double>(o) >= min_ratio * longer) candidates.emplace_back(o, i, j);
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<bool> pred_used(predicted.size());
  std::vector<bool> gold_used(gold.size());
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [o, i, j] : candidates) {
    if (pred_used[i] || gold_used[j]) continue;
    pred_used[i] = gold_used[j] = true;
    pairs.emplace_back(i, j);
  }
  return pairs;
}

double QuoteCounts::speaker_accuracy() const {
  return ratio(speaker_correct, with_speaker);
}

QuoteCounts& QuoteCounts::operator+=(const QuoteCounts& other) {
  detection += other.detection;
  exact += other.exact;
  with_speaker += other.with_speaker;
  speaker_correct += other.speaker_correct;
  end_to_end += other.end_to_end;
  return *this;
}

QuoteCounts score_quotes(std::string_view text, const std::vector<QuoteItem>& predicted,
                         const std::vector<QuoteItem>& gold, QuoteDetails* details) {
  QuoteCounts out;
  std::vector<Span> pred_spans;
  std::vector<Span> gold_spans;
  for (const auto& q : predicted) pred_spans.push_back(q.span);
  for (const auto& q : gold) gold_spans.push_back(q.span);
  out.detection = {0, pred_spans.size(), gold_spans.size()};
  out.end_to_end = out.detection;
  const auto pairs = match_overlapping(pred_spans, gold_spans, 0.5);
  if (details != nullptr) {
    std::vector<bool> p_hit(pred_spans.size());
    std::vector<bool> g_hit(gold_spans.size());
    for (const auto& [i, j] : pairs) p_hit[i] = g_hit[j] = true;
    for (std::size_t i = 0; i < p_hit.size(); ++i) {
      if (!p_hit[i]) details->spurious.push_back(i);
    }
    for (std::size_t j = 0; j < g_hit.size(); ++j) {
      if (!g_hit[j]) details->missed.push_back(j);
    }
  }
  for (const auto& [i, j] : pairs) {
    ++out.detection.matched;
    const auto& g = gold[j].speaker;
    const auto& p = predicted[i].speaker;
    bool attributed = false;
    if (g) {
      ++out.with_speaker;
      attributed = p && overlap(*p, *g) > 0;
      if (attributed) ++out.speaker_correct;
    } else {
      attributed = !p;
    }
    if (attributed) {
      ++out.end_to_end.matched;
    } else if (details != nullptr) {
      details->misattributed.emplace_back(i, j);
    }
  }
  // Exact match as a multiset: duplicates on one side match at most as many on the other.
  std::multiset<Span> remaining;
  for (const Span s : gold_spans) remaining.insert(trim_space_punct(text, s));
  for (const Span s : pred_spans) {
    auto it = remaining.find(trim_space_punct(text, s));
    if (it != remaining.end()) {
      ++out.exact.matched;
      remaining.erase(it);
    }
  }
  out.exact.predicted = pred_spans.size();
  out.exact.gold = gold_spans.size();
  return out;
}

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadiusKm = 6371.0088;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a =
      std::pow(std::sin(dlat / 2), 2) + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::pow(std::sin(dlon / 2), 2);
  return 2.0 * kRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

PlaceCounts& PlaceCounts::operator+=(const PlaceCounts& other) {
  exact += other.exact;
  overlap += other.overlap;
  errors_km.insert(errors_km.end(), other.errors_km.begin(), other.errors_km.end());
  return *this;
}

PlaceCounts score_places(std::string_view text, const std::vector<PredictedPlace>& predicted,
                         const std::vector<GoldPlace>& gold, PlaceDetails* details) {
  std::vector<Span> counted;
  std::vector<std::size_t> counted_gold;
  std::vector<Span> ignored;
  for (std::size_t k = 0; k < gold.size(); ++k) {
    const GoldPlace& g = gold[k];
    if (g.counted) {
      counted.push_back(trim_space(text, g.span));
      counted_gold.push_back(k);
    } else {
      ignored.push_back(g.span);
    }
  }
  std::vector<Span> pred;
  std::vector<std::size_t> pred_places;
  for (std::size_t k = 0; k < predicted.size(); ++k) {
    const PredictedPlace& p = predicted[k];
    const Span s = trim_space(text, p.span);
    if (s.size() == 0) continue;
    const auto hits = [&](const std::vector<Span>& v) {
      return std::any_of(v.begin(), v.end(), [&](Span g) { return overlap(g, s) > 0; });
    };
    if (!hits(counted) && hits(ignored)) continue;
    pred.push_back(s);
    pred_places.push_back(k);
  }
  PlaceCounts out;
  out.exact = score_spans(text, pred, counted);
  out.overlap = {0, pred.size(), counted.size()};
  const auto pairs = match_overlapping(pred, counted, 0.0);
  std::vector<bool> p_hit(pred.size());
  std::vector<bool> g_hit(counted.size());
  for (const auto& [i, j] : pairs) {
    ++out.overlap.matched;
    p_hit[i] = g_hit[j] = true;
    const PredictedPlace& p = predicted[pred_places[i]];
    if (const auto& c = gold[counted_gold[j]].coordinates) {
      out.errors_km.push_back(haversine_km(c->first, c->second, p.lat, p.lon));
      if (details != nullptr) details->resolved.emplace_back(pred_places[i], counted_gold[j]);
    }
  }
  if (details != nullptr) {
    for (std::size_t i = 0; i < p_hit.size(); ++i) {
      if (!p_hit[i]) details->spurious.push_back(pred_places[i]);
    }
    for (std::size_t j = 0; j < g_hit.size(); ++j) {
      if (!g_hit[j]) details->missed.push_back(counted_gold[j]);
    }
  }
  return out;
}

ResolutionScores resolution_scores(std::vector<double> errors_km) {
  ResolutionScores out;
  out.count = errors_km.size();
  if (errors_km.empty()) return out;
  std::sort(errors_km.begin(), errors_km.end());
  const auto n = errors_km.size();
  out.accuracy_161km = ratio(
      static_cast<std::size_t>(std::count_if(errors_km.begin(), errors_km.end(), [](double e) { return e < 161.0; })),
      n);
  out.mean_km = std::accumulate(errors_km.begin(), errors_km.end(), 0.0) / static_cast<double>(n);
  out.median_km = n % 2 == 1 ? errors_km[n / 2] : (errors_km[n / 2 - 1] + errors_km[n / 2]) / 2.0;
  const double max_log = std::log(20039.0);
  if (n == 1) {
    out.auc = std::log1p(errors_km[0]) / max_log;
  } else {
    double area = 0.0;
    for (std::size_t i = 1; i < n; ++i) area += (std::log1p(errors_km[i - 1]) + std::log1p(errors_km[i])) / 2.0;
    out.auc = area / (max_log * static_cast<double>(n - 1));
  }
  return out;
}

// ---------------------------------------------------------------- ROUGE

struct RougeScorer::Stemmer {
  sb_stemmer* stemmer = nullptr;
  ~Stemmer() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }
};

RougeScorer::RougeScorer(bool stem) {
  if (stem) {
    stemmer_ = std::make_unique<Stemmer>();
    stemmer_->stemmer = sb_stemmer_new("porter", "UTF_8");
    if (stemmer_->stemmer == nullptr) throw std::runtime_error("libstemmer has no 'porter' stemmer");
  }
}

RougeScorer::~RougeScorer() = default;

std::vector<std::string> RougeScorer::tokenize(std::string_view text) const {
  std::vector<std::string> tokens;
  std::string current;
  const auto flush = [&] {
    if (current.empty()) return;
    if (stemmer_ && current.size() > 3) {
      const sb_symbol* s = sb_stemmer_stem(stemmer_->stemmer, reinterpret_cast<const sb_symbol*>(current.data()),
                                           static_cast<int>(current.size()));
      current.assign(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer_->stemmer)));
    }
    tokens.push_back(std::move(current));
    current.clear();
  };
  for (const char ch : text) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

namespace {

using Tokens = std::vector<std::string>;

RougePrf prf(std::size_t hits, std::size_t candidate_total, std::size_t reference_total) {
  RougePrf s;
  s.precision = ratio(hits, candidate_total);
  s.recall = ratio(hits, reference_total);
  s.f1 = fmeasure(s.precision, s.recall);
  return s;
}

RougePrf rouge_n(const Tokens& reference, const Tokens& candidate, std::size_t n) {
  const auto grams = [n](const Tokens& t) {
    std::map<std::vector<std::string_view>, std::size_t> counts;
    for (std::size_t i = 0; i + n <= t.size(); ++i) {
      ++counts[std::vector<std::string_view>(t.begin() + static_cast<std::ptrdiff_t>(i),
                                             t.begin() + static_cast<std::ptrdiff_t>(i + n))];
    }
    return counts;
  };
  const auto r = grams(reference);
  const auto c = grams(candidate);
  std::size_t hits = 0;
  for (const auto& [gram, count] : c) {
    if (auto it = r.find(gram); it != r.end()) hits += std::min(count, it->second);
  }
  const auto total = [n](const Tokens& t) { return t.size() >= n ? t.size() - n + 1 : 0; };
  return prf(hits, total(candidate), total(reference));
}

// Indices into `ref` of one longest common subsequence with `cand`, taking
// the same path through the table as ROUGE-1.5.5 (and Google's rouge-score).
std::vector<std::size_t> lcs_indices(const Tokens& ref, const Tokens& cand) {
  const std::size_t rows = ref.size();
  const std::size_t cols = cand.size();
  std::vector<std::uint32_t> t((rows + 1) * (cols + 1), 0);
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return t[i * (cols + 1) + j]; };
  for (std::size_t i = 1; i <= rows; ++i) {
    for (std::size_t j = 1; j <= cols; ++j) {
      at(i, j) = ref[i - 1] == cand[j - 1] ? at(i - 1, j - 1) + 1 : std::max(at(i - 1, j), at(i, j - 1));
    }
  }
  std::vector<std::size_t> out;
  std::size_t i = rows;
  std::size_t j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] == cand[j - 1]) {
      out.push_back(i - 1);
      --i;
      --j;
    } else if (at(i, j - 1) > at(i - 1, j)) {
      --j;
    } else {
      --i;
    }
  }
  return out;
}

RougePrf rouge_lsum(const std::vector<Tokens>& reference, const std::vector<Tokens>& candidate) {
  std::map<std::string_view, std::size_t> ref_left;
  std::map<std::string_view, std::size_t> cand_left;
  std::size_t ref_total = 0;
  std::size_t cand_total = 0;
  for (const auto& s : reference) {
    ref_total += s.size();
    for (const auto& w : s) ++ref_left[w];
  }
  for (const auto& s : candidate) {
    cand_total += s.size();
    for (const auto& w : s) ++cand_left[w];
  }
  std::size_t hits = 0;
  for (const auto& r : reference) {
    std::set<std::size_t> uni;
    for (const auto& c : candidate) {
      for (const std::size_t k : lcs_indices(r, c)) uni.insert(k);
    }
    for (const std::size_t k : uni) {
      auto& rc = ref_left[r[k]];
      auto it = cand_left.find(r[k]);
      if (rc > 0 && it != cand_left.end() && it->second > 0) {
        ++hits;
        --rc;
        --it->second;
      }
    }
  }
  return prf(hits, cand_total, ref_total);
}

}  // namespace

RougeScores RougeScorer::score(const std::vector<std::string>& reference_sentences,
                               const std::vector<std::string>& candidate_sentences) const {
  std::vector<Tokens> ref;
  std::vector<Tokens> cand;
  Tokens ref_all;
  Tokens cand_all;
  for (const auto& s : reference_sentences) {
    ref.push_back(tokenize(s));
    ref_all.insert(ref_all.end(), ref.back().begin(), ref.back().end());
  }
  for (const auto& s : candidate_sentences) {
    cand.push_back(tokenize(s));
    cand_all.insert(cand_all.end(), cand.back().begin(), cand.back().end());
  }
  RougeScores out;
  out.rouge1 = rouge_n(ref_all, cand_all, 1);
  out.rouge2 = rouge_n(ref_all, cand_all, 2);
  out.rouge_lsum = rouge_lsum(ref, cand);
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const auto line = strip_view(text.substr(start, nl - start));
    if (!line.empty()) out.emplace_back(line);
    start = nl + 1;
  }
  return out;
}

}  // namespace docpipe::eval
