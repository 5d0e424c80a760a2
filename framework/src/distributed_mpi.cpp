// --mpi: rank 0 coordinates (ChunkPlan) and also works in a thread of its
// own; every rank asks rank 0 for its next chunk, reporting the one it
// finished in the same message. Only the main thread calls MPI
// (MPI_THREAD_FUNNELED), and rank 0 polls with MPI_Iprobe and a short sleep
// instead of a blocking receive, which in Open MPI spins a core.

#include "detail/distributed_plan.hpp"

#include <docpipe/framework/distributed.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <mpi.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

namespace docpipe {
namespace {

using detail::Chunk;
using detail::ChunkReport;
constexpr int kAsk = 1;     // worker -> 0: report (or none) + request
constexpr int kAssign = 2;  // 0 -> worker: a chunk or stop
constexpr std::uint64_t kNone = UINT64_MAX;

using ReportMessage = std::array<std::uint64_t, 5>;  // id, records, documents, failed, bytes
using AssignMessage = std::array<std::uint64_t, 3>;  // id, first, end

ReportMessage encode(const std::optional<ChunkReport>& r) {
  if (!r) return {kNone, 0, 0, 0, 0};
  return {r->id, r->records, r->documents, r->failed, r->bytes};
}

// Ends the whole job: a rank that cannot go on must not leave the others
// waiting for it.
[[noreturn]] void abort_job(int rank, const std::exception_ptr& error) {
  int code = 1;
  try {
    std::rethrow_exception(error);
  } catch (const ConfigError& e) {
    spdlog::error("rank {}: {}", rank, e.what());
    code = 2;
  } catch (const std::exception& e) {
    spdlog::error("rank {}: {}", rank, e.what());
  }
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

// Waits for `request` without spinning: Open MPI's blocking calls poll
// a core at full speed, which with more ranks than cores (or a rank done
// early, waiting in MPI_Finalize's barrier) takes it from the ranks at work.
void wait_politely(MPI_Request& request) {
  for (int polls = 0;; ++polls) {
    int done = 0;
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    if (done != 0) return;
    std::this_thread::sleep_for(polls < 100 ? std::chrono::microseconds(50) : std::chrono::microseconds(1000));
  }
}

// All ranks meet here before MPI_Finalize, without spinning while the last
// chunks finish.
void barrier_politely() {
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Ibarrier(MPI_COMM_WORLD, &request);
  wait_politely(request);
}

// Every rank lists and reads the inputs itself: a rank that sees other
// files (another mount, files still arriving) would number records
// differently, and the merge would interleave two corpora.
void check_same_inputs(const RunOptions& options) {
  std::string key = detail::inputs_key(options.inputs);
  std::string root = key;
  int length = static_cast<int>(root.size());
  MPI_Bcast(&length, 1, MPI_INT, 0, MPI_COMM_WORLD);
  root.resize(static_cast<std::size_t>(length));
  MPI_Bcast(root.data(), length, MPI_CHAR, 0, MPI_COMM_WORLD);
  if (root != key) {
    throw ConfigError(
        "this rank sees other inputs than rank 0 (other files, or other sizes): every rank must "
        "read the same files");
  }
}

void work_remote(const DocumentProcessor& process, const RunOptions& options) {
  detail::ChunkWorker worker(process, options);
  std::optional<ChunkReport> report;
  for (;;) {
    ReportMessage ask = encode(report);
    MPI_Send(ask.data(), static_cast<int>(ask.size()), MPI_UINT64_T, 0, kAsk, MPI_COMM_WORLD);
    AssignMessage got{};
    MPI_Request request = MPI_REQUEST_NULL;
    MPI_Irecv(got.data(), static_cast<int>(got.size()), MPI_UINT64_T, 0, kAssign, MPI_COMM_WORLD, &request);
    wait_politely(request);
    if (got[0] == kNone) return;
    report = worker.run(Chunk{got[0], got[1], got[2]});
  }
}

RunStats coordinate(const DocumentProcessor& process, const RunOptions& options, const MpiOptions& mpi, int size) {
  const auto start = std::chrono::steady_clock::now();
  detail::ChunkPlan plan(options.output, mpi.chunk_records, detail::inputs_key(options.inputs), options.resume);

  // Rank 0's own worker, fed straight from the plan.
  std::exception_ptr local_error;
  std::atomic<bool> local_done{false};
  std::thread local([&] {
    try {
      detail::ChunkWorker worker(process, options);
      while (const auto chunk = plan.next(0)) plan.complete(worker.run(*chunk));
    } catch (...) {
      local_error = std::current_exception();
    }
    local_done = true;
  });

  auto last_progress = std::chrono::steady_clock::now();
  try {
    while (plan.stopped() < size) {
      if (local_done && local_error) break;
      int flag = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, kAsk, MPI_COMM_WORLD, &flag, &status);
      if (flag == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      } else {
        ReportMessage msg{};
        MPI_Recv(msg.data(), static_cast<int>(msg.size()), MPI_UINT64_T, status.MPI_SOURCE, kAsk, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        if (msg[0] != kNone) plan.complete({msg[0], msg[1], msg[2], msg[3], msg[4]});
        const auto chunk = plan.next(status.MPI_SOURCE);
        AssignMessage reply = chunk ? AssignMessage{chunk->id, chunk->first, chunk->end} : AssignMessage{kNone, 0, 0};
        MPI_Send(reply.data(), static_cast<int>(reply.size()), MPI_UINT64_T, status.MPI_SOURCE, kAssign,
                 MPI_COMM_WORLD);
      }
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress > options.progress_interval) {
        last_progress = now;
        const auto t = plan.totals();
        const auto [done, held] = plan.counts();
        spdlog::info("progress: {} documents, {} failed, {} chunks done, {} running", t.documents, t.failed, done,
                     held);
      }
    }
  } catch (...) {
    local.join();
    throw;
  }
  local.join();
  if (local_error) std::rethrow_exception(local_error);
  plan.finish();
  RunStats stats = plan.totals();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace

bool mpi_available() {
  return true;
}

std::optional<RunStats> run_mpi(const DocumentProcessor& process, const RunOptions& options, const MpiOptions& mpi) {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  int rank = 0;
  int size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::optional<RunStats> stats;
  try {
    check_same_inputs(options);
    if (rank == 0)
      stats = coordinate(process, options, mpi, size);
    else
      work_remote(process, options);
    barrier_politely();
  } catch (...) {
    abort_job(rank, std::current_exception());
  }
  MPI_Finalize();
  return stats;
}

}  // namespace docpipe
