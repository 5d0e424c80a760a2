#include <docpipe/sdk/plugin.hpp>

#include "detail/test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace docpipe::geotag {
PluginInfo describe();
}

using namespace docpipe;

namespace {
std::unique_ptr<Stage> make_stage(const Config& config) {
  const auto info = geotag::describe();
  const StageContext context{config, nullptr, DOCPIPE_TEST_DATA_DIR};
  return info.create(context);
}
}  // namespace

TEST_CASE("geotag describes itself: tokens and sentences in, places out", "[geotag]") {
  const auto info = geotag::describe();
  CHECK(info.name == "geotag");
  CHECK(info.requires_layers == std::vector<std::string>{"tokens", "sentences"});
  CHECK(info.provides == std::vector<std::string>{"places"});
  std::vector<std::string> names;
  for (const auto& o : info.options) names.push_back(o.name);
  CHECK(names == std::vector<std::string>{"min_population", "gazetteers", "focus_countries", "demonyms",
                                          "min_confidence"});
}

TEST_CASE("the geotag stage fills the places layer", "[geotag]") {
  const auto stage = make_stage(Config::from_defaults(geotag::describe().options));
  Document doc("d", "Talks in Vienna ended.");
  geotag::test::tokenize(doc);
  stage->process(doc);
  REQUIRE(doc.places.size() == 1);
  CHECK(doc.places[0].name == "Vienna");
  CHECK(doc.places[0].country == "AT");
  CHECK(doc.slice(doc.places[0].begin, doc.places[0].end) == "Vienna");
}

TEST_CASE("a user's own gazetteer file adds places", "[geotag]") {
  const auto path = std::filesystem::temp_directory_path() / "geotag_test_extra.tsv";
  {
    std::ofstream out(path);
    out << "# my places\nFrobozz Hall\tBLDG\tGB\tENG\t51.5\t-0.12\t0\t\tthe Hall of Frobozz\n";
  }
  auto config = Config::from_defaults(geotag::describe().options);
  config.set("gazetteers", std::vector<std::string>{path.string()});
  const auto stage = make_stage(config);
  Document doc("d", "We met at Frobozz Hall in London.");
  geotag::test::tokenize(doc);
  stage->process(doc);
  REQUIRE(doc.places.size() == 2);
  CHECK(doc.places[0].name == "Frobozz Hall");
  CHECK(doc.places[0].feature == "BLDG");
  std::filesystem::remove(path);
}

TEST_CASE("a missing gazetteer file or a bad country code is a configuration error", "[geotag]") {
  auto config = Config::from_defaults(geotag::describe().options);
  config.set("gazetteers", std::vector<std::string>{"/nonexistent/places.tsv"});
  try {
    (void)make_stage(config);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Contains("gazetteers"));
    CHECK_THAT(e.what(), Catch::Contains("/nonexistent/places.tsv"));
  }
  auto bad = Config::from_defaults(geotag::describe().options);
  bad.set("focus_countries", std::vector<std::string>{"USA"});
  CHECK_THROWS_AS(make_stage(bad), ConfigError);
}
