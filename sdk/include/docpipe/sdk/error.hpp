#pragma once
// The one error model of docpipe: exceptions derived from docpipe::Error.
// Plugins throw them; the host catches them at the stage boundary and adds
// the stage and document to the message.

#include <stdexcept>
#include <string>

namespace docpipe {

/// Base of every error docpipe or a plugin throws on purpose.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message);
  ~Error() override;
};

/// A pipeline file, option or command-line value is wrong; the message names
/// where (file:line:col or the option) and what would be right.
class ConfigError : public Error {
 public:
  explicit ConfigError(const std::string& message);
  ~ConfigError() override;
};

/// A plugin library could not be found, loaded or trusted.
class PluginError : public Error {
 public:
  explicit PluginError(const std::string& message);
  ~PluginError() override;
};

/// One document could not be read or processed; the run goes on without it.
class DocumentError : public Error {
 public:
  explicit DocumentError(const std::string& message);
  ~DocumentError() override;
};

}  // namespace docpipe
