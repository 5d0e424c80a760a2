// The summarizer plugin: describes its options and creates the stage that
// adds the summary layer.

#include "plugin.hpp"

#include "detail/stemmer.hpp"
#include "detail/terms.hpp"
#include "summarizer.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>

namespace docpipe::summarizer {
namespace {

class SummarizerStage final : public Stage {
 public:
  explicit SummarizerStage(Options options) : summarizer_(std::move(options)) {}
  void process(Document& doc) const override { summarizer_.annotate(doc); }

 private:
  Summarizer summarizer_;
};

std::vector<OptionSpec> option_specs() {
  return {
      with_choices(option_string("method", "default",
                                 "default (position, centrality, title overlap, redundancy control), lead, "
                                 "textrank or lexrank"),
                   {"default", "lead", "textrank", "lexrank"}),
      with_choices(option_string("similarity", "overlap",
                                 "How textrank compares sentences: overlap (shared terms / (log |a| + log |b|), "
                                 "Mihalcea & Tarau) or cosine (cosine of raw term counts)"),
                   {"overlap", "cosine"}),
      with_range(option_number("central_share", 0.0,
                               "textrank and lexrank: prefer long sentences among about this share of the most "
                               "central ones (0: the most central sentences, whatever their length)"),
                 0.0, 1.0),
      with_range(option_int("sentences", 3, "Summary length in sentences (used unless words or ratio is given)"), 0,
                 100000),
      with_range(option_int("words", 0, "Summary length as a word budget, never exceeded (0: unused)"), 0, 10000000),
      with_range(
          option_number("ratio", 0.0, "Summary length as a share of the document's sentences, rounded (0: unused)"),
          0.0, 1.0),
      with_choices(option_string("language", "english", "Snowball stemmer language (libstemmer algorithm name)"),
                   detail::stemmer_languages()),
      option_bool("stem", true, "Compare sentences on Snowball stems (false: on lowercase words as written)"),
      option_bool("numbers", true, "Compare sentences on numbers too (\"3,000\", \"2004\"); false: on words only"),
      option_string("stopwords", "",
                    "Stop word file, one word per line (default: the list shipped for the language, if any)"),
      with_range(option_int("max_sentences", 400,
                            "Only the first this many sentences of a document are candidates (bounds the "
                            "quadratic cost on very long documents)"),
                 1, 100000),
  };
}

Method parse_method(const Config& config) {
  const std::string& m = config.get_string("method");
  if (m == "default") return Method::combined;
  if (m == "lead") return Method::lead;
  if (m == "textrank") return Method::textrank;
  if (m == "lexrank") return Method::lexrank;
  throw config.error("method", "expected default, lead, textrank or lexrank, got '" + m + "'");
}

Length parse_length(const Config& config) {
  const bool words = config.is_set_by_user("words") && config.get_int("words") > 0;
  const bool ratio = config.is_set_by_user("ratio") && config.get_number("ratio") > 0.0;
  if (words && ratio) throw config.error("ratio", "give one of sentences, words and ratio, not both words and ratio");
  if ((words || ratio) && config.is_set_by_user("sentences")) {
    throw config.error(words ? "words" : "ratio", "give one of sentences, words and ratio, not several");
  }
  if (words) return {LengthUnit::words, static_cast<double>(config.get_int("words"))};
  if (ratio) return {LengthUnit::ratio, config.get_number("ratio")};
  return {LengthUnit::sentences, static_cast<double>(config.get_int("sentences"))};
}

Options options_from(const StageContext& context) {
  const Config& config = context.config;
  Options options;
  options.method = parse_method(config);
  options.length = parse_length(config);
  options.similarity = config.get_string("similarity") == "cosine" ? SimilarityKind::cosine : SimilarityKind::overlap;
  options.language = config.get_string("language");
  options.stem = config.get_bool("stem");
  options.numbers = config.get_bool("numbers");
  options.central_share = config.get_number("central_share");
  // Options that would be silently ignored are mistakes worth naming.
  if (config.is_set_by_user("similarity") && options.method != Method::textrank) {
    throw config.error("similarity", "similarity applies to method textrank only");
  }
  if (options.central_share > 0.0 && options.method != Method::textrank && options.method != Method::lexrank) {
    throw config.error("central_share", "central_share applies to methods textrank and lexrank only");
  }
  options.max_sentences = static_cast<std::size_t>(config.get_int("max_sentences"));
  const std::string& file = config.get_string("stopwords");
  try {
    if (!file.empty()) {
      options.stopwords = detail::read_word_list(file);
    } else {
      const std::filesystem::path shipped = context.data_dir / "stopwords" / (options.language + ".txt");
      if (std::filesystem::exists(shipped)) {
        options.stopwords = detail::read_word_list(shipped.string());
      } else if (context.logger) {
        context.logger->warn("no stop word list shipped for '{}'; comparing sentences on all words", options.language);
      }
    }
  } catch (const std::runtime_error& e) {
    throw config.error("stopwords", e.what());
  }
  return options;
}

}  // namespace

PluginInfo describe() {
  return {.name = "summarizer",
          .version = "1.0.0",
          .summary = "Extractive summary: the sentences that best sum up a news story, in text order",
          .requires_layers = {"tokens", "sentences", "paragraphs"},
          .provides = {"summary"},
          .options = option_specs(),
          .create = [](const StageContext& context) -> std::unique_ptr<Stage> {
            Options options = options_from(context);
            try {
              return std::make_unique<SummarizerStage>(std::move(options));
            } catch (const std::invalid_argument& e) {
              throw context.config.error("language", e.what());
            }
          }};
}

}  // namespace docpipe::summarizer

DOCPIPE_PLUGIN(docpipe::summarizer::describe)
