// keywords: the example plugin of docs/writing-plugins.md. Marks every
// whole-word occurrence of the configured words as a `keywords` layer
// annotation with the attribute `word`.

#include <docpipe/sdk/plugin.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace {

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

class Keywords final : public docpipe::Stage {
 public:
  explicit Keywords(const docpipe::StageContext& context)
      : words_(context.config.get_list("words")),
        ignore_case_(context.config.get_bool("ignore_case")),
        max_matches_(static_cast<std::size_t>(context.config.get_int("max_matches"))) {
    if (words_.empty()) throw context.config.error("words", "give at least one word");
    for (auto& w : words_) {
      if (w.empty()) throw context.config.error("words", "words must not be empty");
      if (ignore_case_) w = lower(w);
    }
    context.logger->debug("looking for {} words", words_.size());
  }

  void process(docpipe::Document& doc) const override {
    const std::string text = ignore_case_ ? lower(doc.text) : doc.text;
    auto& layer = doc.layer("keywords");
    for (const auto& word : words_) {
      for (auto pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
        const auto end = pos + word.size();
        const bool whole = (pos == 0 || !is_word_byte(text[pos - 1])) && (end == text.size() || !is_word_byte(text[end]));
        if (!whole) continue;
        if (layer.size() == max_matches_) break;
        layer.push_back({static_cast<docpipe::Offset>(pos), static_cast<docpipe::Offset>(end), {{"word", word}}});
      }
    }
    std::sort(layer.begin(), layer.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  }

 private:
  std::vector<std::string> words_;
  bool ignore_case_;
  std::size_t max_matches_;
};

docpipe::PluginInfo describe() {
  return {
      .name = "keywords",
      .version = "1.0.0",
      .summary = "Marks occurrences of given words (example plugin)",
      .requires_layers = {},
      .provides = {"keywords"},
      .options = {docpipe::option_list("words", {}, "Words to mark (whole words only)"),
                  docpipe::option_bool("ignore_case", true, "Match regardless of case"),
                  docpipe::with_range(docpipe::option_int("max_matches", 1000, "Most matches kept per document"),
                                      1, 1000000)},
      .create = [](const docpipe::StageContext& context) { return std::make_unique<Keywords>(context); },
  };
}

}  // namespace

DOCPIPE_PLUGIN(describe)
