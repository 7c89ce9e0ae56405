/*
 * malloc_baseline: the C library's malloc/free on the same loops as the JMH allocator benchmarks
 * (org.pymemlab.benchmarks.allocator), for a side-by-side baseline. Built and run by
 * benchmarks/run-allocator-bench.sh with `gcc -O2`.
 *
 *   pair-N        malloc(N) then free of that block, N = 16, 64, 256, 512, with one other block of
 *                 size N kept allocated meanwhile (MallocFreePairBenchmark, keepOneLive=true)
 *   batch-lifo    10,000 blocks of 16..512 random bytes allocated, then freed last-first
 *   batch-random  the same blocks freed in a random order (BatchAllocFreeBenchmark)
 *
 * Sizes and the random order come from SplitMix64 with the seed BatchPlan.java uses, so both sides
 * replay identical requests. Each case runs warm-up rounds, then measured rounds timed with
 * clock_gettime(CLOCK_MONOTONIC); it prints the median ns per malloc+free pair:
 *
 *   case ns_per_pair
 *   pair-16 3.05
 *
 * Usage: malloc_baseline [warm-up-rounds [measured-rounds]]   (defaults 5 and 11)
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BLOCKS 10000
#define MIN_SIZE 16
#define MAX_SIZE 512
#define SEED 20251103ULL        /* BatchPlan.SEED */
#define PAIRS_PER_ROUND 4000000L
#define BATCHES_PER_ROUND 100
#define MAX_ROUNDS 1001

/* Tells the compiler the pointer escapes, so it can neither drop a malloc/free pair nor fold it. */
static inline void escape(void *p) {
    __asm__ volatile("" : : "g"(p) : "memory");
}

static uint64_t splitmix_state;

static uint64_t splitmix_next(void) {
    uint64_t z = (splitmix_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int below(int bound) {
    return (int) (splitmix_next() % (uint64_t) bound);
}

static int sizes[BLOCKS];
static int free_order[BLOCKS];
static void *blocks[BLOCKS];

/* BatchPlan.of(BLOCKS, order, SEED): sizes first, then (random order) a Fisher-Yates shuffle. */
static void plan(int random_order) {
    splitmix_state = SEED;
    for (int i = 0; i < BLOCKS; i++) {
        sizes[i] = MIN_SIZE + below(MAX_SIZE - MIN_SIZE + 1);
    }
    for (int k = 0; k < BLOCKS; k++) {
        free_order[k] = random_order ? k : BLOCKS - 1 - k;
    }
    if (random_order) {
        for (int i = BLOCKS - 1; i > 0; i--) {
            int j = below(i + 1);
            int t = free_order[i];
            free_order[i] = free_order[j];
            free_order[j] = t;
        }
    }
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec * 1e9 + (double) ts.tv_nsec;
}

/* One round of pairs; returns ns per pair. */
static double pair_round(size_t size) {
    double start = now_ns();
    for (long i = 0; i < PAIRS_PER_ROUND; i++) {
        void *p = malloc(size);
        escape(p);
        free(p);
    }
    return (now_ns() - start) / PAIRS_PER_ROUND;
}

/* One round of batches; returns ns per block (one malloc + one free). */
static double batch_round(void) {
    double start = now_ns();
    for (int r = 0; r < BATCHES_PER_ROUND; r++) {
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = malloc((size_t) sizes[i]);
            escape(blocks[i]);
        }
        for (int k = 0; k < BLOCKS; k++) {
            free(blocks[free_order[k]]);
        }
    }
    return (now_ns() - start) / ((double) BATCHES_PER_ROUND * BLOCKS);
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *) a;
    double y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t) n, sizeof *v, compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int warmup_rounds = 5;
static int measured_rounds = 11;

static void run_pair(size_t size) {
    double t[MAX_ROUNDS];
    void *live = malloc(size);  /* keepOneLive: one other block of the size stays allocated */
    escape(live);
    for (int r = 0; r < warmup_rounds; r++) {
        pair_round(size);
    }
    for (int r = 0; r < measured_rounds; r++) {
        t[r] = pair_round(size);
    }
    free(live);
    printf("pair-%zu %.3f\n", size, median(t, measured_rounds));
}

static void run_batch(int random_order) {
    double t[MAX_ROUNDS];
    plan(random_order);
    for (int r = 0; r < warmup_rounds; r++) {
        batch_round();
    }
    for (int r = 0; r < measured_rounds; r++) {
        t[r] = batch_round();
    }
    printf("batch-%s %.3f\n", random_order ? "random" : "lifo", median(t, measured_rounds));
}

static int rounds_arg(const char *s, int min) {
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || v < min || v > MAX_ROUNDS) {
        fprintf(stderr, "malloc_baseline: rounds must be an integer from %d to %d: %s\n", min, MAX_ROUNDS, s);
        exit(2);
    }
    return (int) v;
}

int main(int argc, char **argv) {
    if (argc > 3) {
        fprintf(stderr, "usage: malloc_baseline [warm-up-rounds [measured-rounds]]\n");
        return 2;
    }
    if (argc > 1) {
        warmup_rounds = rounds_arg(argv[1], 0);
    }
    if (argc > 2) {
        measured_rounds = rounds_arg(argv[2], 1);
    }
    printf("case ns_per_pair\n");
    static const size_t pair_sizes[] = {16, 64, 256, 512};
    for (size_t i = 0; i < sizeof pair_sizes / sizeof pair_sizes[0]; i++) {
        run_pair(pair_sizes[i]);
    }
    run_batch(0);
    run_batch(1);
    return 0;
}
