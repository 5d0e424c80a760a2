#include <docpipe/sdk/options.hpp>

#include <fmt/format.h>

#include <utility>

namespace docpipe {

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::boolean: return "boolean";
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::string: return "string";
    case OptionType::string_list: return "list of strings";
  }
  return "unknown";
}

OptionSpec option_bool(std::string name, bool default_value, std::string help) {
  return {std::move(name), OptionType::boolean, default_value, std::move(help), {}, {}, {}};
}
OptionSpec option_int(std::string name, std::int64_t default_value, std::string help) {
  return {std::move(name), OptionType::integer, default_value, std::move(help), {}, {}, {}};
}
OptionSpec option_number(std::string name, double default_value, std::string help) {
  return {std::move(name), OptionType::number, default_value, std::move(help), {}, {}, {}};
}
OptionSpec option_string(std::string name, std::string default_value, std::string help) {
  return {std::move(name), OptionType::string, std::move(default_value), std::move(help), {}, {}, {}};
}
OptionSpec option_list(std::string name, std::vector<std::string> default_value, std::string help) {
  return {std::move(name), OptionType::string_list, std::move(default_value), std::move(help), {}, {}, {}};
}
OptionSpec with_range(OptionSpec spec, double min, double max) {
  spec.min = min;
  spec.max = max;
  return spec;
}
OptionSpec with_choices(OptionSpec spec, std::vector<std::string> choices) {
  spec.choices = std::move(choices);
  return spec;
}

std::string SourceLocation::str() const {
  if (file.empty()) return "default";
  if (line == 0) return file;
  if (column == 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

Config Config::from_defaults(const std::vector<OptionSpec>& specs) {
  Config config;
  for (const auto& spec : specs) config.set(spec.name, spec.default_value);
  return config;
}

void Config::set(std::string name, OptionValue value, SourceLocation where) {
  values_[std::move(name)] = Entry{std::move(value), std::move(where)};
}

const Config::Entry& Config::entry(std::string_view name, std::string_view wanted) const {
  auto it = values_.find(name);
  if (it == values_.end()) {
    throw ConfigError(fmt::format("{}: option '{}' is not declared by this plugin", stage_location.str(), name));
  }
  static constexpr std::string_view kHeld[] = {"boolean", "integer", "number", "string", "list of strings"};
  const auto& held = kHeld[it->second.value.index()];
  if (held != wanted) {
    throw ConfigError(fmt::format("{}: option '{}' holds a {}, read as {}", it->second.where.str(), name, held, wanted));
  }
  return it->second;
}

bool Config::get_bool(std::string_view name) const { return std::get<bool>(entry(name, "boolean").value); }
std::int64_t Config::get_int(std::string_view name) const {
  return std::get<std::int64_t>(entry(name, "integer").value);
}
double Config::get_number(std::string_view name) const { return std::get<double>(entry(name, "number").value); }
const std::string& Config::get_string(std::string_view name) const {
  return std::get<std::string>(entry(name, "string").value);
}
const std::vector<std::string>& Config::get_list(std::string_view name) const {
  return std::get<std::vector<std::string>>(entry(name, "list of strings").value);
}
bool Config::is_set_by_user(std::string_view name) const {
  auto it = values_.find(name);
  return it != values_.end() && !it->second.where.file.empty();
}

ConfigError Config::error(std::string_view name, std::string_view message) const {
  auto it = values_.find(name);
  const SourceLocation& where = (it != values_.end() && !it->second.where.file.empty()) ? it->second.where
                                                                                          : stage_location;
  return ConfigError(fmt::format("{}: option '{}': {}", where.str(), name, message));
}

}  // namespace docpipe
