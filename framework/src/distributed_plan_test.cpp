#include "detail/distributed_plan.hpp"

#include <docpipe/sdk/error.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using docpipe::detail::ChunkPlan;

namespace {

struct Dir {
  Dir() {
    std::string pattern = (fs::temp_directory_path() / "docpipe-plan-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;
  std::string path;
};

}  // namespace

TEST_CASE("chunks are handed out in record order until a short chunk marks the end", "[distributed]") {
  Dir dir;
  ChunkPlan plan(dir.path, 10, "k", false);
  const auto a = plan.next(1);
  const auto b = plan.next(2);
  REQUIRE((a && b));
  CHECK((a->id == 0 && a->first == 0 && a->end == 10));
  CHECK((b->id == 1 && b->first == 10 && b->end == 20));
  plan.complete({1, 4, 4, 0, 0});  // the inputs end at record 14
  CHECK_FALSE(plan.next(2));
  plan.complete({0, 10, 9, 1, 0});
  CHECK_FALSE(plan.next(1));
  CHECK(plan.stopped() == 2);
  plan.finish();
  std::ifstream manifest(dir.path + "/manifest.jsonl");
  std::string first;
  std::string second;
  std::getline(manifest, first);
  std::getline(manifest, second);
  CHECK_THAT(first, Catch::Contains(R"("first_record":0,"end_record":10,"documents":9,"failed":1)"));
  CHECK_THAT(second, Catch::Contains(R"("part":"part-000001.jsonl")") && Catch::Contains(R"("end_record":14)"));
}

TEST_CASE("a resumed plan reruns unfinished chunks first, then goes on; a cut journal line is ignored",
          "[distributed]") {
  Dir dir;
  {
    ChunkPlan plan(dir.path, 10, "k", false);
    for (int i = 0; i < 3; ++i) REQUIRE(plan.next(i));
    plan.complete({1, 10, 10, 0, 0});
  }
  std::ofstream(dir.path + "/chunks.journal", std::ios::app) << "done 0 records=10 docu";  // killed mid-write
  ChunkPlan plan(dir.path, 10, "k", true);
  const auto c0 = plan.next(5);
  const auto c2 = plan.next(5);
  const auto c3 = plan.next(5);
  REQUIRE((c0 && c2 && c3));
  CHECK(c0->id == 0);
  CHECK(c2->id == 2);
  CHECK((c3->id == 3 && c3->first == 30));
  CHECK(plan.totals().resumed_from == 10);
  CHECK_THROWS_AS(ChunkPlan(dir.path, 10, "other inputs", true), docpipe::ConfigError);
}

TEST_CASE("a fresh plan removes the parts of an earlier run in its directory", "[distributed]") {
  Dir dir;
  std::ofstream(dir.path + "/part-000007.jsonl") << "stale\n";
  std::ofstream(dir.path + "/notes.txt") << "mine\n";
  ChunkPlan plan(dir.path, 10, "k", false);
  CHECK_FALSE(fs::exists(dir.path + "/part-000007.jsonl"));
  CHECK(fs::exists(dir.path + "/notes.txt"));
}
