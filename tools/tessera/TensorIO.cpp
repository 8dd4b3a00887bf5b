//===- TensorIO.cpp - Tensors in .npy, .npz and ONNX TensorProto files ----===//

#include "TensorIO.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SwapByteOrder.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/onnx_pb.h"

#include <zlib.h>

#include <cstring>
#include <limits>

using namespace llvm;

namespace tessera::tools {

// Files hold little-endian data that is copied into tensors as is.
static_assert(sys::IsLittleEndianHost, "TensorIO assumes a little-endian host");

namespace {

Error fileError(StringRef fileName, const Twine &message) {
  return createStringError(inconvertibleErrorCode(), fileName + ": " + message);
}

Expected<std::unique_ptr<MemoryBuffer>> readFile(StringRef path) {
  if (sys::fs::is_directory(path))
    return fileError(path, "is a directory, not a file");
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return fileError(path, "cannot read: " + buffer.getError().message());
  return std::move(*buffer);
}

/// Elements of `shape`, or nullopt for a negative dim or overflow.
std::optional<int64_t> countElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim < 0)
      return std::nullopt;
    if (dim != 0 && count > std::numeric_limits<int64_t>::max() / dim)
      return std::nullopt;
    count *= dim;
  }
  return count;
}

DLDataType makeDType(uint8_t code, uint8_t bits) { return {code, bits, 1}; }

uint16_t floatToHalfBits(double value, const fltSemantics &semantics) {
  APFloat converted(value);
  bool losesInfo;
  converted.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
  return static_cast<uint16_t>(converted.bitcastToAPInt().getZExtValue());
}

double halfBitsToDouble(uint16_t bits, const fltSemantics &semantics) {
  APFloat value(semantics, APInt(16, bits));
  bool losesInfo;
  value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                &losesInfo);
  return value.convertToDouble();
}

/// Byte offset of row-major element `index`, honouring the tensor's strides.
int64_t getElementByteOffset(const DLTensor &tensor, int64_t index) {
  int64_t elementSize = getElementSize(tensor.dtype);
  if (!tensor.strides)
    return index * elementSize;
  int64_t offset = 0;
  for (int dim = tensor.ndim - 1; dim >= 0; --dim) {
    int64_t size = tensor.shape[dim];
    offset += (index % size) * tensor.strides[dim];
    index /= size;
  }
  return offset * elementSize;
}

/// The tensor's elements in compact row-major order.
std::string getCompactBytes(const DLTensor &tensor) {
  int64_t count = getNumElements(tensor);
  int64_t elementSize = getElementSize(tensor.dtype);
  const char *data = getData(tensor);
  std::string bytes(count * elementSize, '\0');
  for (int64_t i = 0; i < count; ++i)
    std::memcpy(&bytes[i * elementSize], data + getElementByteOffset(tensor, i),
                elementSize);
  return bytes;
}

} // namespace

//===----------------------------------------------------------------------===//
// Element types and shapes
//===----------------------------------------------------------------------===//

// The runtime owns the ABI's dtype names.
std::optional<DLDataType> parseDTypeName(StringRef name) {
  DLDataType dtype;
  if (tessera_dtype_from_name(name.str().c_str(), &dtype) != 0)
    return std::nullopt;
  return dtype;
}

std::string getDTypeName(DLDataType dtype) {
  if (const char *name = tessera_dtype_name(dtype))
    return name;
  return formatv("dtype(code={0}, bits={1}, lanes={2})", dtype.code, dtype.bits,
                 dtype.lanes)
      .str();
}

int64_t getElementSize(DLDataType dtype) {
  return (int64_t(dtype.bits) * dtype.lanes + 7) / 8;
}

int64_t getNumElements(const DLTensor &tensor) {
  int64_t count = 1;
  for (int dim = 0; dim < tensor.ndim; ++dim)
    count *= tensor.shape[dim];
  return count;
}

std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  return join(map_range(shape,
                        [](int64_t dim) {
                          return dim < 0 ? std::string("?") : itostr(dim);
                        }),
              "x");
}

