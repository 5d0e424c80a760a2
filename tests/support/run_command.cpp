#include "support/run_command.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace docpipe::testing {
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "docpipe-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const fs::path p = fs::path(path_) / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string TempDir::read(const std::string& name) const { return slurp(fs::path(path_) / name); }

CommandResult run_command(const std::string& command, const std::string& input) {
  const TempDir dir;
  const std::string in = dir.write("stdin", input);
  const std::string out = (fs::path(dir.path()) / "stdout").string();
  const std::string err = (fs::path(dir.path()) / "stderr").string();
  const std::string full = "(" + command + ") <'" + in + "' >'" + out + "' 2>'" + err + "'";
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

}  // namespace docpipe::testing
