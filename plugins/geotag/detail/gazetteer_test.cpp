#include "detail/gazetteer.hpp"

#include "detail/text.hpp"

#include <docpipe/sdk/error.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

using namespace docpipe::geotag::detail;

TEST_CASE("a gazetteer file gives entries by every name, demonym and abbreviation", "[geotag]") {
  Gazetteer g;
  g.load_text(
      "# comment\n"
      "Springfield\tPPLA\tUS\tIL\t39.80172\t-89.64371\t116565\t4250542\t\n"
      "Illinois\tADM1\tUS\tIL\t40.0\t-89.2\t12000000\t\t^Ill.|~Illinoisan\n"
      "Saint Paul\tPPLA\tUS\tMN\t44.94\t-93.09\t300000\t5045360\t\n",
      "test.tsv");
  REQUIRE(g.size() == 3);
  const auto refs = g.find("springfield");
  REQUIRE(refs.size() == 1);
  CHECK(g.entry(refs.front().entry).geonameid == 4250542);
  CHECK(g.entry(refs.front().entry).population == 116565);
  REQUIRE(g.find("ill.").size() == 1);
  CHECK(g.find("ill.").front().kind == NameKind::abbreviation);
  REQUIRE(g.find("illinoisan").size() == 1);
  CHECK(g.find("illinoisan").front().kind == NameKind::demonym);
  CHECK(g.find("st. paul").size() == 1);  // spelled-out and abbreviated saints are one name
  CHECK(g.is_prefix("saint"));
  CHECK(g.is_prefix("st"));  // of "st. paul"
  CHECK_FALSE(g.is_prefix("springfield"));
  CHECK_FALSE(g.is_prefix("nowhere"));
}

TEST_CASE("a malformed gazetteer line is refused with its file and line", "[geotag]") {
  Gazetteer g;
  try {
    g.load_text("Ok\tPPL\tUS\t\t1\t2\nBad\tPPL\tUS\t\tnorth\t2\n", "mine.tsv");
    FAIL("no error");
  } catch (const docpipe::ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Contains("mine.tsv:2"));
  }
  CHECK_THROWS_AS(g.load_text("Far\tPPL\tUS\t\t91\t0\n", "mine.tsv"), docpipe::ConfigError);
  CHECK_THROWS_AS(g.load_file("/nonexistent/gazetteer.tsv"), docpipe::ConfigError);
}

TEST_CASE("the shipped gazetteer loads with GeoNames' points for countries", "[geotag]") {
  const std::filesystem::path dir = DOCPIPE_TEST_DATA_DIR;
  Gazetteer g;
  const auto start = std::chrono::steady_clock::now();
  g.load_file(dir / "gazetteer.tsv.zst");
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  WARN("shipped gazetteer: " << g.size() << " entries loaded in " << ms << " ms");
  CHECK(g.size() > 100000);

  const auto only = [&](std::string_view name, std::string_view feature) -> const Entry* {
    for (const auto& r : g.find(normalized(name))) {
      if (g.entry(r.entry).feature == feature) return &g.entry(r.entry);
    }
    return nullptr;
  };
  const Entry* us = only("U.S.", "PCLI");
  REQUIRE(us);
  CHECK(us->country == "US");
  CHECK(std::abs(us->lat - 39.76) < 0.01);  // GeoNames' point, not the package's (38, -97)
  CHECK(std::abs(us->lon + 98.5) < 0.01);
  REQUIRE(only("Moscow", "PPLC"));
  CHECK(only("Moscow", "PPLC")->country == "RU");
  REQUIRE(only("Texas", "ADM1"));
  CHECK(std::abs(only("Texas", "ADM1")->lat - 31.2) < 1.5);  // a region's point lies inside it
  REQUIRE(only("Europe", "CONT"));
  REQUIRE(only("Middle East", "RGN"));
  REQUIRE(only("Czech Republic", "PCLI"));
  CHECK(only("Czech Republic", "PCLI")->country == "CZ");
  const auto kan = g.find("kan.");
  REQUIRE(kan.size() == 1);
  CHECK(g.entry(kan.front().entry).admin1 == "KS");

  Words w;
  w.load_file(dir / "words.tsv");
  CHECK(w.first.contains("Michael"));
  CHECK(w.title.contains("Sen."));
  CHECK(w.lower.contains("mobile"));
  CHECK_FALSE(w.lower.contains("london"));
}
