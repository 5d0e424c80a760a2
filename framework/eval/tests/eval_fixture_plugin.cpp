// eval_fixture: a deliberately naive tokenizer for the `docpipe eval` CLI
// test (tokens = runs of non-space bytes; a sentence ends at . ! or ?
// before a space or the end), which fails on any text containing "FAIL".

#include <docpipe/sdk/error.hpp>
#include <docpipe/sdk/plugin.hpp>

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

class Fixture final : public docpipe::Stage {
 public:
  void process(docpipe::Document& doc) const override {
    const std::string& t = doc.text;
    if (t.find("FAIL") != std::string::npos) throw docpipe::DocumentError("eval_fixture fails on purpose");
    std::size_t sentence_begin = std::string::npos;
    for (std::size_t i = 0; i < t.size();) {
      if (is_space(t[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < t.size() && !is_space(t[j])) ++j;
      doc.tokens.push_back({static_cast<docpipe::Offset>(i), static_cast<docpipe::Offset>(j)});
      if (sentence_begin == std::string::npos) sentence_begin = i;
      const char last = t[j - 1];
      if (last == '.' || last == '!' || last == '?' || j == t.size()) {
        doc.sentences.push_back({static_cast<docpipe::Offset>(sentence_begin), static_cast<docpipe::Offset>(j)});
        sentence_begin = std::string::npos;
      }
      i = j;
    }
  }
};

docpipe::PluginInfo describe() {
  return {
      .name = "eval_fixture",
      .version = "1.0.0",
      .summary = "Naive whitespace tokenizer for the docpipe eval test",
      .requires_layers = {},
      .provides = {"tokens", "sentences"},
      .options = {},
      .create = [](const docpipe::StageContext&) { return std::make_unique<Fixture>(); },
  };
}

}  // namespace

DOCPIPE_PLUGIN(describe)
