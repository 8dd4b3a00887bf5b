//===- DType.h - Metadata dtype names and DLPack data types -----*- C++ -*-===//

#ifndef TESSERA_RUNTIME_LIB_DTYPE_H
#define TESSERA_RUNTIME_LIB_DTYPE_H

#include <dlpack/dlpack.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::runtime {

/// The DLPack type of a metadata dtype name ("float32", "bool", ...), or
/// nothing for a name outside the ABI.
std::optional<DLDataType> parseDType(std::string_view name);

/// The metadata name of an ABI dtype, or nullptr for any other DLDataType.
const char *getDTypeName(DLDataType dtype);

/// The dtype's name for messages: the ABI name, else its DLPack fields.
std::string describeDType(DLDataType dtype);

/// Bytes per element of an ABI dtype (bool is one byte).
inline size_t getElementBytes(DLDataType dtype) { return dtype.bits / 8; }

inline bool operator==(DLDataType lhs, DLDataType rhs) {
  return lhs.code == rhs.code && lhs.bits == rhs.bits && lhs.lanes == rhs.lanes;
}
inline bool operator!=(DLDataType lhs, DLDataType rhs) { return !(lhs == rhs); }

} // namespace tessera::runtime

#endif // TESSERA_RUNTIME_LIB_DTYPE_H
