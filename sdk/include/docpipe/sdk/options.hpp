#pragma once
// Typed plugin options: what a plugin declares (OptionSpec) and what a stage
// reads at creation (Config). The host validates a pipeline's `with:` map
// against the specs before any document is read, so Config lookups of
// declared options never fail on type.

#include <docpipe/sdk/error.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace docpipe {

enum class OptionType : std::uint8_t { boolean, integer, number, string, string_list };

/// Name of an option type as shown to users ("boolean", "integer", ...).
[[nodiscard]] std::string_view to_string(OptionType type);

/// Value of an option.
using OptionValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

/// One option a plugin accepts.
struct OptionSpec {
  std::string name;
  OptionType type = OptionType::string;
  OptionValue default_value;          ///< must hold `type`
  std::string help;                   ///< one line
  std::optional<double> min;          ///< inclusive, integer and number only
  std::optional<double> max;          ///< inclusive, integer and number only
  std::vector<std::string> choices;   ///< allowed values of a string option; empty: any
};

/// Builders that keep option tables short and typed:
///   docpipe::option_int("sentences", 3, "Sentences to pick.").range(1, 1000)
[[nodiscard]] OptionSpec option_bool(std::string name, bool default_value, std::string help);
[[nodiscard]] OptionSpec option_int(std::string name, std::int64_t default_value, std::string help);
[[nodiscard]] OptionSpec option_number(std::string name, double default_value, std::string help);
[[nodiscard]] OptionSpec option_string(std::string name, std::string default_value, std::string help);
[[nodiscard]] OptionSpec option_list(std::string name, std::vector<std::string> default_value, std::string help);
/// Returns `spec` limited to [min, max].
[[nodiscard]] OptionSpec with_range(OptionSpec spec, double min, double max);
/// Returns `spec` limited to the given string values.
[[nodiscard]] OptionSpec with_choices(OptionSpec spec, std::vector<std::string> choices);

/// Where a value came from, for messages: "news.yaml:12:7" or "default".
struct SourceLocation {
  std::string file;
  int line = 0;    ///< 1-based; 0 when unknown
  int column = 0;  ///< 1-based; 0 when unknown
  /// "file:line:col", or what is known of it.
  [[nodiscard]] std::string str() const;
};

/// The validated options of one stage: every declared option has a value
/// (given or default) of its declared type.
class Config {
 public:
  Config() = default;
  /// Every option of `specs` at its default (handy in a plugin's unit tests).
  [[nodiscard]] static Config from_defaults(const std::vector<OptionSpec>& specs);
  /// Sets `name` (used by the host and by tests).
  void set(std::string name, OptionValue value, SourceLocation where = {});

  [[nodiscard]] bool get_bool(std::string_view name) const;
  [[nodiscard]] std::int64_t get_int(std::string_view name) const;
  [[nodiscard]] double get_number(std::string_view name) const;
  [[nodiscard]] const std::string& get_string(std::string_view name) const;
  [[nodiscard]] const std::vector<std::string>& get_list(std::string_view name) const;
  /// True when the pipeline file set `name` (rather than the default applying).
  [[nodiscard]] bool is_set_by_user(std::string_view name) const;

  /// A ConfigError about option `name` that names where its value came from:
  ///   throw config.error("gazetteer", "cannot read /x.tsv: No such file");
  [[nodiscard]] ConfigError error(std::string_view name, std::string_view message) const;

  /// Where the stage itself is declared (the `- plugin:` line).
  SourceLocation stage_location;

 private:
  struct Entry {
    OptionValue value;
    SourceLocation where;
  };
  const Entry& entry(std::string_view name, std::string_view wanted) const;
  std::map<std::string, Entry, std::less<>> values_;
};

}  // namespace docpipe
