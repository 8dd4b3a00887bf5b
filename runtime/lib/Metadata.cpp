//===- Metadata.cpp - The metadata JSON of a compiled model ---------------===//
//
// The runtime is built without exceptions: the JSON is parsed with
// allow_exceptions = false, and every value's type is checked before it is
// read, because a failed conversion in nlohmann::json would abort.
//
//===----------------------------------------------------------------------===//

#include "Metadata.h"

#include "DType.h"

#include "tessera/runtime/module_abi.h"

#include <nlohmann/json.hpp>

#include <set>

using nlohmann::json;

namespace tessera::runtime {
namespace {

/// Collects the first validation error; every check returns false on failure
/// so that callers can stop with `if (!...) return false`.
class MetadataParser {
public:
  explicit MetadataParser(std::string &error) : error(error) {}

  bool parse(const char *text, ModelMetadata &metadata) {
    if (!text)
      return fail("metadata is NULL");
    json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded())
      return fail("metadata is not valid JSON");
    if (!root.is_object())
      return fail("metadata is not a JSON object");

    const json *version = getMember(root, "abi_version");
    if (!version)
      return false;
    if (!version->is_number_integer())
      return fail("'abi_version' must be an integer");
    if (version->get<int64_t>() != TESSERA_MODULE_ABI_VERSION)
      return fail("ABI version " + version->dump() +
                  ", this runtime supports version " +
                  std::to_string(TESSERA_MODULE_ABI_VERSION));

    for (const char *key : {"name", "target"}) {
      const json *value = getMember(root, key);
      if (!value)
        return false;
      if (!value->is_string())
        return fail("'" + std::string(key) + "' must be a string");
    }

    const json *workspace = getMember(root, "workspace_bytes");
    if (!workspace)
      return false;
    if (!workspace->is_number_unsigned())
      return fail("'workspace_bytes' must be a non-negative integer");
    metadata.workspaceBytes = workspace->get<uint64_t>();

    if (!parseTensors(root, "inputs", metadata.inputs) ||
        !parseTensors(root, "outputs", metadata.outputs))
      return false;

    const json *checks = getMember(root, "checks");
    if (!checks)
      return false;
    if (!checks->is_array())
      return fail("'checks' must be an array");
    for (const json &check : *checks) {
      if (!check.is_string())
        return fail("'checks' entries must be strings");
      metadata.checks.push_back(check.get<std::string>());
    }
    return true;
  }

private:
  bool fail(std::string message) {
    error = std::move(message);
    return false;
  }

  const json *getMember(const json &object, const char *key) {
    auto it = object.find(key);
    if (it == object.end()) {
      fail("metadata lacks '" + std::string(key) + "'");
      return nullptr;
    }
    return &*it;
  }

  bool parseTensors(const json &root, const char *key,
                    std::vector<TensorInfo> &tensors) {
    const json *list = getMember(root, key);
    if (!list)
      return false;
    if (!list->is_array())
      return fail("'" + std::string(key) + "' must be an array");
    std::set<std::string> names;
    for (size_t i = 0; i < list->size(); ++i) {
      std::string where = std::string(key) + "[" + std::to_string(i) + "]";
      TensorInfo info;
      if (!parseTensor((*list)[i], where, info))
        return false;
      if (!names.insert(info.name).second)
        return fail(where + ": duplicate name '" + info.name + "'");
      tensors.push_back(std::move(info));
    }
    return true;
  }

  bool parseTensor(const json &entry, const std::string &where,
                   TensorInfo &info) {
    if (!entry.is_object())
      return fail(where + " must be an object");
    auto name = entry.find("name");
    if (name == entry.end() || !name->is_string())
      return fail(where + ": 'name' must be a string");
    info.name = name->get<std::string>();
    std::string named = where + " ('" + info.name + "')";

    auto dtype = entry.find("dtype");
    if (dtype == entry.end() || !dtype->is_string())
      return fail(named + ": 'dtype' must be a string");
    std::optional<DLDataType> parsed = parseDType(dtype->get<std::string>());
    if (!parsed)
      return fail(named + ": unknown dtype '" + dtype->get<std::string>() +
                  "'");
    info.dtype = *parsed;

    auto shape = entry.find("shape");
    if (shape == entry.end() || !shape->is_array())
      return fail(named + ": 'shape' must be an array");
    for (const json &dim : *shape) {
      if (!dim.is_number_integer() || dim.get<int64_t>() < -1)
        return fail(named + ": shape entries must be integers >= -1, got " +
                    dim.dump());
      info.shape.push_back(dim.get<int64_t>());
    }
    return true;
  }

  std::string &error;
};

} // namespace

bool parseMetadata(const char *text, ModelMetadata &metadata,
                   std::string &error) {
  return MetadataParser(error).parse(text, metadata);
}

} // namespace tessera::runtime
