#include <docpipe/framework/pipeline.hpp>

#include "detail/suggest.hpp"

#include <docpipe/sdk/error.hpp>

#include <boost/dll/shared_library.hpp>
#include <fmt/format.h>
#include <fmt/std.h>
#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace docpipe {
namespace fs = std::filesystem;
namespace {

// Pipeline files are small; a larger one is a mistake or an attack.
constexpr std::uintmax_t kMaxPipelineBytes = 1 << 20;
constexpr std::size_t kMaxListItems = 100000;

SourceLocation where(const fs::path& file, const YAML::Mark& mark) {
  if (mark.is_null()) return {file.string(), 0, 0};
  return {file.string(), mark.line + 1, mark.column + 1};
}

[[noreturn]] void fail(const SourceLocation& at, const std::string& message) {
  throw ConfigError(fmt::format("{}: {}", at.str(), message));
}

std::string scalar_of(const YAML::Node& node, const fs::path& file, const char* what) {
  if (!node.IsScalar()) fail(where(file, node.Mark()), fmt::format("{} must be a string", what));
  return node.Scalar();
}

PipelineSpec::Option read_option(const std::string& name, const YAML::Node& value, const fs::path& file) {
  using Shape = PipelineSpec::Option::Shape;
  PipelineSpec::Option option;
  option.name = name;
  option.where = where(file, value.Mark());
  if (value.IsNull()) {
    option.shape = Shape::null;
  } else if (value.IsScalar()) {
    option.shape = Shape::scalar;
    option.scalars.push_back(value.Scalar());
    option.quoted = value.Tag() == "!";
  } else if (value.IsSequence()) {
    option.shape = Shape::sequence;
    if (value.size() > kMaxListItems) fail(option.where, fmt::format("option '{}' has too many items", name));
    for (const auto& item : value) {
      if (!item.IsScalar()) {
        fail(where(file, item.Mark()), fmt::format("option '{}': list items must be plain values", name));
      }
      option.scalars.push_back(item.Scalar());
    }
  } else {
    option.shape = Shape::map;
  }
  return option;
}

std::optional<bool> to_bool(const std::string& s) {
  static const std::set<std::string> kTrue = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static const std::set<std::string> kFalse = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  if (kTrue.contains(s)) return true;
  if (kFalse.contains(s)) return false;
  return std::nullopt;
}

std::optional<std::int64_t> to_int(const std::string& s) {
  std::int64_t v = 0;
  const char* begin = s.data() + (s.starts_with('+') ? 1 : 0);
  const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> to_number(const std::string& s) {
  if (auto i = to_int(s)) return static_cast<double>(*i);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string describe_shape(const PipelineSpec::Option& o) {
  using Shape = PipelineSpec::Option::Shape;
  switch (o.shape) {
    case Shape::null: return "nothing";
    case Shape::scalar: return fmt::format("'{}'", o.scalars.front());
    case Shape::sequence: return "a list";
    case Shape::map: return "a map";
  }
  return "?";
}

// Converts and range-checks one option; returns an error message or "".
std::string typed_value(const OptionSpec& spec, const PipelineSpec::Option& o, OptionValue& out) {
  using Shape = PipelineSpec::Option::Shape;
  const auto wrong = [&] {
    return fmt::format("option '{}' must be {} {}, got {}", spec.name,
                       spec.type == OptionType::integer ? "an" : "a", to_string(spec.type), describe_shape(o));
  };
  const bool plain = o.shape == Shape::scalar && !o.quoted;
  switch (spec.type) {
    case OptionType::boolean: {
      auto v = plain ? to_bool(o.scalars.front()) : std::nullopt;
      if (!v) return wrong();
      out = *v;
      return {};
    }
    case OptionType::integer: {
      auto v = plain ? to_int(o.scalars.front()) : std::nullopt;
      if (!v) return wrong();
      out = *v;
      break;
    }
    case OptionType::number: {
      auto v = plain ? to_number(o.scalars.front()) : std::nullopt;
      if (!v) return wrong();
      out = *v;
      break;
    }
    case OptionType::string: {
      if (o.shape != Shape::scalar) return wrong();
      const std::string& s = o.scalars.front();
      if (!spec.choices.empty() && std::find(spec.choices.begin(), spec.choices.end(), s) == spec.choices.end()) {
        const std::string near = detail::closest_match(s, spec.choices);
        return fmt::format("option '{}' must be one of {}, got '{}'{}", spec.name, detail::join(spec.choices), s,
                           near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near));
      }
      out = s;
      return {};
    }
    case OptionType::string_list: {
      if (o.shape == Shape::sequence) out = o.scalars;
      else if (o.shape == Shape::scalar) out = std::vector<std::string>{o.scalars.front()};
      else return wrong();
      return {};
    }
  }
  const double v = std::holds_alternative<std::int64_t>(out) ? static_cast<double>(std::get<std::int64_t>(out))
                                                             : std::get<double>(out);
  if ((spec.min && v < *spec.min) || (spec.max && v > *spec.max)) {
    return fmt::format("option '{}' is {}, out of range [{}, {}]", spec.name, o.scalars.front(),
                       spec.min ? fmt::format("{}", *spec.min) : "-inf", spec.max ? fmt::format("{}", *spec.max) : "inf");
  }
  return {};
}

std::vector<std::string> plugin_names(const PluginRegistry& registry) {
  std::vector<std::string> names;
  for (const auto& [name, plugin] : registry.plugins()) names.push_back(name);
  return names;
}

std::string provider_of(const std::string& layer, const PluginRegistry& registry) {
  std::vector<std::string> providers;
  for (const auto& [name, plugin] : registry.plugins()) {
    const auto& p = plugin.info.provides;
    if (std::find(p.begin(), p.end(), layer) != p.end()) providers.push_back(name);
  }
  if (providers.empty()) return fmt::format("no plugin on the plugin path provides '{}'", layer);
  return fmt::format("add a stage with plugin {} before it", detail::join(providers, " or "));
}

// The first span of `spans` that is not inside the text, as "[b, e)".
template <typename Spans, typename Extra>
std::optional<std::string> bad_span_in(const Spans& spans, std::size_t size, Extra&& extra) {
  const auto bad = [size](std::size_t b, std::size_t e) { return b > e || e > size; };
  for (const auto& s : spans) {
    if (bad(s.begin, s.end)) return fmt::format("[{}, {})", s.begin, s.end);
    if (auto more = extra(s, bad)) return more;
  }
  return std::nullopt;
}

// Checks that every span of layer `name` (core or custom) is inside the text:
// begin <= end <= text size. One pass over the layer.
std::optional<std::string> bad_span(const Document& doc, std::string_view name) {
  const std::size_t size = doc.text.size();
  const auto none = [](const auto&, const auto&) -> std::optional<std::string> { return std::nullopt; };
  if (name == "paragraphs") return bad_span_in(doc.paragraphs, size, none);
  if (name == "sentences") return bad_span_in(doc.sentences, size, none);
  if (name == "tokens") return bad_span_in(doc.tokens, size, none);
  if (name == "places") return bad_span_in(doc.places, size, none);
  if (name == "summary") return bad_span_in(doc.summary, size, none);
  if (name == "quotes") {
    return bad_span_in(doc.quotes, size, [](const Quote& q, const auto& bad) -> std::optional<std::string> {
      for (const auto& span : {q.speaker_span, q.cue_span}) {
        if (span && bad(span->first, span->second)) return fmt::format("[{}, {})", span->first, span->second);
      }
      return std::nullopt;
    });
  }
  if (const auto* layer = doc.find_layer(name)) return bad_span_in(*layer, size, none);
  return std::nullopt;
}

// Empties layer `name` (core or custom) of `doc`, keeping it present.
void clear_layer(Document& doc, std::string_view name) {
  if (name == "paragraphs") doc.paragraphs.clear();
  else if (name == "sentences") doc.sentences.clear();
  else if (name == "tokens") doc.tokens.clear();
  else if (name == "quotes") doc.quotes.clear();
  else if (name == "places") doc.places.clear();
  else if (name == "summary") doc.summary.clear();
  else if (doc.find_layer(name) != nullptr) doc.layer(name).clear();
}

}  // namespace

PipelineSpec parse_pipeline(const std::string& yaml, const fs::path& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    fail(where(file, e.mark), fmt::format("not valid YAML: {}", e.msg));
  }
  PipelineSpec spec;
  spec.file = file;
  const SourceLocation top{file.string(), 1, 1};
  if (!root.IsMap()) fail(top, "a pipeline file must be a map with 'pipeline' and 'stages'");
  static const std::vector<std::string> kTopKeys = {"pipeline", "description", "stages"};
  for (const auto& kv : root) {
    const std::string key = scalar_of(kv.first, file, "a key");
    if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end()) {
      const std::string near = detail::closest_match(key, kTopKeys);
      fail(where(file, kv.first.Mark()), fmt::format("unknown key '{}'{}; valid keys: {}", key,
                                                     near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near),
                                                     detail::join(kTopKeys)));
    }
  }
  if (root["pipeline"]) spec.name = scalar_of(root["pipeline"], file, "'pipeline'");
  if (root["description"]) spec.description = scalar_of(root["description"], file, "'description'");
  const YAML::Node stages = root["stages"];
  if (!stages) fail(top, "no 'stages' list");
  if (!stages.IsSequence()) fail(where(file, stages.Mark()), "'stages' must be a list of '- plugin: NAME' entries");
  for (const auto& stage : stages) {
    const SourceLocation at = where(file, stage.Mark());
    if (!stage.IsMap()) fail(at, "a stage must be a map such as '- plugin: tokenizer'");
    PipelineSpec::StageSpec s;
    s.where = at;
    for (const auto& kv : stage) {
      const std::string key = scalar_of(kv.first, file, "a key");
      if (key != "plugin" && key != "with") {
        const std::string near = detail::closest_match(key, {"plugin", "with"});
        fail(where(file, kv.first.Mark()), fmt::format("unknown stage key '{}'{}; a stage has 'plugin' and 'with'", key,
                                                       near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
      }
    }
    if (!stage["plugin"]) fail(at, "stage without 'plugin'");
    s.plugin = scalar_of(stage["plugin"], file, "'plugin'");
    s.where = where(file, stage["plugin"].Mark());
    if (const YAML::Node with = stage["with"]) {
      if (with.IsNull()) {
        // `with:` left empty: no options.
      } else if (!with.IsMap()) {
        fail(where(file, with.Mark()), "'with' must be a map of option: value");
      } else {
        for (const auto& kv : with) {
          const std::string name = scalar_of(kv.first, file, "an option name");
          for (const auto& seen : s.options) {
            if (seen.name == name) fail(where(file, kv.first.Mark()), fmt::format("option '{}' given twice", name));
          }
          s.options.push_back(read_option(name, kv.second, file));
        }
      }
    }
    spec.stages.push_back(std::move(s));
  }
  return spec;
}

PipelineSpec read_pipeline_file(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) throw ConfigError(fmt::format("{}: cannot read pipeline file: {}", file.string(), ec.message()));
  if (size > kMaxPipelineBytes) {
    throw ConfigError(fmt::format("{}: pipeline file is {} bytes; the limit is {}", file.string(), size, kMaxPipelineBytes));
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) throw ConfigError(fmt::format("{}: cannot read pipeline file", file.string()));
  return parse_pipeline(buffer.str(), file);
}

