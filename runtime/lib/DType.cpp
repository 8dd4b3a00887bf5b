//===- DType.cpp - Metadata dtype names and DLPack data types -------------===//

#include "DType.h"

#include "tessera/runtime/runtime.h"

namespace tessera::runtime {
namespace {

struct NamedDType {
  const char *name;
  DLDataType dtype;
};

constexpr NamedDType kDTypes[] = {
    {"float16", {kDLFloat, 16, 1}},    {"bfloat16", {kDLBfloat, 16, 1}},
    {"float32", {kDLFloat, 32, 1}},    {"float64", {kDLFloat, 64, 1}},
    {"int8", {kDLInt, 8, 1}},          {"int16", {kDLInt, 16, 1}},
    {"int32", {kDLInt, 32, 1}},        {"int64", {kDLInt, 64, 1}},
    {"uint8", {kDLUInt, 8, 1}},        {"uint16", {kDLUInt, 16, 1}},
    {"uint32", {kDLUInt, 32, 1}},      {"uint64", {kDLUInt, 64, 1}},
    {"bool", {TESSERA_DL_BOOL, 8, 1}},
};

} // namespace

std::optional<DLDataType> parseDType(std::string_view name) {
  for (const NamedDType &entry : kDTypes)
    if (name == entry.name)
      return entry.dtype;
  return std::nullopt;
}

const char *getDTypeName(DLDataType dtype) {
  for (const NamedDType &entry : kDTypes)
    if (entry.dtype == dtype)
      return entry.name;
  return nullptr;
}

std::string describeDType(DLDataType dtype) {
  if (const char *name = getDTypeName(dtype))
    return name;
  return "(code " + std::to_string(dtype.code) + ", bits " +
         std::to_string(dtype.bits) + ", lanes " + std::to_string(dtype.lanes) +
         ")";
}

} // namespace tessera::runtime
