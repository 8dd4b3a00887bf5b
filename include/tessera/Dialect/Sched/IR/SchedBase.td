//===- SchedBase.td - The schedule dialect and its types ------------------===//

#ifndef TESSERA_DIALECT_SCHED_IR_SCHEDBASE_TD
#define TESSERA_DIALECT_SCHED_IR_SCHEDBASE_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/OpBase.td"

def Sched_Dialect : Dialect {
  let name = "sched";
  let cppNamespace = "::tessera::sched";
  let summary = "TVM-style schedules: how a te stage's loops run";
  let description = [{
    A `sched.schedule` says how one kernel (a te stage, found by name) is
    computed, the way a TVM schedule does, with the loops as SSA handles:
    `sched.axes` names the stage's output and reduction axes in te order,
    `sched.split`, `sched.tile`, `sched.pack` and `sched.fuse` make new loops
    from them, `sched.reorder` orders them, and `sched.parallel`,
    `sched.vectorize`, `sched.unroll`, `sched.bind`, `sched.compute_at`,
    `sched.cache_read` and `sched.cache_write` annotate them. Tile sizes and
    unroll factors are constants or `sched.knob` values, either fixed or left
    open for the tuner.

    The primitives are declarative: their order only matters for which
    handles exist. The schedule's verifier replays them and rejects a
    schedule whose loop nest is illegal (an axis split twice, a loop
    reordered twice, vectorization of a loop that is not innermost, a
    reduction axis run in parallel, ...) with an error at the primitive.

    `convert-sched-to-transform` turns every schedule into a transform
    dialect sequence that the transform interpreter applies to the kernel's
    Linalg op (the one whose `te.stage` attribute names the stage).

    ```mlir
    sched.schedule @matmul_tiled for "matmul" {
      %i, %j, %k = sched.axes ["i", "j", "k"]
      %t = sched.knob "tile_j" choices [16, 32, 64]
      %io, %jo, %ii, %ji = sched.tile %i, %j by 64, %t
      %ko, %ki = sched.split %k by 4
      sched.reorder %io, %jo, %ko, %ki, %ii, %ji
      sched.parallel %io
      sched.unroll %ki by 4
      sched.vectorize %ji
    }
    ```
  }];
  let useDefaultTypePrinterParser = 1;
}

class Sched_Type<string name, string typeMnemonic>
    : TypeDef<Sched_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Sched_AxisType : Sched_Type<"Axis", "axis"> {
  let summary = "A loop of the kernel's loop nest";
  let description = [{
    A handle to one loop: an axis of the stage (`sched.axes`) or a loop that
    a primitive made from axes (`sched.split`, `sched.tile`, `sched.pack`,
    `sched.fuse`). A primitive that replaces a loop consumes its handle.
  }];
}

def Sched_KnobType : Sched_Type<"Knob", "knob"> {
  let summary = "A tunable integer (a tile size, an unroll factor)";
}

#endif // TESSERA_DIALECT_SCHED_IR_SCHEDBASE_TD
