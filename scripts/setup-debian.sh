#!/usr/bin/env bash
# Installs what docpipe needs to build and test on Debian 12, with apt-get.
# Idempotent: installs only the packages that are missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev libboost-filesystem-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  catch2 libcli11-dev libtbb-dev rapidjson-dev libsimdjson-dev libutf8proc-dev
  libstemmer-dev libelf-dev zlib1g-dev libzstd-dev
  libicu-dev  # the ICU baseline of bench/
  chromium    # the browser test of docpipe view
  openmpi-bin libopenmpi-dev  # docpipe run --mpi and its tests
  clang libclang-rt-14-dev    # the fuzz preset (libFuzzer) and scripts/sanitize.sh
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
