#include <docpipe/eval/gold.hpp>
#include <docpipe/sdk/error.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace docpipe::eval;

TEST_CASE("the gold kind is told from the fields", "[eval]") {
  CHECK(detect_gold_kind(R"({"id":"a","text":"x","tokens":[[0,1]],"sentences":[[0,1]]})") == GoldKind::tokens);
  CHECK(detect_gold_kind(R"({"id":"a","text":"x.","sentences":["x."],"spans":[[0,2]]})") == GoldKind::sbd);
  CHECK(detect_gold_kind(R"({"id":"a","text":"x","quotes":[]})") == GoldKind::quotes);
  CHECK(detect_gold_kind(R"({"id":"a","text":"x","toponyms":[]})") == GoldKind::places);
  CHECK(detect_gold_kind(R"({"id":"a","text":"x","summaries":["x"]})") == GoldKind::summary);
  CHECK_THROWS_AS(detect_gold_kind(R"({"id":"a","text":"x"})"), docpipe::ConfigError);
  CHECK_THROWS_AS(detect_gold_kind("{oops"), docpipe::ConfigError);
}

TEST_CASE("gold records of each kind are read", "[eval]") {
  const auto t = parse_gold(R"({"id":"t","text":"Don't.","tokens":[[0,5],[5,6]],"words":[[0,2],[2,5],[5,6]],)"
                            R"("sentences":[[0,6]]})",
                            GoldKind::tokens);
  REQUIRE(t.words);
  CHECK(t.words->size() == 3);
  CHECK((*t.tokens)[1] == Span{5, 6});

  const auto q = parse_gold(R"({"id":"q","text":"\"Hi,\" he said.","quotes":[{"start":1,"end":4,"kind":"direct",)"
                            R"("speaker_start":6,"speaker_end":8},{"start":1,"end":3,"kind":"indirect","speaker":null,)"
                            R"("speaker_start":null,"speaker_end":null}]})",
                            GoldKind::quotes);
  REQUIRE(q.quotes.size() == 2);
  CHECK(q.quotes[0].speaker == Span{6, 8});
  CHECK_FALSE(q.quotes[1].speaker);

  const auto p = parse_gold(R"({"id":"p","text":"Rome","toponyms":[{"start":0,"end":4,"name":"Rome","lat":41.9,)"
                            R"("lon":12.5,"type":"Literal"},{"start":0,"end":4,"lat":null,"lon":null}]})",
                            GoldKind::places);
  REQUIRE(p.toponyms.size() == 2);
  CHECK(p.toponyms[0].coordinates->first == Approx(41.9));
  CHECK(p.toponyms[0].type == "Literal");
  CHECK_FALSE(p.toponyms[1].coordinates);

  const auto s = parse_gold(R"({"id":"s","text":"A. B.","summaries":["A.\nB."]})", GoldKind::summary);
  CHECK(s.summaries == std::vector<std::string>{"A.\nB."});
}

TEST_CASE("bad gold records say what is wrong", "[eval]") {
  CHECK_THROWS_WITH(parse_gold(R"({"id":"t","text":"ab","tokens":[[0,9]]})", GoldKind::tokens),
                    Catch::Contains("within the text"));
  CHECK_THROWS_WITH(parse_gold(R"({"id":"t","tokens":[]})", GoldKind::tokens), Catch::Contains("'text'"));
  CHECK_THROWS_WITH(
      parse_gold(R"({"id":"q","text":"ab","quotes":[{"start":0,"end":1,"kind":"odd"}]})", GoldKind::quotes),
      Catch::Contains("odd"));
}

TEST_CASE("a gold file is read with its kind and a limit and errors name the line", "[eval]") {
  const auto path = std::filesystem::temp_directory_path() / "docpipe-eval-gold-test.jsonl";
  {
    std::ofstream out(path);
    out << R"({"id":"a","text":"x","toponyms":[]})"
        << "\n\n"
        << R"({"id":"b","text":"y","toponyms":[]})"
        << "\n"
        << R"({"id":"c","text":"z","toponyms":[{"start":0}]})"
        << "\n";
  }
  const GoldSet two = read_gold_file(path, std::nullopt, 2);
  CHECK(two.kind == GoldKind::places);
  CHECK(two.documents.size() == 2);
  CHECK(two.documents[1].id == "b");
  CHECK_THROWS_WITH(read_gold_file(path, std::nullopt), Catch::Contains(":4:"));
  std::filesystem::remove(path);
}
