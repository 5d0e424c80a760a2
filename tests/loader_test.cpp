// Loading plugins: the happy path and each way a file on the plugin path
// can be wrong.

#include <docpipe/framework/pipeline.hpp>
#include <docpipe/framework/plugin_registry.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <memory>

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

namespace {

// A stage built in the test, not loaded from a library: it runs `body`.
class LambdaStage final : public docpipe::Stage {
 public:
  explicit LambdaStage(std::function<void(docpipe::Document&)> body) : body_(std::move(body)) {}
  void process(docpipe::Document& doc) const override { body_(doc); }

 private:
  std::function<void(docpipe::Document&)> body_;
};

docpipe::LoadedPlugin lambda_plugin(const std::string& name, std::vector<std::string> provides,
                                    std::function<void(docpipe::Document&)> body) {
  docpipe::LoadedPlugin plugin;
  plugin.file = fs::path("/nowhere") / (name + ".so");
  plugin.info.name = name;
  plugin.info.version = "0";
  plugin.info.provides = std::move(provides);
  plugin.info.create = [body](const docpipe::StageContext&) { return std::make_unique<LambdaStage>(body); };
  return plugin;
}

// A pipeline of `plugins`, in order; the plugins must outlive it.
std::unique_ptr<docpipe::Pipeline> pipeline_of(const std::vector<const docpipe::LoadedPlugin*>& plugins) {
  std::vector<docpipe::ResolvedStage> stages;
  for (const auto* p : plugins) stages.push_back({p, docpipe::Config::from_defaults(p->info.options)});
  return std::make_unique<docpipe::Pipeline>(stages, docpipe::PipelineSpec{});
}

std::string stage_error(const docpipe::Pipeline& pipeline, docpipe::Document doc) {
  try {
    pipeline.process(doc);
  } catch (const docpipe::StageError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a stage that writes a span outside the text fails the document, naming stage, layer and span", "[loader]") {
  const auto past_end = lambda_plugin("past-end", {"tokens"}, [](docpipe::Document& doc) {
    doc.tokens.push_back({0, 3, docpipe::TokenKind::word});
    doc.tokens.push_back({4, 99, docpipe::TokenKind::word});
  });
  const auto backwards = lambda_plugin("backwards", {"marks"}, [](docpipe::Document& doc) {
    doc.layer("marks").push_back({5, 2, {}});
  });
  const auto bad_speaker = lambda_plugin("bad-speaker", {"quotes"}, [](docpipe::Document& doc) {
    docpipe::Quote q;
    q.end = 3;
    q.speaker_span = std::pair<docpipe::Offset, docpipe::Offset>{4, 20};
    doc.quotes.push_back(q);
  });
  const auto fine = lambda_plugin("fine", {"tokens", "marks"}, [](docpipe::Document& doc) {
    doc.tokens.push_back({0, 8, docpipe::TokenKind::word});
    doc.tokens.push_back({8, 8, docpipe::TokenKind::other});
    doc.layer("marks").push_back({2, 5, {}});
  });
  const docpipe::Document doc{"d1", "abc defg"};
  CHECK_THAT(stage_error(*pipeline_of({&past_end}), doc),
             Catch::Contains("stage 'past-end'") && Catch::Contains("'d1'") && Catch::Contains("layer 'tokens'") &&
                 Catch::Contains("[4, 99)") && Catch::Contains("8 bytes"));
  CHECK_THAT(stage_error(*pipeline_of({&backwards}), doc),
             Catch::Contains("stage 'backwards'") && Catch::Contains("layer 'marks'") && Catch::Contains("[5, 2)"));
  CHECK_THAT(stage_error(*pipeline_of({&bad_speaker}), doc),
             Catch::Contains("stage 'bad-speaker'") && Catch::Contains("layer 'quotes'") && Catch::Contains("[4, 20)"));
  CHECK(stage_error(*pipeline_of({&fine}), doc) == "no error");
}

TEST_CASE("a stage's output replaces the layers it provides that the input had", "[loader]") {
  const auto adds = lambda_plugin("adds", {"tokens", "quotes", "marks"}, [](docpipe::Document& doc) {
    doc.tokens.push_back({0, 3, docpipe::TokenKind::word});
    docpipe::Quote q;
    q.end = 3;
    doc.quotes.push_back(q);
    doc.layer("marks").push_back({0, 3, {}});
  });
  // Requires what it provides: it refines an earlier stage's layer, which it
  // is given as it is.
  auto refines = lambda_plugin("refines", {"marks"}, [](docpipe::Document& doc) {
    doc.layer("marks").push_back({4, 8, {}});
  });
  refines.info.requires_layers = {"marks"};
  docpipe::Document doc{"d1", "abc defg"};
  doc.sentences.push_back({0, 8});
  doc.layer("other").push_back({0, 1, {}});
  const auto pipeline = pipeline_of({&adds});
  pipeline->process(doc);
  pipeline->process(doc);  // a run over its own output
  CHECK(doc.tokens.size() == 1);
  CHECK(doc.quotes.size() == 1);
  CHECK(doc.layer("marks").size() == 1);
  CHECK(doc.sentences.size() == 1);          // not provided: kept
  CHECK(doc.layer("other").size() == 1);     // not provided: kept
  const auto chain = pipeline_of({&adds, &refines});
  chain->process(doc);
  CHECK(doc.layer("marks").size() == 2);
}
