// tensor-opt registers every upstream dialect plus Tessera's.
// RUN: tensor-opt --show-dialects | FileCheck %s --check-prefix=DIALECTS
// DIALECTS-DAG: graph
// DIALECTS-DAG: linalg
// DIALECTS-DAG: transform
// DIALECTS-DAG: gpu

// Upstream passes are registered too.
// RUN: tensor-opt --help | FileCheck %s --check-prefix=PASSES
// PASSES-DAG: --one-shot-bufferize
// PASSES-DAG: --convert-scf-to-openmp
// PASSES-DAG: --transform-interpreter
