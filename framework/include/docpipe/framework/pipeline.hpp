#pragma once
// Pipeline files: reading the YAML, validating it against the plugins found
// (every error with file:line:col), and the running chain of stages.

#include <docpipe/framework/plugin_registry.hpp>
#include <docpipe/sdk/plugin.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace docpipe {

/// A pipeline file as written, before it is checked against the plugins.
struct PipelineSpec {
  /// An option value as written; typed when checked against the plugin.
  struct Option {
    enum class Shape { null, scalar, sequence, map };
    std::string name;
    Shape shape = Shape::null;
    std::vector<std::string> scalars;  ///< the scalar, or the sequence's items
    bool quoted = false;               ///< a quoted scalar is never a number or boolean
    SourceLocation where;
  };
  struct StageSpec {
    std::string plugin;
    SourceLocation where;
    std::vector<Option> options;
  };
  std::filesystem::path file;
  std::string name;
  std::string description;
  std::vector<StageSpec> stages;
};

/// Reads and checks the shape of a pipeline file. Throws ConfigError with
/// file:line:col on YAML syntax errors and misplaced or mistyped keys.
[[nodiscard]] PipelineSpec read_pipeline_file(const std::filesystem::path& file);
/// The same for YAML text; `file` names it in messages.
[[nodiscard]] PipelineSpec parse_pipeline(const std::string& yaml, const std::filesystem::path& file);

/// A validated stage: its plugin and its options with defaults filled in.
struct ResolvedStage {
  const LoadedPlugin* plugin = nullptr;
  Config config;
};

/// Checks `spec` against `registry`: unknown plugins and options (with a
/// did-you-mean and the valid names), wrong types, out-of-range values, and
/// required layers that no earlier stage provides. Throws ConfigError listing
/// every problem, one per line, each with file:line:col.
[[nodiscard]] std::vector<ResolvedStage> resolve_pipeline(const PipelineSpec& spec, const PluginRegistry& registry);

/// A stage failed on a document; what() names stage and document.
class StageError : public DocumentError {
 public:
  StageError(std::string stage, const std::string& message) : DocumentError(message), stage_(std::move(stage)) {}
  [[nodiscard]] const std::string& stage() const { return stage_; }

 private:
  std::string stage_;
};

/// Time spent in one stage, summed over threads.
struct StageTiming {
  std::string name;
  std::chrono::nanoseconds total{0};
};

/// The running chain of stages. process() may be called from many threads.
class Pipeline {
 public:
  /// Creates every stage (plugins load their resources here).
  Pipeline(const std::vector<ResolvedStage>& stages, const PipelineSpec& spec);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// Runs every stage on `doc` and marks the layers each provides present.
  /// Before a stage runs, the layers it provides (and does not also require)
  /// are emptied: its output replaces what the input or an earlier stage had.
  /// Throws StageError naming the stage and the document when a stage throws
  /// or leaves a span outside the text (not begin <= end <= text size) in a
  /// layer it provides. Returns the name of the stage that took longest on
  /// this document (what a --doc-timeout record names).
  const std::string& process(Document& doc) const;

  /// Names of the stages, in order.
  [[nodiscard]] std::vector<std::string> stage_names() const;
  /// Time spent so far in each stage.
  [[nodiscard]] std::vector<StageTiming> timings() const;
  /// Every layer some stage provides.
  [[nodiscard]] std::vector<std::string> provided_layers() const;

 private:
  struct Instance;
  std::vector<std::unique_ptr<Instance>> stages_;
};

}  // namespace docpipe
