// --mpi in a docpipe built without MPI (no MPI found when configuring).

#include <docpipe/framework/distributed.hpp>
#include <docpipe/sdk/error.hpp>

namespace docpipe {

bool mpi_available() {
  return false;
}

std::optional<RunStats> run_mpi(const DocumentProcessor& /*process*/, const RunOptions& /*options*/,
                                const MpiOptions& /*mpi*/) {
  throw ConfigError("--mpi: this docpipe was built without MPI (install libopenmpi-dev and configure again)");
}

}  // namespace docpipe