std::vector<ResolvedStage> resolve_pipeline(const PipelineSpec& spec, const PluginRegistry& registry) {
  std::vector<std::string> errors;
  std::vector<ResolvedStage> resolved;
  std::set<std::string> available;
  for (const auto& stage : spec.stages) {
    const LoadedPlugin* plugin = registry.find(stage.plugin);
    if (plugin == nullptr) {
      const auto names = plugin_names(registry);
      const std::string near = detail::closest_match(stage.plugin, names);
      std::string msg = fmt::format("{}: unknown plugin '{}'{}; plugins found: {}", stage.where.str(), stage.plugin,
                                    near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near),
                                    names.empty() ? "none" : detail::join(names));
      for (const auto& problem : registry.problems()) msg += fmt::format("\n  (could not load {})", problem);
      errors.push_back(std::move(msg));
      continue;
    }
    const PluginInfo& info = plugin->info;
    ResolvedStage r{plugin, Config::from_defaults(info.options)};
    r.config.stage_location = stage.where;
    std::vector<std::string> valid;
    for (const auto& o : info.options) valid.push_back(o.name);
    for (const auto& given : stage.options) {
      auto spec_it = std::find_if(info.options.begin(), info.options.end(),
                                  [&](const OptionSpec& o) { return o.name == given.name; });
      if (spec_it == info.options.end()) {
        const std::string near = detail::closest_match(given.name, valid);
        errors.push_back(fmt::format("{}: plugin '{}' has no option '{}'{}; valid options: {}", given.where.str(),
                                     info.name, given.name,
                                     near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near),
                                     valid.empty() ? "none" : detail::join(valid)));
        continue;
      }
      OptionValue value;
      if (auto problem = typed_value(*spec_it, given, value); !problem.empty()) {
        errors.push_back(fmt::format("{}: {}", given.where.str(), problem));
        continue;
      }
      r.config.set(given.name, std::move(value), given.where);
    }
    for (const auto& layer : info.requires_layers) {
      if (!available.contains(layer)) {
        errors.push_back(fmt::format("{}: plugin '{}' requires layer '{}', which no earlier stage provides; {}",
                                     stage.where.str(), info.name, layer, provider_of(layer, registry)));
      }
    }
    available.insert(info.provides.begin(), info.provides.end());
    resolved.push_back(std::move(r));
  }
  if (!errors.empty()) throw ConfigError(detail::join(errors, "\n"));
  return resolved;
}

