# Sourced by the bench scripts: Debian's python3-torch with OpenBLAS (OpenMP build) for the PyTorch
# process only. Sets PY and OPENBLAS; installs what is missing (needs root for apt).
# Run PyTorch as: LD_LIBRARY_PATH=$OPENBLAS $PY script.py
PY=/usr/bin/python3   # Debian's python with python3-torch (a pyenv python3 on PATH has no torch)
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp

apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; }
$PY -c 'import torch' 2>/dev/null || apt_install python3-torch
# Debian's torch is built with BLAS_INFO=generic: it calls whatever libblas.so.3 is selected, by
# default netlib's reference BLAS (~3 GFLOP/s here). Give it OpenBLAS (OpenMP build, like torch)
# for this process only, without changing the system's BLAS alternative.
if [ ! -e "$OPENBLAS/libblas.so.3" ]; then
  apt_install libopenblas0-openmp
  update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/blas/libblas.so.3 >&2 || true
  update-alternatives --set liblapack.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3 >&2 || true
fi

# The OpenBLAS kernel family PyTorch gets (e.g. SkylakeX, Zen).
openblas_core() {
  LD_LIBRARY_PATH=$OPENBLAS $PY -c "import ctypes; l=ctypes.CDLL('$OPENBLAS/libopenblas.so.0'); l.openblas_get_corename.restype=ctypes.c_char_p; print(l.openblas_get_corename().decode())"
}
