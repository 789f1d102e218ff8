// What every benchmark shares: wall and thread CPU time, and peak resident
// memory.
#ifndef PARLEY_BENCH_BENCH_UTIL_H_
#define PARLEY_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <string>

namespace parley::bench {

inline double SecondsSince(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// This thread's CPU time in seconds: steadier than wall time when other
// work shares the machine.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

inline long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace parley::bench

#endif  // PARLEY_BENCH_BENCH_UTIL_H_
