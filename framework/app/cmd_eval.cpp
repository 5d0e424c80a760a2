// `docpipe eval PIPELINE GOLD` and `docpipe eval --pred PRED GOLD`: scores a
// pipeline, or an output it wrote, against a gold file (docs/eval.md).

#include "commands.hpp"

#include <docpipe/eval/evaluate.hpp>
#include <docpipe/eval/predict.hpp>
#include <docpipe/framework/pipeline.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace docpipe::app {
namespace {

struct EvalArgs {
  std::vector<std::string> files;
  std::string pred;
  std::string kind;
  std::string layers;
  std::string place_types;
  bool json = false;
  bool stem = false;
  std::size_t limit = 0;
  std::size_t threads = 0;
  std::size_t examples = 0;
  std::size_t bootstrap = 0;
};

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// The layers to score: those asked for (or all the gold kind knows) that the
// predictions can have. `words` is scored from `tokens` when there is no
// `words` layer.
std::set<std::string, std::less<>> layers_to_score(eval::GoldKind kind, const std::string& asked,
                                                   const std::set<std::string, std::less<>>& available) {
  const auto known = eval::Evaluator::known_layers(kind);
  std::vector<std::string> wanted = asked.empty() ? known : split_list(asked);
  std::set<std::string, std::less<>> out;
  std::vector<std::string> unscored;
  for (const auto& layer : wanted) {
    if (std::find(known.begin(), known.end(), layer) == known.end()) {
      throw ConfigError(
          fmt::format("--layers: a {} gold file scores {}, not '{}'", eval::to_string(kind), join(known), layer));
    }
    const bool has = available.contains(layer) || (layer == "words" && available.contains("tokens"));
    if (has) {
      out.insert(layer);
    } else if (!asked.empty()) {
      spdlog::warn("--layers: the predictions have no '{}' layer; it is not scored", layer);
    } else {
      unscored.push_back(layer);
    }
  }
  if (!out.empty() && !unscored.empty()) {
    // `docpipe run` leaves tokens out unless --layers names them: say so.
    spdlog::warn("not scored, the predictions have no such layer: {}{}", join(unscored),
                 std::find(unscored.begin(), unscored.end(), "tokens") != unscored.end()
                     ? " (docpipe run writes tokens only when --layers names them)"
                     : "");
  }
  if (out.empty()) {
    throw ConfigError(fmt::format("nothing to score: a {} gold file scores {}, and the predictions have none of them",
                                  eval::to_string(kind), join(known)));
  }
  return out;
}

}  // namespace

