#include "detail/marks.hpp"

#include <algorithm>

namespace docpipe::quotes::detail {

namespace {

bool is_double(MarkShape s) {
  return s == MarkShape::dq_ascii || s == MarkShape::dq_twin || s == MarkShape::dq_open || s == MarkShape::dq_close;
}
bool is_single(MarkShape s) {
  return s == MarkShape::sq_ascii || s == MarkShape::sq_open || s == MarkShape::sq_close;
}

bool opens_context(const Tok& prev) {
  if (prev.kind == TokKind::newline) return true;
  if (prev.kind == TokKind::punct) {
    return prev.ch == '(' || prev.ch == '[' || prev.ch == '{' || prev.ch == '-' || prev.ch == '/' || prev.ch == ':';
  }
  // A mark glued before this one that itself opens ("‘ or “‘).
  return prev.kind == TokKind::mark && (prev.flags & kSpaceBefore) != 0;
}

bool closes_context(const Tok& next) {
  if (next.kind == TokKind::newline || next.kind == TokKind::mark) return true;
  if (next.kind == TokKind::punct) return next.ch != '(' && next.ch != '[' && next.ch != '{';
  return false;
}

bool has_word(const std::vector<Tok>& toks, std::uint32_t b, std::uint32_t e) {
  for (std::uint32_t i = b; i < e; ++i) {
    if (toks[i].kind == TokKind::word) return true;
  }
  return false;
}

void flag_pair(std::vector<Tok>& toks, const MarkPair& p, std::uint32_t e) {
  toks[p.open].flags |= kOpen;
  const std::uint32_t end = p.unclosed ? e : p.close;
  if (!p.unclosed) toks[p.close].flags |= kClose;
  for (std::uint32_t i = p.open + 1; i < end; ++i) toks[i].flags |= kInQuote;
}

}  // namespace

bool can_open(const std::vector<Tok>& toks, std::uint32_t k, std::uint32_t b, std::uint32_t e) {
  const Tok& t = toks[k];
  if (k + 1 >= e || (t.flags & kSpaceAfter) != 0) return false;
  if (toks[k + 1].kind == TokKind::newline) return false;
  return k == b || (t.flags & kSpaceBefore) != 0 || opens_context(toks[k - 1]);
}

bool can_close(const std::vector<Tok>& toks, std::uint32_t k, std::uint32_t b, std::uint32_t e) {
  const Tok& t = toks[k];
  if (k == b) return false;
  // `…to the center,' " she said`: a double mark spaced after a single one.
  const bool after_single = toks[k - 1].kind == TokKind::mark && toks[k - 1].ch == '\'';
  if ((t.flags & kSpaceBefore) != 0 && !after_single) return false;
  return k + 1 >= e || (t.flags & kSpaceAfter) != 0 || closes_context(toks[k + 1]);
}

void pair_marks(std::vector<Tok>& toks, std::uint32_t b, std::uint32_t e, std::vector<MarkPair>& out) {
  const std::size_t first = out.size();
  // Doubles first: they do not nest, so one open mark at a time.
  std::int64_t open = -1;
  for (std::uint32_t k = b; k < e; ++k) {
    const Tok& t = toks[k];
    if (t.kind != TokKind::mark || !is_double(t.mark)) continue;
    const bool co = can_open(toks, k, b, e);
    const bool cc = can_close(toks, k, b, e);
    if (open < 0) {
      const bool opens = t.mark == MarkShape::dq_open ? (co || !cc) : t.mark == MarkShape::dq_close ? (co && !cc) : co;
      if (opens) open = k;
      continue;
    }
    const bool closes = t.mark == MarkShape::dq_close ? true : t.mark == MarkShape::dq_open ? (cc && !co) : cc;
    if (!closes) continue;
    const auto o = static_cast<std::uint32_t>(open);
    open = -1;
    if (has_word(toks, o + 1, k)) out.push_back({o, k, false, false});
  }
  if (open >= 0) {
    const auto o = static_cast<std::uint32_t>(open);
    if (has_word(toks, o + 1, e)) out.push_back({o, o, false, true});
  }
  for (std::size_t i = first; i < out.size(); ++i) flag_pair(toks, out[i], e);

  // Then single quotes outside the doubles. An apostrophe opening an
  // elision ('90s, 'em) never opens; a close needs an open before it.
  const std::size_t doubles_end = out.size();
  open = -1;
  for (std::uint32_t k = b; k < e; ++k) {
    const Tok& t = toks[k];
    if (t.kind != TokKind::mark || !is_single(t.mark) || (t.flags & (kInQuote | kOpen | kClose)) != 0) continue;
    if (t.mark != MarkShape::sq_close && can_open(toks, k, b, e)) {
      const Tok& next = toks[k + 1];
      const bool elision = next.kind == TokKind::word && ((next.flags & kDigit) != 0 || next.has(kElision));
      if (!elision && next.kind == TokKind::word && open < 0) open = k;
      continue;
    }
    if (open >= 0 && t.mark != MarkShape::sq_open && can_close(toks, k, b, e)) {
      const auto o = static_cast<std::uint32_t>(open);
      // "Jones' book": a plural possessive followed by a word is an
      // apostrophe when a later mark can still close the quote.
      const Tok& prev = toks[k - 1];
      if (prev.kind == TokKind::word && (prev.flags & kEndsInS) != 0 && k + 1 < e &&
          toks[k + 1].kind == TokKind::word && (t.flags & kSpaceAfter) != 0) {
        bool later = false;
        for (std::uint32_t j = k + 1; j < e && j < k + 200; ++j) {
          if (toks[j].kind == TokKind::mark && is_single(toks[j].mark) && can_close(toks, j, b, e)) {
            later = true;
            break;
          }
        }
        if (later) continue;
      }
      open = -1;
      // A single pair never spans a double one.
      bool crosses = false;
      for (std::uint32_t j = o + 1; j < k; ++j) crosses |= (toks[j].flags & (kOpen | kClose)) != 0;
      if (!crosses && has_word(toks, o + 1, k)) out.push_back({o, k, true, false});
    }
  }
  for (std::size_t i = doubles_end; i < out.size(); ++i) flag_pair(toks, out[i], e);
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
            [](const MarkPair& x, const MarkPair& y) { return x.open < y.open; });
}

}  // namespace docpipe::quotes::detail
