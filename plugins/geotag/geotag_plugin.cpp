// The geotag plugin: describes itself, and creates stages that load the
// gazetteer once and tag places in each document.

#include "detail/gazetteer.hpp"
#include "detail/geotagger.hpp"

#include <docpipe/sdk/plugin.hpp>

#include <chrono>
#include <memory>

namespace docpipe::geotag {
namespace {

class GeotagStage final : public Stage {
 public:
  explicit GeotagStage(const StageContext& context) {
    const auto& config = context.config;
    const auto start = std::chrono::steady_clock::now();
    gazetteer_.load_file(context.data_dir / "gazetteer.tsv.zst");
    for (const auto& path : config.get_list("gazetteers")) {
      try {
        gazetteer_.load_file(path);
      } catch (const ConfigError& e) {
        throw config.error("gazetteers", e.what());
      }
    }
    words_.load_file(context.data_dir / "words.tsv");
    detail::Options options;
    options.min_population = config.get_int("min_population");
    options.focus_countries = config.get_list("focus_countries");
    options.demonyms = config.get_bool("demonyms");
    options.min_confidence = config.get_number("min_confidence");
    for (const auto& c : options.focus_countries) {
      if (c.size() != 2) throw config.error("focus_countries", "expected ISO 3166-1 alpha-2 codes such as US, got '" + c + "'");
    }
    tagger_ = std::make_unique<detail::Geotagger>(gazetteer_, words_, std::move(options));
    if (context.logger) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
      context.logger->debug("gazetteer: {} places loaded in {} ms", gazetteer_.size(), ms.count());
    }
  }

  void process(Document& doc) const override {
    doc.places = tagger_->tag(doc.text, doc.sentences, doc.tokens);
  }

 private:
  detail::Gazetteer gazetteer_;
  detail::Words words_;
  std::unique_ptr<detail::Geotagger> tagger_;
};

}  // namespace

/// The plugin's description (also used by the unit tests).
PluginInfo describe() {
  return {
      .name = "geotag",
      .version = "1.0.0",
      .summary = "Place names resolved to GeoNames places (countries, regions, cities).",
      .requires_layers = {"tokens", "sentences"},
      .provides = {"places"},
      .options =
          {
              with_range(option_int("min_population", 0, "Ignore cities with fewer inhabitants."), 0, 1e9),
              option_list("gazetteers", {}, "Extra gazetteer files (TSV; .gz and .zst read too) added to the shipped one."),
              option_list("focus_countries", {}, "ISO 3166-1 alpha-2 codes of countries to prefer when a name is ambiguous."),
              option_bool("demonyms", true, "Tag demonyms (\"Russian\") as the place they name."),
              with_range(option_number("min_confidence", 0.0, "Drop places with a lower confidence."), 0, 1),
          },
      .create = [](const StageContext& context) -> std::unique_ptr<Stage> {
        return std::make_unique<GeotagStage>(context);
      },
  };
}

}  // namespace docpipe::geotag

DOCPIPE_PLUGIN(docpipe::geotag::describe)
