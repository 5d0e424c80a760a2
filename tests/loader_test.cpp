// Loading plugins: the happy path and each way a file on the plugin path
// can be wrong.

#include <docpipe/framework/plugin_registry.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

#include "support/run_command.hpp"

namespace fs = std::filesystem;
using docpipe::PluginRegistry;

namespace {
fs::path case_dir(const char* name) { return fs::path(DOCPIPE_TEST_PLUGIN_ROOT) / name; }
}  // namespace

TEST_CASE("a plugin is found, described and kept loaded", "[loader]") {
  const PluginRegistry registry({case_dir("good")});
  const auto* plugin = registry.find("keywords");
  REQUIRE(plugin != nullptr);
  CHECK(plugin->info.version == "1.0.0");
  CHECK(plugin->info.provides == std::vector<std::string>{"keywords"});
  CHECK(plugin->file.filename() == "keywords.so");
  CHECK(plugin->library != nullptr);
  CHECK(registry.problems().empty());
}

TEST_CASE("a file that is not a library is skipped with the system's reason", "[loader]") {
  const PluginRegistry registry({case_dir("not_a_library")});
  CHECK(registry.plugins().empty());
  REQUIRE(registry.problems().size() == 1);
  CHECK_THAT(registry.problems()[0], Catch::Contains("notes.so") && Catch::Contains("not a shared library") &&
                                         Catch::Contains("invalid ELF header"));
}

TEST_CASE("a library without the entry point is refused by name", "[loader]") {
  const PluginRegistry registry({case_dir("no_entry")});
  REQUIRE(registry.problems().size() == 1);
  CHECK_THAT(registry.problems()[0], Catch::Contains("no_entry.so") && Catch::Contains("docpipe_plugin_describe"));
}

TEST_CASE("an ABI mismatch is refused before loading, saying what to rebuild", "[loader]") {
  const PluginRegistry registry({case_dir("wrong_abi")});
  REQUIRE(registry.problems().size() == 1);
  const std::string& msg = registry.problems()[0];
  CHECK_THAT(msg, Catch::Contains("wrong_abi.so") && Catch::Contains("sdk0__gcc4") &&
                      Catch::Contains(DOCPIPE_ABI_TAG + std::string_view("docpipe_abi__").size()) &&
                      Catch::Contains("rebuild the plugin"));
}

TEST_CASE("the ABI tag is read from the file without loading it", "[loader]") {
  CHECK(docpipe::read_abi_tag(case_dir("good") / "keywords.so") == DOCPIPE_ABI_TAG);
  CHECK(docpipe::read_abi_tag(case_dir("wrong_abi") / "wrong_abi.so") ==
        "docpipe_abi__sdk0__gcc4__libstdcxx4_cxx11abi0");
}

TEST_CASE("two plugins with one name is an error naming both files", "[loader]") {
  try {
    const PluginRegistry registry({case_dir("good"), case_dir("dup")});
    FAIL("no error");
  } catch (const docpipe::PluginError& e) {
    const std::string msg = e.what();
    CHECK_THAT(msg, Catch::Contains("'keywords'") && Catch::Contains("good/keywords.so") &&
                        Catch::Contains("dup/keywords2.so"));
  }
}

TEST_CASE("one directory or library reached twice is scanned once", "[loader]") {
  // A trailing slash, a `..` detour and a symlink all name the same directory.
  const docpipe::testing::TempDir dir;
  const fs::path link = fs::path(dir.path()) / "good-link";
  fs::create_directory_symlink(case_dir("good"), link);
  const fs::path lib = fs::path(dir.path()) / "lib";
  fs::create_directories(lib);
  fs::create_symlink(case_dir("good") / "keywords.so", lib / "keywords.so");
  const PluginRegistry registry({case_dir("good"), case_dir("good") / "", case_dir("good") / ".." / "good", link, lib});
  REQUIRE(registry.find("keywords") != nullptr);
  CHECK(registry.problems().empty());
  CHECK(registry.dirs().size() == 2);

  setenv("DOCPIPE_PLUGIN_PATH", (case_dir("good").string() + "/:" + link.string()).c_str(), 1);
  const fs::path cwd = fs::current_path();
  fs::current_path(case_dir("good").parent_path());
  const auto dirs = docpipe::plugin_search_path({case_dir("good").string(), "good", "./good/"});
  fs::current_path(cwd);
  unsetenv("DOCPIPE_PLUGIN_PATH");
  REQUIRE(dirs.size() == 2);  // good, then the default directory
  CHECK(dirs[0] == fs::canonical(case_dir("good")));
}

TEST_CASE("the search path puts --plugin-path first, then DOCPIPE_PLUGIN_PATH", "[loader]") {
  setenv("DOCPIPE_PLUGIN_PATH", "/env/one:/env/two", 1);
  const auto dirs = docpipe::plugin_search_path({"/cli/dir"});
  unsetenv("DOCPIPE_PLUGIN_PATH");
  REQUIRE(dirs.size() == 4);
  CHECK(dirs[0] == "/cli/dir");
  CHECK(dirs[1] == "/env/one");
  CHECK(dirs[2] == "/env/two");
  CHECK(dirs[3].filename() == "plugins");
}

TEST_CASE("a world-writable plugin directory or file is refused, saying why", "[loader]") {
  const docpipe::testing::TempDir dir;
  const fs::path plugins = fs::path(dir.path()) / "plugins";
  fs::create_directories(plugins);
  fs::copy_file(case_dir("good") / "keywords.so", plugins / "keywords.so");
  fs::permissions(plugins, fs::perms::others_write, fs::perm_options::add);
  {
    const PluginRegistry registry({plugins});
    CHECK(registry.plugins().empty());
    REQUIRE(registry.problems().size() == 1);
    CHECK_THAT(registry.problems()[0], Catch::Contains("world-writable directory") && Catch::Contains("chmod o-w"));
  }
  fs::permissions(plugins, fs::perms::others_write, fs::perm_options::remove);
  fs::permissions(plugins / "keywords.so", fs::perms::others_write, fs::perm_options::add);
  {
    const PluginRegistry registry({plugins});
    CHECK(registry.plugins().empty());
    REQUIRE(registry.problems().size() == 1);
    CHECK_THAT(registry.problems()[0], Catch::Contains("keywords.so") && Catch::Contains("world-writable file"));
  }
  fs::permissions(plugins / "keywords.so", fs::perms::others_write, fs::perm_options::remove);
  CHECK(PluginRegistry({plugins}).find("keywords") != nullptr);
}
