// The `quotes` plugin: who said what in a news story. See
// docs/plugins/quotes.md for what it finds and its options.

#include "detail/extractor.hpp"
#include "detail/lexicon.hpp"

#include <docpipe/sdk/plugin.hpp>

#include <memory>
#include <string>
#include <utility>

namespace docpipe::quotes {

namespace {

class QuotesStage final : public Stage {
 public:
  explicit QuotesStage(detail::Extractor extractor) : extractor_(std::move(extractor)) {}

  void process(Document& doc) const override {
    std::vector<Quote> found = extractor_.extract(doc);
    doc.quotes.insert(doc.quotes.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }

 private:
  detail::Extractor extractor_;
};

std::vector<OptionSpec> option_specs() {
  return {
      option_bool("indirect", true, "Report indirect quotes (\"X said Russia would ...\", no quote marks)."),
      option_bool("mixed", true, "Report mixed quotes (a partial quote inside a paraphrase)."),
      option_bool("unattributed", false,
                  "Also report quoted strings nobody is said to speak (scare quotes, titles), without speaker."),
      option_bool("join_paragraphs", true,
                  "A quote running over several paragraphs (each reopening it) is one record; false: one a "
                  "paragraph."),
      with_range(option_number("min_confidence", 0.0, "Drop quotes whose confidence is below this."), 0.0, 1.0),
      option_list("extra_verbs", {},
                  "More speech verbs, one form each (\"harrumphed\"); add \" obj\" for a verb that takes an addressee "
                  "(\"briefed obj\") or \" indirect\" for a belief verb."),
      option_bool("attitudes", true,
                  "Also report attitudes as indirect quotes (\"X criticized the plan\", \"X wants ...\"), as "
                  "PolNeAR annotates them."),
      option_list("extra_cues", {},
                  "More words whose complement is content, one form each with a tag: \"vowed to\" (a "
                  "to-infinitive), \"warned that\" (a that-clause), \"urged objto\" (an object and a "
                  "to-infinitive), \"seemed raising\" (subject and complement, no speaker); tags as in "
                  "complement_cues.txt, an entry without a valid tag is an error."),
      option_list("extra_titles", {},
                  "More title words stripped from speaker names (\"Archbishop\"), case as written."),
  };
}

}  // namespace

PluginInfo describe() {
  return {.name = "quotes",
          .version = "1.0.0",
          .summary = "Direct, mixed and indirect quotes with their speakers, resolved to full names.",
          .requires_layers = {"tokens", "sentences", "paragraphs"},
          .provides = {"quotes"},
          .options = option_specs(),
          .create = [](const StageContext& ctx) -> std::unique_ptr<Stage> {
            const Config& c = ctx.config;
            for (const auto& cue : c.get_list("extra_cues")) {
              if (const std::string why = detail::Lexicon::cue_line_problem(cue); !why.empty()) {
                throw c.error("extra_cues", "entry " + why + "; give the word and its tags (" +
                                                std::string(detail::Lexicon::kCueTags) +
                                                "), or a multi-word cue ending in np (\"railed about np\")");
              }
            }
            detail::Lexicon lexicon = detail::Lexicon::load(ctx.data_dir, c.get_list("extra_verbs"),
                                                            c.get_list("extra_titles"), c.get_bool("attitudes"),
                                                            c.get_list("extra_cues"));
            detail::ExtractorOptions opt;
            opt.indirect = c.get_bool("indirect");
            opt.mixed = c.get_bool("mixed");
            opt.unattributed = c.get_bool("unattributed");
            opt.join_paragraphs = c.get_bool("join_paragraphs");
            opt.min_confidence = c.get_number("min_confidence");
            return std::make_unique<QuotesStage>(detail::Extractor(std::move(lexicon), opt));
          }};
}

}  // namespace docpipe::quotes

DOCPIPE_PLUGIN(docpipe::quotes::describe)
