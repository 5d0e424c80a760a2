#include <docpipe/framework/plugin_registry.hpp>

#include <boost/dll/shared_library.hpp>
#include <boost/dll/import.hpp>
#include <boost/dll/runtime_symbol_info.hpp>

#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

namespace docpipe {
namespace fs = std::filesystem;
namespace {

// Closes a file descriptor and an Elf handle on every path out.
struct ElfFile {
  int fd = -1;
  Elf* elf = nullptr;
  ~ElfFile() {
    if (elf != nullptr) elf_end(elf);
    if (fd >= 0) close(fd);
  }
};

std::string dlopen_message(const fs::path& file) {
  try {
    boost::dll::shared_library probe(file.string(), boost::dll::load_mode::rtld_lazy);
    return "it loads, but is not an ELF shared library";
  } catch (const std::exception& e) {
    return e.what();
  }
}

// Like ssh with its keys: code that anyone on the machine can replace is
// never loaded. In a world-writable directory anyone can add a library (the
// sticky bit of /tmp only stops them deleting others' files); a
// world-writable file anyone can rewrite.
std::optional<std::string> untrusted(const fs::path& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  const bool is_dir = S_ISDIR(st.st_mode);
  if ((st.st_mode & S_IWOTH) == 0) return std::nullopt;
  return fmt::format("{}: refusing to load plugins from a world-writable {} (mode {:04o}): anyone on this machine "
                     "could put code there that docpipe would run; fix it with `chmod o-w {}`",
                     path.string(), is_dir ? "directory" : "file", st.st_mode & 07777, path.string());
}

// The one name of a file or directory however it is reached: absolute, with
// symlinks, `.`, `..` and trailing slashes resolved (as far as it exists).
fs::path canonical_path(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  if (ec) c = fs::absolute(p, ec).lexically_normal();
  if (!c.has_filename() && c.has_relative_path()) c = c.parent_path();  // "dir/" -> "dir"
  return c;
}

}  // namespace

std::vector<fs::path> plugin_search_path(const std::vector<std::string>& cli_paths) {
  std::vector<fs::path> dirs;
  auto add = [&](const fs::path& p) {
    if (p.empty()) return;
    const fs::path normal = canonical_path(p);
    if (std::find(dirs.begin(), dirs.end(), normal) == dirs.end()) dirs.push_back(normal);
  };
  for (const auto& p : cli_paths) add(p);
  if (const char* env = std::getenv("DOCPIPE_PLUGIN_PATH")) {
    std::stringstream entries(env);
    for (std::string entry; std::getline(entries, entry, ':');) add(entry);
  }
  const fs::path bin_dir = boost::dll::program_location().parent_path().string();
  add(bin_dir.parent_path() / "lib" / "docpipe" / "plugins");
  return dirs;
}

// Boost.DLL's library_info reads .symtab, which `strip` removes; the
// exported symbols a loader sees are in .dynsym, read here with libelf.
std::string read_abi_tag(const fs::path& file) {
  if (elf_version(EV_CURRENT) == EV_NONE) throw PluginError("libelf is unusable");
  ElfFile f;
  f.fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (f.fd < 0) throw PluginError(fmt::format("{}: cannot open: {}", file.string(), std::strerror(errno)));
  f.elf = elf_begin(f.fd, ELF_C_READ, nullptr);
  if (f.elf == nullptr || elf_kind(f.elf) != ELF_K_ELF) {
    throw PluginError(fmt::format("{}: not a shared library ({})", file.string(), dlopen_message(file.string())));
  }
  const std::string_view prefix = DOCPIPE_ABI_SYMBOL_PREFIX;
  for (Elf_Scn* scn = elf_nextscn(f.elf, nullptr); scn != nullptr; scn = elf_nextscn(f.elf, scn)) {
    GElf_Shdr header;
    if (gelf_getshdr(scn, &header) == nullptr || header.sh_type != SHT_DYNSYM || header.sh_entsize == 0) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr) continue;
    const std::size_t count = header.sh_size / header.sh_entsize;
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Sym sym;
      if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr || sym.st_shndx == SHN_UNDEF) continue;
      const char* name = elf_strptr(f.elf, header.sh_link, sym.st_name);
      if (name != nullptr && std::string_view(name).starts_with(prefix)) return name;
    }
  }
  return {};
}

