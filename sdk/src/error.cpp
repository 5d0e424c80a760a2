#include <docpipe/sdk/error.hpp>

// Out-of-line destructors give each error class one home for its vtable and
// typeinfo (this library), so plugins and host catch the same types.

namespace docpipe {

Error::Error(const std::string& message) : std::runtime_error(message) {}
Error::~Error() = default;
ConfigError::ConfigError(const std::string& message) : Error(message) {}
ConfigError::~ConfigError() = default;
PluginError::PluginError(const std::string& message) : Error(message) {}
PluginError::~PluginError() = default;
DocumentError::DocumentError(const std::string& message) : Error(message) {}
DocumentError::~DocumentError() = default;

}  // namespace docpipe
