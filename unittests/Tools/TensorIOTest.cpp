//===- TensorIOTest.cpp - .npy, .npz and TensorProto files ----------------===//
//
// Fixtures come from make-tensor-fixtures.py (numpy and onnx): 2x3 arrays
// whose element i is i * 0.5 - 1 (floats), i - 2 (signed), i * 40 (unsigned)
// or i % 2 == 1 (bool). Malformed files are derived from them here.
//
//===----------------------------------------------------------------------===//

#include "TensorIO.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cstring>

using namespace llvm;
using namespace tessera::tools;

namespace {

std::string fixture(StringRef name) {
  SmallString<128> path(TESSERA_FIXTURES_DIR);
  sys::path::append(path, name);
  return std::string(path);
}

std::string readBytes(StringRef name) {
  auto buffer = MemoryBuffer::getFile(fixture(name), /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  EXPECT_TRUE(bool(buffer)) << name.str();
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

/// The message of a failed result; fails the test on success.
template <typename T> std::string errorOf(Expected<T> result) {
  if (result) {
    ADD_FAILURE() << "expected an error";
    return "";
  }
  return toString(result.takeError());
}

double expectedValue(char kind, int64_t i) {
  switch (kind) {
  case 'f':
    return i * 0.5 - 1;
  case 'i':
    return i - 2;
  case 'u':
    return i * 40;
  default:
    return i % 2 == 1;
  }
}

void expectPattern(const DLTensor &tensor, char kind, StringRef dtypeName) {
  EXPECT_EQ(getDTypeName(tensor.dtype), dtypeName.str());
  ASSERT_EQ(formatShape(getShape(tensor)), "2x3");
  for (int64_t i = 0; i < 6; ++i)
    EXPECT_EQ(getElementAsDouble(tensor, i), expectedValue(kind, i))
        << dtypeName.str() << " element " << i;
}

struct DTypeCase {
  const char *code;
  const char *name;
};
const DTypeCase kDTypes[] = {
    {"f2", "float16"}, {"f4", "float32"}, {"f8", "float64"}, {"i1", "int8"},
    {"i2", "int16"},   {"i4", "int32"},   {"i8", "int64"},   {"u1", "uint8"},
    {"u2", "uint16"},  {"u4", "uint32"},  {"u8", "uint64"},  {"b1", "bool"},
};

//===----------------------------------------------------------------------===//
// .npy
//===----------------------------------------------------------------------===//

TEST(TensorIO, ReadsNpyOfEveryDType) {
  for (const DTypeCase &dtype : kDTypes) {
    Expected<TensorPtr> tensor =
        readNpyFile(fixture(std::string(dtype.code) + ".npy"));
    ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
    expectPattern((*tensor)->dl_tensor, dtype.code[0], dtype.name);
  }
}

TEST(TensorIO, ReadsNpyHeaderVersions2And3) {
  for (const char *name : {"f4_v2.npy", "f4_v3.npy"}) {
    Expected<TensorPtr> tensor = readNpyFile(fixture(name));
    ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
    expectPattern((*tensor)->dl_tensor, 'f', "float32");
  }
}

TEST(TensorIO, ReadsScalarEmptyAndFortranVectorNpy) {
  Expected<TensorPtr> scalar = readNpyFile(fixture("scalar.npy"));
  ASSERT_TRUE(bool(scalar)) << toString(scalar.takeError());
  EXPECT_EQ((*scalar)->dl_tensor.ndim, 0);
  EXPECT_EQ(getElementAsDouble((*scalar)->dl_tensor, 0), 3.5);

  Expected<TensorPtr> empty = readNpyFile(fixture("empty.npy"));
  ASSERT_TRUE(bool(empty)) << toString(empty.takeError());
  EXPECT_EQ(formatShape(getShape((*empty)->dl_tensor)), "0x3");

  Expected<TensorPtr> vector = readNpyFile(fixture("fortran_vector.npy"));
  ASSERT_TRUE(bool(vector)) << toString(vector.takeError());
  EXPECT_EQ(getElementAsDouble((*vector)->dl_tensor, 3), 3);
}

TEST(TensorIO, RejectsUnsupportedNpy) {
  EXPECT_NE(errorOf(readNpyFile(fixture("fortran.npy")))
                .find("Fortran-order arrays are not supported"),
            std::string::npos);
  EXPECT_NE(errorOf(readNpyFile(fixture("big_endian.npy")))
                .find("unsupported .npy dtype '>f4': big-endian"),
            std::string::npos);
  EXPECT_NE(errorOf(readNpyFile(fixture("complex.npy"))).find("dtype '<c8'"),
            std::string::npos);
  std::string missing = errorOf(readNpyFile(fixture("missing.npy")));
  EXPECT_NE(missing.find("missing.npy: cannot read"), std::string::npos)
      << missing;
  EXPECT_NE(errorOf(readNpyFile(TESSERA_FIXTURES_DIR)).find("is a directory"),
            std::string::npos);
}

TEST(TensorIO, RejectsMalformedNpy) {
  std::string good = readBytes("f4.npy");
  // The header: 10 bytes of magic, version and length, then the dict.
  size_t headerEnd = good.find('\n') + 1;
  std::string header = good.substr(10, headerEnd - 10);
  std::string data = good.substr(headerEnd);
  auto withHeader = [&](std::string dict) {
    dict.resize(header.size(), ' ');
    dict.back() = '\n';
    return good.substr(0, 10) + dict + data;
  };
  struct {
    std::string bytes;
    const char *message;
  } cases[] = {
      {"PK\x03\x04", "not a .npy file"},
      {good.substr(0, 8), "truncated .npy header"},
      {good.substr(0, 30), "truncated .npy header"},
      {good.substr(0, good.size() - 1), "has 23 bytes of data"},
      {good + "xxxx", "has 28 bytes of data"},
      {std::string("\x93NUMPY\x04\x00", 8) + good.substr(8),
       "unsupported .npy format version 4"},
      {withHeader("{'descr': '<f4', 'shape': (2, 3), }"),
       "needs the keys 'descr', 'fortran_order' and 'shape'"},
      {withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, "
                  "-3), }"),
       "expected a non-negative integer in 'shape'"},
      {withHeader("{'descr': '<f4', 'fortran_order': Nope, 'shape': (2, "
                  "3), }"),
       "expected True or False"},
      {withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, "
                  "3), 'extra': 1}"),
       "unknown key 'extra'"},
      {withHeader("{'descr': [('a', '<f4')], 'fortran_order': False, "
                  "'shape': (2,), }"),
       "structured arrays are not supported"},
      {withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': "
                  "(99999999999, 99999999999, 99999999999), }"),
       "is too large"},
      {withHeader("{'descr': '<f4, 'fortran_order': False, 'shape': (2, 3)"),
       "malformed .npy header"},
  };
  for (const auto &testCase : cases) {
    std::string message = errorOf(parseNpy(testCase.bytes, "bad.npy"));
    EXPECT_NE(message.find(testCase.message), std::string::npos)
        << "got: " << message << "\nwanted: " << testCase.message;
    EXPECT_EQ(message.rfind("bad.npy: ", 0), 0u) << message;
  }
}

