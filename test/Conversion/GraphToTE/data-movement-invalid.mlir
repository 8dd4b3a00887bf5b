// RUN: tensor-opt %s --convert-graph-to-te --split-input-file -verify-diagnostics

// Which dims go away must be known when the result type does not say it.
func.func @squeeze_runtime_axes(%x: tensor<1x4x1xf32>, %axes: tensor<1xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.squeeze' op with non-constant 'axes' and dynamic shapes is not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.squeeze'}}
  %0 = graph.squeeze %x, %axes : (tensor<1x4x1xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @unsqueeze_runtime_axes(%x: tensor<4xf32>, %axes: tensor<1xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.unsqueeze' op with non-constant 'axes' and dynamic shapes is not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.unsqueeze'}}
  %0 = graph.unsqueeze %x, %axes : (tensor<4xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Bounds of unknown count cannot be assigned to dims.
func.func @slice_dynamic_count(%x: tensor<4x8xf32>, %starts: tensor<?xi64>, %ends: tensor<?xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.slice' op needs 'starts' and 'ends' of static length to be lowered}}
  // expected-error @+1 {{failed to legalize operation 'graph.slice'}}
  %0 = graph.slice %x, %starts, %ends : (tensor<4x8xf32>, tensor<?xi64>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @slice_dynamic_steps(%x: tensor<4x8xf32>, %starts: tensor<1xi64>, %ends: tensor<1xi64>, %axes: tensor<1xi64>, %steps: tensor<?xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.slice' op needs 'steps' of static length to be lowered}}
  // expected-error @+1 {{failed to legalize operation 'graph.slice'}}
  %0 = graph.slice %x, %starts, %ends axes %axes steps %steps : (tensor<4x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @split_dynamic_count(%x: tensor<6xf32>, %split: tensor<?xi64>) -> (tensor<?xf32>, tensor<?xf32>) {
  // expected-error @+2 {{'graph.split' op needs 'split' of static length to be lowered}}
  // expected-error @+1 {{failed to legalize operation 'graph.split'}}
  %0:2 = graph.split %x, %split {num_outputs = 2 : i64} : (tensor<6xf32>, tensor<?xi64>) -> (tensor<?xf32>, tensor<?xf32>)
  return %0#0, %0#1 : tensor<?xf32>, tensor<?xf32>
}

// -----

func.func @tile_dynamic_count(%x: tensor<2x3xf32>, %repeats: tensor<?xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.tile' op needs 'repeats' of static length to be lowered}}
  // expected-error @+1 {{failed to legalize operation 'graph.tile'}}
  %0 = graph.tile %x, %repeats : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// The padded dims must be known to remap their indices.
func.func @pad_runtime_axes(%x: tensor<2x3xf32>, %pads: tensor<2xi64>, %axes: tensor<1xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.pad' op with non-constant 'axes' is not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.pad'}}
  %0 = graph.pad %x, %pads axes %axes : (tensor<2x3xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @pad_dynamic_count(%x: tensor<2x3xf32>, %pads: tensor<?xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.pad' op needs 'pads' with two values per padded axis to be lowered}}
  // expected-error @+1 {{failed to legalize operation 'graph.pad'}}
  %0 = graph.pad %x, %pads : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