ArrayRef<int64_t> getShape(const DLTensor &tensor) {
  return ArrayRef<int64_t>(tensor.shape, tensor.ndim);
}

const char *getData(const DLTensor &tensor) {
  return static_cast<const char *>(tensor.data) + tensor.byte_offset;
}

Expected<TensorPtr> allocateTensor(DLDataType dtype, ArrayRef<int64_t> shape) {
  DLManagedTensor *tensor = nullptr;
  if (tessera_tensor_alloc(dtype, static_cast<int32_t>(shape.size()),
                           shape.data(), &tensor) != 0)
    return createStringError(inconvertibleErrorCode(),
                             "cannot allocate a " + getDTypeName(dtype) +
                                 " tensor of shape " + formatShape(shape) +
                                 ": " + tessera_last_error());
  return TensorPtr(tensor);
}

double getElementAsDouble(const DLTensor &tensor, int64_t index) {
  const char *element = getData(tensor) + getElementByteOffset(tensor, index);
  auto load = [&](auto value) {
    std::memcpy(&value, element, sizeof(value));
    return value;
  };
  DLDataType dtype = tensor.dtype;
  switch (dtype.code) {
  case kDLFloat:
    if (dtype.bits == 16)
      return halfBitsToDouble(load(uint16_t()), APFloat::IEEEhalf());
    if (dtype.bits == 32)
      return load(float());
    return load(double());
  case kDLBfloat:
    return halfBitsToDouble(load(uint16_t()), APFloat::BFloat());
  case kDLInt:
    switch (dtype.bits) {
    case 8:
      return load(int8_t());
    case 16:
      return load(int16_t());
    case 32:
      return load(int32_t());
    default:
      return static_cast<double>(load(int64_t()));
    }
  case kDLUInt:
    switch (dtype.bits) {
    case 8:
      return load(uint8_t());
    case 16:
      return load(uint16_t());
    case 32:
      return load(uint32_t());
    default:
      return static_cast<double>(load(uint64_t()));
    }
  default: // bool
    return load(uint8_t()) != 0;
  }
}

std::string formatElement(const DLTensor &tensor, int64_t index) {
  const char *element = getData(tensor) + getElementByteOffset(tensor, index);
  DLDataType dtype = tensor.dtype;
  if (dtype.code == TESSERA_DL_BOOL)
    return *element ? "true" : "false";
  if (dtype.code == kDLInt && dtype.bits == 64) {
    int64_t value;
    std::memcpy(&value, element, sizeof(value));
    return itostr(value);
  }
  if (dtype.code == kDLUInt && dtype.bits == 64) {
    uint64_t value;
    std::memcpy(&value, element, sizeof(value));
    return utostr(value);
  }
  double value = getElementAsDouble(tensor, index);
  if (dtype.code == kDLInt || dtype.code == kDLUInt)
    return itostr(static_cast<int64_t>(value));
  std::string text;
  raw_string_ostream(text) << format("%.6g", value);
  return text;
}

void fillRandom(DLTensor &tensor, std::mt19937_64 &generator) {
  std::uniform_real_distribution<double> floats(-1.0, 1.0);
  std::uniform_int_distribution<int> ints(0, 9);
  int64_t count = getNumElements(tensor);
  int64_t elementSize = getElementSize(tensor.dtype);
  char *data = static_cast<char *>(tensor.data) + tensor.byte_offset;
  for (int64_t i = 0; i < count; ++i) {
    char *element = data + i * elementSize;
    auto store = [&](auto value) {
      std::memcpy(element, &value, sizeof(value));
    };
    switch (tensor.dtype.code) {
    case kDLFloat:
      if (tensor.dtype.bits == 16)
        store(floatToHalfBits(floats(generator), APFloat::IEEEhalf()));
      else if (tensor.dtype.bits == 32)
        store(static_cast<float>(floats(generator)));
      else
        store(floats(generator));
      break;
    case kDLBfloat:
      store(floatToHalfBits(floats(generator), APFloat::BFloat()));
      break;
    case kDLInt:
    case kDLUInt: {
      // Little-endian: the low byte holds the value, the rest stays zero.
      std::memset(element, 0, elementSize);
      store(static_cast<uint8_t>(ints(generator)));
      break;
    }
    default: // bool
      store(static_cast<uint8_t>(generator() & 1));
      break;
    }
  }
}

