//===- Metadata.h - The metadata JSON of a compiled model -------*- C++ -*-===//

#ifndef TESSERA_RUNTIME_LIB_METADATA_H
#define TESSERA_RUNTIME_LIB_METADATA_H

#include <dlpack/dlpack.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tessera::runtime {

/// One model input or output as the metadata declares it.
struct TensorInfo {
  std::string name;
  DLDataType dtype;
  /// -1 marks a dynamic dim.
  std::vector<int64_t> shape;
};

struct ModelMetadata {
  uint64_t workspaceBytes = 0;
  std::vector<TensorInfo> inputs;
  std::vector<TensorInfo> outputs;
  /// The message of run-time check k is checks[k - 1].
  std::vector<std::string> checks;
};

/// Parses and validates the metadata JSON of the ABI in module_abi.h. On
/// failure returns false with the reason in `error` (without the model's
/// name, which the caller adds).
bool parseMetadata(const char *text, ModelMetadata &metadata,
                   std::string &error);

} // namespace tessera::runtime

#endif // TESSERA_RUNTIME_LIB_METADATA_H
