//===- SchedOps.td - Schedule primitives ----------------------------------===//

#ifndef TESSERA_DIALECT_SCHED_IR_SCHEDOPS_TD
#define TESSERA_DIALECT_SCHED_IR_SCHEDOPS_TD

include "tessera/Dialect/Sched/IR/SchedBase.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"

def ScheduleOp : Op<Sched_Dialect, "schedule", [
    Symbol, IsolatedFromAbove, NoTerminator, SingleBlock, NoRegionArguments]> {
  let summary = "The schedule of one kernel";
  let description = [{
    Holds the primitives that schedule the kernel computing te stage
    `stage`. The body starts with one `sched.axes`; the other primitives
    follow in any order that defines handles before their uses.

    When the enclosing module holds the `te.compute` of the stage, the axis
    names must be its output axes followed by its reduction axes, and
    reduction axes may not run in parallel.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$stage);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `for` $stage attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

class Sched_Op<string mnemonic, list<Trait> traits = []>
    : Op<Sched_Dialect, mnemonic, !listconcat(traits, [HasParent<"ScheduleOp">])>;


def AxesOp : Sched_Op<"axes", [
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "The stage's axes, output axes first";
  let description = [{
    One handle per axis of the stage: its output axes, then its reduction
    axes, in te order (which is the loop order of its Linalg op).

    ```mlir
    %i, %j, %k = sched.axes ["i", "j", "k"]
    ```
  }];
  let arguments = (ins StrArrayAttr:$names);
  let results = (outs Variadic<Sched_AxisType>:$axes);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def KnobOp : Sched_Op<"knob"> {
  let summary = "A tunable integer, fixed or open";
  let description = [{
    A value primitives take as a factor. `= N` fixes it; `choices [...]` or
    `range lo to hi step s` leave it open for the tuner, which picks one of
    the listed values (the first one until it has).

    ```mlir
    %u = sched.knob "unroll" = 4
    %t = sched.knob "tile_j" choices [16, 32, 64]
    %r = sched.knob "tile_k" range 8 to 256 step 8
    ```
  }];
  let arguments = (ins StrAttr:$name, OptionalAttr<I64Attr>:$value,
                       OptionalAttr<DenseI64ArrayAttr>:$choices,
                       OptionalAttr<I64Attr>:$lower, OptionalAttr<I64Attr>:$upper,
                       OptionalAttr<I64Attr>:$step);
  let results = (outs Sched_KnobType:$result);
  let assemblyFormat = [{
    $name (`=` $value^)? (`choices` $choices^)?
    (`range` $lower^ `to` $upper (`step` $step^)?)? attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    bool isOpen() { return !getValue(); }
    /// The value the knob has now: its fixed value, or the first choice.
    int64_t getDefaultValue() {
      if (auto value = getValue())
        return *value;
      if (auto choices = getChoices())
        return choices->front();
      return *getLower();
    }
  }];
}

def SplitOp : Sched_Op<"split"> {
  let summary = "Splits a loop into an outer and an inner loop";
  let description = [{
    The inner loop runs `factor` iterations (fewer in a partial last tile),
    the outer one the rest: `x = outer * factor + inner`. Consumes `axis`.

    ```mlir
    %io, %ii = sched.split %i by 64
    %jo, %ji = sched.split %j by %t
    ```
  }];
  let arguments = !con((ins Sched_AxisType:$axis),
                       (ins Optional<Sched_KnobType>:$factor_knob, OptionalAttr<I64Attr>:$factor));
  let results = (outs Sched_AxisType:$outer, Sched_AxisType:$inner);
  let assemblyFormat = [{
    $axis `by` custom<Factor>($factor_knob, $factor) attr-dict
  }];
  let hasVerifier = 1;
}

def TileOp : Sched_Op<"tile", [AttrSizedOperandSegments]> {
  let summary = "Splits two loops and orders them outer, outer, inner, inner";
  let description = [{
    Shorthand for splitting `x` and `y` and reordering the four loops as
    `x_outer, y_outer, x_inner, y_inner`. Consumes `x` and `y`.

    ```mlir
    %io, %jo, %ii, %ji = sched.tile %i, %j by 64, %t
    ```
  }];
  let arguments = !con((ins Sched_AxisType:$x, Sched_AxisType:$y),
                       (ins Optional<Sched_KnobType>:$x_factor_knob, OptionalAttr<I64Attr>:$x_factor),
                       (ins Optional<Sched_KnobType>:$y_factor_knob, OptionalAttr<I64Attr>:$y_factor));
  let results = (outs Sched_AxisType:$x_outer, Sched_AxisType:$y_outer,
                      Sched_AxisType:$x_inner, Sched_AxisType:$y_inner);
  let assemblyFormat = [{
    $x `,` $y `by` custom<Factor>($x_factor_knob, $x_factor) `,`
    custom<Factor>($y_factor_knob, $y_factor) attr-dict
  }];
  let hasVerifier = 1;
}

def PackOp : Sched_Op<"pack"> {
  let summary = "Splits an axis and packs the operands' data to match";
  let description = [{
    Like `sched.split` of a stage axis, but the data of every operand that
    the axis indexes is laid out again so that the inner loop's elements are
    contiguous (matmul and convolution operand packing). The inner factor is
    a constant or a fixed knob. Consumes `axis`, which must be an axis of
    the stage (not a loop made from one).

    ```mlir
    %ko, %ki = sched.pack %k by 8
    ```
  }];
  let arguments = !con((ins Sched_AxisType:$axis),
                       (ins Optional<Sched_KnobType>:$factor_knob, OptionalAttr<I64Attr>:$factor));
  let results = (outs Sched_AxisType:$outer, Sched_AxisType:$inner);
  let assemblyFormat = [{
    $axis `by` custom<Factor>($factor_knob, $factor) attr-dict
  }];
  let hasVerifier = 1;
}

def ReorderOp : Sched_Op<"reorder"> {
  let summary = "Orders loops, outermost first";
  let description = [{
    The listed loops take the positions they occupy together in the loop
    nest, in the listed order; other loops stay where they are. The loops
    of one axis keep their split order (an inner loop stays inside its outer
    loop).
  }];
  let arguments = (ins Variadic<Sched_AxisType>:$loops);
  let assemblyFormat = "$loops attr-dict";
  let hasVerifier = 1;
}

def FuseOp : Sched_Op<"fuse"> {
  let summary = "Fuses two adjacent loops into one";
  let description = [{
    `outer` must directly enclose `inner`; the result iterates over both.
    A fused loop runs in parallel (`sched.parallel`) as one parallel loop
    over both ranges. Consumes both handles.

    ```mlir
    %f = sched.fuse %io, %jo
    sched.parallel %f
    ```
  }];
  let arguments = (ins Sched_AxisType:$outer, Sched_AxisType:$inner);
  let results = (outs Sched_AxisType:$fused);
  let assemblyFormat = "$outer `,` $inner attr-dict";
}

def ParallelOp : Sched_Op<"parallel"> {
  let summary = "Runs a loop's iterations in parallel (threads on CPUs)";
  let arguments = (ins Sched_AxisType:$loop);
  let assemblyFormat = "$loop attr-dict";
}

def VectorizeOp : Sched_Op<"vectorize"> {
  let summary = "Vectorizes the innermost loops";
  let description = [{
    `loop` must be the innermost loop. It and the loops directly around it
    that no other primitive needs as real loops (loops whose axis is not
    split further inside, not parallel, unrolled or used as an anchor) form
    the innermost tile, which becomes vector operations.
  }];
  let arguments = (ins Sched_AxisType:$loop);
  let assemblyFormat = "$loop attr-dict";
}

def UnrollOp : Sched_Op<"unroll"> {
  let summary = "Unrolls a loop by a factor";
  let arguments = !con((ins Sched_AxisType:$loop),
                       (ins Optional<Sched_KnobType>:$factor_knob, OptionalAttr<I64Attr>:$factor));
  let assemblyFormat = [{
    $loop `by` custom<Factor>($factor_knob, $factor) attr-dict
  }];
  let hasVerifier = 1;
}

def BindOp : Sched_Op<"bind"> {
  let summary = "Maps a loop to a GPU block or thread dimension";
  let description = [{
    `target` is one of `block.x`, `block.y`, `block.z`, `thread.x`,
    `thread.y`, `thread.z`, `warp.x`, `warp.y`, `warp.z`; each at most once
    per schedule. A bound loop runs in parallel.

    ```mlir
    sched.bind %io to "block.x"
    ```
  }];
  let arguments = (ins Sched_AxisType:$loop, StrAttr:$target);
  let assemblyFormat = "$loop `to` $target attr-dict";
  let hasVerifier = 1;
}

def ComputeAtOp : Sched_Op<"compute_at"> {
  let summary = "Computes a producer stage inside a loop of this kernel";
  let description = [{
    The producer stage `stage` (which this kernel reads) is computed inside
    `loop`, for the part of its result one iteration of `loop` reads.

    ```mlir
    sched.compute_at "bias_add" at %jo
    ```
  }];
  let arguments = (ins StrAttr:$stage, Sched_AxisType:$loop);
  let assemblyFormat = "$stage `at` $loop attr-dict";
}

def ComputeInlineOp : Sched_Op<"compute_inline"> {
  let summary = "Computes a producer stage where this kernel reads it";
  let description = [{
    The elementwise producer stage `stage` is recomputed in this kernel's
    innermost loop instead of being stored.
  }];
  let arguments = (ins StrAttr:$stage);
  let assemblyFormat = "$stage attr-dict";
}

def CacheReadOp : Sched_Op<"cache_read"> {
  let summary = "Copies the tile of an input that a loop reads into a local buffer";
  let description = [{
    Before each iteration of `loop`, the part of input `input` (the kernel's
    operand number) that the iteration reads is copied into a buffer of its
    own, in `memory_space` when given (GPU shared memory).

    ```mlir
    sched.cache_read input 1 at %ko
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$input,
                       Sched_AxisType:$loop, OptionalAttr<AnyAttr>:$memory_space);
  let assemblyFormat = [{
    `input` $input `at` $loop (`in` $memory_space^)? attr-dict
  }];
}

def CacheWriteOp : Sched_Op<"cache_write"> {
  let summary = "Accumulates the tile a loop writes in a local buffer";
  let description = [{
    Each iteration of `loop` computes its part of the result in a buffer of
    its own (in `memory_space` when given), copied to the result afterwards.
  }];
  let arguments = (ins Sched_AxisType:$loop, OptionalAttr<AnyAttr>:$memory_space);
  let assemblyFormat = "`at` $loop (`in` $memory_space^)? attr-dict";
}

#endif // TESSERA_DIALECT_SCHED_IR_SCHEDOPS_TD
