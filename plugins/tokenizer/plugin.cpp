// The tokenizer plugin: describes its options and creates the stage that
// adds the tokens, sentences and paragraphs layers.

#include "plugin.hpp"

#include "tokenizer.hpp"

#include <memory>

namespace docpipe::tokenizer {
namespace {

class TokenizerStage final : public Stage {
 public:
  explicit TokenizerStage(Options options) : tokenizer_(std::move(options)) {}
  void process(Document& doc) const override { tokenizer_.annotate(doc); }

 private:
  Tokenizer tokenizer_;
};

ParagraphRule parse_rule(const Config& config) {
  const std::string& rule = config.get_string("paragraphs");
  if (rule == "auto") return ParagraphRule::automatic;
  if (rule == "blank_line") return ParagraphRule::blank_line;
  if (rule == "line") return ParagraphRule::line;
  throw config.error("paragraphs", "expected auto, blank_line or line, got '" + rule + "'");
}

std::vector<OptionSpec> option_specs() {
  return {
      option_list("abbreviations", {},
                  "Extra abbreviations, e.g. [\"Calif.\", \"approx.\"]: they keep their period, and a "
                  "sentence ends after one only before a typical sentence opener (\"The\", \"He\")"),
      option_bool("split_clitics", false,
                  "Split clitics into UD syntactic words: \"don't\" -> \"do\" \"n't\", \"John's\" -> "
                  "\"John\" \"'s\""),
      option_bool("split_hyphens", true,
                  "Split hyphenated compounds as UD does (\"15-year\" -> \"15\" \"-\" \"year\"; prefixes such as "
                  "\"e-mail\", \"non-human\" stay whole); false keeps every hyphenated word whole"),
      with_choices(option_string("paragraphs", "auto",
                                 "Paragraph breaks: auto (blank lines, or every line break in one-paragraph-"
                                 "per-line wire text), blank_line, or line"),
                   {"auto", "blank_line", "line"}),
  };
}

Options options_from(const Config& config) {
  Options options;
  options.extra_abbreviations = config.get_list("abbreviations");
  for (const std::string& a : options.extra_abbreviations) {
    if (a.empty() || a.find_first_of(" \t\n") != std::string::npos)
      throw config.error("abbreviations", "'" + a + "' is not a single word");
  }
  options.split_clitics = config.get_bool("split_clitics");
  options.split_hyphens = config.get_bool("split_hyphens");
  options.paragraph_rule = parse_rule(config);
  return options;
}

}  // namespace

PluginInfo describe() {
  return {.name = "tokenizer",
          .version = "1.0.0",
          .summary = "Tokens (UD English), sentences and paragraphs as byte spans",
          .requires_layers = {},
          .provides = {"tokens", "sentences", "paragraphs"},
          .options = option_specs(),
          .create = [](const StageContext& context) -> std::unique_ptr<Stage> {
            return std::make_unique<TokenizerStage>(options_from(context.config));
          }};
}

}  // namespace docpipe::tokenizer

DOCPIPE_PLUGIN(docpipe::tokenizer::describe)