//===----------------------------------------------------------------------===//
// .npz
//===----------------------------------------------------------------------===//

TEST(TensorIO, ReadsStoredAndDeflatedNpz) {
  for (const char *name : {"stored.npz", "deflated.npz"}) {
    Expected<std::vector<NamedTensor>> arrays = readNpzFile(fixture(name));
    ASSERT_TRUE(bool(arrays)) << toString(arrays.takeError());
    ASSERT_EQ(arrays->size(), 2u);
    EXPECT_EQ((*arrays)[0].name, "x");
    expectPattern((*arrays)[0].tensor->dl_tensor, 'f', "float32");
    EXPECT_EQ((*arrays)[1].name, "y");
    expectPattern((*arrays)[1].tensor->dl_tensor, 'i', "int64");
  }
}

TEST(TensorIO, RejectsMalformedNpz) {
  std::string stored = readBytes("stored.npz");
  std::string deflated = readBytes("deflated.npz");
  // Flip a byte of the first entry's data (after its npy magic).
  auto corrupt = [](std::string bytes, size_t offset) {
    bytes[offset] ^= 0x5a;
    return bytes;
  };
  size_t storedData = stored.find("\x93NUMPY") + 100;
  struct {
    std::string bytes;
    const char *message;
  } cases[] = {
      {"not a zip file at all, just some text", "no end of central "
                                                "directory record"},
      {"PK", "too short"},
      {stored.substr(0, stored.size() / 2), "no end of central directory"},
      {corrupt(stored, storedData), "CRC mismatch in entry 'x.npy'"},
      {corrupt(deflated, 60), "entry 'x.npy'"},
      {stored.substr(stored.size() - 22), "central directory out of bounds"},
  };
  for (const auto &testCase : cases) {
    std::string message = errorOf(parseNpz(testCase.bytes, "bad.npz"));
    EXPECT_NE(message.find(testCase.message), std::string::npos)
        << "got: " << message << "\nwanted: " << testCase.message;
    EXPECT_EQ(message.rfind("bad.npz: ", 0), 0u) << message;
  }
}

