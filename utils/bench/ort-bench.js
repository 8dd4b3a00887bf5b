// ONNX Runtime peer of utils/bench/bench.py: times one model on the CPU
// execution provider and prints one JSON line, {"median_ms": M} or
// {"error": "..."}.
//
//   node ort-bench.js MODEL.onnx THREADS WARMUP REPEAT NAME=FILE.npy...
//
// onnxruntime-node is resolved from NODE_PATH (build/bench/node_modules).
'use strict';

const fs = require('fs');

// The subset of the .npy format that bench.py writes: version 1-3, little
// endian, C order, float32 or int64.
function readNpy(path) {
  const bytes = fs.readFileSync(path);
  if (bytes.toString('latin1', 1, 6) !== 'NUMPY')
    throw new Error(`${path}: not a .npy file`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const headerStart = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', headerStart, headerStart + headerLength);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  if (/'fortran_order':\s*True/.test(header))
    throw new Error(`${path}: Fortran order is not supported`);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1]
    .split(',').map((dim) => dim.trim()).filter((dim) => dim !== '').map(Number);
  // Copied so that the typed array is aligned to its element size.
  const data = bytes.subarray(headerStart + headerLength);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  if (descr === '<f4')
    return { type: 'float32', data: new Float32Array(buffer), shape };
  if (descr === '<i8')
    return { type: 'int64', data: new BigInt64Array(buffer), shape };
  throw new Error(`${path}: element type ${descr} is not supported`);
}

async function main() {
  const [modelPath, threadsText, warmupText, repeatText, ...inputSpecs] = process.argv.slice(2);
  const threads = Number(threadsText), warmup = Number(warmupText), repeat = Number(repeatText);
  const ort = require('onnxruntime-node');
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: threads,
    graphOptimizationLevel: 'all',
  });
  const feeds = {};
  for (const spec of inputSpecs) {
    const separator = spec.indexOf('=');
    const array = readNpy(spec.slice(separator + 1));
    feeds[spec.slice(0, separator)] = new ort.Tensor(array.type, array.data, array.shape);
  }
  const milliseconds = [];
  for (let i = 0; i < warmup + repeat; ++i) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= warmup)
      milliseconds.push(elapsed);
  }
  milliseconds.sort((a, b) => a - b);
  const middle = Math.floor(repeat / 2);
  const median = repeat % 2 ? milliseconds[middle] : (milliseconds[middle - 1] + milliseconds[middle]) / 2;
  console.log(JSON.stringify({ median_ms: median }));
}

main().catch((error) => {
  console.log(JSON.stringify({ error: String(error.message || error).split('\n')[0] }));
  process.exit(1);
});
