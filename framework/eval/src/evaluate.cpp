#include <docpipe/eval/evaluate.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <random>

namespace docpipe::eval {
namespace {

using Format = Cell::Format;

std::vector<Span> spans_of(const auto& annotations) {
  std::vector<Span> out;
  out.reserve(annotations.size());
  for (const auto& a : annotations) out.push_back({a.begin, a.end});
  return out;
}

void add_prf(Row& row, const Counts& c) {
  row.cells.push_back({"precision", c.precision(), Format::ratio});
  row.cells.push_back({"recall", c.recall(), Format::ratio});
  row.cells.push_back({"f1", c.f1(), Format::ratio});
  row.cells.push_back({"matched", static_cast<double>(c.matched), Format::count});
  row.cells.push_back({"predicted", static_cast<double>(c.predicted), Format::count});
  row.cells.push_back({"gold", static_cast<double>(c.gold), Format::count});
}

// The quote categories scored, each a set of kinds on both sides.
struct QuoteCategory {
  const char* name;
  std::array<const char*, 2> kinds;
};
constexpr std::array<QuoteCategory, 3> kQuoteCategories{{
    {"direct+mixed", {"direct", "mixed"}},
    {"direct", {"direct", nullptr}},
    {"indirect", {"indirect", nullptr}},
}};

bool in_category(const QuoteCategory& c, std::string_view kind) {
  return std::any_of(c.kinds.begin(), c.kinds.end(), [&](const char* k) { return k != nullptr && kind == k; });
}

// A span's text for a mistake listing: «text»@offset, cut at ~60 bytes.
std::string shown(std::string_view text, Span s) {
  const std::size_t b = std::min<std::size_t>(s.begin, text.size());
  std::string_view v = text.substr(b, std::min<std::size_t>(s.size(), text.size() - b));
  bool cut = false;
  if (v.size() > 60) {
    std::size_t n = 57;
    while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
    v = v.substr(0, n);
    cut = true;
  }
  std::string out = "\u00AB";
  for (const char c : v) out += c == '\n' ? std::string("\u23CE") : std::string(1, c);
  if (cut) out += "\u2026";
  return out + "\u00BB@" + std::to_string(s.begin);
}

template <typename Range, typename Show>
std::string listing(const char* what, const Range& items, Show show) {
  if (items.empty()) return {};
  std::string out = fmt::format(" {} {}:", what, items.size());
  std::size_t n = 0;
  for (const auto& item : items) {
    if (n++ == 6) {
      out += " ...";
      break;
    }
    out += ' ';
    out += show(item);
  }
  return out;
}

constexpr const char* kRougeNames[3] = {"rouge1", "rouge2", "rougeLsum"};

// The 2.5th and 97.5th percentiles of `statistic` over `samples` resamplings
// of the documents (with replacement), from a fixed seed so reruns agree.
template <typename Item, typename Statistic>
std::pair<double, double> bootstrap(const std::vector<Item>& per_doc, std::size_t samples, Statistic statistic) {
  std::mt19937_64 rng(20180101);
  std::uniform_int_distribution<std::size_t> pick(0, per_doc.size() - 1);
  std::vector<double> stats;
  stats.reserve(samples);
  std::vector<std::size_t> draw(per_doc.size());
  for (std::size_t k = 0; k < samples; ++k) {
    for (auto& d : draw) d = pick(rng);
    stats.push_back(statistic(draw));
  }
  std::sort(stats.begin(), stats.end());
  const auto at = [&](double q) {
    return stats[std::min(stats.size() - 1, static_cast<std::size_t>(q * static_cast<double>(stats.size())))];
  };
  return {at(0.025), at(0.975)};
}

struct RougeSums {
  double p[3] = {0, 0, 0};
  double r[3] = {0, 0, 0};
  double f[3] = {0, 0, 0};
};

}  // namespace

const std::set<std::string, std::less<>>& default_place_types() {
  static const std::set<std::string, std::less<>> types{
      "Literal",          "Mixed",           "Coercion", "Literal_Modifier", "Non_Literal_Modifier", "Metonymic",
      "Embedded_Literal", "Embedded_Non_Lit"};
  return types;
}

struct Evaluator::State {
  GoldKind kind;
  EvalOptions options;
  std::size_t documents = 0;
  std::size_t missing = 0;
  std::size_t failed = 0;
  // tokens and sbd
  std::map<std::string, Counts> spans;  // by layer
  std::size_t rules = 0;
  std::size_t rules_passed = 0;
  std::vector<std::string> failed_rules;
  // quotes
  std::array<QuoteCounts, kQuoteCategories.size()> quotes{};
  // places
  PlaceCounts places;
  std::map<std::string, PlaceCounts> places_by_source;
  std::map<std::string, std::size_t> ignored_types;
  // summary
  std::unique_ptr<RougeScorer> rouge;
  RougeSums rouge_sums;
  std::size_t summaries = 0;

