// Measures the machine's single-precision FMA peak: every thread runs
// independent chains of AVX-512 FMAs, enough of them to hide the FMA latency,
// so the loop is bound by FMA throughput alone.
//
//   fma-peak THREADS
//
// prints "gflops G", the best of a few timed runs.
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { kChains = 12, kIterations = 20 * 1000 * 1000, kRuns = 5 };

static double nowSeconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec + now.tv_nsec * 1e-9;
}

// The result is returned through the argument so that no chain is dead code.
static void *runChains(void *result) {
  __m512 chains[kChains];
  for (int c = 0; c < kChains; ++c)
    chains[c] = _mm512_set1_ps((float)c);
  // x * 0.999999 + 1e-6 stays finite and normal for any iteration count.
  const __m512 scale = _mm512_set1_ps(0.999999f);
  const __m512 offset = _mm512_set1_ps(1e-6f);
  for (long i = 0; i < kIterations; ++i)
    for (int c = 0; c < kChains; ++c)
      chains[c] = _mm512_fmadd_ps(chains[c], scale, offset);
  __m512 sum = chains[0];
  for (int c = 1; c < kChains; ++c)
    sum = _mm512_add_ps(sum, chains[c]);
  *(float *)result = _mm512_reduce_add_ps(sum);
  return NULL;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  if (threads < 1) {
    fprintf(stderr, "usage: %s THREADS\n", argv[0]);
    return 2;
  }
  pthread_t *workers = malloc(sizeof(pthread_t) * threads);
  float *results = malloc(sizeof(float) * threads);
  double best = 0, checksum = 0;
  for (int run = 0; run < kRuns; ++run) {
    double start = nowSeconds();
    for (int t = 0; t < threads; ++t)
      pthread_create(&workers[t], NULL, runChains, &results[t]);
    for (int t = 0; t < threads; ++t) {
      pthread_join(workers[t], NULL);
      checksum += results[t];
    }
    double seconds = nowSeconds() - start;
    // 16 lanes, 2 flops per FMA.
    double flops = 32.0 * kChains * kIterations * threads;
    if (flops / seconds > best)
      best = flops / seconds;
  }
  printf("gflops %.1f\n", best / 1e9);
  // Keeps the chains' results observable.
  if (checksum != checksum)
    fprintf(stderr, "fma-peak: NaN checksum\n");
  free(workers);
  free(results);
  return 0;
}
