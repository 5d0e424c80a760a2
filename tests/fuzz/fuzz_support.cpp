#include "fuzz_support.hpp"

#include <docpipe/framework/json_io.hpp>
#include <docpipe/framework/pipeline.hpp>
#include <docpipe/framework/plugin_registry.hpp>

#include <fmt/format.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace docpipe::fuzz {
namespace {

struct LoadedStage {
  std::string name;
  std::vector<std::string> provides;
  std::unique_ptr<Stage> stage;
};

struct Loaded {
  PipelineSpec spec;
  std::vector<LoadedStage> stages;
};

// Never destroyed, like the stages: plugin code must outlive everything it
// created, and the order of static destruction at exit would not ensure it.
const PluginRegistry& registry() {
  static const auto* instance = new PluginRegistry({std::filesystem::path(DOCPIPE_FUZZ_PLUGIN_DIR)});
  return *instance;
}

// The stages are created here rather than through docpipe::Pipeline because
// Pipeline turns every exception into a StageError, and a fuzz run must tell
// a plugin's deliberate refusal (DocumentError) from a bug (anything else).
// Resolution still goes through resolve_pipeline, as in `docpipe run`.
std::unique_ptr<Loaded> load(const std::string& yaml) {
  auto loaded = std::make_unique<Loaded>();
  loaded->spec = parse_pipeline(yaml, "fuzz.yaml");
  for (const auto& stage : loaded->spec.stages) {
    if (registry().find(stage.plugin) == nullptr) {
      std::fprintf(stderr, "SKIP: plugin '%s' is not built in %s\n", stage.plugin.c_str(), DOCPIPE_FUZZ_PLUGIN_DIR);
      std::exit(77);
    }
  }
  auto quiet = std::make_shared<spdlog::logger>("fuzz", std::make_shared<spdlog::sinks::null_sink_mt>());
  for (const auto& r : resolve_pipeline(loaded->spec, registry())) {
    const PluginInfo& info = r.plugin->info;
    const StageContext context{r.config, quiet, r.plugin->file.parent_path() / info.name};
    loaded->stages.push_back({info.name, info.provides, info.create(context)});
  }
  return loaded;
}

bool on_boundary(const Document& doc, Offset at) {
  return at >= doc.text.size() || (static_cast<unsigned char>(doc.text[at]) & 0xC0U) != 0x80U;
}

void check_span(const Document& doc, std::string_view layer, std::size_t i, Offset begin, Offset end) {
  if (begin > end || end > doc.text.size())
    fail(fmt::format("{}[{}] = [{}, {}) is not a span of the {}-byte text", layer, i, begin, end, doc.text.size()));
  if (!on_boundary(doc, begin) || !on_boundary(doc, end))
    fail(fmt::format("{}[{}] = [{}, {}) cuts a UTF-8 character", layer, i, begin, end));
}

template <typename Span>
void check_ordered(const Document& doc, std::string_view layer, const std::vector<Span>& spans, bool non_empty) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    check_span(doc, layer, i, spans[i].begin, spans[i].end);
    if (non_empty && spans[i].begin == spans[i].end)
      fail(fmt::format("{}[{}] at {} is empty", layer, i, spans[i].begin));
    if (i > 0 && spans[i - 1].end > spans[i].begin)
      fail(fmt::format("{}[{}] = [{}, {}) overlaps or precedes {}[{}] = [{}, {})", layer, i, spans[i].begin,
                       spans[i].end, layer, i - 1, spans[i - 1].begin, spans[i - 1].end));
  }
}

// Each span of `inner` lies inside one span of `outer` (both ordered).
template <typename Inner, typename Outer>
void check_nested(std::string_view inner_name, const std::vector<Inner>& inner, std::string_view outer_name,
                  const std::vector<Outer>& outer) {
  std::size_t o = 0;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    while (o < outer.size() && outer[o].end < inner[i].end) ++o;
    if (o == outer.size() || outer[o].begin > inner[i].begin)
      fail(fmt::format("{}[{}] = [{}, {}) is inside no {} span", inner_name, i, inner[i].begin, inner[i].end,
                       outer_name));
  }
}

void check_unit(std::string_view layer, std::size_t i, double confidence) {
  if (!std::isfinite(confidence) || confidence < 0.0 || confidence > 1.0)
    fail(fmt::format("{}[{}] has confidence {}", layer, i, confidence));
}

}  // namespace

void fail(std::string_view what) {
  std::fprintf(stderr, "\nFUZZ INVARIANT BROKEN: %.*s\n", static_cast<int>(what.size()), what.data());
  std::fflush(stderr);
  std::abort();
}

std::string repaired_text(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  repair_utf8(text);
  return text;
}

bool run_stages(const std::string& yaml, Document& doc) {
  static std::mutex mutex;
  static auto* cache = new std::map<std::string, std::unique_ptr<Loaded>>;  // never destroyed: see registry()
  const Loaded* loaded = nullptr;
  {
    const std::lock_guard lock(mutex);
    auto& slot = (*cache)[yaml];
    if (!slot) slot = load(yaml);
    loaded = slot.get();
  }
  const std::string text = doc.text;
  for (const auto& s : loaded->stages) {
    try {
      s.stage->process(doc);
    } catch (const DocumentError&) {
      return false;
    }
    for (const auto& layer : s.provides) doc.mark_present(layer);
    if (doc.text != text) fail(fmt::format("stage '{}' modified the text", s.name));
  }
  return true;
}

void check_invariants(const Document& doc) {
  check_ordered(doc, "paragraphs", doc.paragraphs, true);
  check_ordered(doc, "sentences", doc.sentences, true);
  check_ordered(doc, "tokens", doc.tokens, true);
  if (doc.has_layer("paragraphs")) check_nested("sentences", doc.sentences, "paragraph", doc.paragraphs);
  if (doc.has_layer("sentences")) check_nested("tokens", doc.tokens, "sentence", doc.sentences);
  check_ordered(doc, "summary", doc.summary, true);
  for (std::size_t i = 0; i < doc.summary.size(); ++i)
    if (!std::isfinite(doc.summary[i].score)) fail(fmt::format("summary[{}] has score {}", i, doc.summary[i].score));
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    check_span(doc, "quotes", i, q.begin, q.end);
    if (q.speaker_span) check_span(doc, "quotes.speaker", i, q.speaker_span->first, q.speaker_span->second);
    if (q.cue_span) check_span(doc, "quotes.cue", i, q.cue_span->first, q.cue_span->second);
    check_unit("quotes", i, q.confidence);
  }
  for (std::size_t i = 0; i < doc.places.size(); ++i) {
    const Place& p = doc.places[i];
    check_span(doc, "places", i, p.begin, p.end);
    if (p.begin == p.end) fail(fmt::format("places[{}] at {} is empty", i, p.begin));
    if (!(std::abs(p.lat) <= 90.0) || !(std::abs(p.lon) <= 180.0))
      fail(fmt::format("places[{}] '{}' is off the globe: {}, {}", i, p.name, p.lat, p.lon));
    check_unit("places", i, p.confidence);
  }
  for (const auto& [name, annotations] : doc.custom_layers())
    for (std::size_t i = 0; i < annotations.size(); ++i)
      check_span(doc, name, i, annotations[i].begin, annotations[i].end);
}

}  // namespace docpipe::fuzz
