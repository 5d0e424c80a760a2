// crasher: a test-only plugin that misbehaves on marked documents, for the
// batch runner's error handling and crash-isolation tests. Marks:
// CRASH-SEGV (segfault), CRASH-ABORT (abort), CRASH-HANG (never returns),
// CRASH-THROW (throws). Other documents get a `checked` annotation.

#include <docpipe/sdk/plugin.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

namespace {

class Crasher final : public docpipe::Stage {
 public:
  explicit Crasher(const docpipe::StageContext& context)
      : delay_(std::chrono::microseconds(context.config.get_int("delay_us"))) {}

  void process(docpipe::Document& doc) const override {
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    const auto& t = doc.text;
    if (t.find("CRASH-SEGV") != std::string::npos) std::raise(SIGSEGV);
    if (t.find("CRASH-ABORT") != std::string::npos) std::abort();
    if (t.find("CRASH-HANG") != std::string::npos) {
      for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (t.find("CRASH-THROW") != std::string::npos) throw docpipe::DocumentError("crasher was told to throw");
    doc.layer("checked").push_back({0, static_cast<docpipe::Offset>(t.size()),
                                    {{"bytes", static_cast<std::int64_t>(t.size())}}});
  }

 private:
  std::chrono::microseconds delay_;
};

docpipe::PluginInfo describe() {
  return {
      .name = "crasher",
      .version = "0.0.1",
      .summary = "Crashes, hangs or throws on marked documents (tests only)",
      .requires_layers = {},
      .provides = {"checked"},
      .options = {docpipe::with_range(docpipe::option_int("delay_us", 0, "Sleep this long per document"), 0, 10000000)},
      .create = [](const docpipe::StageContext& c) { return std::make_unique<Crasher>(c); },
  };
}

}  // namespace

DOCPIPE_PLUGIN(describe)
