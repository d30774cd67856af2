# The wasm-opt passes and features of the shipped module, in one place: sourced by
# scripts/build-wasm.sh (the shipped build) and scripts/bench.sh (the same build with names kept).
# -Oz more than once: a second round finds ~200 bytes more.
# Before them, --dae-optimizing (drops arguments every caller passes the same) and
# --merge-similar-functions (functions that differ only in constants share one body): ~1.3 KB
# that -Oz alone does not find (neither pass helps after -Oz).
# --low-memory-unused: Rust's wasm32 layout puts the stack (growing down from 1 MiB) and then the
# data above it, so nothing lives in the lowest 1 KiB; wasm-opt may then fold constant offsets
# into loads and stores (~1 KB smaller).
# --flatten --rereloop between the -Oz rounds, twice: Binaryen rebuilds each function's control
# flow from a flat form, and -Oz then finds ~1.3 KB more to fold (a third time is 54 bytes larger);
# the analysis' speed unchanged within noise (bench-wasm-ab.mjs, both orders: 1.029 and 0.973).
WASM_OPT_ARGS=(--low-memory-unused --dae-optimizing --merge-similar-functions
  -Oz --flatten --rereloop -Oz --flatten --rereloop -Oz -Oz
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
