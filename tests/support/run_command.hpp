#pragma once
// Runs a shell command for tests, capturing exit code, stdout and stderr.

#include <string>

namespace docpipe::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `command` with /bin/sh; `input` is fed to its stdin.
[[nodiscard]] CommandResult run_command(const std::string& command, const std::string& input = "");

/// A fresh empty directory under the system temp dir, removed at exit of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  /// Writes `content` to `name` inside the directory; returns the full path.
  std::string write(const std::string& name, const std::string& content) const;
  /// Reads `name` inside the directory ("" when missing).
  [[nodiscard]] std::string read(const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace docpipe::testing
