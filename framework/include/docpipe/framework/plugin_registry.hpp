#pragma once
// Finding and loading plugins: the search path, the ABI check (made on the
// file, before any plugin code runs), and a registry that keeps every
// library loaded for the life of the process.

#include <docpipe/sdk/plugin.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace boost::dll {
class shared_library;
}

namespace docpipe {

/// A plugin library that is loaded and described.
struct LoadedPlugin {
  /// Shared with every stage created from the plugin, so the code outlives
  /// them. Declared first so it is destroyed last: `info` holds plugin code.
  std::shared_ptr<boost::dll::shared_library> library;
  PluginInfo info;
  std::filesystem::path file;
};

/// The plugin directories, in search order: `cli_paths` (--plugin-path), then
/// the entries of DOCPIPE_PLUGIN_PATH (colon-separated), then the directory
/// installed with the binary (<bin>/../lib/docpipe/plugins). Each is made
/// canonical (absolute, symlinks, `..` and trailing slashes resolved), so one
/// directory named twice is kept once. Missing directories are kept.
[[nodiscard]] std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::string>& cli_paths);

/// Reads the ABI tag from `file`'s dynamic symbol table without loading it.
/// Returns the tag ("docpipe_abi__sdk1__gcc12__...") or "" when the file is
/// an ELF library without one; throws PluginError when it is no ELF file.
[[nodiscard]] std::string read_abi_tag(const std::filesystem::path& file);

/// Loads one plugin: checks its ABI tag, then loads it and calls its entry
/// point. Throws PluginError naming the file and, for load failures, with the
/// system's own message.
[[nodiscard]] LoadedPlugin load_plugin(const std::filesystem::path& file);

/// The plugins found on a search path.
class PluginRegistry {
 public:
  /// Loads every `*.so` in `dirs` (not recursive). Directories and files are
  /// compared by canonical path, so one reached twice is scanned or loaded
  /// once. A file that fails to load is recorded as a problem and skipped;
  /// two different files with one plugin name throw PluginError naming both.
  explicit PluginRegistry(const std::vector<std::filesystem::path>& dirs);

  /// The plugin called `name`, or nullptr.
  [[nodiscard]] const LoadedPlugin* find(std::string_view name) const;
  /// All plugins, by name.
  [[nodiscard]] const std::map<std::string, LoadedPlugin, std::less<>>& plugins() const { return plugins_; }
  /// Files that could not be loaded, with why.
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }
  /// The directories scanned: canonical, without duplicates, in order.
  [[nodiscard]] const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

 private:
  std::vector<std::filesystem::path> dirs_;
  std::map<std::string, LoadedPlugin, std::less<>> plugins_;
  std::vector<std::string> problems_;
};

}  // namespace docpipe