TEST(TensorIO, RejectsUnsupportedZipCompression) {
  std::string stored = readBytes("stored.npz");
  size_t central = stored.find("PK\x01\x02");
  ASSERT_NE(central, std::string::npos);
  stored[central + 10] = 12; // bzip2
  std::string message = errorOf(parseNpz(stored, "bad.npz"));
  EXPECT_NE(message.find("entry 'x.npy' uses compression method 12"),
            std::string::npos)
      << message;
}

//===----------------------------------------------------------------------===//
// TensorProto
//===----------------------------------------------------------------------===//

TEST(TensorIO, ReadsTensorProtoRawAndTypedOfEveryDType) {
  for (const DTypeCase &dtype : kDTypes) {
    for (const char *layout : {"_raw.pb", "_typed.pb"}) {
      std::string name = std::string(dtype.code) + layout;
      Expected<NamedTensor> tensor = readTensorProtoFile(fixture(name));
      ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
      EXPECT_EQ(tensor->name, std::string("t_") + dtype.code);
      expectPattern(tensor->tensor->dl_tensor, dtype.code[0], dtype.name);
    }
  }
  for (const char *name : {"bf16_raw.pb", "bf16_typed.pb"}) {
    Expected<NamedTensor> tensor = readTensorProtoFile(fixture(name));
    ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
    expectPattern(tensor->tensor->dl_tensor, 'f', "bfloat16");
  }
}

TEST(TensorIO, RejectsMalformedTensorProto) {
  struct {
    const char *file;
    const char *message;
  } cases[] = {
      {"external.pb", "external data is not supported"},
      {"short.pb", "TensorProto has 5 values, its shape 2x3 needs 6"},
      {"wrong_field.pb", "has its values in the wrong field"},
      {"string.pb", "unsupported TensorProto data_type 8 (STRING)"},
      {"f4.npy", "not a valid onnx TensorProto file"},
  };
  for (const auto &testCase : cases) {
    std::string message = errorOf(readTensorProtoFile(fixture(testCase.file)));
    EXPECT_NE(message.find(testCase.message), std::string::npos)
        << "got: " << message << "\nwanted: " << testCase.message;
  }
  // raw_data is the last field: cutting its last byte breaks its length.
  std::string raw = readBytes("f4_raw.pb");
  EXPECT_EQ(errorOf(parseTensorProto(raw.substr(0, raw.size() - 1), "bad.pb")),
            "bad.pb: not a valid onnx TensorProto file");
}

TEST(TensorIO, TensorProtoRoundTripsEveryDType) {
  SmallString<128> path;
  ASSERT_FALSE(sys::fs::createTemporaryFile("tensorio", "pb", path));
  for (const DTypeCase &dtype : kDTypes) {
    Expected<TensorPtr> tensor =
        readNpyFile(fixture(std::string(dtype.code) + ".npy"));
    ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
    ASSERT_FALSE(bool(writeTensorProtoFile((*tensor)->dl_tensor, "out", path)));
    Expected<NamedTensor> back = readTensorProtoFile(path);
    ASSERT_TRUE(bool(back)) << toString(back.takeError());
    EXPECT_EQ(back->name, "out");
    expectPattern(back->tensor->dl_tensor, dtype.code[0], dtype.name);
  }
  sys::fs::remove(path);
}

