// RUN: tensor-opt %s -split-input-file --convert-sched-to-transform -verify-diagnostics

sched.schedule @sequential_fuse for "f" {
  %i, %j = sched.axes ["i", "j"]
  %io, %ii = sched.split %i by 4
  sched.reorder %io, %j, %ii
  // expected-error@+1 {{'sched.fuse' op fuses sequential loops; only parallel fused loops (one multi-dimensional scf.forall) have a transform-dialect form}}
  %f = sched.fuse %io, %j
}

// -----

sched.schedule @open_knob_product for "f" {
  %i = sched.axes ["i"]
  %t = sched.knob "t" choices [4, 8]
  %io, %ii = sched.split %i by %t
  // expected-error@+1 {{'sched.split' op makes a loop whose step multiplies open knob 't' by another factor}}
  %ioo, %ioi = sched.split %io by 2
}

// -----

sched.schedule @open_unroll for "f" {
  %i = sched.axes ["i"]
  %u = sched.knob "u" choices [2, 4]
  %io, %ii = sched.split %i by 16
  // expected-error@+1 {{'sched.unroll' op needs a constant or fixed-knob factor}}
  sched.unroll %io by %u
}
