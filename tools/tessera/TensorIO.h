//===- TensorIO.h - Tensors in .npy, .npz and ONNX TensorProto files ------===//
//
// Reads NumPy .npy files (format versions 1-3, little-endian, C order), .npz
// archives of them (stored or deflated zip entries) and ONNX TensorProto .pb
// files (raw_data or the typed fields, no external data) into runtime tensors
// allocated with tessera_tensor_alloc, and writes TensorProto files. Every
// malformed or unsupported file is an llvm::Error naming the file.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_TOOLS_TESSERA_TENSORIO_H
#define TESSERA_TOOLS_TESSERA_TENSORIO_H

#include "tessera/runtime/runtime.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#ifndef TESSERA_DL_BOOL
#define TESSERA_DL_BOOL 6
#endif

namespace tessera::tools {

/// Releases a DLManagedTensor through its own deleter.
struct ManagedTensorDeleter {
  void operator()(DLManagedTensor *tensor) const {
    if (tensor && tensor->deleter)
      tensor->deleter(tensor);
  }
};
using TensorPtr = std::unique_ptr<DLManagedTensor, ManagedTensorDeleter>;

struct NamedTensor {
  std::string name;
  TensorPtr tensor;
};

//===----------------------------------------------------------------------===//
// Element types and shapes
//===----------------------------------------------------------------------===//

/// The ABI's dtype names: float16 bfloat16 float32 float64 int8 ... bool.
std::optional<DLDataType> parseDTypeName(llvm::StringRef name);
/// The ABI name of `dtype`, or a description of an unknown one.
std::string getDTypeName(DLDataType dtype);
/// Bytes per element (bool takes one byte).
int64_t getElementSize(DLDataType dtype);
int64_t getNumElements(const DLTensor &tensor);
/// "1x3x224x224"; "scalar" for rank 0; "?" for a dynamic (-1) dim.
std::string formatShape(llvm::ArrayRef<int64_t> shape);
llvm::ArrayRef<int64_t> getShape(const DLTensor &tensor);
/// The data of a compact tensor allocated by the runtime or a model output.
const char *getData(const DLTensor &tensor);

/// A new zeroed tensor from tessera_tensor_alloc.
llvm::Expected<TensorPtr> allocateTensor(DLDataType dtype,
                                         llvm::ArrayRef<int64_t> shape);

/// Element `index` (row-major, honouring strides) converted to double.
double getElementAsDouble(const DLTensor &tensor, int64_t index);

/// Element `index` as text: integers exactly, floats with 6 significant
/// digits, booleans as true/false.
std::string formatElement(const DLTensor &tensor, int64_t index);

/// Fills `tensor` with random values: floats uniform in [-1, 1), integers
/// uniform in [0, 10), booleans uniform.
void fillRandom(DLTensor &tensor, std::mt19937_64 &generator);

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

/// Parses the bytes of a .npy file; `fileName` names it in errors.
llvm::Expected<TensorPtr> parseNpy(llvm::StringRef bytes,
                                   llvm::StringRef fileName);
llvm::Expected<TensorPtr> readNpyFile(llvm::StringRef path);

/// Reads every array of a .npz archive; names drop the ".npy" suffix.
llvm::Expected<std::vector<NamedTensor>> parseNpz(llvm::StringRef bytes,
                                                  llvm::StringRef fileName);
llvm::Expected<std::vector<NamedTensor>> readNpzFile(llvm::StringRef path);

/// Parses a serialized onnx.TensorProto; the name may be empty.
llvm::Expected<NamedTensor> parseTensorProto(llvm::StringRef bytes,
                                             llvm::StringRef fileName);
llvm::Expected<NamedTensor> readTensorProtoFile(llvm::StringRef path);

/// Writes `tensor` as an onnx.TensorProto with `name` and raw_data.
llvm::Error writeTensorProtoFile(const DLTensor &tensor, llvm::StringRef name,
                                 llvm::StringRef path);

} // namespace tessera::tools

#endif // TESSERA_TOOLS_TESSERA_TENSORIO_H