  // mistake listings
  std::map<std::string, std::size_t> example_count;
  std::vector<std::string> examples;

  // per-document scores for bootstrap intervals, by row
  std::map<std::string, std::vector<Counts>> per_doc_counts;
  std::map<std::string, std::vector<double>> per_doc_values;

  void count(const std::string& layer, const Counts& c) {
    spans[layer] += c;
    per_doc_counts[layer].push_back(c);
  }
  bool scores(std::string_view layer) const { return options.layers.empty() || options.layers.contains(layer); }
  bool wants_example(const std::string& row) const {
    if (options.examples == 0) return false;
    auto it = example_count.find(row);
    return it == example_count.end() || it->second < options.examples;
  }
  void example(const std::string& row, const std::string& id, const std::string& line) {
    if (line.empty() || !wants_example(row)) return;
    ++example_count[row];
    examples.push_back(row + " " + id + ":" + line);
  }
  void span_examples(const std::string& row, const GoldDocument& gold, const std::vector<Span>& pred,
                     const std::vector<Span>& gold_spans) {
    if (!wants_example(row)) return;
    const auto d = span_difference(gold.text, pred, gold_spans);
    const auto show = [&](Span s) { return shown(gold.text, s); };
    example(row, gold.id, listing("missed", d.missed, show) + listing("spurious", d.spurious, show));
  }
};

Evaluator::Evaluator(GoldKind kind, EvalOptions options) : state_(std::make_unique<State>()) {
  state_->kind = kind;
  state_->options = std::move(options);
  if (kind == GoldKind::summary) state_->rouge = std::make_unique<RougeScorer>(state_->options.stem);
}

Evaluator::~Evaluator() = default;

std::vector<std::string> Evaluator::known_layers(GoldKind kind) {
  switch (kind) {
    case GoldKind::tokens:
      return {"tokens", "words", "sentences"};
    case GoldKind::sbd:
      return {"sentences"};
    case GoldKind::quotes:
      return {"quotes"};
    case GoldKind::places:
      return {"places"};
    case GoldKind::summary:
      return {"summary"};
  }
  return {};
}

void Evaluator::add_missing(const GoldDocument& gold) {
  ++state_->missing;
  add(gold, Document{gold.id, gold.text});
}

void Evaluator::add_failed(const GoldDocument& gold) {
  ++state_->failed;
  add(gold, Document{gold.id, gold.text});
}

void Evaluator::add(const GoldDocument& gold, const Document& predicted) {
  State& s = *state_;
  ++s.documents;
  const std::string_view text = gold.text;
  switch (s.kind) {
    case GoldKind::tokens: {
      const auto tokens = spans_of(predicted.tokens);
      if (gold.tokens && s.scores("tokens")) {
        s.count("tokens", score_spans(text, tokens, *gold.tokens));
        s.span_examples("tokens", gold, tokens, *gold.tokens);
      }
      if (gold.words && s.scores("words")) {
        const auto* words = predicted.find_layer("words");
        const auto pred_words = words != nullptr ? spans_of(*words) : tokens;
        s.count("words", score_spans(text, pred_words, *gold.words));
        s.span_examples("words", gold, pred_words, *gold.words);
      }
      if (gold.sentences && s.scores("sentences")) {
        const auto sentences = spans_of(predicted.sentences);
        s.count("sentences", score_spans(text, sentences, *gold.sentences));
        s.span_examples("sentences", gold, sentences, *gold.sentences);
      }
      break;
    }
    case GoldKind::sbd: {
      if (!s.scores("sentences")) break;
      const auto sentences = spans_of(predicted.sentences);
      ++s.rules;
      const bool passed = sentences_equal(text, sentences, gold.expected_sentences);
      s.per_doc_values["golden_rules"].push_back(passed ? 1.0 : 0.0);
      if (passed) {
        ++s.rules_passed;
      } else {
        s.failed_rules.push_back(gold.rule.empty() ? gold.id : fmt::format("{} ({})", gold.id, gold.rule));
        std::vector<Span> trimmed;
        for (const Span t : sentences) {
          if (trim_space(text, t).size() > 0) trimmed.push_back(trim_space(text, t));
        }
        s.example("golden_rules", gold.id, listing("predicted", trimmed, [&](Span t) { return shown(text, t); }));
      }
      if (gold.sentences) s.count("sentences", score_spans(text, sentences, *gold.sentences));
      break;
    }
    case GoldKind::quotes: {
      if (!s.scores("quotes")) break;
      for (std::size_t c = 0; c < kQuoteCategories.size(); ++c) {
        std::vector<QuoteItem> p;
        std::vector<QuoteItem> g;
        for (const auto& q : predicted.quotes) {
          if (!in_category(kQuoteCategories[c], to_string(q.kind))) continue;
          std::optional<Span> speaker;
          if (q.speaker_span) speaker = Span{q.speaker_span->first, q.speaker_span->second};
          p.push_back({{q.begin, q.end}, speaker});
        }
        for (const auto& q : gold.quotes) {
          if (in_category(kQuoteCategories[c], q.kind)) g.push_back({q.span, q.speaker});
        }
        const std::string row = kQuoteCategories[c].name;
        QuoteDetails details;
        const bool listed = c != 1 && s.wants_example(row);  // "direct" repeats "direct+mixed"
        const QuoteCounts counts = score_quotes(text, p, g, listed ? &details : nullptr);
        s.quotes[c] += counts;
        s.per_doc_counts[row].push_back(counts.detection);
        if (listed) {
          const auto show_gold = [&](std::size_t j) { return shown(text, g[j].span); };
          const auto show_pred = [&](std::size_t i) { return shown(text, p[i].span); };
          const auto show_pair = [&](const std::pair<std::size_t, std::size_t>& m) {
            const auto& gs = g[m.second].speaker;
            const auto& ps = p[m.first].speaker;
            return fmt::format("{} speaker {} not {}", shown(text, g[m.second].span), ps ? shown(text, *ps) : "none",
                               gs ? shown(text, *gs) : "none");
          };
          s.example(row, gold.id,
                    listing("missed", details.missed, show_gold) + listing("spurious", details.spurious, show_pred) +
                        listing("misattributed", details.misattributed, show_pair));
        }
      }
      break;
    }
    case GoldKind::places: {
      if (!s.scores("places")) break;
      std::vector<GoldPlace> g;
      for (const auto& t : gold.toponyms) {
        const bool counted = s.options.all_place_types || t.type.empty() || s.options.place_types.contains(t.type);
        if (!counted) ++s.ignored_types[t.type];
        g.push_back({t.span, t.coordinates, counted});
      }
      std::vector<PredictedPlace> p;
      for (const auto& place : predicted.places) p.push_back({{place.begin, place.end}, place.lat, place.lon});
      PlaceDetails details;
      const bool listed = s.wants_example("places");
      const PlaceCounts counts = score_places(text, p, g, listed ? &details : nullptr);
      s.places += counts;
      s.per_doc_counts["recognition_exact"].push_back(counts.exact);
      s.per_doc_counts["recognition_overlap"].push_back(counts.overlap);
      if (!gold.source.empty()) s.places_by_source[gold.source] += counts;
      if (listed) {
        std::vector<std::string> far;
        for (std::size_t k = 0; k < details.resolved.size(); ++k) {
          if (counts.errors_km[k] < 161.0) continue;
          const auto& [i, j] = details.resolved[k];
          const auto& place = predicted.places[i];
          far.push_back(fmt::format("{} at {} ({:.2f},{:.2f}) {:.0f} km off", shown(text, g[j].span), place.name,
                                    place.lat, place.lon, counts.errors_km[k]));
        }
        s.example("places", gold.id,
                  listing("missed", details.missed, [&](std::size_t j) { return shown(text, g[j].span); }) +
                      listing("spurious", details.spurious, [&](std::size_t i) { return shown(text, p[i].span); }) +
                      listing("far", far, [](const std::string& f) { return f; }));
      }
      break;
    }
    case GoldKind::summary: {
      if (!s.scores("summary")) break;
      auto chosen = predicted.summary;
      std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
      std::vector<std::string> candidate;
      for (const auto& sentence : chosen) {
        std::string line(predicted.slice(sentence.begin, sentence.end));
        std::replace(line.begin(), line.end(), '\n', ' ');  // one sentence, one line
        candidate.push_back(std::move(line));
      }
      // With several references the best one counts (as rouge-score's score_multi).
      RougeScores best;
      for (const auto& reference : gold.summaries) {
        const RougeScores r = s.rouge->score(split_lines(reference), candidate);
        if (r.rouge1.f1 + r.rouge2.f1 + r.rouge_lsum.f1 > best.rouge1.f1 + best.rouge2.f1 + best.rouge_lsum.f1) {
          best = r;
        }
      }
      const RougePrf* measures[3] = {&best.rouge1, &best.rouge2, &best.rouge_lsum};
      for (int m = 0; m < 3; ++m) {
        s.rouge_sums.p[m] += measures[m]->precision;
        s.rouge_sums.r[m] += measures[m]->recall;
        s.rouge_sums.f[m] += measures[m]->f1;
        s.per_doc_values[kRougeNames[m]].push_back(measures[m]->f1);
      }
      ++s.summaries;
      break;
    }
  }
}

Report Evaluator::report() const {
  const State& s = *state_;
  Report r;
  r.kind = std::string(to_string(s.kind));
  r.documents = s.documents;
  r.missing = s.missing;
  r.failed = s.failed;
  r.examples = s.examples;
  std::stable_sort(r.examples.begin(), r.examples.end(), [](const std::string& a, const std::string& b) {
    return a.substr(0, a.find(' ')) < b.substr(0, b.find(' '));
  });
  switch (s.kind) {
    case GoldKind::tokens:
    case GoldKind::sbd: {
      if (s.kind == GoldKind::sbd && s.scores("sentences")) {
        Section rules{"golden rules (a rule passes when its sentences come out exactly)", {}};
        Row row{"golden_rules", {}};
        row.cells.push_back({"passed", static_cast<double>(s.rules_passed), Format::count});
        row.cells.push_back({"rules", static_cast<double>(s.rules), Format::count});
        row.cells.push_back({"share", s.rules ? double(s.rules_passed) / double(s.rules) : 0.0, Format::ratio});
        rules.rows.push_back(std::move(row));
        r.sections.push_back(std::move(rules));
        for (const auto& f : s.failed_rules) r.notes.push_back("failed rule: " + f);
      }
      Section spans{"exact byte spans (white space trimmed)", {}};
      for (const char* layer : {"tokens", "words", "sentences"}) {
        auto it = s.spans.find(layer);
        if (it == s.spans.end()) continue;
        Row row{layer, {}};
        add_prf(row, it->second);
        spans.rows.push_back(std::move(row));
      }
      if (!spans.rows.empty()) r.sections.push_back(std::move(spans));
      if (s.kind == GoldKind::tokens && s.spans.contains("words")) {
        r.notes.push_back(
            "words: gold syntactic words (\"don't\" -> do + n't) against the predicted 'words' layer, "
            "or 'tokens' when there is none");
      }
      break;
    }
    case GoldKind::quotes: {
      if (!s.scores("quotes")) break;
      Section detection{"quotes: detection (overlap >= half the longer span), exact match, attribution", {}};
      for (std::size_t c = 0; c < kQuoteCategories.size(); ++c) {
        const QuoteCounts& q = s.quotes[c];
        Row row{kQuoteCategories[c].name, {}};
        add_prf(row, q.detection);
        row.cells.push_back({"exact_f1", q.exact.f1(), Format::ratio});
        row.cells.push_back({"speaker_accuracy", q.speaker_accuracy(), Format::ratio});
        row.cells.push_back({"with_speaker", static_cast<double>(q.with_speaker), Format::count});
        row.cells.push_back({"e2e_precision", q.end_to_end.precision(), Format::ratio});
        row.cells.push_back({"e2e_recall", q.end_to_end.recall(), Format::ratio});
        row.cells.push_back({"e2e_f1", q.end_to_end.f1(), Format::ratio});
        detection.rows.push_back(std::move(row));
      }
      r.sections.push_back(std::move(detection));
      r.notes.push_back(
          "a category takes the gold records and the predictions of its kinds; "
          "e2e counts a quote when matched and its speaker span overlaps the gold one "
          "(or neither has a speaker)");
      break;
    }
    case GoldKind::places: {
      if (!s.scores("places")) break;
      Section recognition{"places: toponym recognition", {}};
      Row exact{"recognition_exact", {}};
      add_prf(exact, s.places.exact);
      Row over{"recognition_overlap", {}};
      add_prf(over, s.places.overlap);
      recognition.rows.push_back(std::move(exact));
      recognition.rows.push_back(std::move(over));
      r.sections.push_back(std::move(recognition));
      const ResolutionScores res = resolution_scores(s.places.errors_km);
      Section resolution{"places: resolution of recognised (overlap) gold toponyms with coordinates", {}};
      Row row{"resolution", {}};
      row.cells.push_back({"toponyms", static_cast<double>(res.count), Format::count});
      row.cells.push_back({"acc_161km", res.accuracy_161km, Format::ratio});
      row.cells.push_back({"mean_km", res.mean_km, Format::number});
      row.cells.push_back({"median_km", res.median_km, Format::number});
      row.cells.push_back({"auc", res.auc, Format::number});
      resolution.rows.push_back(std::move(row));
      r.sections.push_back(std::move(resolution));
      if (s.places_by_source.size() > 1) {
        Section by_source{"places by the gold's source (exact and overlap F1, resolution)", {}};
        for (const auto& [source, counts] : s.places_by_source) {
          const ResolutionScores rs = resolution_scores(counts.errors_km);
          Row line{"source:" + source, {}};
          line.cells.push_back({"exact_f1", counts.exact.f1(), Format::ratio});
          line.cells.push_back({"overlap_f1", counts.overlap.f1(), Format::ratio});
          line.cells.push_back({"gold", static_cast<double>(counts.overlap.gold), Format::count});
          line.cells.push_back({"toponyms", static_cast<double>(rs.count), Format::count});
          line.cells.push_back({"acc_161km", rs.accuracy_161km, Format::ratio});
          line.cells.push_back({"mean_km", rs.mean_km, Format::number});
          line.cells.push_back({"median_km", rs.median_km, Format::number});
          line.cells.push_back({"auc", rs.auc, Format::number});
          by_source.rows.push_back(std::move(line));
        }
        r.sections.push_back(std::move(by_source));
      }
      if (!s.ignored_types.empty()) {
        std::string list;
        for (const auto& [type, n] : s.ignored_types) list += fmt::format("{}{} {}", list.empty() ? "" : ", ", type, n);
        r.notes.push_back("gold types not scored (predictions on them ignored): " + list);
      }
      break;
    }
    case GoldKind::summary: {
      if (!s.scores("summary")) break;
      Section rouge{fmt::format("summary: ROUGE (ROUGE-1.5.5 compatible{}), mean of per-document scores",
                                s.options.stem ? ", Porter stemming" : ", no stemming"),
                    {}};
      const double n = s.summaries ? static_cast<double>(s.summaries) : 1.0;
      for (int m = 0; m < 3; ++m) {
        Row row{kRougeNames[m], {}};
        row.cells.push_back({"precision", s.rouge_sums.p[m] / n, Format::ratio});
        row.cells.push_back({"recall", s.rouge_sums.r[m] / n, Format::ratio});
        row.cells.push_back({"f1", s.rouge_sums.f[m] / n, Format::ratio});
        rouge.rows.push_back(std::move(row));
      }
      r.sections.push_back(std::move(rouge));
      break;
    }
  }
  if (s.options.bootstrap > 0) {
    std::size_t with_ci = 0;
    for (auto& section : r.sections) {
      for (auto& row : section.rows) {
        std::optional<std::pair<double, double>> ci;
        const char* key = "f1";
        if (auto it = s.per_doc_counts.find(row.name); it != s.per_doc_counts.end() && !it->second.empty()) {
          const auto& docs = it->second;
          ci = bootstrap(docs, s.options.bootstrap, [&](const std::vector<std::size_t>& draw) {
            Counts sum;
            for (const std::size_t d : draw) sum += docs[d];
            return sum.f1();
          });
        } else if (auto jt = s.per_doc_values.find(row.name); jt != s.per_doc_values.end() && !jt->second.empty()) {
          const auto& docs = jt->second;
          if (row.name == "golden_rules") key = "share";
          ci = bootstrap(docs, s.options.bootstrap, [&](const std::vector<std::size_t>& draw) {
            double sum = 0.0;
            for (const std::size_t d : draw) sum += docs[d];
            return sum / static_cast<double>(draw.size());
          });
        }
        if (!ci) continue;
        row.cells.push_back({std::string(key) + "_ci_low", ci->first, Format::ratio});
        row.cells.push_back({std::string(key) + "_ci_high", ci->second, Format::ratio});
        ++with_ci;
      }
    }
    if (with_ci > 0) {
      r.notes.push_back(fmt::format("*_ci_low/high: 95% bootstrap interval over documents ({} resamples, fixed seed)",
                                    s.options.bootstrap));
    }
  }
  return r;
}

std::string format_table(const Report& report) {
  std::string out = fmt::format("{} gold{}, {} documents", report.kind, report.gold.empty() ? "" : " " + report.gold,
                                report.documents);
  if (report.missing > 0) out += fmt::format(", {} missing from the predictions (scored as empty)", report.missing);
  if (report.failed > 0) out += fmt::format(", {} failed in the pipeline (scored as empty)", report.failed);
  out += "\n";
  if (!report.predictions.empty()) out += "scored: " + report.predictions + "\n";
  for (const auto& section : report.sections) {
    std::vector<std::string> keys;
    for (const auto& row : section.rows) {
      for (const auto& cell : row.cells) {
        if (std::find(keys.begin(), keys.end(), cell.key) == keys.end()) keys.push_back(cell.key);
      }
    }
    std::vector<std::vector<std::string>> table;
    table.push_back({""});
    for (const auto& k : keys) table.back().push_back(k);
    for (const auto& row : section.rows) {
      std::vector<std::string> line{row.name};
      for (const auto& k : keys) {
        auto it = std::find_if(row.cells.begin(), row.cells.end(), [&](const Cell& c) { return c.key == k; });
        if (it == row.cells.end()) {
          line.emplace_back("-");
        } else if (it->format == Format::ratio) {
          line.push_back(fmt::format("{:.2f}", 100.0 * it->value));
        } else if (it->format == Format::count) {
          line.push_back(fmt::format("{:.0f}", it->value));
        } else {
          line.push_back(fmt::format("{:.3f}", it->value));
        }
      }
      table.push_back(std::move(line));
    }
    std::vector<std::size_t> width(keys.size() + 1, 0);
    for (const auto& line : table) {
      for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
    }
    out += "\n" + section.title + " (ratios in %)\n";
    for (const auto& line : table) {
      std::string text = fmt::format("  {:<{}}", line[0], width[0]);
      for (std::size_t i = 1; i < line.size(); ++i) text += fmt::format("  {:>{}}", line[i], width[i]);
      out += text + "\n";
    }
  }
  if (!report.notes.empty()) out += "\n";
  for (const auto& note : report.notes) out += "note: " + note + "\n";
  if (!report.examples.empty()) out += "\nmistakes (missed = gold only, spurious = predicted only):\n";
  for (const auto& e : report.examples) out += "  " + e + "\n";
  return out;
}

std::string format_json(const Report& report) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("kind");
  w.String(report.kind.c_str());
  w.Key("gold");
  w.String(report.gold.c_str());
  w.Key("predictions");
  w.String(report.predictions.c_str());
  w.Key("documents");
  w.Uint64(report.documents);
  w.Key("missing");
  w.Uint64(report.missing);
  w.Key("failed");
  w.Uint64(report.failed);
  w.Key("scores");
  w.StartObject();
  for (const auto& section : report.sections) {
    for (const auto& row : section.rows) {
      w.Key(row.name.c_str());
      w.StartObject();
      for (const auto& cell : row.cells) {
        w.Key(cell.key.c_str());
        if (cell.format == Format::count) {
          w.Uint64(static_cast<std::uint64_t>(std::llround(cell.value)));
        } else {
          w.Double(std::isfinite(cell.value) ? cell.value : 0.0);
        }
      }
      w.EndObject();
    }
  }
  w.EndObject();
  w.Key("notes");
  w.StartArray();
  for (const auto& note : report.notes) w.String(note.c_str());
  w.EndArray();
  w.Key("examples");
  w.StartArray();
  for (const auto& e : report.examples) w.String(e.c_str());
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace docpipe::eval