//===----------------------------------------------------------------------===//
// .npy
//===----------------------------------------------------------------------===//

namespace {

/// The Python dict literal of a .npy header:
///   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
class NpyHeaderParser {
public:
  NpyHeaderParser(StringRef text, StringRef fileName)
      : rest(text), fileName(fileName) {}

  Error parse();

  std::string descr;
  bool fortranOrder = false;
  SmallVector<int64_t> shape;

private:
  Error error(const Twine &message) {
    return fileError(fileName, "malformed .npy header: " + message);
  }
  bool consume(char c) {
    rest = rest.ltrim();
    return rest.consume_front(StringRef(&c, 1));
  }
  Expected<std::string> parseString();
  Expected<bool> parseBool();
  Error parseShape();

  StringRef rest;
  StringRef fileName;
};

Expected<std::string> NpyHeaderParser::parseString() {
  rest = rest.ltrim();
  if (rest.empty() || (rest.front() != '\'' && rest.front() != '"'))
    return error("expected a string");
  char quote = rest.front();
  size_t end = rest.find(quote, 1);
  if (end == StringRef::npos)
    return error("unterminated string");
  std::string value = rest.substr(1, end - 1).str();
  rest = rest.drop_front(end + 1);
  return value;
}

Expected<bool> NpyHeaderParser::parseBool() {
  rest = rest.ltrim();
  if (rest.consume_front("True"))
    return true;
  if (rest.consume_front("False"))
    return false;
  return error("expected True or False for 'fortran_order'");
}

Error NpyHeaderParser::parseShape() {
  if (!consume('('))
    return error("expected a tuple for 'shape'");
  shape.clear();
  while (!consume(')')) {
    rest = rest.ltrim();
    size_t digits = rest.find_first_not_of("0123456789");
    int64_t dim;
    if (digits == 0 || rest.substr(0, digits).getAsInteger(10, dim))
      return error("expected a non-negative integer in 'shape'");
    shape.push_back(dim);
    rest = rest.drop_front(digits);
    rest.consume_front("L"); // Python 2 longs.
    if (!consume(',')) {
      if (!consume(')'))
        return error("expected ',' or ')' in 'shape'");
      break;
    }
  }
  return Error::success();
}

Error NpyHeaderParser::parse() {
  if (!consume('{'))
    return error("expected '{'");
  bool seenDescr = false, seenOrder = false, seenShape = false;
  while (!consume('}')) {
    Expected<std::string> key = parseString();
    if (!key)
      return key.takeError();
    if (!consume(':'))
      return error("expected ':' after '" + *key + "'");
    if (*key == "descr") {
      Expected<std::string> value = parseString();
      if (!value)
        return error("'descr' must be a simple type string such as '<f4' "
                     "(structured arrays are not supported)");
      descr = *value;
      seenDescr = true;
    } else if (*key == "fortran_order") {
      Expected<bool> value = parseBool();
      if (!value)
        return value.takeError();
      fortranOrder = *value;
      seenOrder = true;
    } else if (*key == "shape") {
      if (Error error = parseShape())
        return error;
      seenShape = true;
    } else {
      return error("unknown key '" + *key + "'");
    }
    if (!consume(',')) {
      if (!consume('}'))
        return error("expected ',' or '}'");
      break;
    }
  }
  if (!seenDescr || !seenOrder || !seenShape)
    return error("needs the keys 'descr', 'fortran_order' and 'shape'");
  return Error::success();
}

/// The element type of a .npy descr such as '<f4' or '|b1'.
Expected<DLDataType> parseNpyDescr(StringRef descr, StringRef fileName) {
  auto unsupported = [&](const Twine &why) {
    return fileError(fileName, "unsupported .npy dtype '" + descr + "'" + why +
                                   " (supported: f2 f4 f8 i1 i2 i4 i8 u1 u2 "
                                   "u4 u8 b1, little-endian)");
  };
  if (descr.size() < 3)
    return unsupported("");
  char byteOrder = descr[0];
  char kind = descr[1];
  unsigned size;
  if (descr.drop_front(2).getAsInteger(10, size))
    return unsupported("");
  if (byteOrder == '>' && size != 1)
    return unsupported(": big-endian data");
  if (byteOrder != '<' && byteOrder != '|' && byteOrder != '=' &&
      byteOrder != '>')
    return unsupported("");
  uint8_t bits = size * 8;
  switch (kind) {
  case 'f':
    if (size == 2 || size == 4 || size == 8)
      return makeDType(kDLFloat, bits);
    break;
  case 'i':
    if (size == 1 || size == 2 || size == 4 || size == 8)
      return makeDType(kDLInt, bits);
    break;
  case 'u':
    if (size == 1 || size == 2 || size == 4 || size == 8)
      return makeDType(kDLUInt, bits);
    break;
  case 'b':
    if (size == 1)
      return makeDType(TESSERA_DL_BOOL, 8);
    break;
  }
  return unsupported("");
}

} // namespace

