// RUN: tensor-opt %s --tessera-plan-memory --split-input-file | FileCheck %s

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
