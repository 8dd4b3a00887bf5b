//===- Passes.td - Tessera's conversion passes ----------------------------===//

#ifndef TESSERA_CONVERSION_PASSES_TD
#define TESSERA_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertGraphToTE : Pass<"convert-graph-to-te", "::mlir::ModuleOp"> {
  let summary = "Lower graph operators to te.compute";
  let description = [{
    Every graph operator becomes one or more `te.compute` stages that say
    what it computes element by element (the operator library, TVM's TOPI);
    `graph.constant` becomes `arith.constant`. Unsigned integer tensors
    become signless ones (function signatures included); the stages use
    unsigned arithmetic where the graph types were unsigned.

    An operator with an attribute value or dynamic shape that the lowering
    does not handle is an error naming the operator and its ONNX node.
  }];
  let dependentDialects = [
    "::tessera::te::TEDialect", "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
}

def ConvertTEToLinalg : Pass<"convert-te-to-linalg"> {
  let summary = "Lower te.compute to Linalg on tensors";
  let description = [{
    Each `te.compute` becomes one `linalg.generic` (or a named Linalg op when
    the generic is one, e.g. `linalg.matmul`), with:
    - reads whose indices are affine functions of the loop indices turned
      into indexing maps (reads of the same tensor at the same map share one
      operand); affine reads with padding whose bounds are static become a
      `tensor.pad` of the input plus a shifted map (convolution pads);
    - every other read (non-affine indices such as floordiv or a gathered
      index, or padding with dynamic bounds) a `tensor.extract` in the body,
      guarded by a bounds check when it pads;
    - reduction axes as reduction iterators, the results initialized with
      the combiner's identity (or the custom `inits`), and the combiner
      applied in the body; an axis whose extent no operand's shape gives is
      carried by an extra input of that shape, as pooling ops do.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
  let options = [
    Option<"specializeNamedOps", "specialize-named-ops", "bool", "true",
           "Turn generics that are named ops (matmul, ...) into them">];
}

def ConvertSchedToTransform : Pass<"convert-sched-to-transform",
                                   "::mlir::ModuleOp"> {
  let summary = "Turn sched.schedule ops into transform-dialect sequences";
  let description = [{
    Each `sched.schedule @s for "stage"` becomes `transform.named_sequence
    @s`, which applies the schedule to every Linalg op whose `te.stage`
    attribute is `stage` (`transform.foreach` over a
    `transform.structured.match`); `@__transform_main` includes every
    sequence. The primitives map as follows:
    - the loops that split, tile, reorder and pack make are cut into bands
      of consecutive loops on distinct dimensions: a band of parallel (or
      bound) loops becomes `tile_using_forall` (with `#gpu.block<x>`-style
      mapping for bound loops), a band of sequential loops `tile_using_for`
      with an `interchange` in the band's order. A loop's tile size is its
      step: the product of the split factors it is outer to. The innermost
      loops of their axes that no primitive needs as loops stay in the
      tiled op, ordered by `structured.interchange` when the schedule
      orders them differently;
    - pack: `structured.pack` of the kernel, before tiling;
    - fuse: fused parallel loops form one multi-dimensional `scf.forall`;
    - compute_at: `fuse_into_containing_op` of the producer stage's op into
      the loop; compute_inline: the same into the innermost loop;
    - cache_read / cache_write: `bufferize_to_allocation` of the input's
      slice / of the destination of the op tiled at the loop;
    - vectorize: `structured.vectorize` of the tiled op, canonicalization,
      folding of tensor subsets into vector transfers and CSE in the
      kernel's function, and `loop.hoist_loop_invariant_subsets` on its
      loops;
    - unroll: `loop.unroll`, innermost loops first;
    - knobs: fixed ones become constants; open ones become
      `transform.tune.knob` ops that select their first value (the tuner
      rewrites the selection).
    A primitive without a transform-dialect form (sequential fused loops,
    an open knob multiplied by another factor or used where transform ops
    take constants) is an error naming it.
  }];
  let dependentDialects = ["::mlir::transform::TransformDialect"];
}

def ApplySchedules : Pass<"tessera-apply-schedules", "::mlir::ModuleOp"> {
  let summary = "Apply a schedule file to the module's Linalg kernels";
  let description = [{
    Loads `sched-file`: sched.schedule ops (converted as by
    `convert-sched-to-transform`) or a transform library with a
    `@__transform_main` named sequence. Schedules are checked against the
    kernels they name (number of loops, reduction axes not run in
    parallel); then the transform interpreter applies `@__transform_main`
    to the module.
  }];
  let options = [
    Option<"schedFile", "sched-file", "std::string", "",
           "The schedule file (sched dialect or transform dialect)">];
  let dependentDialects = [
    "::tessera::sched::SchedDialect", "::mlir::transform::TransformDialect",
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::func::FuncDialect", "::mlir::gpu::GPUDialect",
    "::mlir::linalg::LinalgDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect"];
}

#endif // TESSERA_CONVERSION_PASSES_TD