struct Pipeline::Instance {
  std::shared_ptr<boost::dll::shared_library> library;  // declared first: destroyed last
  std::string name;
  std::vector<std::string> provides;
  std::vector<std::string> replaces;  ///< provided, not required: cleared before the stage runs
  std::unique_ptr<Stage> stage;
  mutable std::atomic<std::int64_t> nanoseconds{0};
};

Pipeline::Pipeline(const std::vector<ResolvedStage>& stages, const PipelineSpec& spec) {
  for (const auto& r : stages) {
    const PluginInfo& info = r.plugin->info;
    auto logger = spdlog::get("plugin." + info.name);
    if (!logger) {
      auto base = spdlog::default_logger();
      logger = std::make_shared<spdlog::logger>("plugin." + info.name, base->sinks().begin(), base->sinks().end());
      logger->set_level(base->level());
      spdlog::register_logger(logger);
    }
    auto instance = std::make_unique<Instance>();
    instance->library = r.plugin->library;
    instance->name = info.name;
    instance->provides = info.provides;
    for (const auto& layer : info.provides) {
      const auto& req = info.requires_layers;
      if (std::find(req.begin(), req.end(), layer) == req.end()) instance->replaces.push_back(layer);
    }
    const StageContext context{r.config, logger, r.plugin->file.parent_path() / info.name};
    try {
      instance->stage = info.create(context);
    } catch (const ConfigError&) {
      throw;
    } catch (const std::exception& e) {
      throw ConfigError(fmt::format("{}: stage '{}' could not be created: {}", r.config.stage_location.str(),
                                    info.name, e.what()));
    }
    if (!instance->stage) {
      throw PluginError(fmt::format("{}: plugin '{}' created no stage", spec.file.string(), info.name));
    }
    stages_.push_back(std::move(instance));
  }
}

