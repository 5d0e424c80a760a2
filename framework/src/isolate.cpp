#include <docpipe/framework/isolate.hpp>

#include <docpipe/framework/json_io.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <tbb/concurrent_queue.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

extern char** environ;

namespace docpipe {
namespace {

// Frames: an 8-byte little-endian length, then the bytes. A result frame is
// preceded by one status byte: 'O' (output line) or 'E' (stage '\0' message),
// and followed by a frame of one 8-byte count of nanoseconds per stage (the
// time each stage took on that document).

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Reads exactly `size` bytes, waiting until `deadline` (if any).
enum class ReadStatus { ok, closed, timeout };
ReadStatus read_all(int fd, char* data, std::size_t size,
                    std::optional<std::chrono::steady_clock::time_point> deadline) {
  while (size > 0) {
    if (deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline -
                                                                              std::chrono::steady_clock::now());
      if (left.count() <= 0) return ReadStatus::timeout;
      pollfd p{fd, POLLIN, 0};
      const int r = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
      if (r < 0 && errno != EINTR) return ReadStatus::closed;
      if (r <= 0) continue;
    }
    const ssize_t n = ::read(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ReadStatus::closed;
    }
    if (n == 0) return ReadStatus::closed;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return ReadStatus::ok;
}

bool write_frame(int fd, const std::string& payload) {
  std::uint64_t len = payload.size();
  char header[8];
  std::memcpy(header, &len, 8);
  return write_all(fd, header, 8) && write_all(fd, payload.data(), payload.size());
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev != nullptr ? fmt::format("SIG{}", abbrev) : fmt::format("signal {}", sig);
}

}  // namespace

struct WorkerPool::Worker {
  pid_t pid = -1;
  int to_worker = -1;
  int from_worker = -1;
};

struct WorkerPool::Impl {
  WorkerPoolOptions options;
  std::unique_ptr<std::atomic<std::uint64_t>[]> stage_ns;  // one a stage, summed over answers
  tbb::concurrent_bounded_queue<Worker*> idle;
  std::vector<std::unique_ptr<Worker>> all;
  std::mutex spawn_mutex;

  // The timing frame after an answer: added to the totals when it has one
  // count a stage.
  ReadStatus read_timings(Worker& w, std::optional<std::chrono::steady_clock::time_point> deadline) {
    char header[8];
    ReadStatus status = read_all(w.from_worker, header, 8, deadline);
    if (status != ReadStatus::ok) return status;
    std::uint64_t len = 0;
    std::memcpy(&len, header, 8);
    if (len > 8 * 4096) return ReadStatus::closed;  // not a timing frame: the worker is out of step
    std::vector<std::uint64_t> ns(len / 8);
    status = read_all(w.from_worker, reinterpret_cast<char*>(ns.data()), len, deadline);
    if (status == ReadStatus::ok && ns.size() == options.stage_names.size()) {
      for (std::size_t i = 0; i < ns.size(); ++i) stage_ns[i].fetch_add(ns[i], std::memory_order_relaxed);
    }
    return status;
  }

  void spawn(Worker& w) {
    int in_pipe[2];
    int out_pipe[2];
    if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0) {
      throw Error(fmt::format("--isolate: cannot create pipes: {}", std::strerror(errno)));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    std::vector<char*> argv;
    argv.push_back(options.program.data());
    for (auto& a : options.arguments) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, options.program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in_pipe[0]);
    close(out_pipe[1]);
    if (rc != 0) {
      close(in_pipe[1]);
      close(out_pipe[0]);
      throw Error(fmt::format("--isolate: cannot start worker {}: {}", options.program, std::strerror(rc)));
    }
    w.pid = pid;
    w.to_worker = in_pipe[1];
    w.from_worker = out_pipe[0];
  }

  // Ends a worker; returns how it ended ("killed by SIGSEGV", ...).
  std::string reap(Worker& w, bool kill_it) {
    close(w.to_worker);
    close(w.from_worker);
    if (kill_it) ::kill(w.pid, SIGKILL);
    int status = 0;
    while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    w.pid = -1;
    if (WIFSIGNALED(status)) return fmt::format("killed by {}", signal_name(WTERMSIG(status)));
    if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
    return "ended";
  }
};

