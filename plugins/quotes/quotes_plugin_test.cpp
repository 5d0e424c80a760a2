#include "detail/test_support.hpp"

#include <docpipe/sdk/plugin.hpp>

#include <catch2/catch.hpp>

#include <spdlog/logger.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace docpipe::quotes {
PluginInfo describe();
}

using namespace docpipe;

namespace {

std::unique_ptr<Stage> make_stage(const Config& config, std::filesystem::path dir = DOCPIPE_TEST_DATA_DIR) {
  const PluginInfo info = quotes::describe();
  const StageContext ctx{config, std::make_shared<spdlog::logger>("plugin.quotes"), std::move(dir)};
  return info.create(ctx);
}

}  // namespace

TEST_CASE("the plugin describes its layers and options", "[quotes]") {
  const PluginInfo info = quotes::describe();
  CHECK(info.name == "quotes");
  CHECK(info.provides == std::vector<std::string>{"quotes"});
  CHECK(std::set<std::string>(info.requires_layers.begin(), info.requires_layers.end()) ==
        std::set<std::string>{"tokens", "sentences", "paragraphs"});
  std::set<std::string> names;
  for (const auto& o : info.options) names.insert(o.name);
  CHECK(names.count("extra_verbs") == 1);
  CHECK(names.count("indirect") == 1);
}

TEST_CASE("a stage without its data files refuses to start", "[quotes]") {
  const Config config = Config::from_defaults(quotes::describe().options);
  CHECK_THROWS_AS(make_stage(config, "/nonexistent/quotes-data"), ConfigError);
}

TEST_CASE("options switch kinds off and add verbs", "[quotes]") {
  Config config = Config::from_defaults(quotes::describe().options);
  config.set("indirect", false);
  config.set("extra_verbs", std::vector<std::string>{"harrumphed"});
  const auto stage = make_stage(config);
  Document doc = quotes::test::make_doc("Tom Reed said Finland would sign.\n\"It is over,\" Tom Reed harrumphed.");
  stage->process(doc);
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].kind == QuoteKind::direct);
  CHECK(doc.quotes[0].speaker == "Tom Reed");
}

TEST_CASE("an extra cue without a valid tag is refused, naming the entry and the valid tags", "[quotes]") {
  Config config = Config::from_defaults(quotes::describe().options);
  const auto refused = [&](std::vector<std::string> cues, const std::string& says) {
    INFO(says);
    config.set("extra_cues", std::move(cues));
    CHECK_THROWS_WITH(make_stage(config), Catch::Contains("extra_cues") && Catch::Contains(says) &&
                                              Catch::Contains("that, to, objto, raising, wh, be"));
  };
  refused({"vowed to", "zorbled"}, "'zorbled' has no tag");
  refused({"zorbled thatt"}, "'zorbled thatt' has an unknown tag 'thatt'");
  refused({"zorbled that thatt"}, "unknown tag 'thatt'");
  refused({"about np"}, "'about np'");
  refused({""}, "''");
  config.set("extra_cues", std::vector<std::string>{"vowed to", "Mulled THAT", "railed about np", "looked raising be"});
  CHECK(make_stage(config) != nullptr);
}

TEST_CASE("attitudes are indirect quotes unless switched off", "[quotes]") {
  const std::string text = "Tom Reed criticized the new treaty with Finland.";
  Config config = Config::from_defaults(quotes::describe().options);
  Document with = quotes::test::make_doc(text);
  make_stage(config)->process(with);
  REQUIRE(with.quotes.size() == 1);
  CHECK(with.quotes[0].kind == QuoteKind::indirect);
  CHECK(with.text.substr(with.quotes[0].begin, with.quotes[0].end - with.quotes[0].begin) ==
        "the new treaty with Finland");
  config.set("attitudes", false);
  Document plain = quotes::test::make_doc(text);
  make_stage(config)->process(plain);
  CHECK(plain.quotes.empty());
}

TEST_CASE("the seed article: every quote attributed, speakers in full", "[quotes]") {
  const std::filesystem::path seed_dir = "/work/shared/seed";
  std::filesystem::path file;
  if (std::filesystem::is_directory(seed_dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(seed_dir)) {
      if (entry.path().extension() == ".txt") file = entry.path();
    }
  }
  if (file.empty()) {
    WARN("seed article absent: skipped");
    return;
  }
  std::ifstream in(file);
  std::stringstream buf;
  buf << in.rdbuf();
  Document doc = quotes::test::make_doc(buf.str());
  const auto stage = make_stage(Config::from_defaults(quotes::describe().options));
  stage->process(doc);
  int marked = 0;
  std::set<std::string> speakers;
  for (const auto& q : doc.quotes) {
    if (q.kind == QuoteKind::indirect) continue;
    const std::string content = doc.text.substr(q.begin, q.end - q.begin);
    CHECK(content.find("rogue states") == std::string::npos);
    INFO(content);
    CHECK(q.speaker.has_value());
    speakers.insert(q.speaker.value_or(""));
    ++marked;
  }
  CHECK(marked == 13);
  CHECK(speakers == std::set<std::string>{"Dmitry Medvedev", "George W. Bush", "Sergei Prikhodko"});
}

TEST_CASE("he and she go to the last speaker of that gender, where first names tell", "[quotes]") {
  const auto stage = make_stage(Config::from_defaults(quotes::describe().options));
  Document doc = quotes::test::make_doc(
      "\"We are ready,\" Foreign Minister Helena Marques said.\n\n"
      "\"The offer is thin,\" trade envoy Youssef Benali said.\n\n"
      "\"The money is there,\" she said.\n\n"
      "\"We will see,\" he said.");
  stage->process(doc);
  REQUIRE(doc.quotes.size() == 4);
  CHECK(doc.quotes[2].speaker == "Helena Marques");
  CHECK(doc.quotes[3].speaker == "Youssef Benali");
}
