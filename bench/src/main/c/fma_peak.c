/*
 * Per-core FMA peak of this host: 12 independent FMA chains (more than latency x pipes) per width
 * and precision, timed in thread CPU time so that other load on the machine does not lower the
 * figure (it does not see hypervisor steal; check the 'steal' column of /proc/stat).
 * Built and run by `./hamlab bench peak` (gcc -O2); cf. libraries.md §3.1.
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* 12 chains a_i <- a_i * m + c, kept in registers; returns one lane so nothing is dead code. */
#define CHAINS(T, SET, FMA, STORE, E)                                                          \
  T m = SET(0.999999), c = SET(1e-7);                                                          \
  T a0 = SET(0), a1 = SET(1), a2 = SET(2), a3 = SET(3), a4 = SET(4), a5 = SET(5);              \
  T a6 = SET(6), a7 = SET(7), a8 = SET(8), a9 = SET(9), a10 = SET(10), a11 = SET(11);          \
  for (long k = 0; k < it; k++) {                                                              \
    a0 = FMA(a0, m, c); a1 = FMA(a1, m, c); a2 = FMA(a2, m, c); a3 = FMA(a3, m, c);            \
    a4 = FMA(a4, m, c); a5 = FMA(a5, m, c); a6 = FMA(a6, m, c); a7 = FMA(a7, m, c);            \
    a8 = FMA(a8, m, c); a9 = FMA(a9, m, c); a10 = FMA(a10, m, c); a11 = FMA(a11, m, c);        \
  }                                                                                            \
  T s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                           \
  E out[64];                                                                                   \
  STORE(out, s);                                                                               \
  return out[0];

__attribute__((target("avx2,fma"))) static double f256(long it) {
  CHAINS(__m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_storeu_ps, float)
}
__attribute__((target("avx2,fma"))) static double d256(long it) {
  CHAINS(__m256d, _mm256_set1_pd, _mm256_fmadd_pd, _mm256_storeu_pd, double)
}
__attribute__((target("avx512f"))) static double f512(long it) {
  CHAINS(__m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_storeu_ps, float)
}
__attribute__((target("avx512f"))) static double d512(long it) {
  CHAINS(__m512d, _mm512_set1_pd, _mm512_fmadd_pd, _mm512_storeu_pd, double)
}

static void run(const char *name, double (*f)(long), int lanes, long it) {
  double best = 0, sink = 0;
  for (int r = 0; r < 3; r++) {
    double t0 = cpu_seconds();
    sink += f(it);
    double g = 12.0 * lanes * 2.0 * it / (cpu_seconds() - t0) / 1e9;
    if (g > best) best = g;
  }
  printf("%-22s %7.1f GFLOP/s per core (best of 3, thread CPU time)   [%g]\n", name, best, sink);
}

int main(void) {
  long it = 100000000;
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    run("float  256-bit FMA", f256, 8, it);
    run("double 256-bit FMA", d256, 4, it);
  }
  if (__builtin_cpu_supports("avx512f")) {
    run("float  512-bit FMA", f512, 16, it);
    run("double 512-bit FMA", d512, 8, it);
  } else {
    printf("no AVX-512 on this host\n");
  }
  return 0;
}
