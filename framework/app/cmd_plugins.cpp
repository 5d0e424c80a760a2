// `docpipe plugins` and `docpipe describe NAME`.

#include "commands.hpp"

#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <iostream>

namespace docpipe::app {
namespace {

std::string show(const OptionValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::string>) return fmt::format("\"{}\"", v);
        else if constexpr (std::is_same_v<T, std::vector<std::string>>) return fmt::format("[{}]", fmt::join(v, ", "));
        else return fmt::format("{}", v);
      },
      value);
}

std::string list_or_none(const std::vector<std::string>& items) {
  return items.empty() ? "(none)" : fmt::format("{}", fmt::join(items, ", "));
}

}  // namespace

void add_plugins_command(CLI::App& app, GlobalOptions& globals) {
  auto* cmd = app.add_subcommand("plugins", "List the plugins found on the plugin path");
  cmd->callback([&globals] {
    const auto& registry = globals.registry();
    std::cout << "Plugin path (searched in this order):\n";
    for (const auto& dir : registry.dirs()) std::cout << "  " << dir.string() << "\n";
    std::cout << "\n";
    if (registry.plugins().empty()) std::cout << "No plugins found.\n";
    for (const auto& [name, plugin] : registry.plugins()) {
      std::cout << fmt::format("{:<14} {:<8} {}\n{:<14} {:<8} {}\n", name, plugin.info.version, plugin.info.summary,
                               "", "", plugin.file.string());
    }
    for (const auto& problem : registry.problems()) spdlog::warn("skipped: {}", problem);
  });
}

void add_describe_command(CLI::App& app, GlobalOptions& globals) {
  auto* cmd = app.add_subcommand("describe", "Show a plugin's options and the layers it requires and provides");
  auto name = std::make_shared<std::string>();
  cmd->add_option("plugin", *name, "Plugin name (see `docpipe plugins`)")->required();
  cmd->callback([&globals, name] {
    const auto& registry = globals.registry();
    const LoadedPlugin* plugin = registry.find(*name);
    if (plugin == nullptr) {
      std::vector<std::string> names;
      for (const auto& [n, p] : registry.plugins()) names.push_back(n);
      throw ConfigError(fmt::format("unknown plugin '{}'; plugins found: {}", *name, list_or_none(names)));
    }
    const PluginInfo& info = plugin->info;
    std::cout << fmt::format("Plugin Details:\n  Name          {}\n  Version       {}\n  Summary       {}\n"
                             "  File          {}\n\nLayers:\n  Requires      {}\n  Provides      {}\n\n",
                             info.name, info.version, info.summary, plugin->file.string(),
                             list_or_none(info.requires_layers), list_or_none(info.provides));
    std::cout << "Options (under `with:` in a pipeline stage):\n";
    if (info.options.empty()) std::cout << "  (none)\n";
    for (const auto& o : info.options) {
      std::cout << fmt::format("  {:<20} {}\n", o.name, o.help);
      std::string detail = fmt::format("{}, default {}", to_string(o.type), show(o.default_value));
      if (o.min || o.max) {
        detail += fmt::format(", range [{}, {}]", o.min ? fmt::format("{}", *o.min) : "-inf",
                              o.max ? fmt::format("{}", *o.max) : "inf");
      }
      if (!o.choices.empty()) detail += fmt::format(", one of: {}", fmt::join(o.choices, ", "));
      std::cout << fmt::format("  {:<20} {}\n", "", detail);
    }
  });
}

}  // namespace docpipe::app
