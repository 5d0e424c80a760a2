#include "plugin.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace docpipe;

namespace {
const OptionSpec* find_option(const PluginInfo& info, std::string_view name) {
  const auto it =
      std::find_if(info.options.begin(), info.options.end(), [&](const OptionSpec& o) { return o.name == name; });
  return it == info.options.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("the plugin describes its layers and options", "[tokenizer]") {
  const PluginInfo info = tokenizer::describe();
  CHECK(info.name == "tokenizer");
  CHECK(info.provides == std::vector<std::string>{"tokens", "sentences", "paragraphs"});
  CHECK(info.requires_layers.empty());
  const OptionSpec* rule = find_option(info, "paragraphs");
  REQUIRE(rule != nullptr);
  CHECK(rule->choices == std::vector<std::string>{"auto", "blank_line", "line"});
  const OptionSpec* clitics = find_option(info, "split_clitics");
  REQUIRE(clitics != nullptr);
  CHECK(std::get<bool>(clitics->default_value) == false);
  REQUIRE(find_option(info, "abbreviations") != nullptr);
  const OptionSpec* hyphens = find_option(info, "split_hyphens");
  REQUIRE(hyphens != nullptr);
  CHECK(std::get<bool>(hyphens->default_value) == true);
  for (const OptionSpec& o : info.options) CHECK_FALSE(o.help.empty());
}

TEST_CASE("the stage adds the three layers and honours options", "[tokenizer]") {
  const PluginInfo info = tokenizer::describe();
  Config config = Config::from_defaults(info.options);
  config.set("split_clitics", true);
  const StageContext context{config, nullptr, {}};
  const auto stage = info.create(context);
  Document doc{"d", "I don't know.\n\nNew paragraph."};
  stage->process(doc);
  CHECK(doc.has_layer("tokens"));
  CHECK(doc.has_layer("sentences"));
  CHECK(doc.has_layer("paragraphs"));
  CHECK(doc.tokens.size() == 8);  // I do n't know . New paragraph .
  CHECK(doc.sentences.size() == 2);
  CHECK(doc.paragraphs.size() == 2);
}

TEST_CASE("a bad abbreviation option is a ConfigError", "[tokenizer]") {
  const PluginInfo info = tokenizer::describe();
  Config config = Config::from_defaults(info.options);
  config.set("abbreviations", std::vector<std::string>{"two words"});
  const StageContext context{config, nullptr, {}};
  CHECK_THROWS_AS(info.create(context), ConfigError);
}
