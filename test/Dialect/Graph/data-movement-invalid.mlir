// Every verifier error of the data-movement operators.
// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @reshape_allowzero(%x: tensor<2x3xf32>) {
  %s = graph.constant dense<[6]> : tensor<1xi64>
  // expected-error@+1 {{'allowzero' must be 0 or 1, got 2}}
  %0 = graph.reshape %x, %s {allowzero = 2 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<6xf32>
  return
}

// -----

func.func @reshape_bad_size(%x: tensor<2x3xf32>) {
  %s = graph.constant dense<[-2, 3]> : tensor<2xi64>
  // expected-error@+1 {{'shape' has an invalid size -2}}
  %0 = graph.reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x3xf32>
  return
}

// -----

func.func @reshape_zero_copy(%x: tensor<6xf32>) {
  %s = graph.constant dense<[3, 0]> : tensor<2xi64>
  // expected-error@+1 {{'shape' copies dimension 1 (a 0) that the input of rank 1 does not have}}
  %0 = graph.reshape %x, %s : (tensor<6xf32>, tensor<2xi64>) -> tensor<3x?xf32>
  return
}

// -----

func.func @reshape_two_inferred(%x: tensor<6xf32>) {
  %s = graph.constant dense<[-1, -1]> : tensor<2xi64>
  // expected-error@+1 {{'shape' has more than one -1}}
  %0 = graph.reshape %x, %s : (tensor<6xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @reshape_zero_and_inferred(%x: tensor<0x6xf32>) {
  %s = graph.constant dense<[-1, 0]> : tensor<2xi64>
  // expected-error@+1 {{'shape' has both -1 and 0 with allowzero = 1}}
  %0 = graph.reshape %x, %s {allowzero = 1 : i64} : (tensor<0x6xf32>, tensor<2xi64>) -> tensor<?x0xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x3xf32>) {
  %s = graph.constant dense<[4, 2]> : tensor<2xi64>
  // expected-error@+1 {{cannot reshape 6 elements to shape [4, 2]}}
  %0 = graph.reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x2xf32>
  return
}

// -----

func.func @reshape_not_divisible(%x: tensor<2x3xf32>) {
  %s = graph.constant dense<[4, -1]> : tensor<2xi64>
  // expected-error@+1 {{cannot reshape 6 elements to shape [4, -1]}}
  %0 = graph.reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x?xf32>
  return
}

// -----

func.func @reshape_dynamic_length(%x: tensor<2x3xf32>, %s: tensor<?xi64>) {
  // expected-error@+1 {{operand #1 must be 1-D i64 tensor of static length}}
  %0 = graph.reshape %x, %s : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<6xf32>
  return
}

// -----

func.func @flatten_axis(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'axis' 3 is out of range [-2, 2]}}
  %0 = graph.flatten %x {axis = 3 : i64} : (tensor<2x3xf32>) -> tensor<?x?xf32>
  return
}

// -----

