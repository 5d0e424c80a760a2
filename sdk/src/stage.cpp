#include <docpipe/sdk/plugin.hpp>

namespace docpipe {

// Anchors Stage's vtable and typeinfo in the SDK library.
Stage::~Stage() = default;

}  // namespace docpipe
