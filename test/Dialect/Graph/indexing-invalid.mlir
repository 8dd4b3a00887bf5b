// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @scatter_elements_reduction(%d: tensor<3x5xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x5xf32> {
  // expected-error@+1 {{attribute 'reduction' must be one of "none", "add", "mul", got "max"}}
  %0 = graph.scatter_elements %d, %i, %u {reduction = "max"} : (tensor<3x5xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @scatter_elements_rank(%d: tensor<3x5xf32>, %i: tensor<2xi64>, %u: tensor<2xf32>) -> tensor<3x5xf32> {
  // expected-error@+1 {{indices and updates must have the rank of data (2), got 1 and 1}}
  %0 = graph.scatter_elements %d, %i, %u : (tensor<3x5xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @scatter_elements_shape(%d: tensor<3x5xf32>, %i: tensor<3x2xi64>, %u: tensor<3x3xf32>) -> tensor<3x5xf32> {
  // expected-error@+1 {{indices of type 'tensor<3x2xi64>' and updates of type 'tensor<3x3xf32>' must have the same shape}}
  %0 = graph.scatter_elements %d, %i, %u : (tensor<3x5xf32>, tensor<3x2xi64>, tensor<3x3xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @scatter_elements_axis(%d: tensor<3x5xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x5xf32> {
  // expected-error@+1 {{attribute 'axis' value -3 is out of range for data of rank 2}}
  %0 = graph.scatter_elements %d, %i, %u {axis = -3 : i64} : (tensor<3x5xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @scatter_elements_types(%d: tensor<3x5xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf16>) -> tensor<3x5xf32> {
  // expected-error@+1 {{failed to verify that all of {data, updates, output} have same element type}}
  %0 = graph.scatter_elements %d, %i, %u : (tensor<3x5xf32>, tensor<3x2xi64>, tensor<3x2xf16>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @scatter_nd_reduction(%d: tensor<4x4xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{attribute 'reduction' must be one of "none", "add", "mul", got "min"}}
  %0 = graph.scatter_nd %d, %i, %u {reduction = "min"} : (tensor<4x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @scatter_nd_rank(%d: tensor<f32>, %i: tensor<2x1xi64>, %u: tensor<2xf32>) -> tensor<f32> {
  // expected-error@+1 {{data and indices must have rank at least 1}}
  %0 = graph.scatter_nd %d, %i, %u : (tensor<f32>, tensor<2x1xi64>, tensor<2xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @scatter_nd_index_length(%d: tensor<4x4xf32>, %i: tensor<2x3xi64>, %u: tensor<2xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{the last dimension of indices (3) must be in [1, 2], the rank of data}}
  %0 = graph.scatter_nd %d, %i, %u : (tensor<4x4xf32>, tensor<2x3xi64>, tensor<2xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @scatter_nd_updates(%d: tensor<4x5xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{updates of type 'tensor<2x4xf32>' must have shape indices.shape[:-1] ++ data.shape[1:] = 'tensor<2x5xf32>'}}
  %0 = graph.scatter_nd %d, %i, %u : (tensor<4x5xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @scatter_nd_dynamic_index_length(%d: tensor<4x5xf32>, %i: tensor<2x?xi64>, %u: tensor<3xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{updates of type 'tensor<3xf32>' must start with the dimensions of indices 'tensor<2x?xi64>' but the last}}
  %0 = graph.scatter_nd %d, %i, %u : (tensor<4x5xf32>, tensor<2x?xi64>, tensor<3xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @scatter_nd_indices_type(%d: tensor<4x5xf32>, %i: tensor<2x1xi32>, %u: tensor<2x5xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of 64-bit signless integer values}}
  %0 = graph.scatter_nd %d, %i, %u : (tensor<4x5xf32>, tensor<2x1xi32>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @one_hot_axis(%i: tensor<3xi64>, %d: tensor<i64>, %v: tensor<2xf32>) -> tensor<?x?xf32> {
  // expected-error@+1 {{attribute 'axis' value 2 is out of range [-2, 1]}}
  %0 = graph.one_hot %i, %d, %v {axis = 2 : i64} : (tensor<3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @one_hot_depth_shape(%i: tensor<3xi64>, %d: tensor<2xi64>, %v: tensor<2xf32>) -> tensor<3x?xf32> {
  // expected-error@+1 {{depth must be a scalar or a one-element 1-D tensor, got 'tensor<2xi64>'}}
  %0 = graph.one_hot %i, %d, %v : (tensor<3xi64>, tensor<2xi64>, tensor<2xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @one_hot_values(%i: tensor<3xi64>, %d: tensor<i64>, %v: tensor<3xf32>) -> tensor<3x?xf32> {
  // expected-error@+1 {{values must be a 1-D tensor of two elements (off, on), got 'tensor<3xf32>'}}
  %0 = graph.one_hot %i, %d, %v : (tensor<3xi64>, tensor<i64>, tensor<3xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @one_hot_depth_value(%i: tensor<3xi64>, %v: tensor<2xf32>) -> tensor<3x?xf32> {
  %d = graph.constant dense<0> : tensor<i64>
  // expected-error@+1 {{depth must be positive, got 0}}
  %0 = graph.one_hot %i, %d, %v : (tensor<3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @top_k_axis(%x: tensor<3x4xf32>, %k: tensor<1xi64>) -> (tensor<?x?xf32>, tensor<?x?xi64>) {
  // expected-error@+1 {{attribute 'axis' value 2 is out of range for input of rank 2}}
  %v, %i = graph.top_k %x, %k {axis = 2 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<?x?xf32>, tensor<?x?xi64>)
  return %v, %i : tensor<?x?xf32>, tensor<?x?xi64>
}

// -----

func.func @top_k_largest(%x: tensor<3x4xf32>, %k: tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  // expected-error@+1 {{attribute 'largest' must be 0 or 1, got 2}}
  %v, %i = graph.top_k %x, %k {largest = 2 : i64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %v, %i : tensor<3x?xf32>, tensor<3x?xi64>
}

// -----

func.func @top_k_k_shape(%x: tensor<3x4xf32>, %k: tensor<i64>) -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  // expected-error@+1 {{k must be a one-element 1-D tensor, got 'tensor<i64>'}}
  %v, %i = graph.top_k %x, %k : (tensor<3x4xf32>, tensor<i64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %v, %i : tensor<3x?xf32>, tensor<3x?xi64>
}

// -----

func.func @top_k_too_large(%x: tensor<3x4xf32>) -> (tensor<3x5xf32>, tensor<3x5xi64>) {
  %k = graph.constant dense<5> : tensor<1xi64>
  // expected-error@+1 {{k (5) exceeds the size of axis 1 (4)}}
  %v, %i = graph.top_k %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x5xf32>, tensor<3x5xi64>)
  return %v, %i : tensor<3x5xf32>, tensor<3x5xi64>
}

// -----

func.func @top_k_negative(%x: tensor<3x4xf32>) -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  %k = graph.constant dense<-1> : tensor<1xi64>
  // expected-error@+1 {{k must not be negative, got -1}}
  %v, %i = graph.top_k %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %v, %i : tensor<3x?xf32>, tensor<3x?xi64>
}

// -----

func.func @top_k_wrong_result(%x: tensor<3x4xf32>) -> (tensor<3x3xf32>, tensor<3x3xi64>) {
  %k = graph.constant dense<2> : tensor<1xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<3x2xf32>', 'tensor<3x2xi64>' are incompatible with return type(s) of operation 'tensor<3x3xf32>', 'tensor<3x3xi64>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %v, %i = graph.top_k %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
  return %v, %i : tensor<3x3xf32>, tensor<3x3xi64>
}

// -----

func.func @cumsum_exclusive(%x: tensor<5xf32>, %a: tensor<i64>) -> tensor<5xf32> {
  // expected-error@+1 {{attribute 'exclusive' must be 0 or 1, got -1}}
  %0 = graph.cumsum %x, %a {exclusive = -1 : i64} : (tensor<5xf32>, tensor<i64>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @cumsum_axis_shape(%x: tensor<5xf32>, %a: tensor<1xi64>) -> tensor<5xf32> {
  // expected-error@+1 {{axis must be a scalar (rank 0), got 'tensor<1xi64>'}}
  %0 = graph.cumsum %x, %a : (tensor<5xf32>, tensor<1xi64>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @cumsum_axis_range(%x: tensor<5xf32>) -> tensor<5xf32> {
  %a = graph.constant dense<1> : tensor<i32>
  // expected-error@+1 {{axis 1 is out of range for input of rank 1}}
  %0 = graph.cumsum %x, %a : (tensor<5xf32>, tensor<i32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @trilu_rank(%x: tensor<5xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{input must have rank at least 2, got 'tensor<5xf32>'}}
  %0 = graph.trilu %x : (tensor<5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @trilu_k(%x: tensor<4x5xf32>, %k: tensor<1xi64>) -> tensor<4x5xf32> {
  // expected-error@+1 {{k must be a scalar (rank 0), got 'tensor<1xi64>'}}
  %0 = graph.trilu %x, %k : (tensor<4x5xf32>, tensor<1xi64>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @trilu_upper(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{attribute 'upper' must be 0 or 1, got 3}}
  %0 = graph.trilu %x {upper = 3 : i64} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @non_zero_wrong_rank(%x: tensor<2x3xf32>) -> tensor<3x?xi64> {
  // expected-error@+2 {{inferred type(s) 'tensor<2x?xi64>' are incompatible with return type(s) of operation 'tensor<3x?xi64>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.non_zero %x : (tensor<2x3xf32>) -> tensor<3x?xi64>
  return %0 : tensor<3x?xi64>
}

// -----

func.func @einsum_no_operands() -> tensor<f32> {
  // expected-error@+1 {{requires at least one operand}}
  %0 = graph.einsum {equation = "->"} : () -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @einsum_character(%a: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{invalid equation "i1->": invalid character '1'}}
  %0 = graph.einsum %a {equation = "i1->"} : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @einsum_dots(%a: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{invalid equation "..i..->": '...' may appear once per term, as three dots}}
  %0 = graph.einsum %a {equation = "..i..->"} : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @einsum_output_twice(%a: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{invalid equation "ij->ii": output letter 'i' appears twice}}
  %0 = graph.einsum %a {equation = "ij->ii"} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @einsum_output_unknown(%a: tensor<2x3xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{invalid equation "ij->k": output letter 'k' does not appear in any operand}}
  %0 = graph.einsum %a {equation = "ij->k"} : (tensor<2x3xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @einsum_operand_count(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{equation "ij,jk->i": equation has 2 operand terms but the op has 1 operands}}
  %0 = graph.einsum %a {equation = "ij,jk->i"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @einsum_term_rank(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{equation "ijk->i": term 'ijk' of operand #0 does not match its rank 2}}
  %0 = graph.einsum %a {equation = "ijk->i"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @einsum_letter_sizes(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{equation "ij,jk->ik": letter 'j' has sizes 3 and 4}}
  %0 = graph.einsum %a, %b {equation = "ij,jk->ik"} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @einsum_ellipsis_broadcast(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<?x3xf32> {
  // expected-error@+1 {{equation "...i,...i->...i": the '...' dimensions of operand #1 do not broadcast with those of the operands before it}}
  %0 = graph.einsum %a, %b {equation = "...i,...i->...i"} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @einsum_output_ellipsis(%a: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{equation "...i->i": the output must have '...' for the broadcast dimensions of the operands}}
  %0 = graph.einsum %a {equation = "...i->i"} : (tensor<2x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @einsum_element_types(%a: tensor<2x3xf32>, %b: tensor<3xf16>) -> tensor<2xf32> {
  // expected-error@+1 {{operands must have the same element type}}
  %0 = graph.einsum %a, %b {equation = "ij,j->i"} : (tensor<2x3xf32>, tensor<3xf16>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @einsum_result_element_type(%a: tensor<2x3xf32>) -> tensor<2x3xf16> {
  // expected-error@+1 {{result must have the element type of the operands}}
  %0 = graph.einsum %a {equation = "ij"} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

func.func @einsum_result_type(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x2xf32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.einsum %a {equation = "ij"} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @resize_mode(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{attribute 'mode' must be one of "nearest", "linear", "cubic", got "bilinear"}}
  %0 = graph.resize %x scales %s {mode = "bilinear"} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_coordinates(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{attribute 'coordinate_transformation_mode' must be one of "half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric", "tf_crop_and_resize", got "tf_half_pixel_for_nn"}}
  %0 = graph.resize %x scales %s {coordinate_transformation_mode = "tf_half_pixel_for_nn"} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_nearest_mode(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{attribute 'nearest_mode' must be one of "round_prefer_floor", "round_prefer_ceil", "floor", "ceil", got "round"}}
  %0 = graph.resize %x scales %s {nearest_mode = "round"} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_exclude_outside(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{attribute 'exclude_outside' must be 0 or 1, got 2}}
  %0 = graph.resize %x scales %s {exclude_outside = 2 : i64} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_neither(%x: tensor<1x1x2x2xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{requires exactly one of 'scales' and 'sizes'}}
  %0 = graph.resize %x : (tensor<1x1x2x2xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_both(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>, %z: tensor<4xi64>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{requires exactly one of 'scales' and 'sizes'}}
  %0 = graph.resize %x scales %s sizes %z : (tensor<1x1x2x2xf32>, tensor<4xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_scales_length(%x: tensor<1x1x2x2xf32>, %s: tensor<2xf32>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{scales must be a 1-D tensor of 4 elements, got 'tensor<2xf32>'}}
  %0 = graph.resize %x scales %s : (tensor<1x1x2x2xf32>, tensor<2xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_sizes_length(%x: tensor<1x1x2x2xf32>, %z: tensor<4x1xi64>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{sizes must be a 1-D tensor of 4 elements, got 'tensor<4x1xi64>'}}
  %0 = graph.resize %x sizes %z : (tensor<1x1x2x2xf32>, tensor<4x1xi64>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_roi_length(%x: tensor<1x1x2x2xf32>, %r: tensor<4xf32>, %z: tensor<4xi64>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{roi must be a 1-D tensor of 8 elements, got 'tensor<4xf32>'}}
  %0 = graph.resize %x roi %r sizes %z : (tensor<1x1x2x2xf32>, tensor<4xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x1x2x2xf32>, %z: tensor<4xi64>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{coordinate_transformation_mode "tf_crop_and_resize" requires roi}}
  %0 = graph.resize %x sizes %z {coordinate_transformation_mode = "tf_crop_and_resize"} : (tensor<1x1x2x2xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @resize_scale_value(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x?x?xf32> {
  %s = graph.constant dense<[1.0, 1.0, 0.0, 2.0]> : tensor<4xf32>
  // expected-error@+1 {{scales must be positive}}
  %0 = graph.resize %x scales %s : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @resize_size_value(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x?x4xf32> {
  %z = graph.constant dense<[1, 1, -4, 4]> : tensor<4xi64>
  // expected-error@+1 {{sizes must not be negative}}
  %0 = graph.resize %x sizes %z : (tensor<1x1x2x2xf32>, tensor<4xi64>) -> tensor<1x1x?x4xf32>
  return %0 : tensor<1x1x?x4xf32>
}

// -----

func.func @resize_wrong_result(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x4x5xf32> {
  %s = graph.constant dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>
  // expected-error@+2 {{inferred type(s) 'tensor<1x1x4x4xf32>' are incompatible with return type(s) of operation 'tensor<1x1x4x5xf32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.resize %x scales %s : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x4x5xf32>
  return %0 : tensor<1x1x4x5xf32>
}

// -----

func.func @max_unpool_rank(%x: tensor<2x2xf32>, %i: tensor<2x2xi64>) -> tensor<2x2xf32> {
  // expected-error@+1 {{input must have rank at least 3 (N x C x D1 ...), got 'tensor<2x2xf32>'}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2>} : (tensor<2x2xf32>, tensor<2x2xi64>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @max_unpool_kernel(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{attribute 'kernel_shape' must have 2 values, one per spatial dimension}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_kernel_value(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{attribute 'kernel_shape' values must be positive}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 0>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_strides(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{attribute 'strides' must have 2 values, one per spatial dimension}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_strides_value(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{attribute 'strides' values must be positive}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 0, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_pads(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{attribute 'pads' must have 4 values, the begin and end of each spatial dimension}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_pads_value(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{attribute 'pads' values must not be negative}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, -1, 0, 0>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_indices(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x3xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{indices of type 'tensor<1x1x2x3xi64>' must have the shape of the input 'tensor<1x1x2x2xf32>'}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x3xi64>) -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_output_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %s: tensor<2xi64>) -> tensor<?x?x?x?xf32> {
  // expected-error@+1 {{output_shape must be a 1-D tensor of 4 elements, got 'tensor<2xi64>'}}
  %0 = graph.max_unpool %x, %i, %s {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, tensor<2xi64>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

func.func @eye_like_rank(%x: tensor<2x2x2xf32>) -> tensor<2x2x2xf32> {
  // expected-error@+1 {{input must be 2-D, got 'tensor<2x2x2xf32>'}}
  %0 = graph.eye_like %x : (tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  return %0 : tensor<2x2x2xf32>
}

// -----

func.func @eye_like_dtype(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{attribute 'dtype' must be an integer or float type, got 'index'}}
  %0 = graph.eye_like %x {dtype = index} : (tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @compress_condition(%x: tensor<3x2xf32>, %c: tensor<3x1xi1>) -> tensor<?x2xf32> {
  // expected-error@+1 {{condition must be 1-D, got 'tensor<3x1xi1>'}}
  %0 = graph.compress %x, %c {axis = 0 : i64} : (tensor<3x2xf32>, tensor<3x1xi1>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// -----

func.func @compress_axis(%x: tensor<3x2xf32>, %c: tensor<3xi1>) -> tensor<?x?xf32> {
  // expected-error@+1 {{attribute 'axis' value 2 is out of range for input of rank 2}}
  %0 = graph.compress %x, %c {axis = 2 : i64} : (tensor<3x2xf32>, tensor<3xi1>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @compress_condition_type(%x: tensor<3x2xf32>, %c: tensor<3xi8>) -> tensor<?x2xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of 1-bit signless integer values}}
  %0 = graph.compress %x, %c {axis = 0 : i64} : (tensor<3x2xf32>, tensor<3xi8>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// -----

func.func @reverse_sequence_rank(%x: tensor<4xf32>, %l: tensor<4xi64>) -> tensor<4xf32> {
  // expected-error@+1 {{input must have rank at least 2, got 'tensor<4xf32>'}}
  %0 = graph.reverse_sequence %x, %l : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reverse_sequence_axes(%x: tensor<4x3xf32>, %l: tensor<4xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{attributes 'batch_axis' and 'time_axis' must be 0 and 1 in some order, got 0 and 0}}
  %0 = graph.reverse_sequence %x, %l {batch_axis = 0 : i64} : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @reverse_sequence_lens_rank(%x: tensor<4x3xf32>, %l: tensor<i64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{sequence_lens must be 1-D, got 'tensor<i64>'}}
  %0 = graph.reverse_sequence %x, %l : (tensor<4x3xf32>, tensor<i64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @reverse_sequence_lens_size(%x: tensor<4x3xf32>, %l: tensor<4xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{sequence_lens has 4 elements but the batch axis has 3}}
  %0 = graph.reverse_sequence %x, %l : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @det_rank(%x: tensor<3xf32>) -> tensor<f32> {
  // expected-error@+1 {{input must have rank at least 2, got 'tensor<3xf32>'}}
  %0 = graph.det %x : (tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @det_square(%x: tensor<2x3x4xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{innermost matrices must be square, got 'tensor<2x3x4xf32>'}}
  %0 = graph.det %x : (tensor<2x3x4xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
