// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @add_no_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{operands of types 'tensor<2x3xf32>' and 'tensor<4xf32>' do not broadcast}}
  %0 = graph.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @mul_mixed_elements(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{failed to verify that all of {lhs, rhs, output} have same element type}}
  %0 = graph.mul %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @sqrt_of_integers(%a: tensor<2xi32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = graph.sqrt %a : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @not_of_floats(%a: tensor<2xf32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = graph.not %a : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @unary_wrong_shape(%a: tensor<2x3xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x2xf32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.tanh %a : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @comparison_not_bool(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error@+1 {{result #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = graph.less %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @comparison_no_broadcast(%a: tensor<2xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{operands of types 'tensor<2xf32>' and 'tensor<3xf32>' do not broadcast}}
  %0 = graph.greater %a, %b : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xi1>
  return
}

// -----

func.func @is_nan_wrong_result(%a: tensor<2xf32>) {
  // expected-error@+1 {{result #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = graph.is_nan %a : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @is_inf_flag(%a: tensor<2xf32>) {
  // expected-error@+1 {{attribute 'detect_positive' must be 0 or 1, got 2}}
  %0 = graph.is_inf %a {detect_positive = 2 : i64} : (tensor<2xf32>) -> tensor<2xi1>
  return
}

// -----

func.func @celu_zero_alpha(%a: tensor<2xf32>) {
  // expected-error@+1 {{attribute 'alpha' must not be 0}}
  %0 = graph.celu %a {alpha = 0.0 : f32} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @gelu_approximate(%a: tensor<2xf32>) {
  // expected-error@+1 {{attribute 'approximate' must be "none" or "tanh", got "fast"}}
  %0 = graph.gelu %a {approximate = "fast"} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @clip_bound_element(%a: tensor<2xf32>, %lo: tensor<f16>) {
  // expected-error@+1 {{operand 'min' must have the input's element type 'f32', got 'tensor<f16>'}}
  %0 = graph.clip %a min %lo : (tensor<2xf32>, tensor<f16>) -> tensor<2xf32>
  return
}

// -----

func.func @clip_bound_not_scalar(%a: tensor<2xf32>, %hi: tensor<2xf32>) {
  // expected-error@+1 {{operand 'max' must be a single-element tensor, got 'tensor<2xf32>'}}
  %0 = graph.clip %a max %hi : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @prelu_slope_too_large(%a: tensor<2x1xf32>, %slope: tensor<2x3xf32>) {
  // expected-error@+1 {{slope of type 'tensor<2x3xf32>' does not broadcast to input of type 'tensor<2x1xf32>'}}
  %0 = graph.prelu %a, %slope : (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @mod_float_without_fmod(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error@+1 {{attribute 'fmod' must be 1 for floating-point operands}}
  %0 = graph.mod %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @mod_flag(%a: tensor<2xi32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{attribute 'fmod' must be 0 or 1, got 3}}
  %0 = graph.mod %a, %b {fmod = 3 : i64} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @mod_no_broadcast(%a: tensor<2xi32>, %b: tensor<3xi32>) {
  // expected-error@+1 {{operands of types 'tensor<2xi32>' and 'tensor<3xi32>' do not broadcast}}
  %0 = graph.mod %a, %b : (tensor<2xi32>, tensor<3xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @bit_shift_direction(%a: tensor<2xui8>, %b: tensor<2xui8>) {
  // expected-error@+1 {{attribute 'direction' must be "LEFT" or "RIGHT", got "UP"}}
  %0 = graph.bit_shift %a, %b {direction = "UP"} : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @bit_shift_signed(%a: tensor<2xi8>, %b: tensor<2xi8>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 8-bit unsigned integer or 16-bit unsigned integer or 32-bit unsigned integer or 64-bit unsigned integer values}}
  %0 = graph.bit_shift %a, %b {direction = "LEFT"} : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  return
}

// -----

func.func @bit_shift_no_broadcast(%a: tensor<2xui8>, %b: tensor<3xui8>) {
  // expected-error@+1 {{operands of types 'tensor<2xui8>' and 'tensor<3xui8>' do not broadcast}}
  %0 = graph.bit_shift %a, %b {direction = "LEFT"} : (tensor<2xui8>, tensor<3xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @pow_result_element(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error@+1 {{failed to verify that all of {lhs, output} have same element type}}
  %0 = graph.pow %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @where_no_broadcast(%c: tensor<2xi1>, %x: tensor<3xf32>, %y: tensor<f32>) {
  // expected-error@+1 {{operands of types 'tensor<2xi1>', 'tensor<3xf32>' and 'tensor<f32>' do not broadcast}}
  %0 = graph.where %c, %x, %y : (tensor<2xi1>, tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return
}

// -----

func.func @where_mixed_elements(%c: tensor<2xi1>, %x: tensor<2xf32>, %y: tensor<f16>) {
  // expected-error@+1 {{failed to verify that all of {x, y, output} have same element type}}
  %0 = graph.where %c, %x, %y : (tensor<2xi1>, tensor<2xf32>, tensor<f16>) -> tensor<2xf32>
  return
}

// -----

func.func @cast_to_index(%a: tensor<2xf32>) {
  // expected-error@+1 {{attribute 'to' failed to satisfy constraint: type attribute of floating-point or integer}}
  %0 = graph.cast %a {to = index} : (tensor<2xf32>) -> tensor<2xindex>
  return
}

// -----

func.func @cast_wrong_result(%a: tensor<2xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<2xi32>' are incompatible with return type(s) of operation 'tensor<2xi64>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.cast %a {to = i32} : (tensor<2xf32>) -> tensor<2xi64>
  return
}

// -----

func.func @quantize_zero_point_shape(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %zp: tensor<ui8>) {
  // expected-error@+1 {{zero point of type 'tensor<ui8>' must have the shape of scale of type 'tensor<3xf32>'}}
  %0 = graph.quantize_linear %x, %s, %zp : (tensor<2x3xf32>, tensor<3xf32>, tensor<ui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @quantize_scale_rank(%x: tensor<2x3xf32>, %s: tensor<2x3xf32>) {
  // expected-error@+1 {{scale must be a scalar or 1-D, got 'tensor<2x3xf32>'}}
  %0 = graph.quantize_linear %x, %s : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xui8>
  return
}

// -----

func.func @quantize_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error@+1 {{attribute 'axis' value 2 is out of range for input of rank 2}}
  %0 = graph.quantize_linear %x, %s {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  return
}

// -----

func.func @quantize_per_axis_count(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error@+1 {{scale of type 'tensor<3xf32>' must have one value per index of input dimension 0 (2)}}
  %0 = graph.quantize_linear %x, %s {axis = 0 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xui8>
  return
}

// -----

func.func @quantize_result_element(%x: tensor<2xf32>, %s: tensor<f32>, %zp: tensor<i8>) {
  // expected-error@+2 {{inferred type(s) 'tensor<2xi8>' are incompatible with return type(s) of operation 'tensor<2xui8>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.quantize_linear %x, %s, %zp : (tensor<2xf32>, tensor<f32>, tensor<i8>) -> tensor<2xui8>
  return
}

// -----

func.func @dequantize_zero_point_element(%x: tensor<2xi8>, %s: tensor<f32>, %zp: tensor<ui8>) {
  // expected-error@+1 {{zero point of type 'tensor<ui8>' must have the input's element type}}
  %0 = graph.dequantize_linear %x, %s, %zp : (tensor<2xi8>, tensor<f32>, tensor<ui8>) -> tensor<2xf32>
  return
}

// -----

func.func @dequantize_float_input(%x: tensor<2xf32>, %s: tensor<f32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 8-bit signless integer or 8-bit unsigned integer or 32-bit signless integer values}}
  %0 = graph.dequantize_linear %x, %s : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  return
}

// -----

func.func @dynamic_quantize_f16(%x: tensor<2xf16>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 32-bit float values}}
  %0:3 = graph.dynamic_quantize_linear %x : (tensor<2xf16>) -> (tensor<2xui8>, tensor<f32>, tensor<ui8>)
  return
}
