#pragma once
// "Did you mean" suggestions for misspelt plugin and option names.

#include <string>
#include <string_view>
#include <vector>

namespace docpipe::detail {

/// The candidate closest to `word` by edit distance, or "" when none is close.
[[nodiscard]] std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b, c".
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace docpipe::detail