Expected<TensorPtr> parseNpy(StringRef bytes, StringRef fileName) {
  const StringRef magic("\x93NUMPY", 6);
  if (!bytes.starts_with(magic))
    return fileError(fileName, "not a .npy file (no \\x93NUMPY magic)");
  if (bytes.size() < 10)
    return fileError(fileName, "truncated .npy header");
  uint8_t major = bytes[6];
  size_t headerStart, headerLength;
  if (major == 1) {
    headerStart = 10;
    headerLength = uint8_t(bytes[8]) | uint8_t(bytes[9]) << 8;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return fileError(fileName, "truncated .npy header");
    headerStart = 12;
    headerLength =
        uint32_t(uint8_t(bytes[8])) | uint32_t(uint8_t(bytes[9])) << 8 |
        uint32_t(uint8_t(bytes[10])) << 16 | uint32_t(uint8_t(bytes[11])) << 24;
  } else {
    return fileError(fileName, "unsupported .npy format version " +
                                   Twine(unsigned(major)));
  }
  if (headerLength > bytes.size() - headerStart)
    return fileError(fileName, "truncated .npy header");

  NpyHeaderParser header(bytes.substr(headerStart, headerLength), fileName);
  if (Error error = header.parse())
    return std::move(error);
  Expected<DLDataType> dtype = parseNpyDescr(header.descr, fileName);
  if (!dtype)
    return dtype.takeError();
  std::optional<int64_t> count = countElements(header.shape);
  if (!count)
    return fileError(fileName,
                     "shape " + formatShape(header.shape) + " is too large");
  if (header.fortranOrder &&
      count_if(header.shape, [](int64_t dim) { return dim > 1; }) > 1)
    return fileError(fileName, "Fortran-order arrays are not supported "
                               "(save a C-order array, e.g. with "
                               "numpy.ascontiguousarray)");

  StringRef data = bytes.drop_front(headerStart + headerLength);
  int64_t elementSize = getElementSize(*dtype);
  if (*count > std::numeric_limits<int64_t>::max() / elementSize ||
      uint64_t(*count * elementSize) != data.size())
    return fileError(fileName,
                     formatv("has {0} bytes of data, a {1} array "
                             "of shape {2} needs {3}",
                             data.size(), getDTypeName(*dtype),
                             formatShape(header.shape), *count * elementSize)
                         .str());
  Expected<TensorPtr> tensor = allocateTensor(*dtype, header.shape);
  if (!tensor)
    return tensor.takeError();
  if (!data.empty())
    std::memcpy((*tensor)->dl_tensor.data, data.data(), data.size());
  return tensor;
}

Expected<TensorPtr> readNpyFile(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseNpy((*buffer)->getBuffer(), path);
}

//===----------------------------------------------------------------------===//
// .npz
//===----------------------------------------------------------------------===//

namespace {

/// Reads little-endian integers of a zip archive, checking bounds.
class ZipReader {
public:
  ZipReader(StringRef bytes, StringRef fileName)
      : bytes(bytes), fileName(fileName) {}

