// Times OpenBLAS's cblas_sgemm on square float matrices, the reference for
// Tessera's matmul in utils/bench/bench.py.
//
//   sgemm-bench THREADS [SIZE [REPEAT [WARMUP]]]
//
// prints "median_ms M gflops G" for the median of REPEAT timed calls.
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double nowMilliseconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec * 1e-6;
}

static int compareDoubles(const void *lhs, const void *rhs) {
  double a = *(const double *)lhs, b = *(const double *)rhs;
  return (a > b) - (a < b);
}

static float *randomMatrix(int size) {
  float *matrix = aligned_alloc(64, sizeof(float) * size * size);
  for (long i = 0; i < (long)size * size; ++i)
    matrix[i] = (float)rand() / (float)RAND_MAX - 0.5f;
  return matrix;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s THREADS [SIZE [REPEAT [WARMUP]]]\n", argv[0]);
    return 2;
  }
  int threads = atoi(argv[1]);
  int size = argc > 2 ? atoi(argv[2]) : 1024;
  int repeat = argc > 3 ? atoi(argv[3]) : 20;
  int warmup = argc > 4 ? atoi(argv[4]) : 3;
  if (threads < 1 || size < 1 || repeat < 1 || warmup < 0) {
    fprintf(stderr, "%s: invalid arguments\n", argv[0]);
    return 2;
  }
  openblas_set_num_threads(threads);

  float *a = randomMatrix(size), *b = randomMatrix(size), *c = randomMatrix(size);
  double *milliseconds = malloc(sizeof(double) * repeat);
  for (int i = 0; i < warmup + repeat; ++i) {
    double start = nowMilliseconds();
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, size, size, size,
                1.0f, a, size, b, size, 0.0f, c, size);
    if (i >= warmup)
      milliseconds[i - warmup] = nowMilliseconds() - start;
  }
  qsort(milliseconds, repeat, sizeof(double), compareDoubles);
  double median = repeat % 2 ? milliseconds[repeat / 2]
                             : (milliseconds[repeat / 2 - 1] + milliseconds[repeat / 2]) / 2;
  double flops = 2.0 * size * size * size;
  printf("median_ms %.4f gflops %.1f\n", median, flops / (median * 1e6));
  free(milliseconds);
  free(a);
  free(b);
  free(c);
  return 0;
}
