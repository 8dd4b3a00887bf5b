// RUN: tensor-opt %s --tessera-plan-memory --split-input-file | FileCheck %s
// RUN: tensor-opt %s --tessera-plan-memory=stack-scratch=1 --split-input-file | FileCheck %s --check-prefix=STACK

// Three buffers in a chain: the first and the third are never live at the
// same time and share offset 0; the second sits after the first.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%{{.*}}: memref<4x8xf32>, %[[ARENA:.*]]: memref<256xi8> {tessera.workspace})
// CHECK-SAME: tessera.workspace_bytes = 256 : i64
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: memref.view %[[ARENA]][%[[C0]]][] : memref<256xi8> to memref<4x8xf32>
// CHECK: %[[C128:.*]] = arith.constant 128 : index
// CHECK: memref.view %[[ARENA]][%[[C128]]][] : memref<256xi8> to memref<4x8xf32>
// CHECK: %[[C0_AGAIN:.*]] = arith.constant 0 : index
// CHECK: memref.view %[[ARENA]][%[[C0_AGAIN]]][] : memref<256xi8> to memref<4x8xf32>
// CHECK-NOT: memref.dealloc
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<4x8xf32>
// CHECK: return %[[OUT]]
func.func @chain(%in: memref<4x8xf32>) -> memref<4x8xf32> {
  %a = memref.alloc() : memref<4x8xf32>
  linalg.copy ins(%in : memref<4x8xf32>) outs(%a : memref<4x8xf32>)
  %b = memref.alloc() : memref<4x8xf32>
  linalg.copy ins(%a : memref<4x8xf32>) outs(%b : memref<4x8xf32>)
  memref.dealloc %a : memref<4x8xf32>
  %c = memref.alloc() : memref<4x8xf32>
  linalg.copy ins(%b : memref<4x8xf32>) outs(%c : memref<4x8xf32>)
  memref.dealloc %b : memref<4x8xf32>
  %out = memref.alloc() : memref<4x8xf32>
  linalg.copy ins(%c : memref<4x8xf32>) outs(%out : memref<4x8xf32>)
  memref.dealloc %c : memref<4x8xf32>
  return %out : memref<4x8xf32>
}

// -----

// Dynamic sizes and allocations inside loops stay on the heap; sizes are
// rounded up to 64 bytes (an i1 buffer of 3 elements takes 64).
// CHECK-LABEL: func.func @unplannable
// CHECK-SAME: %{{.*}}: memref<64xi8> {tessera.workspace}
// CHECK-SAME: tessera.workspace_bytes = 64
// CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: memref.view %{{.*}} : memref<64xi8> to memref<3xi1>
// CHECK: scf.for
// CHECK: memref.alloc() : memref<16xf32>
// CHECK: memref.dealloc
func.func @unplannable(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %dynamic = memref.alloc(%n) : memref<?xf32>
  memref.dealloc %dynamic : memref<?xf32>
  %flags = memref.alloc() : memref<3xi1>
  memref.dealloc %flags : memref<3xi1>
  scf.for %i = %c0 to %n step %c1 {
    %inner = memref.alloc() : memref<16xf32>
    memref.dealloc %inner : memref<16xf32>
  }
  return
}

// -----

// Nothing to plan: the signature stays as it is.
// CHECK-LABEL: func.func @nothing(%{{.*}}: memref<4xf32>) -> memref<4xf32> {
func.func @nothing(%in: memref<4xf32>) -> memref<4xf32> {
  return %in : memref<4xf32>
}

// -----

// With stack-scratch, a parallel loop's per-iteration scratch buffer (a
// padded plane) of at most 64 KiB goes on the stack; a larger one stays on
// the heap. Without it, both do. Neither joins the workspace.
// STACK-LABEL: func.func @scratch
// STACK-NOT: tessera.workspace
// STACK: scf.forall
// STACK-NEXT: %[[PLANE:.*]] = memref.alloca() {alignment = 64 : i64} : memref<58x58xf32>
// STACK: linalg.copy ins(%{{.*}} : memref<56x56xf32, {{.*}}>) outs(%{{.*}} : memref<56x56xf32, {{.*}}>)
// STACK-NOT: memref.dealloc
// STACK: scf.forall
// STACK-NOT: alloca
// STACK: %[[LARGE:.*]] = memref.alloc() {alignment = 64 : i64} : memref<130x130xf32>
// STACK: memref.dealloc %[[LARGE]]
// CHECK-LABEL: func.func @scratch
// CHECK-NOT: alloca
// CHECK: %[[PLANE:.*]] = memref.alloc() {alignment = 64 : i64} : memref<58x58xf32>
// CHECK: memref.dealloc %[[PLANE]]
func.func @scratch(%in: memref<8x56x56xf32>, %big: memref<8x128x128xf32>) {
  %zero = arith.constant 0.0 : f32
  scf.forall (%c) in (8) {
    %plane = memref.alloc() {alignment = 64 : i64} : memref<58x58xf32>
    linalg.fill ins(%zero : f32) outs(%plane : memref<58x58xf32>)
    %interior = memref.subview %plane[1, 1] [56, 56] [1, 1] : memref<58x58xf32> to memref<56x56xf32, strided<[58, 1], offset: 59>>
    %channel = memref.subview %in[%c, 0, 0] [1, 56, 56] [1, 1, 1] : memref<8x56x56xf32> to memref<56x56xf32, strided<[56, 1], offset: ?>>
    linalg.copy ins(%channel : memref<56x56xf32, strided<[56, 1], offset: ?>>) outs(%interior : memref<56x56xf32, strided<[58, 1], offset: 59>>)
    memref.dealloc %plane : memref<58x58xf32>
  }
  scf.forall (%c) in (8) {
    %plane = memref.alloc() {alignment = 64 : i64} : memref<130x130xf32>
    linalg.fill ins(%zero : f32) outs(%plane : memref<130x130xf32>)
    memref.dealloc %plane : memref<130x130xf32>
  }
  return
}
