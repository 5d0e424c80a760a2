// icu_baseline: the peer a docpipe tokenizer is measured against. Reads
// docpipe JSONL ({"id","text",...} a line), splits each text into words and
// sentences with ICU's BreakIterators straight over the UTF-8 (UText, no
// UTF-16 copy), and prints counts and time. With --write it writes the spans
// as docpipe output, so `docpipe eval --pred` can score ICU too.
//
//   icu_baseline [-j THREADS] [--write OUT.jsonl] INPUT.jsonl
//
// Built by bench/bench.py (g++ ... -licuuc -licui18n -ltbb); not part of the
// build or the tests.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Iterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  Iterators() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));
  }
};

bool blank(const std::string& text, int32_t begin, int32_t end) {
  for (int32_t i = begin; i < end; ++i) {
    const char c = text[static_cast<std::size_t>(i)];
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  }
  return true;
}

using Spans = std::vector<std::pair<int32_t, int32_t>>;

// Word segments that are not white space, and sentences trimmed of trailing white space.
void split(Iterators& it, const std::string& text, Spans& tokens, Spans& sentences) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  it.words->setText(ut, status);
  for (int32_t b = it.words->first(), e = it.words->next(); e != icu::BreakIterator::DONE;
       b = e, e = it.words->next()) {
    if (!blank(text, b, e)) tokens.emplace_back(b, e);
  }
  it.sentences->setText(ut, status);
  for (int32_t b = it.sentences->first(), e = it.sentences->next(); e != icu::BreakIterator::DONE;
       b = e, e = it.sentences->next()) {
    int32_t end = e;
    while (end > b && blank(text, end - 1, end)) --end;
    if (end > b) sentences.emplace_back(b, end);
  }
  utext_close(ut);
}

void write_spans(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* name, const Spans& spans) {
  w.Key(name);
  w.StartArray();
  for (const auto& [b, e] : spans) {
    w.StartObject();
    w.Key("begin");
    w.Int(b);
    w.Key("end");
    w.Int(e);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 1;
  std::string input;
  std::string write;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-j") == 0 && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--write") == 0 && i + 1 < argc) {
      write = argv[++i];
    } else {
      input = argv[i];
    }
  }
  if (input.empty()) {
    std::cerr << "usage: icu_baseline [-j THREADS] [--write OUT.jsonl] INPUT.jsonl\n";
    return 2;
  }
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "icu_baseline: cannot open " << input << "\n";
    return 2;
  }
  std::ofstream out;
  if (!write.empty()) out.open(write, std::ios::binary);

  const auto start = std::chrono::steady_clock::now();
  tbb::task_arena arena(threads <= 0 ? tbb::task_arena::automatic : threads);
  tbb::enumerable_thread_specific<Iterators> iterators;
  std::atomic<std::size_t> tokens{0};
  std::atomic<std::size_t> sentences{0};
  std::size_t docs = 0;
  std::atomic<std::size_t> text_bytes{0};
  // Batches of about 4 MB of lines keep memory flat and the threads busy.
  std::vector<std::string> batch;
  std::vector<std::string> results;
  std::size_t batch_bytes = 0;
  const auto flush = [&] {
    results.assign(batch.size(), {});
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, batch.size(), [&](std::size_t i) {
        rapidjson::Document d;
        d.ParseInsitu(batch[i].data());
        if (d.HasParseError() || !d.IsObject() || !d.HasMember("text") || !d["text"].IsString()) return;
        const std::string text(d["text"].GetString(), d["text"].GetStringLength());
        text_bytes += text.size();
        Spans t;
        Spans s;
        split(iterators.local(), text, t, s);
        tokens += t.size();
        sentences += s.size();
        if (!write.empty()) {
          rapidjson::StringBuffer buffer;
          rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
          w.StartObject();
          if (d.HasMember("id") && d["id"].IsString()) {
            w.Key("id");
            w.String(d["id"].GetString(), d["id"].GetStringLength());
          }
          w.Key("text");
          w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
          write_spans(w, "sentences", s);
          write_spans(w, "tokens", t);
          w.EndObject();
          results[i].assign(buffer.GetString(), buffer.GetSize());
        }
      });
    });
    if (!write.empty()) {
      for (const auto& r : results) out << r << '\n';
    }
    batch.clear();
    batch_bytes = 0;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    ++docs;
    batch_bytes += line.size();
    batch.push_back(std::move(line));
    if (batch_bytes >= (4u << 20)) flush();
  }
  flush();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"documents\":%zu,\"text_bytes\":%zu,\"tokens\":%zu,\"sentences\":%zu,\"seconds\":%.3f}\n", docs,
              text_bytes.load(), tokens.load(), sentences.load(), seconds);
  return 0;
}