Pipeline::~Pipeline() = default;

const std::string& Pipeline::process(Document& doc) const {
  static const std::string kNoStage = "process";
  const std::string* slowest = &kNoStage;
  std::chrono::steady_clock::duration longest{-1};
  for (const auto& s : stages_) {
    // A stage's output replaces what the input (or an earlier stage) had in
    // the layers it provides, so a run over its own output gives the same
    // output. A layer it also requires it refines, and is given as it is.
    for (const auto& layer : s->replaces) clear_layer(doc, layer);
    const auto start = std::chrono::steady_clock::now();
    try {
      s->stage->process(doc);
    } catch (const std::exception& e) {
      throw StageError(s->name, fmt::format("stage '{}' failed on document '{}': {}", s->name, doc.id, e.what()));
    } catch (...) {
      throw StageError(s->name, fmt::format("stage '{}' failed on document '{}': unknown exception", s->name, doc.id));
    }
    const auto took = std::chrono::steady_clock::now() - start;
    s->nanoseconds.fetch_add(took.count(), std::memory_order_relaxed);
    if (took > longest) {
      longest = took;
      slowest = &s->name;
    }
    // A span outside the text would be written unchecked and break every
    // later reader (`docpipe view`, a second run): the stage is at fault.
    for (const auto& layer : s->provides) {
      if (auto span = bad_span(doc, layer)) {
        throw StageError(s->name, fmt::format("stage '{}' failed on document '{}': it wrote span {} in layer '{}', "
                                              "outside the text ({} bytes; a span needs begin <= end <= size)",
                                              s->name, doc.id, *span, layer, doc.text.size()));
      }
      doc.mark_present(layer);
    }
  }
  return *slowest;
}

std::vector<std::string> Pipeline::stage_names() const {
  std::vector<std::string> names;
  for (const auto& s : stages_) names.push_back(s->name);
  return names;
}

std::vector<StageTiming> Pipeline::timings() const {
  std::vector<StageTiming> out;
  for (const auto& s : stages_) out.push_back({s->name, std::chrono::nanoseconds(s->nanoseconds.load())});
  return out;
}

std::vector<std::string> Pipeline::provided_layers() const {
  std::vector<std::string> out;
  for (const auto& s : stages_) {
    for (const auto& l : s->provides) {
      if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
    }
  }
  return out;
}

}  // namespace docpipe