void add_eval_command(CLI::App& app, GlobalOptions& globals) {
  auto args = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand(
      "eval",
      "Score a pipeline against a gold file (docpipe eval PIPELINE GOLD.jsonl), or an existing output "
      "(docpipe eval --pred OUT.jsonl GOLD.jsonl); see docs/eval.md");
  cmd->add_option("files", args->files, "PIPELINE.yaml GOLD.jsonl, or only GOLD.jsonl with --pred")
      ->required()
      ->expected(1, 2)
      ->check(CLI::ExistingFile);
  cmd->add_option("--pred", args->pred, "Score this docpipe output (JSONL) instead of running a pipeline")
      ->check(CLI::ExistingFile);
  cmd->add_option("--kind", args->kind, "Gold kind (default: told from the gold's fields)")
      ->check(CLI::IsMember({"tokens", "sbd", "quotes", "places", "summary"}));
  cmd->add_option("--layers", args->layers,
                  "Comma-separated layers to score (default: every layer the gold kind knows that the "
                  "predictions have): tokens, words, sentences, quotes, places, summary");
  cmd->add_flag("--json", args->json, "Print the scores as JSON instead of a table");
  cmd->add_option("--limit", args->limit, "Score only the first N gold documents (0: all)");
  cmd->add_flag("--stem", args->stem, "ROUGE: Porter-stem tokens longer than 3 characters (ROUGE-1.5.5 -m)");
  cmd->add_option("--place-types", args->place_types,
                  "places: comma-separated gold toponym types to score, or 'all' (default: every GeoWebNews "
                  "type but Demonym, Language and Homonym)");
  cmd->add_option("--examples", args->examples,
                  "List the mistakes (missed and spurious spans, wrong speakers, far places) of the first N "
                  "documents that have any, per layer");
  cmd->add_option("--bootstrap", args->bootstrap,
                  "Add 95% confidence intervals of F1 (ROUGE: of the mean F1; golden rules: of the share) by "
                  "resampling documents N times (e.g. 1000)")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("-j,--threads", args->threads, "Worker threads for the pipeline (default: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->callback([&globals, args] {
    const bool from_file = !args->pred.empty();
    if (args->files.size() != (from_file ? 1U : 2U)) {
      throw ConfigError(from_file ? "with --pred, give only the gold file: docpipe eval --pred OUT.jsonl GOLD.jsonl"
                                  : "give a pipeline and a gold file: docpipe eval PIPELINE.yaml GOLD.jsonl");
    }
    const std::string& gold_file = args->files.back();
    std::optional<eval::GoldKind> kind;
    if (!args->kind.empty()) kind = eval::gold_kind_from_string(args->kind);
    std::optional<std::size_t> limit;
    if (args->limit > 0) limit = args->limit;
    const eval::GoldSet gold = eval::read_gold_file(gold_file, kind, limit);

    eval::EvalOptions options;
    options.stem = args->stem;
    options.examples = args->examples;
    options.bootstrap = args->bootstrap;
    if (args->place_types == "all") {
      options.all_place_types = true;
    } else if (!args->place_types.empty()) {
      const auto types = split_list(args->place_types);
      options.place_types = {types.begin(), types.end()};
    }

    std::optional<eval::Evaluator> evaluator;
    if (from_file) {
      std::map<std::string, const std::string*, std::less<>> texts;
      for (const auto& g : gold.documents) texts.emplace(g.id, &g.text);
      const auto predictions = eval::read_predictions(args->pred, [&](const std::string& id) -> const std::string* {
        auto it = texts.find(id);
        return it == texts.end() ? nullptr : it->second;
      });
      if (predictions.duplicates > 0) {
        spdlog::warn("{}: {} ids occur more than once; the first is scored", args->pred, predictions.duplicates);
      }
      options.layers = layers_to_score(gold.kind, args->layers, predictions.layers);
      evaluator.emplace(gold.kind, options);
      std::size_t other_text = 0;
      std::size_t missing = 0;
      for (const auto& g : gold.documents) {
        auto it = predictions.documents.find(g.id);
        if (it == predictions.documents.end()) {
          evaluator->add_missing(g);
          ++missing;
        } else {
          if (it->second.text != g.text) ++other_text;
          evaluator->add(g, it->second);
        }
      }
      if (missing == gold.documents.size() && missing > 0) {
        throw ConfigError(fmt::format("{}: no predicted document has the id of a gold document in {} (are they "
                                      "the output of this gold file?)",
                                      args->pred, args->files.front()));
      }
      if (missing > 0) {
        spdlog::warn("{} of {} gold documents have no prediction in {}; they are scored as found nothing", missing,
                     gold.documents.size(), args->pred);
      }
      if (other_text > 0) {
        spdlog::warn(
            "{} predicted documents have a text that differs from the gold text; their offsets may not "
            "line up",
            other_text);
      }
    } else {
      const PipelineSpec spec = read_pipeline_file(args->files.front());
      const auto stages = resolve_pipeline(spec, globals.registry());
      const Pipeline pipeline(stages, spec);
      const auto provided = pipeline.provided_layers();
      options.layers = layers_to_score(gold.kind, args->layers, {provided.begin(), provided.end()});
      evaluator.emplace(gold.kind, options);
      const auto predictions = eval::predict(pipeline, gold.documents, args->threads);
      for (std::size_t i = 0; i < gold.documents.size(); ++i) {
        if (predictions[i].error.empty()) {
          evaluator->add(gold.documents[i], predictions[i].doc);
        } else {
          spdlog::warn("{}", predictions[i].error);
          evaluator->add_failed(gold.documents[i]);
        }
      }
    }
    eval::Report report = evaluator->report();
    report.gold = gold_file;
    report.predictions = from_file ? "predictions " + args->pred : "pipeline " + args->files.front();
    std::cout << (args->json ? eval::format_json(report) : eval::format_table(report)) << std::flush;
    if (report.failed > 0) globals.exit_code = kSomeDocumentsFailed;
  });
}

}  // namespace docpipe::app
