//===- RecordModelInterface.cpp - Inputs and outputs before lowering ------===//
//
// Lowering makes unsigned element types signless and drops the argument
// names; the compiled module's metadata needs both, so they are recorded on
// the module while the entry function still has its graph-level signature.
//
//===----------------------------------------------------------------------===//

#include "ModelInterface.h"
#include "tessera/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"

namespace tessera {
#define GEN_PASS_DEF_RECORDMODELINTERFACE
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

/// One `{name, type}` entry per argument or result; unnamed ones are called
/// `<prefix><index>`.
ArrayAttr describeValues(MLIRContext *context, TypeRange types,
                         ArrayRef<DictionaryAttr> attrs, StringRef prefix) {
  SmallVector<Attribute> entries;
  for (auto [index, type] : llvm::enumerate(types)) {
    StringAttr name;
    if (index < attrs.size() && attrs[index])
      name = attrs[index].getAs<StringAttr>("graph.name");
    if (!name)
      name = StringAttr::get(context, prefix + Twine(index));
    NamedAttribute fields[] = {
        NamedAttribute(StringAttr::get(context, "name"), name),
        NamedAttribute(StringAttr::get(context, "type"), TypeAttr::get(type))};
    entries.push_back(DictionaryAttr::get(context, fields));
  }
  return ArrayAttr::get(context, entries);
}

SmallVector<DictionaryAttr> getAttrDicts(ArrayAttr attrs) {
  SmallVector<DictionaryAttr> dicts;
  if (attrs)
    for (Attribute attr : attrs)
      dicts.push_back(dyn_cast<DictionaryAttr>(attr));
  return dicts;
}

struct RecordModelInterfacePass
    : tessera::impl::RecordModelInterfaceBase<RecordModelInterfacePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> entries;
    for (auto function : module.getOps<func::FuncOp>())
      if (function.isPublic() && !function.isExternal())
        entries.push_back(function);
    if (entries.size() != 1) {
      module.emitError() << "expected exactly one public function (the "
                            "model's entry point), found "
                         << entries.size();
      return signalPassFailure();
    }
    func::FuncOp entry = entries.front();
    for (Type type : llvm::concat<const Type>(entry.getArgumentTypes(),
                                              entry.getResultTypes())) {
      auto tensorType = dyn_cast<RankedTensorType>(type);
      if (!tensorType || !tessera::getDTypeName(tensorType.getElementType())) {
        entry.emitError() << "model inputs and outputs must be ranked "
                             "tensors of a numeric or bool element type, "
                             "found "
                          << type;
        return signalPassFailure();
      }
    }
    MLIRContext *context = &getContext();
    NamedAttribute fields[] = {
        NamedAttribute(StringAttr::get(context, "function"),
                       entry.getSymNameAttr()),
        NamedAttribute(StringAttr::get(context, "inputs"),
                       describeValues(context, entry.getArgumentTypes(),
                                      getAttrDicts(entry.getArgAttrsAttr()),
                                      "input_")),
        NamedAttribute(StringAttr::get(context, "outputs"),
                       describeValues(context, entry.getResultTypes(),
                                      getAttrDicts(entry.getResAttrsAttr()),
                                      "output_"))};
    module->setAttr(tessera::kInterfaceAttrName,
                    DictionaryAttr::get(context, fields));
    entry->setAttr("llvm.emit_c_interface", UnitAttr::get(context));
  }
};

} // namespace
