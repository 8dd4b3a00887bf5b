// RUN: tensor-opt %s --tessera-default-cpu-schedules=min-threaded-iterations=0 | FileCheck %s
// RUN: tensor-opt %s --tessera-default-cpu-schedules=min-threaded-iterations=0 --cse --tessera-bufferize | FileCheck %s --check-prefix=BUFFERS

// A pad becomes a threaded fill of a new buffer and a threaded copy into its
// interior: the buffer is a bufferization.alloc_tensor, which CSE does not
// merge with the buffer of another pad of the same shape, and the interior
// is the copy's destination without reshapes in between. So both pads are
// written in place: one buffer each, no serial copy of a whole tensor.
// CHECK-LABEL: func.func @two_pads
// CHECK: %[[A:.*]] = bufferization.alloc_tensor() : tensor<1x8x22x22xf32>
// CHECK: %[[FILLED_A:.*]] = scf.forall {{.*}} shared_outs(%{{.*}} = %[[A]])
// CHECK: linalg.fill
// CHECK: %[[INTERIOR_A:.*]] = tensor.extract_slice %[[FILLED_A]][0, 0, 1, 1] [1, 8, 20, 20] [1, 1, 1, 1] : tensor<1x8x22x22xf32> to tensor<1x8x20x20xf32>
// CHECK: %[[COPIED_A:.*]] = scf.forall {{.*}} shared_outs(%{{.*}} = %[[INTERIOR_A]])
// CHECK: linalg.copy
// CHECK: tensor.insert_slice %[[COPIED_A]] into %[[FILLED_A]][0, 0, 1, 1] [1, 8, 20, 20] [1, 1, 1, 1] : tensor<1x8x20x20xf32> into tensor<1x8x22x22xf32>
// CHECK: %[[B:.*]] = bufferization.alloc_tensor() : tensor<1x8x22x22xf32>
// CHECK: scf.forall {{.*}} shared_outs(%{{.*}} = %[[B]])

// BUFFERS-LABEL: func.func @two_pads
// BUFFERS-COUNT-2: memref.alloc()
// BUFFERS-NOT: memref.alloc()
// BUFFERS-NOT: memref.copy
// BUFFERS: return
func.func @two_pads(%x: tensor<1x8x20x20xf32>, %y: tensor<1x8x20x20xf32>) -> (tensor<1x8x22x22xf32>, tensor<1x8x22x22xf32>) {
  %zero = arith.constant 0.0 : f32
  %a = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x20x20xf32> to tensor<1x8x22x22xf32>
  %b = tensor.pad %y low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x20x20xf32> to tensor<1x8x22x22xf32>
  return %a, %b : tensor<1x8x22x22xf32>, tensor<1x8x22x22xf32>
}