TEST(TensorIO, WritesStridedTensorsCompact) {
  // A 3x2 transposed view of the 2x3 float32 fixture.
  Expected<TensorPtr> tensor = readNpyFile(fixture("f4.npy"));
  ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
  DLTensor view = (*tensor)->dl_tensor;
  int64_t shape[] = {3, 2}, strides[] = {1, 3};
  view.shape = shape;
  view.strides = strides;
  SmallString<128> path;
  ASSERT_FALSE(sys::fs::createTemporaryFile("tensorio", "pb", path));
  ASSERT_FALSE(bool(writeTensorProtoFile(view, "t", path)));
  Expected<NamedTensor> back = readTensorProtoFile(path);
  ASSERT_TRUE(bool(back)) << toString(back.takeError());
  sys::fs::remove(path);
  const DLTensor &result = back->tensor->dl_tensor;
  EXPECT_EQ(formatShape(getShape(result)), "3x2");
  for (int64_t row = 0; row < 3; ++row)
    for (int64_t column = 0; column < 2; ++column)
      EXPECT_EQ(getElementAsDouble(result, row * 2 + column),
                expectedValue('f', column * 3 + row));
}

TEST(TensorIO, ReportsUnwritableOutput) {
  Expected<TensorPtr> tensor = readNpyFile(fixture("f4.npy"));
  ASSERT_TRUE(bool(tensor)) << toString(tensor.takeError());
  Error error = writeTensorProtoFile((*tensor)->dl_tensor, "t",
                                     "/nonexistent-dir/out.pb");
  ASSERT_TRUE(bool(error));
  EXPECT_NE(toString(std::move(error))
                .find("/nonexistent-dir/out.pb: cannot "
                      "write"),
            std::string::npos);
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

TEST(TensorIO, DTypeNamesRoundTrip) {
  for (const DTypeCase &dtype : kDTypes) {
    std::optional<DLDataType> parsed = parseDTypeName(dtype.name);
    ASSERT_TRUE(parsed.has_value()) << dtype.name;
    EXPECT_EQ(getDTypeName(*parsed), dtype.name);
  }
  EXPECT_FALSE(parseDTypeName("complex64").has_value());
  EXPECT_EQ(formatShape({}), "scalar");
  EXPECT_EQ(formatShape({-1, 3}), "?x3");
}

TEST(TensorIO, FormatsElements) {
  Expected<TensorPtr> ints = readNpyFile(fixture("i8.npy"));
  ASSERT_TRUE(bool(ints)) << toString(ints.takeError());
  int64_t big = (int64_t(1) << 62) + 1;
  std::memcpy((*ints)->dl_tensor.data, &big, sizeof(big));
  EXPECT_EQ(formatElement((*ints)->dl_tensor, 0), "4611686018427387905");
  EXPECT_EQ(formatElement((*ints)->dl_tensor, 1), "-1");
  Expected<TensorPtr> bools = readNpyFile(fixture("b1.npy"));
  ASSERT_TRUE(bool(bools)) << toString(bools.takeError());
  EXPECT_EQ(formatElement((*bools)->dl_tensor, 1), "true");
  Expected<TensorPtr> halves = readNpyFile(fixture("f2.npy"));
  ASSERT_TRUE(bool(halves)) << toString(halves.takeError());
  EXPECT_EQ(formatElement((*halves)->dl_tensor, 1), "-0.5");
}

TEST(TensorIO, RandomValuesAreSeededAndInRange) {
  for (const DTypeCase &dtype : kDTypes) {
    DLDataType type = *parseDTypeName(dtype.name);
    Expected<TensorPtr> first = allocateTensor(type, {64});
    Expected<TensorPtr> second = allocateTensor(type, {64});
    ASSERT_TRUE(first && second);
    std::mt19937_64 generator1(7), generator2(7);
    fillRandom((*first)->dl_tensor, generator1);
    fillRandom((*second)->dl_tensor, generator2);
    EXPECT_EQ(std::memcmp((*first)->dl_tensor.data, (*second)->dl_tensor.data,
                          64 * getElementSize(type)),
              0);
    bool anyNonZero = false;
    for (int64_t i = 0; i < 64; ++i) {
      double value = getElementAsDouble((*first)->dl_tensor, i);
      anyNonZero |= value != 0;
      if (dtype.code[0] == 'f') {
        EXPECT_GE(value, -1.0);
        EXPECT_LE(value, 1.0); // rounding to f16 may reach 1
      } else {
        EXPECT_GE(value, 0);
        EXPECT_LE(value, dtype.code[0] == 'b' ? 1 : 9);
      }
    }
    EXPECT_TRUE(anyNonZero) << dtype.name;
  }
}

} // namespace