func.func @squeeze_no_axes_dynamic(%x: tensor<?x1xf32>) {
  // expected-error@+1 {{without 'axes' needs an input of static shape, got 'tensor<?x1xf32>'}}
  %0 = graph.squeeze %x : (tensor<?x1xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @squeeze_too_many(%x: tensor<1xf32>, %a: tensor<2xi64>) {
  // expected-error@+1 {{has 2 'axes' for an input of rank 1}}
  %0 = graph.squeeze %x, %a : (tensor<1xf32>, tensor<2xi64>) -> tensor<f32>
  return
}

// -----

func.func @squeeze_axis_range(%x: tensor<1x2xf32>) {
  %a = graph.constant dense<[2]> : tensor<1xi64>
  // expected-error@+1 {{'axes' value 2 is out of range [-2, 2)}}
  %0 = graph.squeeze %x, %a : (tensor<1x2xf32>, tensor<1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @squeeze_repeat(%x: tensor<1x2x1xf32>) {
  %a = graph.constant dense<[0, -3]> : tensor<2xi64>
  // expected-error@+1 {{'axes' repeats axis 0}}
  %0 = graph.squeeze %x, %a : (tensor<1x2x1xf32>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @squeeze_not_one(%x: tensor<1x2xf32>) {
  %a = graph.constant dense<[1]> : tensor<1xi64>
  // expected-error@+1 {{squeezes dimension 1 of size 2 (not 1)}}
  %0 = graph.squeeze %x, %a : (tensor<1x2xf32>, tensor<1xi64>) -> tensor<1xf32>
  return
}

// -----

func.func @unsqueeze_range(%x: tensor<2xf32>) {
  %a = graph.constant dense<[2]> : tensor<1xi64>
  // expected-error@+1 {{'axes' value 2 is out of range [-2, 2)}}
  %0 = graph.unsqueeze %x, %a : (tensor<2xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @transpose_perm(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'perm' [0, 0] is not a permutation of the 2 input dimensions}}
  %0 = graph.transpose %x {perm = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<?x?xf32>
  return
}

// -----

func.func @concat_axis(%x: tensor<2xf32>) {
  // expected-error@+1 {{'axis' 1 is out of range [-1, 1)}}
  %0 = graph.concat %x, %x {axis = 1 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @concat_ranks(%x: tensor<2xf32>, %y: tensor<2x2xf32>) {
  // expected-error@+1 {{inputs have different ranks: 'tensor<2xf32>' and 'tensor<2x2xf32>'}}
  %0 = graph.concat %x, %y {axis = 0 : i64} : (tensor<2xf32>, tensor<2x2xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @concat_sizes(%x: tensor<2x3xf32>, %y: tensor<2x4xf32>) {
  // expected-error@+1 {{inputs 'tensor<2x3xf32>' and 'tensor<2x4xf32>' differ in dimension 1, which is not the concatenation axis}}
  %0 = graph.concat %x, %y {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_elements(%x: tensor<2xf32>, %y: tensor<2xi32>) {
  // expected-error@+1 {{requires the same element type for all operands and results}}
  %0 = graph.concat %x, %y {axis = 0 : i64} : (tensor<2xf32>, tensor<2xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @split_num_outputs(%x: tensor<2xf32>) {
  // expected-error@+1 {{'num_outputs' must be positive, got 0}}
  graph.split %x {axis = 0 : i64, num_outputs = 0 : i64} : (tensor<2xf32>) -> ()
  return
}

// -----

func.func @split_axis(%x: tensor<2xf32>) {
  // expected-error@+1 {{'axis' 1 is out of range [-1, 1)}}
  %0 = graph.split %x {axis = 1 : i64, num_outputs = 1 : i64} : (tensor<2xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @split_uneven(%x: tensor<5xf32>) {
  // expected-error@+1 {{cannot split size 5 into 4 parts}}
  %0:4 = graph.split %x {axis = 0 : i64, num_outputs = 4 : i64} : (tensor<5xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>)
  return
}

// -----

func.func @split_length(%x: tensor<5xf32>, %s: tensor<3xi64>) {
  // expected-error@+1 {{'split' has 3 sizes for 2 outputs}}
  %0:2 = graph.split %x, %s {axis = 0 : i64, num_outputs = 2 : i64} : (tensor<5xf32>, tensor<3xi64>) -> (tensor<?xf32>, tensor<?xf32>)
  return
}

// -----

func.func @split_negative(%x: tensor<5xf32>) {
  %s = graph.constant dense<[6, -1]> : tensor<2xi64>
  // expected-error@+1 {{'split' has a negative size: [6, -1]}}
  %0:2 = graph.split %x, %s {axis = 0 : i64, num_outputs = 2 : i64} : (tensor<5xf32>, tensor<2xi64>) -> (tensor<?xf32>, tensor<?xf32>)
  return
}

// -----

func.func @split_sum(%x: tensor<5xf32>) {
  %s = graph.constant dense<[2, 2]> : tensor<2xi64>
  // expected-error@+1 {{'split' sizes [2, 2] do not add up to the size 5 of axis 0}}
  %0:2 = graph.split %x, %s {axis = 0 : i64, num_outputs = 2 : i64} : (tensor<5xf32>, tensor<2xi64>) -> (tensor<2xf32>, tensor<2xf32>)
  return
}

// -----

func.func @split_sum_negative_axis(%x: tensor<3x5xf32>) {
  %s = graph.constant dense<[2, 2]> : tensor<2xi64>
  // expected-error@+1 {{'split' sizes [2, 2] do not add up to the size 5 of axis -1}}
  %0:2 = graph.split %x, %s {axis = -1 : i64, num_outputs = 2 : i64} : (tensor<3x5xf32>, tensor<2xi64>) -> (tensor<3x2xf32>, tensor<3x2xf32>)
  return
}

// -----

func.func @slice_lengths(%x: tensor<5xf32>, %s: tensor<1xi64>, %e: tensor<2xi64>) {
  // expected-error@+1 {{'ends' has 2 values and 'starts' 1}}
  %0 = graph.slice %x, %s, %e : (tensor<5xf32>, tensor<1xi64>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @slice_rank(%x: tensor<5xf32>, %s: tensor<2xi64>) {
  // expected-error@+1 {{has 2 'starts' for an input of rank 1}}
  %0 = graph.slice %x, %s, %s : (tensor<5xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @slice_axes(%x: tensor<5xf32>, %s: tensor<1xi64>) {
  %a = graph.constant dense<[1]> : tensor<1xi64>
  // expected-error@+1 {{'axes' value 1 is out of range [-1, 1)}}
  %0 = graph.slice %x, %s, %s axes %a : (tensor<5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @slice_step(%x: tensor<5xf32>, %s: tensor<1xi64>) {
  %t = graph.constant dense<[0]> : tensor<1xi64>
  // expected-error@+1 {{'steps' has a 0}}
  %0 = graph.slice %x, %s, %s steps %t : (tensor<5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @expand_negative(%x: tensor<3xf32>) {
  %s = graph.constant dense<[-2]> : tensor<1xi64>
  // expected-error@+1 {{'shape' has a negative size: [-2]}}
  %0 = graph.expand %x, %s : (tensor<3xf32>, tensor<1xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @expand_broadcast(%x: tensor<3xf32>) {
  %s = graph.constant dense<[2, 4]> : tensor<2xi64>
  // expected-error@+1 {{input shape [3] does not broadcast to 'shape' [2, 4]}}
  %0 = graph.expand %x, %s : (tensor<3xf32>, tensor<2xi64>) -> tensor<2x?xf32>
  return
}

// -----

func.func @tile_length(%x: tensor<3xf32>, %r: tensor<2xi64>) {
  // expected-error@+1 {{'repeats' has 2 values for an input of rank 1}}
  %0 = graph.tile %x, %r : (tensor<3xf32>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @tile_negative(%x: tensor<3xf32>) {
  %r = graph.constant dense<[-1]> : tensor<1xi64>
  // expected-error@+1 {{'repeats' has a negative value: [-1]}}
  %0 = graph.tile %x, %r : (tensor<3xf32>, tensor<1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @pad_mode(%x: tensor<3xf32>, %p: tensor<2xi64>) {
  // expected-error@+1 {{'mode' must be "constant", "reflect" or "edge", got "wrap"}}
  %0 = graph.pad %x, %p {mode = "wrap"} : (tensor<3xf32>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @pad_value_type(%x: tensor<3xf32>, %p: tensor<2xi64>, %v: tensor<i32>) {
  // expected-error@+1 {{'constant_value' has element type 'i32', not 'f32'}}
  %0 = graph.pad %x, %p value %v : (tensor<3xf32>, tensor<2xi64>, tensor<i32>) -> tensor<?xf32>
  return
}

// -----

func.func @pad_value_count(%x: tensor<3xf32>, %p: tensor<2xi64>, %v: tensor<2xf32>) {
  // expected-error@+1 {{'constant_value' must be a single value, got 'tensor<2xf32>'}}
  %0 = graph.pad %x, %p value %v : (tensor<3xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @pad_axes(%x: tensor<3xf32>, %p: tensor<2xi64>) {
  %a = graph.constant dense<[3]> : tensor<1xi64>
  // expected-error@+1 {{'axes' value 3 is out of range [-1, 1)}}
  %0 = graph.pad %x, %p axes %a : (tensor<3xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @pad_count(%x: tensor<3xf32>, %p: tensor<3xi64>) {
  // expected-error@+1 {{'pads' has 3 values for 1 padded axes}}
  %0 = graph.pad %x, %p : (tensor<3xf32>, tensor<3xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @pad_negative(%x: tensor<3xf32>) {
  %p = graph.constant dense<[-2, -2]> : tensor<2xi64>
  // expected-error@+1 {{'pads' remove more than the 3 elements of dimension 0}}
  %0 = graph.pad %x, %p : (tensor<3xf32>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @d2s_mode(%x: tensor<1x4x2x2xf32>) {
  // expected-error@+1 {{'mode' must be "DCR" or "CRD", got "RDC"}}
  %0 = graph.depth_to_space %x {blocksize = 2 : i64, mode = "RDC"} : (tensor<1x4x2x2xf32>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @d2s_rank(%x: tensor<4x2x2xf32>) {
  // expected-error@+1 {{needs a 4-D input, got 'tensor<4x2x2xf32>'}}
  %0 = graph.depth_to_space %x {blocksize = 2 : i64} : (tensor<4x2x2xf32>) -> tensor<?x?x?xf32>
  return
}

// -----

func.func @d2s_blocksize(%x: tensor<1x4x2x2xf32>) {
  // expected-error@+1 {{'blocksize' must be positive, got 0}}
  %0 = graph.depth_to_space %x {blocksize = 0 : i64} : (tensor<1x4x2x2xf32>) -> tensor<1x?x?x?xf32>
  return
}

// -----

func.func @d2s_channels(%x: tensor<1x6x2x2xf32>) {
  // expected-error@+1 {{dimension 1 of size 6 is not a multiple of 4}}
  %0 = graph.depth_to_space %x {blocksize = 2 : i64} : (tensor<1x6x2x2xf32>) -> tensor<1x?x4x4xf32>
  return
}

// -----

func.func @s2d_height(%x: tensor<1x1x3x2xf32>) {
  // expected-error@+1 {{dimension 2 of size 3 is not a multiple of 2}}
  %0 = graph.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x1x3x2xf32>) -> tensor<1x4x?x1xf32>
  return
}

// -----

func.func @gather_scalar(%x: tensor<f32>, %i: tensor<i64>) {
  // expected-error@+1 {{needs 'data' of rank 1 or more}}
  %0 = graph.gather %x, %i : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @gather_axis(%x: tensor<3xf32>, %i: tensor<i64>) {
  // expected-error@+1 {{'axis' 1 is out of range [-1, 1)}}
  %0 = graph.gather %x, %i {axis = 1 : i64} : (tensor<3xf32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @gather_index(%x: tensor<3xf32>) {
  %i = graph.constant dense<[0, -4]> : tensor<2xi64>
  // expected-error@+1 {{index -4 is out of range [-3, 3)}}
  %0 = graph.gather %x, %i : (tensor<3xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_elements_rank(%x: tensor<3x2xf32>, %i: tensor<2xi64>) {
  // expected-error@+1 {{'indices' of rank 1 does not match 'data' of rank 2}}
  %0 = graph.gather_elements %x, %i : (tensor<3x2xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_elements_scalar(%x: tensor<f32>, %i: tensor<i64>) {
  // expected-error@+1 {{needs 'data' of rank 1 or more}}
  %0 = graph.gather_elements %x, %i : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @gather_elements_axis(%x: tensor<3xf32>, %i: tensor<2xi64>) {
  // expected-error@+1 {{'axis' -2 is out of range [-1, 1)}}
  %0 = graph.gather_elements %x, %i {axis = -2 : i64} : (tensor<3xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_nd_scalar(%x: tensor<3xf32>, %i: tensor<i64>) {
  // expected-error@+1 {{needs 'data' and 'indices' of rank 1 or more}}
  %0 = graph.gather_nd %x, %i : (tensor<3xf32>, tensor<i64>) -> tensor<?xf32>
  return
}

// -----

func.func @gather_nd_batch(%x: tensor<3x2xf32>, %i: tensor<3x1xi64>) {
  // expected-error@+1 {{'batch_dims' 2 must be in [0, 2)}}
  %0 = graph.gather_nd %x, %i {batch_dims = 2 : i64} : (tensor<3x2xf32>, tensor<3x1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @gather_nd_dynamic(%x: tensor<3x2xf32>, %i: tensor<3x?xi64>) {
  // expected-error@+1 {{needs the last dimension of 'indices' to be static}}
  %0 = graph.gather_nd %x, %i : (tensor<3x2xf32>, tensor<3x?xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_nd_tuple(%x: tensor<3x2xf32>, %i: tensor<3x3xi64>) {
  // expected-error@+1 {{index tuples of size 3 must be in [1, 2]}}
  %0 = graph.gather_nd %x, %i : (tensor<3x2xf32>, tensor<3x3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_nd_batch_size(%x: tensor<3x2xf32>, %i: tensor<4x1xi64>) {
  // expected-error@+1 {{batch dimension 0 differs: 3 in 'data', 4 in 'indices'}}
  %0 = graph.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<3x2xf32>, tensor<4x1xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @range_delta(%a: tensor<i64>) {
  %d = graph.constant dense<0> : tensor<i64>
  // expected-error@+1 {{'delta' is 0}}
  %0 = graph.range %a, %a, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  return
}

// -----

func.func @range_types(%a: tensor<i64>, %b: tensor<i32>) {
  // expected-error@+1 {{failed to verify that all of {start, limit, delta} have same type}}
  %0 = graph.range %a, %b, %a : (tensor<i64>, tensor<i32>, tensor<i64>) -> tensor<?xi64>
  return
}

// -----

func.func @constant_of_shape_value(%s: tensor<2xi64>) {
  // expected-error@+1 {{'value' must have one element, got 'tensor<2xi32>'}}
  %0 = graph.constant_of_shape %s {value = dense<[1, 2]> : tensor<2xi32>} : (tensor<2xi64>) -> tensor<?x?xi32>
  return
}

// -----

func.func @constant_of_shape_negative() {
  %s = graph.constant dense<[2, -1]> : tensor<2xi64>
  // expected-error@+1 {{'input' has a negative size: [2, -1]}}
  %0 = graph.constant_of_shape %s : (tensor<2xi64>) -> tensor<2x?xf32>
  return
}

// -----

func.func @reshape_inferred_mismatch(%x: tensor<2x3xf32>) {
  %s = graph.constant dense<[3, 2]> : tensor<2xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return
}