WorkerPool::WorkerPool(WorkerPoolOptions options) : impl_(std::make_unique<Impl>()) {
  // A worker that dies makes writes to its pipe fail with EPIPE, not kill us.
  signal(SIGPIPE, SIG_IGN);
  impl_->options = std::move(options);
  impl_->stage_ns = std::make_unique<std::atomic<std::uint64_t>[]>(impl_->options.stage_names.size());
  for (std::size_t i = 0; i < std::max<std::size_t>(1, impl_->options.workers); ++i) {
    auto w = std::make_unique<Worker>();
    impl_->spawn(*w);
    impl_->idle.push(w.get());
    impl_->all.push_back(std::move(w));
  }
}

WorkerPool::~WorkerPool() {
  for (auto& w : impl_->all) {
    if (w->pid > 0) impl_->reap(*w, false);  // closing stdin ends a worker
  }
}

ProcessResult WorkerPool::process(Document& doc, std::string_view text_literal) {
  Worker* w = nullptr;
  impl_->idle.pop(w);
  std::string request;
  write_document(doc, WriteOptions{std::set<std::string, std::less<>>(doc.present_layers().begin(),
                                                                      doc.present_layers().end()),
                                   true},
                 request, text_literal);
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (impl_->options.timeout) {
    deadline = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(*impl_->options.timeout);
  }
  ProcessResult result;
  ReadStatus status = ReadStatus::closed;
  char status_byte = 0;
  std::uint64_t len = 0;
  std::string payload;
  if (write_frame(w->to_worker, request)) {
    char header[9];
    status = read_all(w->from_worker, header, 9, deadline);
    if (status == ReadStatus::ok) {
      status_byte = header[0];
      std::memcpy(&len, header + 1, 8);
      payload.resize(len);
      status = read_all(w->from_worker, payload.data(), len, deadline);
    }
    if (status == ReadStatus::ok) status = impl_->read_timings(*w, deadline);
  }
  if (status == ReadStatus::ok) {
    if (status_byte == 'O') {
      result.output = std::move(payload);
    } else {
      const auto nul = payload.find('\0');
      result.stage = payload.substr(0, nul);
      result.error = nul == std::string::npos ? "worker error" : payload.substr(nul + 1);
    }
  } else {
    const bool timed_out = status == ReadStatus::timeout;
    const std::string how = impl_->reap(*w, true);
    result.stage = "worker";
    result.error = timed_out ? fmt::format("no answer within --doc-timeout ({:.1f} s); worker killed",
                                           impl_->options.timeout->count())
                             : fmt::format("worker process {} while processing document '{}'", how, doc.id);
    std::lock_guard lock(impl_->spawn_mutex);
    impl_->spawn(*w);
  }
  impl_->idle.push(w);
  return result;
}

std::vector<StageTiming> WorkerPool::timings() const {
  std::vector<StageTiming> out;
  for (std::size_t i = 0; i < impl_->options.stage_names.size(); ++i) {
    out.push_back({impl_->options.stage_names[i], std::chrono::nanoseconds(impl_->stage_ns[i].load())});
  }
  return out;
}

int serve_worker(const DocumentProcessor& process, const std::function<std::vector<StageTiming>()>& timings) {
  std::vector<StageTiming> before = timings();
  for (;;) {
    char header[8];
    if (read_all(STDIN_FILENO, header, 8, std::nullopt) != ReadStatus::ok) return 0;
    std::uint64_t len = 0;
    std::memcpy(&len, header, 8);
    std::string request(len, '\0');
    if (read_all(STDIN_FILENO, request.data(), len, std::nullopt) != ReadStatus::ok) return 1;
    ProcessResult result;
    try {
      std::string_view text_literal;
      Document doc = parse_document(request, "", &text_literal);
      result = process(doc, text_literal);
    } catch (const std::exception& e) {
      result.stage = "worker";
      result.error = e.what();
    }
    const bool ok = result.error.empty();
    const std::string payload = ok ? result.output : result.stage + '\0' + result.error;
    const char status = ok ? 'O' : 'E';
    if (!write_all(STDOUT_FILENO, &status, 1) || !write_frame(STDOUT_FILENO, payload)) return 1;
    const std::vector<StageTiming> now = timings();
    std::string took(8 * now.size(), '\0');
    for (std::size_t i = 0; i < now.size(); ++i) {
      const auto ns = static_cast<std::uint64_t>((now[i].total - before[i].total).count());
      std::memcpy(took.data() + 8 * i, &ns, 8);
    }
    before = now;
    if (!write_frame(STDOUT_FILENO, took)) return 1;
  }
}

}  // namespace docpipe
