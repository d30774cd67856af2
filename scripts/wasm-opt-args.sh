# The wasm-opt passes and features of the shipped module, in one place: sourced by
# scripts/build-wasm.sh (the shipped build) and scripts/bench.sh (the same build with names kept).
# -Oz twice: the second round finds ~200 bytes more (a third, or --converge, next to nothing).
# Before them, --dae-optimizing (drops arguments every caller passes the same) and
# --merge-similar-functions (functions that differ only in constants share one body): ~1.3 KB
# that -Oz alone does not find (neither pass helps after -Oz).
# --low-memory-unused: Rust's wasm32 layout puts the stack (growing down from 1 MiB) and then the
# data above it, so nothing lives in the lowest 1 KiB; wasm-opt may then fold constant offsets
# into loads and stores (~1 KB smaller).
WASM_OPT_ARGS=(--low-memory-unused --dae-optimizing --merge-similar-functions -Oz -Oz
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
