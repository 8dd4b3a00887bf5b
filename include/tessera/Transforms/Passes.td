//===- Passes.td - Tessera's code generation passes -----------------------===//

#ifndef TESSERA_TRANSFORMS_PASSES_TD
#define TESSERA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RecordModelInterface : Pass<"tessera-record-model-interface",
                                "::mlir::ModuleOp"> {
  let summary = "Record the model's inputs and outputs before lowering";
  let description = [{
    Stores the names (`graph.name` argument and result attributes), element
    types (unsigned ones included, which lowering turns signless) and shapes
    of the entry function's arguments and results in the module attribute
    `tessera.interface`, and marks the function with
    `llvm.emit_c_interface`. `tessera-emit-model-abi` builds the compiled
    module's metadata from it. The entry function is the only public
    function of the module; a module with none or several is an error.
  }];
}

def OutlineShapeChecks : Pass<"tessera-outline-shape-checks",
                              "::mlir::ModuleOp"> {
  let summary = "Move the model's input shape checks into a function of "
                "their own";
  let description = [{
    Lowering guards what it cannot compute for every input shape with
    `cf.assert` (e.g. two dynamic dimensions that must be equal). An assert
    failing inside the model would abort the process; the runtime must
    instead return an error naming the inputs. Every assert of the entry
    function whose condition depends only on the inputs' dimensions (through
    `tensor.dim` and index arithmetic) moves into a new public function
    `<entry>_checks` with the entry function's arguments, which returns 0
    when all checks pass and k when check k is the first that fails. The
    messages, prefixed with the inputs and dimensions each check reads, go
    into `tessera.interface` (`checks`, `checks_function`);
    `tessera-emit-model-abi` runs the function before the model. Asserts on
    data stay in place.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect"];
}

def DefaultCPUSchedules : Pass<"tessera-default-cpu-schedules",
                               "::mlir::ModuleOp"> {
  let summary = "Rule-based schedules for the kernels of a model (no search)";
  let description = [{
    Chooses a schedule for each kernel from its kind and shape, as a
    transform-dialect script, and applies it (TVM's DLight idea: compile in
    seconds, no tuning):
    - contractions (matmul, batch_matmul, Gemm/MatMul generics) with static
      shapes: cache tiles in a parallel `scf.forall` over the batch, M and N
      dimensions, a K loop, register tiles of up to `register-rows` x 2
      vectors vectorized into `vector.contract`, the accumulator tile hoisted
      out of the K loop; tiles divide their dimensions (N needs a divisor of
      at least 4 lanes); with a single K tile, each register tile fills its
      own accumulator (zeros in registers, not through memory); a result
      in transposed panels with several K tiles is filled beforehand, as
      rows, by the threads;
    - NCHW convolutions (`linalg.conv_2d_nchw_fchw`) with static shapes:
      rewritten to a copy of the input windows (none for 1x1 convolutions
      with unit strides) plus a contraction, then scheduled as one; for one
      image whose output positions fill no register tile, the output
      channels are the vector dimension and constant filters are stored
      transposed at compile time;
    - elementwise kernels read by one elementwise kernel only are fused
      into it (x * sigmoid(x) reads x once);
    - epilogues (TVM's FuseOps for out-elementwise-fusable kernels): the
      chain of elementwise kernels after a contraction (bias, activation,
      residual add), each the only user of the previous result, is brought
      to the contraction's iteration space (unit dimensions dropped,
      reshapes moved past it), rewritten to update that result in place and
      fused into the contraction's thread tiles with the accumulator's fill,
      where it is vectorized a row of the tile at a time;
    - depthwise convolutions of one image: one elementwise kernel per tap
      on shifted (row-strided) windows of the padded plane, fused per
      channel with the fill and the epilogue and vectorized over tiles of
      whole rows; each channel's tile pads its own plane (in cache); with
      strided columns, the plane is first split into column phases
      ([h, w / s, s] -> [h, s, w / s], a row at a time with shuffles) and
      the phases padded, so that each tap reads one phase contiguously;
      other shapes: generics with the output
      row innermost, one channel per thread tile with its pad, fill and
      epilogue fused; other pads: a threaded fill and copy;
    - the operand of a contraction read along N (the vector dimension) is
      packed into panels of one register tile's width, [N/w][K][w], so that
      each register tile reads its panel contiguously: constant weights at
      compile time, other operands by a threaded copy when M and K are at
      least 256 (the copy is then a small part of the work); the result and
      its epilogue become [M][N/w][w] in the same memory. Operands that are
      not packed but read along N with a stride are transposed (constant
      weights at compile time);
    - the operand read along M (the columns of a convolution whose output
      channels are the vector dimension) is packed into panels of one
      register tile's height, [M/m][K][m], when a copy of it is made anyway
      and m divides the innermost dimension of what it copies: the window
      copy then writes the panels directly;
    - register tiles whose windows have unit strides and dilations read
      them in place instead, from the (padded) input, when they take all
      of K (they do while the weights' panel, K x its width, fits a cache
      tile's K x N slice): the copy is fused into each register tile,
      which loops over the channels and the taps (the taps unrolled up to
      5 x 5), each step reading a row of windows broadcast along the tile;
      the register tiles loop over the weights' panels outermost;
    - reduction kernels: their floating-point ops may be reassociated, so
      that LLVM vectorizes them; innermost reduction loops over the input's
      innermost dimensions (a global pool's [h, w]) become one loop; NCHW
      max and sum poolings iterate with the output row innermost
      (vectorized rows, not 3x3 scalar windows);
    - every other kernel: its outermost parallel dimension split into
      chunks in an `scf.forall` for the threads (unless it has fewer than
      `min-threaded-iterations` iterations: the fork and join of the
      threads would cost more), the rest serial loops;
      copies (window copies, pad interiors, transposes that keep the
      innermost dimension) with rows of at least two vectors copy a vector
      per row. Vector widths come
    from `vector-width` (32-bit lanes of the target's vectors: 16 with
    AVX-512, 8 with AVX2, 4 with NEON).
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", "16",
           "32-bit lanes per vector register">,
    Option<"registerRows", "register-rows", "int64_t", "8",
           "Rows of a contraction's register tile">,
    Option<"minThreadedIterations", "min-threaded-iterations", "int64_t",
           "8192",
           "Iterations an elementwise, copy or other kernel needs at least "
           "to be split across threads">
  ];
  let statistics = [
    Statistic<"numFusedEpilogues", "fused-epilogues",
              "Elementwise kernels fused into the tiles of a contraction">,
    Statistic<"numContractions", "contractions",
              "Contractions scheduled (im2col convolutions included)">,
    Statistic<"numConvolutions", "convolutions",
              "Convolutions rewritten to contractions">,
    Statistic<"numThreaded", "threaded",
              "Other kernels split across threads">
  ];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::transform::TransformDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect"];
}

def Bufferize : Pass<"tessera-bufferize", "::mlir::ModuleOp"> {
  let summary = "One-shot bufferization of a whole model";
  let description = [{
    One-shot module bufferization with the settings the CPU pipeline needs:
    function boundaries bufferized with identity layouts (the model ABI
    passes compact buffers), loops may yield new allocations (recurrent
    operators, top_k), and copies between buffers with strided layouts
    become `linalg.copy` (loops that later passes vectorize) instead of
    `memref.copy`, which would need a runtime library call.
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
}

def HoistVectorTransfers : Pass<"tessera-hoist-vector-transfers",
                                "::mlir::func::FuncOp"> {
  let summary = "Keep loop-carried vector accumulators in registers";
  let description = [{
    After bufferization, moves `vector.transfer_read`/`transfer_write` pairs
    of the same buffer slice that are invariant in a loop out of it (the
    accumulator tile of a matmul's reduction loop), with
    `linalg::hoistRedundantVectorTransfers`. Schedules hoist at tensor level
    already; what bufferization leaves (transfers on aliasing views) needs this.
  }];
  let dependentDialects = ["::mlir::vector::VectorDialect"];
}

def FlattenVectorTransfers : Pass<"tessera-flatten-vector-transfers",
                                  "::mlir::func::FuncOp"> {
  let summary = "Transfer short rows of contiguous buffers as one vector";
  let description = [{
    After bufferization: a vector transfer of several rows narrower than a
    vector register, from or to rows that lie contiguously in memory,
    becomes one 1-D transfer and a `vector.shape_cast`
    (`vector::populateFlattenVectorTransferPatterns`).

    The CPU lowering unrolls an n-D transfer into one transfer per row. A
    depthwise convolution of stride 2 splits each input row, read as
    [positions][2] and transposed in registers, into its two column phases:
    as 56 reads of two elements that took more time than the convolution;
    as one read of 112 elements, the transposition is a few shuffles.
    Rows of a register or more are left as they are: they already load
    whole registers.
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", "16",
           "f32 elements in a vector register">,
  ];
  // The flattened transfers index memref.collapse_shape views through
  // affine.apply.
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::vector::VectorDialect"];
}

def PrefetchPanels : Pass<"tessera-prefetch-panels", "::mlir::func::FuncOp"> {
  let summary = "Prefetch the rows of packed panels ahead of a register "
                "tile's K loop";
  let description = [{
    After bufferization: in a loop of unit step that reads rows of packed
    panels, [panels][K][width] as the default schedules pack them, along K
    with vector transfers, adds `memref.prefetch`es of each cache line of
    the whole width of:

    - the row `rows-ahead` steps on, into L1, for every panel buffer, in a
      register tile's K loop (one that carries vector accumulators). It
      reads a new row of its panel (two cache lines at a width of 32
      floats) every 16 FMAs, from L2: the hardware prefetchers fell behind,
      and the first FMAs waited on those loads. Other loops, such as the
      copy of a plane into its padded buffer, read each row once and in
      order; their prefetches would only cost instructions.
      Measured on a 1024^3 matmul (runtime operands packed into panels):
      4-5 % faster at one thread and at two.
    - the row one trip of the loop ahead, into L2, for constants
      (`memref.get_global`) of at least `min-bytes`: the row of the next K
      tile, or, for a loop over all of K, of the next panel. The first of
      the tiles that share a K tile takes its weights from memory: in a
      whole model the weights of the late layers (megabytes per
      convolution) are not in any cache, and that first sweep waited on
      memory while the others computed from L2. Prefetched one tile ahead,
      the weights stream in while all the tiles compute. Smaller weights
      stay in L2 from one tile to the next.

    Rows past the end of a panel are addresses in the next panel or past
    the buffer; a prefetch never faults.
  }];
  let options = [
    Option<"rowsAhead", "rows-ahead", "int64_t", "16",
           "Steps of the K loop a row is prefetched into L1 ahead (0: none)">,
    Option<"minBytes", "min-bytes", "int64_t", "2 * 1024 * 1024",
           "Bytes of a weight constant at least, to be prefetched a trip "
           "ahead">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def RegisterTileTransfers : Pass<"tessera-register-tile-transfers",
                                 "::mlir::func::FuncOp"> {
  let summary = "Rewrite the vector transfers of register tiles into forms "
                "the CPU lowering turns into loads, broadcasts and shuffles";
  let description = [{
    Runs after the schedules (default or the user's) vectorized the kernels,
    on tensors or buffers:
    - a read of a few contiguous elements that are each broadcast along
      another vector dimension (a register tile's rows from a panel
      [M/m][K][m], or from [K][M]) becomes one read per element (upstream
      vector unrolling): LLVM then broadcasts each element from memory, on a
      load port, where it broadcast some elements of a vector load with
      shuffles, on the port the FMAs need;
    - a transposed transfer whose permutation map skips dimensions of its
      source (the accumulators of a register tile of a result in panels,
      [N/n][n][M/m][m], one panel of each) becomes a transfer of all of
      them, the skipped ones as unit vector dimensions with shape casts: a
      permutation of all dimensions is lowered to whole rows and shuffles,
      a projected one to one scalar load or store per element.
  }];
  // Unrolled reads index with affine.apply.
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::vector::VectorDialect"];
}

def PlanMemory : Pass<"tessera-plan-memory", "::mlir::func::FuncOp"> {
  let summary = "Pack a function's intermediate buffers into one workspace";
  let description = [{
    Runs on bufferized code after buffer deallocation. Every statically
    shaped `memref.alloc` in the function's entry block that the same block
    deallocates with `memref.dealloc` is live from the allocation to the
    deallocation; the buffers are placed in one byte arena, largest first,
    each at the lowest 64-byte-aligned offset that no buffer live at the same
    time occupies (buffers whose lifetimes do not overlap share memory). The
    arena becomes a new last argument `memref<Nxi8>` marked
    `tessera.workspace`, each buffer a `memref.view` into it, and the
    deallocations disappear. The function gets `tessera.workspace_bytes`.
    Buffers allocated inside loops or with dynamic sizes, and buffers that
    escape (results), stay heap allocations.

    With `stack-scratch`, the statically shaped buffers of up to 64 KiB that
    an iteration of an `scf.forall` allocates and frees itself (a depthwise
    tile's padded plane) become `memref.alloca`s instead: a heap allocation
    per iteration cost mobilenet_v2 at two threads 3-13 % of its latency. Only
    for loops lowered to OpenMP, which gives each iteration an alloca scope;
    a serial loop would grow the stack at every iteration.
  }];
  let options = [
    Option<"stackScratch", "stack-scratch", "bool", "false",
           "Put the small scratch buffers of parallel loop iterations on "
           "the stack (parallel loops become OpenMP loops)">,
  ];
  let statistics = [
    Statistic<"numPlannedBuffers", "planned-buffers",
              "Buffers placed in the workspace">,
    Statistic<"bytesBeforeReuse", "bytes-before-reuse",
              "Total size of the planned buffers">,
    Statistic<"workspaceBytes", "workspace-bytes",
              "Workspace size: the peak intermediate memory">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def EmitModelABI : Pass<"tessera-emit-model-abi", "::mlir::ModuleOp"> {
  let summary = "Add the compiled module's C entry points";
  let description = [{
    Runs on the LLVM dialect, after the entry function was lowered with its C
    interface. Adds the exported functions of Tessera's model ABI
    (runtime/include/tessera/runtime/module_abi.h):
    `tessera_model_metadata` (a JSON description built from
    `tessera.interface` and the workspace size), `tessera_model_run(inputs,
    outputs, workspace)` (unpacks the memref descriptors the caller passes,
    calls the model, copies the result descriptors out) and
    `tessera_model_set_num_threads` (OpenMP's thread count when the module
    uses OpenMP). Every other function becomes internal.
  }];
  let options = [
    Option<"targetTriple", "target-triple", "std::string", "\"\"",
           "Target triple recorded in the metadata">
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def ApproximateMath : Pass<"tessera-approximate-math"> {
  let summary = "Replace f32 transcendental functions with polynomials";
  let description = [{
    Rewrites the f32 math ops named by `ops` (scalars and vectors) into
    MLIR's polynomial approximations (range reduction and a minimax
    polynomial in arithmetic ops): activation functions then vectorize with
    the loops around them instead of calling libm's scalar functions once
    per element (sigmoid, SiLU and softmax call `exp` for every element).
    Other element types and ops are left to the libm / intrinsic lowering.
  }];
  let options = [
    ListOption<"ops", "ops", "std::string",
               "Names of the math ops to approximate (default: math.exp, "
               "math.tanh, math.erf)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::vector::VectorDialect"];
}

#endif // TESSERA_TRANSFORMS_PASSES_TD
