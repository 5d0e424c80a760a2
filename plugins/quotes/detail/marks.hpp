#pragma once
// Pairs quote marks inside one paragraph as news writes them: straight and
// curly doubles, NYT '' pairs, guillemets, mismatched pairs, and top-level
// single quotes that are not apostrophes. Linear in the paragraph's tokens.

#include "detail/scan.hpp"

#include <cstdint>
#include <vector>

namespace docpipe::quotes::detail {

/// A pair of marks: token indices of the opening and closing mark.
struct MarkPair {
  std::uint32_t open = 0;
  std::uint32_t close = 0;  ///< == open when `unclosed`
  bool single = false;      ///< ‘…’ or '…'
  bool unclosed = false;    ///< still open at the paragraph's end
};

/// True when the mark at `k` may open a quote, looking at its neighbours
/// inside the paragraph [b, e).
[[nodiscard]] bool can_open(const std::vector<Tok>& toks, std::uint32_t k, std::uint32_t b, std::uint32_t e);
/// True when the mark at `k` may close a quote.
[[nodiscard]] bool can_close(const std::vector<Tok>& toks, std::uint32_t k, std::uint32_t b, std::uint32_t e);

/// Pairs the marks of the paragraph [b, e) of `toks`, appends the pairs to
/// `out` in text order, and flags the marks (kOpen, kClose) and the tokens
/// between them (kInQuote). Double quotes do not nest; single quotes count
/// only outside double ones. A pair with no word inside is dropped.
void pair_marks(std::vector<Tok>& toks, std::uint32_t b, std::uint32_t e, std::vector<MarkPair>& out);

}  // namespace docpipe::quotes::detail