  Error error(const Twine &message) const {
    return fileError(fileName, "malformed .npz (zip) archive: " + message);
  }
  bool has(uint64_t offset, uint64_t size) const {
    return offset <= bytes.size() && size <= bytes.size() - offset;
  }
  uint64_t read(uint64_t offset, unsigned size) const {
    uint64_t value = 0;
    for (unsigned i = 0; i < size; ++i)
      value |= uint64_t(uint8_t(bytes[offset + i])) << (8 * i);
    return value;
  }

  StringRef bytes;
  StringRef fileName;
};

struct ZipEntry {
  std::string name;
  unsigned method;
  uint32_t crc;
  uint64_t compressedSize, uncompressedSize, localHeaderOffset;
};

constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr uint32_t kZip64EndOfCentralDirectory = 0x06064b50;
constexpr uint32_t kZip64Locator = 0x07064b50;
constexpr uint32_t kCentralDirectoryEntry = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;

/// The central directory's entries (sizes from its zip64 extra fields where
/// needed: numpy writes every entry with force_zip64).
Expected<std::vector<ZipEntry>> readCentralDirectory(const ZipReader &zip) {
  StringRef bytes = zip.bytes;
  if (bytes.size() < 22)
    return zip.error("too short");
  uint64_t end = bytes.size() - 22;
  uint64_t lowest = end > 0xffff ? end - 0xffff : 0;
  std::optional<uint64_t> eocd;
  for (uint64_t offset = end + 1; offset-- > lowest;)
    if (zip.read(offset, 4) == kEndOfCentralDirectory) {
      eocd = offset;
      break;
    }
  if (!eocd)
    return zip.error("no end of central directory record");
  uint64_t entryCount = zip.read(*eocd + 10, 2);
  uint64_t directorySize = zip.read(*eocd + 12, 4);
  uint64_t directoryOffset = zip.read(*eocd + 16, 4);
  if (entryCount == 0xffff || directorySize == 0xffffffff ||
      directoryOffset == 0xffffffff) {
    if (*eocd < 20 || zip.read(*eocd - 20, 4) != kZip64Locator)
      return zip.error("no zip64 end of central directory locator");
    uint64_t zip64Offset = zip.read(*eocd - 20 + 8, 8);
    if (!zip.has(zip64Offset, 56) ||
        zip.read(zip64Offset, 4) != kZip64EndOfCentralDirectory)
      return zip.error("bad zip64 end of central directory record");
    entryCount = zip.read(zip64Offset + 32, 8);
    directorySize = zip.read(zip64Offset + 40, 8);
    directoryOffset = zip.read(zip64Offset + 48, 8);
  }
  if (!zip.has(directoryOffset, directorySize))
    return zip.error("central directory out of bounds");

  std::vector<ZipEntry> entries;
  uint64_t offset = directoryOffset;
  for (uint64_t i = 0; i < entryCount; ++i) {
    if (!zip.has(offset, 46) || zip.read(offset, 4) != kCentralDirectoryEntry)
      return zip.error("bad central directory entry " + Twine(i));
    ZipEntry entry;
    unsigned flags = zip.read(offset + 8, 2);
    entry.method = zip.read(offset + 10, 2);
    entry.crc = zip.read(offset + 16, 4);
    entry.compressedSize = zip.read(offset + 20, 4);
    entry.uncompressedSize = zip.read(offset + 24, 4);
    uint64_t nameLength = zip.read(offset + 28, 2);
    uint64_t extraLength = zip.read(offset + 30, 2);
    uint64_t commentLength = zip.read(offset + 32, 2);
    entry.localHeaderOffset = zip.read(offset + 42, 4);
    if (!zip.has(offset + 46, nameLength + extraLength + commentLength))
      return zip.error("central directory entry " + Twine(i) +
                       " out of bounds");
    entry.name = bytes.substr(offset + 46, nameLength).str();
    if (flags & 1)
      return fileError(zip.fileName, "entry '" + entry.name + "' is encrypted");

    // The zip64 extra field holds, in order, the 32-bit fields set to
    // 0xffffffff.
    uint64_t extra = offset + 46 + nameLength;
    uint64_t extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      unsigned id = zip.read(extra, 2);
      uint64_t size = zip.read(extra + 2, 2);
      if (extra + 4 + size > extraEnd)
        return zip.error("bad extra field in entry '" + entry.name + "'");
      if (id == 0x0001) {
        uint64_t field = extra + 4;
        for (uint64_t *value : {&entry.uncompressedSize, &entry.compressedSize,
                                &entry.localHeaderOffset}) {
          if (*value != 0xffffffff)
            continue;
          if (field + 8 > extra + 4 + size)
            return zip.error("short zip64 field in entry '" + entry.name + "'");
          *value = zip.read(field, 8);
          field += 8;
        }
      }
      extra += 4 + size;
    }
    entries.push_back(std::move(entry));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/// The uncompressed bytes of `entry`, CRC-checked.
Expected<std::string> extractEntry(const ZipReader &zip,
                                   const ZipEntry &entry) {
  uint64_t header = entry.localHeaderOffset;
  if (!zip.has(header, 30) || zip.read(header, 4) != kLocalHeader)
    return zip.error("bad local header of entry '" + entry.name + "'");
  uint64_t dataOffset =
      header + 30 + zip.read(header + 26, 2) + zip.read(header + 28, 2);
  if (!zip.has(dataOffset, entry.compressedSize))
    return zip.error("data of entry '" + entry.name + "' out of bounds");
  StringRef compressed = zip.bytes.substr(dataOffset, entry.compressedSize);

  std::string data;
  if (entry.method == 0) {
    if (entry.compressedSize != entry.uncompressedSize)
      return zip.error("stored entry '" + entry.name + "' has different sizes");
    data = compressed.str();
  } else if (entry.method == 8) {
    // Deflate expands at most ~1032:1; reject sizes no stream can reach
    // before allocating them.
    if (entry.uncompressedSize > entry.compressedSize * 1032 + 1024)
      return zip.error("entry '" + entry.name +
                       "' has an impossible uncompressed size");
    data.resize(entry.uncompressedSize);
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
      return zip.error("cannot initialize zlib");
    stream.next_in =
        reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = compressed.size();
    stream.next_out = reinterpret_cast<Bytef *>(data.data());
    stream.avail_out = data.size();
    int status = inflate(&stream, Z_FINISH);
    uint64_t produced = stream.total_out;
    inflateEnd(&stream);
    if (status != Z_STREAM_END || produced != entry.uncompressedSize)
      return zip.error("corrupt deflate data in entry '" + entry.name + "'");
  } else {
    return fileError(zip.fileName,
                     "entry '" + entry.name + "' uses compression method " +
                         Twine(entry.method) +
                         " (only stored and deflated entries are supported)");
  }
  uLong crc =
      crc32(0L, reinterpret_cast<const Bytef *>(data.data()), data.size());
  if (crc != entry.crc)
    return zip.error("CRC mismatch in entry '" + entry.name + "'");
  return data;
}

} // namespace

Expected<std::vector<NamedTensor>> parseNpz(StringRef bytes,
                                            StringRef fileName) {
  ZipReader zip(bytes, fileName);
  Expected<std::vector<ZipEntry>> entries = readCentralDirectory(zip);
  if (!entries)
    return entries.takeError();
  std::vector<NamedTensor> tensors;
  StringSet<> names;
  for (const ZipEntry &entry : *entries) {
    StringRef name = entry.name;
    name.consume_back(".npy");
    if (!names.insert(name).second)
      return fileError(fileName, "has two arrays named '" + name + "'");
    Expected<std::string> data = extractEntry(zip, entry);
    if (!data)
      return data.takeError();
    Expected<TensorPtr> tensor =
        parseNpy(*data, (fileName + ":" + entry.name).str());
    if (!tensor)
      return tensor.takeError();
    tensors.push_back({name.str(), std::move(*tensor)});
  }
  return tensors;
}

Expected<std::vector<NamedTensor>> readNpzFile(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseNpz((*buffer)->getBuffer(), path);
}

//===----------------------------------------------------------------------===//
// ONNX TensorProto
//===----------------------------------------------------------------------===//

namespace {

std::optional<DLDataType> getDTypeOfTensorProto(int dataType) {
  using onnx::TensorProto;
  switch (dataType) {
  case TensorProto::FLOAT16:
    return makeDType(kDLFloat, 16);
  case TensorProto::BFLOAT16:
    return makeDType(kDLBfloat, 16);
  case TensorProto::FLOAT:
    return makeDType(kDLFloat, 32);
  case TensorProto::DOUBLE:
    return makeDType(kDLFloat, 64);
  case TensorProto::INT8:
    return makeDType(kDLInt, 8);
  case TensorProto::INT16:
    return makeDType(kDLInt, 16);
  case TensorProto::INT32:
    return makeDType(kDLInt, 32);
  case TensorProto::INT64:
    return makeDType(kDLInt, 64);
  case TensorProto::UINT8:
    return makeDType(kDLUInt, 8);
  case TensorProto::UINT16:
    return makeDType(kDLUInt, 16);
  case TensorProto::UINT32:
    return makeDType(kDLUInt, 32);
  case TensorProto::UINT64:
    return makeDType(kDLUInt, 64);
  case TensorProto::BOOL:
    return makeDType(TESSERA_DL_BOOL, 8);
  default:
    return std::nullopt;
  }
}

std::optional<int> getTensorProtoDataType(DLDataType dtype) {
  using onnx::TensorProto;
  for (int dataType = TensorProto::DataType_MIN;
       dataType <= TensorProto::DataType_MAX; ++dataType)
    if (std::optional<DLDataType> candidate = getDTypeOfTensorProto(dataType))
      if (candidate->code == dtype.code && candidate->bits == dtype.bits &&
          candidate->lanes == dtype.lanes)
        return dataType;
  return std::nullopt;
}

/// Stores `values` (a repeated typed field) as elements of `dtype`, each
/// converted with a static_cast (int32_data holds 16-bit floats as bits).
template <typename Field>
void storeTypedValues(const Field &values, DLDataType dtype, char *out) {
  int64_t elementSize = getElementSize(dtype);
  for (int i = 0; i < values.size(); ++i) {
    auto value = values.Get(i);
    char *element = out + i * elementSize;
    auto store = [&](auto converted) {
      std::memcpy(element, &converted, sizeof(converted));
    };
    if (dtype.code == TESSERA_DL_BOOL)
      store(static_cast<uint8_t>(value != 0));
    else if (dtype.code == kDLFloat && dtype.bits == 32)
      store(static_cast<float>(value));
    else if (dtype.code == kDLFloat && dtype.bits == 64)
      store(static_cast<double>(value));
    else if (elementSize == 1)
      store(static_cast<uint8_t>(value));
    else if (elementSize == 2)
      store(static_cast<uint16_t>(value));
    else if (elementSize == 4)
      store(static_cast<uint32_t>(value));
    else
      store(static_cast<uint64_t>(value));
  }
}

} // namespace

Expected<NamedTensor> parseTensorProto(StringRef bytes, StringRef fileName) {
  onnx::TensorProto proto;
  if (bytes.size() > size_t(std::numeric_limits<int>::max()) ||
      !proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return fileError(fileName, "not a valid onnx TensorProto file");
  if (proto.data_location() == onnx::TensorProto::EXTERNAL ||
      proto.external_data_size() > 0)
    return fileError(fileName, "TensorProto with external data is not "
                               "supported");
  if (proto.has_segment())
    return fileError(fileName, "segmented TensorProto is not supported");
  std::optional<DLDataType> dtype = getDTypeOfTensorProto(proto.data_type());
  if (!dtype)
    return fileError(
        fileName,
        "unsupported TensorProto data_type " + Twine(proto.data_type()) + " (" +
            onnx::TensorProto::DataType_Name(
                static_cast<onnx::TensorProto::DataType>(proto.data_type())) +
            ")");
  SmallVector<int64_t> shape(proto.dims().begin(), proto.dims().end());
  std::optional<int64_t> count = countElements(shape);
  if (!count)
    return fileError(fileName,
                     "invalid shape " + formatShape(shape) + " in TensorProto");

  // Exactly one of raw_data and the typed field of the data type holds the
  // values (none for an empty tensor).
  int64_t elementSize = getElementSize(*dtype);
  int64_t typedCount = proto.float_data_size() + proto.int32_data_size() +
                       proto.int64_data_size() + proto.double_data_size() +
                       proto.uint64_data_size() + proto.string_data_size();
  int64_t valueCount;
  if (proto.has_raw_data()) {
    if (typedCount != 0)
      return fileError(fileName,
                       "TensorProto has both raw_data and typed data");
    if (proto.raw_data().size() % elementSize != 0)
      return fileError(fileName,
                       formatv("raw_data has {0} bytes, not a multiple of "
                               "the {1}-byte {2} element",
                               proto.raw_data().size(), elementSize,
                               getDTypeName(*dtype))
                           .str());
    valueCount = proto.raw_data().size() / elementSize;
  } else {
    valueCount = typedCount;
    bool inRightField;
    switch (proto.data_type()) {
    case onnx::TensorProto::FLOAT:
      inRightField = proto.float_data_size() == typedCount;
      break;
    case onnx::TensorProto::DOUBLE:
      inRightField = proto.double_data_size() == typedCount;
      break;
    case onnx::TensorProto::INT64:
      inRightField = proto.int64_data_size() == typedCount;
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      inRightField = proto.uint64_data_size() == typedCount;
      break;
    default: // 8/16-bit types, int32, bool
      inRightField = proto.int32_data_size() == typedCount;
      break;
    }
    if (!inRightField)
      return fileError(fileName, "TensorProto of type " + getDTypeName(*dtype) +
                                     " has its values in the wrong field");
  }
  if (valueCount != *count)
    return fileError(fileName, formatv("TensorProto has {0} values, its "
                                       "shape {1} needs {2}",
                                       valueCount, formatShape(shape), *count)
                                   .str());

  Expected<TensorPtr> tensor = allocateTensor(*dtype, shape);
  if (!tensor)
    return tensor.takeError();
  char *data = static_cast<char *>((*tensor)->dl_tensor.data);
  if (proto.has_raw_data()) {
    if (!proto.raw_data().empty())
      std::memcpy(data, proto.raw_data().data(), proto.raw_data().size());
    if (dtype->code == TESSERA_DL_BOOL)
      for (int64_t i = 0; i < *count; ++i)
        data[i] = data[i] != 0;
  } else {
    storeTypedValues(proto.float_data(), *dtype, data);
    storeTypedValues(proto.int32_data(), *dtype, data);
    storeTypedValues(proto.int64_data(), *dtype, data);
    storeTypedValues(proto.double_data(), *dtype, data);
    storeTypedValues(proto.uint64_data(), *dtype, data);
  }
  return NamedTensor{proto.name(), std::move(*tensor)};
}

Expected<NamedTensor> readTensorProtoFile(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseTensorProto((*buffer)->getBuffer(), path);
}

Error writeTensorProtoFile(const DLTensor &tensor, StringRef name,
                           StringRef path) {
  std::optional<int> dataType = getTensorProtoDataType(tensor.dtype);
  if (!dataType)
    return fileError(path, "cannot write a " + getDTypeName(tensor.dtype) +
                               " tensor as a TensorProto");
  onnx::TensorProto proto;
  proto.set_name(name.str());
  proto.set_data_type(*dataType);
  for (int64_t dim : getShape(tensor))
    proto.add_dims(dim);
  proto.set_raw_data(getCompactBytes(tensor));

  std::error_code error;
  raw_fd_ostream out(path, error);
  if (error)
    return fileError(path, "cannot write: " + error.message());
  std::string bytes;
  proto.SerializeToString(&bytes);
  out << bytes;
  out.close();
  if (out.has_error())
    return fileError(path, "cannot write: " + out.error().message());
  return Error::success();
}

} // namespace tessera::tools