LoadedPlugin load_plugin(const fs::path& file) {
  const std::string tag = read_abi_tag(file);
  if (tag.empty()) {
    throw PluginError(fmt::format("{}: not a docpipe plugin (no ABI tag; build it with docpipe_add_plugin and "
                                  "DOCPIPE_PLUGIN)",
                                  file.string()));
  }
  if (tag != DOCPIPE_ABI_TAG) {
    throw PluginError(fmt::format("{}: built for another ABI ({}), this docpipe is {}; rebuild the plugin against "
                                  "this docpipe's SDK with the same compiler",
                                  file.string(), tag.substr(std::string_view(DOCPIPE_ABI_SYMBOL_PREFIX).size()),
                                  std::string_view(DOCPIPE_ABI_TAG).substr(std::string_view(DOCPIPE_ABI_SYMBOL_PREFIX).size())));
  }
  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    library->load(file.string(), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    throw PluginError(fmt::format("{}: cannot load: {}", file.string(), e.what()));
  }
  if (!library->has("docpipe_plugin_describe")) {
    throw PluginError(fmt::format("{}: has an ABI tag but no entry point 'docpipe_plugin_describe' "
                                  "(missing DOCPIPE_PLUGIN(describe)?)",
                                  file.string()));
  }
  LoadedPlugin plugin;
  plugin.file = file;
  try {
    auto& describe = library->get_alias<DescribeFunction>("docpipe_plugin_describe");
    plugin.info = describe();
  } catch (const std::exception& e) {
    throw PluginError(fmt::format("{}: its description failed: {}", file.string(), e.what()));
  }
  static const std::regex kName("[a-z0-9_-]+");
  if (!std::regex_match(plugin.info.name, kName)) {
    throw PluginError(fmt::format("{}: plugin name '{}' must match [a-z0-9_-]+", file.string(), plugin.info.name));
  }
  if (!plugin.info.create) throw PluginError(fmt::format("{}: plugin '{}' has no create function", file.string(), plugin.info.name));
  plugin.library = std::move(library);
  return plugin;
}

PluginRegistry::PluginRegistry(const std::vector<fs::path>& dirs) {
  // One directory named twice (a trailing slash, a relative path, a symlink,
  // --plugin-path and DOCPIPE_PLUGIN_PATH) is scanned once, and one library
  // reached twice is loaded once: only different files can clash by name.
  for (const auto& dir : dirs) {
    const fs::path c = canonical_path(dir);
    if (std::find(dirs_.begin(), dirs_.end(), c) == dirs_.end()) dirs_.push_back(c);
  }
  std::set<fs::path> seen_files;
  for (const auto& dir : dirs_) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    if (auto why = untrusted(dir)) {
      problems_.push_back(*why);
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".so" && entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (!seen_files.insert(canonical_path(file)).second) continue;
      if (auto why = untrusted(file)) {
        problems_.push_back(*why);
        continue;
      }
      LoadedPlugin plugin;
      try {
        plugin = load_plugin(file);
      } catch (const PluginError& e) {
        problems_.emplace_back(e.what());
        continue;
      }
      if (auto it = plugins_.find(plugin.info.name); it != plugins_.end()) {
        throw PluginError(fmt::format("two plugins are called '{}': {} and {}; remove one or change the plugin path",
                                      plugin.info.name, it->second.file.string(), file.string()));
      }
      std::string name = plugin.info.name;
      plugins_.emplace(std::move(name), std::move(plugin));
    }
  }
}

const LoadedPlugin* PluginRegistry::find(std::string_view name) const {
  auto it = plugins_.find(name);
  return it == plugins_.end() ? nullptr : &it->second;
}

}  // namespace docpipe
