#pragma once
// What may stand in a summary: a sentence's content without leading
// headline/caption lines and datelines, boilerplate detection (headings,
// captions, bylines, navigation and credit lines), and quote attribution.

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace docpipe::summarizer::detail {

/// Bytes of a dateline at the start of `s` ("HOKKAIDO, Japan -- ",
/// "London (CNN)", "WASHINGTON (Reuters) - "), 0 when there is none.
[[nodiscard]] std::size_t dateline_length(std::string_view s);

/// Offset in `sentence` where its prose starts: past leading lines without
/// final punctuation (a headline or caption the sentence splitter joined to
/// it), past a dateline, and past white space.
[[nodiscard]] std::size_t content_start(std::string_view sentence);

/// True when `content` ends like prose: '.', '!', '?' or '…', possibly
/// followed by closing quotes or brackets. " ." (a period a converter
/// appended after a space) does not count.
[[nodiscard]] bool is_terminated(std::string_view content);

/// True when `content` is no summary material by its shape: fewer than four
/// words, unterminated (headings, captions, navigation), or all capitals.
[[nodiscard]] bool is_weak_shape(std::string_view content);

/// True when `content` reads as a byline, a photo caption or credit, or a
/// navigation or credit line ("Click here", "contributed to this report").
[[nodiscard]] bool has_boilerplate_marker(std::string_view content);

/// is_weak_shape() or has_boilerplate_marker().
[[nodiscard]] bool is_boilerplate(std::string_view content);

/// Surface traits that make a sentence a weak summary sentence on its own.
struct Style {
  bool question = false;     ///< ends with '?': a teaser, not a statement of fact
  bool opens_quote = false;  ///< starts with a quote mark: words of a source, not the story
  bool leans_back = false;   ///< starts with a pronoun ("He", "It", "They", ...) that points back
};

/// The style traits of `content` (a sentence without its dateline).
[[nodiscard]] Style style_of(std::string_view content);

/// Quote facts of one sentence.
struct QuoteShape {
  bool quote = false;       ///< mostly quoted words (or opens inside a running quote)
  double quoted_share = 0;  ///< share of the sentence's letters and digits inside quote marks
  bool attributed = false;  ///< a speech cue ("said", "told", "according to") outside the quoted words
};

/// The quote shape of each sentence span of `text`, found with quote marks
/// and speech cues; the quote state carries across sentences so the middle
/// of a multi-sentence quote counts as quoted.
[[nodiscard]] std::vector<QuoteShape> quote_shapes(std::string_view text,
                                                   const std::vector<std::pair<std::size_t, std::size_t>>& spans);

}  // namespace docpipe::summarizer::detail
