#include "detail/out_file.hpp"

#include <docpipe/sdk/error.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using docpipe::detail::OutFile;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("an out file holds every byte written, in order, across its buffer", "[out_file]") {
  const auto path = std::filesystem::temp_directory_path() / "docpipe-out-file-test.txt";
  std::string expected;
  {
    OutFile out(path.string());
    for (int i = 0; i < 50000; ++i) {  // ~0.6 MB of small writes
      const std::string line = "line " + std::to_string(i) + "\n";
      out.write(line);
      expected += line;
    }
    const std::string big(3 << 20, 'x');  // larger than the buffer: written through
    out.write(big);
    expected += big;
    out.write("end\n");
    expected += "end\n";
    CHECK(out.bytes() == expected.size());
    out.close();
  }
  CHECK(slurp(path) == expected);

  SECTION("resume keeps the first bytes and appends after them") {
    OutFile out;
    out.open(path.string(), true, 10);
    out.write("more\n");
    CHECK(out.bytes() == 15);
    out.close();
    CHECK(slurp(path) == expected.substr(0, 10) + "more\n");
  }
  std::filesystem::remove(path);
}

TEST_CASE("an out file that cannot be opened says which", "[out_file]") {
  OutFile out;
  CHECK_THROWS_WITH(out.open("/nonexistent-dir/x.jsonl"), Catch::Contains("/nonexistent-dir/x.jsonl"));
}
