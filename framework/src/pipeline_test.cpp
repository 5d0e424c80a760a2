#include <docpipe/framework/pipeline.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace docpipe;

TEST_CASE("a pipeline file is read with the location of every stage and option", "[pipeline]") {
  const auto spec = parse_pipeline(
      "pipeline: news\ndescription: d\nstages:\n  - plugin: tokenizer\n  - plugin: geotag\n    with:\n"
      "      min_population: 1000\n      extra: [a, b]\n      name: \"42\"\n",
      "news.yaml");
  CHECK(spec.name == "news");
  REQUIRE(spec.stages.size() == 2);
  CHECK(spec.stages[1].plugin == "geotag");
  CHECK(spec.stages[1].where.str() == "news.yaml:5:13");
  REQUIRE(spec.stages[1].options.size() == 3);
  CHECK(spec.stages[1].options[0].where.str() == "news.yaml:7:23");
  CHECK(spec.stages[1].options[1].scalars == std::vector<std::string>{"a", "b"});
  CHECK(spec.stages[1].options[2].quoted);
}

TEST_CASE("shape errors in a pipeline file name the place", "[pipeline]") {
  CHECK_THROWS_WITH(parse_pipeline("- a\n", "p.yaml"), Catch::Contains("p.yaml:1:1") && Catch::Contains("must be a map"));
  CHECK_THROWS_WITH(parse_pipeline("pipeline: x\nstages: 3\n", "p.yaml"), Catch::Contains("p.yaml:2:9"));
  // No stages is a pass-through pipeline (format conversion, runner benchmarks).
  CHECK(parse_pipeline("pipeline: x\nstages: []\n", "p.yaml").stages.empty());
  CHECK_THROWS_WITH(parse_pipeline("stages:\n  - with: {}\n", "p.yaml"),
                    Catch::Contains("p.yaml:2:5") && Catch::Contains("stage without 'plugin'"));
  CHECK_THROWS_WITH(parse_pipeline("stages:\n  - plugin: a\n    with:\n      x: 1\n      x: 2\n", "p.yaml"),
                    Catch::Contains("p.yaml:5:7") && Catch::Contains("given twice"));
}

TEST_CASE("options are typed and range-checked against the plugin's specs", "[pipeline]") {
  PluginRegistry registry({});  // no plugins: exercise the unknown-plugin path
  const auto spec = parse_pipeline("stages:\n  - plugin: tokeniser\n", "p.yaml");
  CHECK_THROWS_WITH(resolve_pipeline(spec, registry),
                    Catch::Contains("p.yaml:2:13: unknown plugin 'tokeniser'") && Catch::Contains("plugins found: none"));
}

TEST_CASE("hostile pipeline files get a clear error, in bounded time and memory", "[pipeline]") {
  // "Billion laughs": aliases nested ten deep would expand to 10^9 items.
  std::string bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    bomb += fmt::format("a{}: &a{} [", i, i);
    for (int k = 0; k < 10; ++k) bomb += fmt::format("{}*a{}", k ? ", " : "", i - 1);
    bomb += "]\n";
  }
  CHECK_THROWS_WITH(parse_pipeline(bomb + "stages: []\n", "p.yaml"), Catch::Contains("p.yaml:1:1: unknown key 'a0'"));
  const std::string in_option = "x: &x [1, 2]\nstages:\n  - plugin: a\n    with:\n      words: [*x, *x]\n";
  CHECK_THROWS_WITH(parse_pipeline("pipeline: p\n" + in_option.substr(in_option.find("stages")), "p.yaml"),
                    Catch::Contains("unknown anchor") || Catch::Contains("not valid YAML"));
  std::string nested = "stages:\n  - plugin: a\n    with:\n      words: ";
  for (int i = 0; i < 9; ++i) nested += "[";
  nested += "x";
  for (int i = 0; i < 9; ++i) nested += "]";
  CHECK_THROWS_WITH(parse_pipeline(nested + "\n", "p.yaml"), Catch::Contains("list items must be plain values"));
  CHECK_THROWS_WITH(parse_pipeline("stages: " + std::string(200000, '[') + std::string(200000, ']'), "p.yaml"),
                    Catch::Contains("p.yaml:1:"));
  CHECK_THROWS_WITH(parse_pipeline("- 1\n- 2\n", "p.yaml"), Catch::Contains("must be a map"));
  CHECK_THROWS_WITH(parse_pipeline("stages:\n  - plugin: [a]\n", "p.yaml"),
                    Catch::Contains("p.yaml:2:13: 'plugin' must be a string"));
  CHECK_THROWS_WITH(parse_pipeline("stages:\n  - plugin: a\n    with: 3\n", "p.yaml"),
                    Catch::Contains("p.yaml:3:11: 'with' must be a map"));
  CHECK_THROWS_WITH(parse_pipeline("pipeline: {a: 1}\nstages: []\n", "p.yaml"),
                    Catch::Contains("p.yaml:1:11: 'pipeline' must be a string"));
}
