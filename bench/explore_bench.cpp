// Benchmark of the explorer: for the bridge-lite model of shared/bench/bridge-lite.md and the
// reference configurations R1-R4, the states, transitions, wall time, states per second and bytes
// of visited set per stored state, with 1 and 2 threads, for full states and for hash compaction
// (median of RUNS runs each; the counts are those of every run). Also prints the machine it ran
// on. A row's configurations run in turn, one run of each per round (one thread full, one thread
// compacted, two threads full, ...), so that a VM whose speed drifts from minute to minute slows
// them alike and "x1" compares runs of the same minutes. Each run is a child process of its own, as
// a user's `slush check` is, so that no run starts with what an earlier one left behind (the
// allocator's free lists, its threads' arenas, pages the kernel has not yet handed back); in one
// process, two workers' runs varied more (docs/engine.md, run L). --in-process runs them all in
// this process, as the benchmark did before run L.
//
//   build/bench/explore_bench [--runs N] [--only NAME] [--threads T] [--store full|compaction]
//                             [--no-examples] [--by-state] [--walls] [--in-process]
//
// NAME selects the rows whose name contains it ("bridge-lite", "L4K4", "R3", ...); --threads and
// --store keep one thread count or one store. "x1" is the rate over the one-thread rate of the
// same store ("-" where there is none to compare with: with --by-state, hash compaction is
// compact with one worker, 8-byte fingerprints with two). --by-state turns off the lean
// search's lookups by part (ExploreOptions::lookups_by_part), to measure what they bring.
// --walls prints every run's wall time, in the order they ran, under its row.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "bridge_lite/bridge_lite.hpp"
#include "checker/explorer.hpp"
#include "config/configuration.hpp"
#include "properties/slush_properties.hpp"

namespace {

using slush::checker::ExploreOptions;
using slush::checker::Statistics;
using slush::checker::StopReason;

struct Figures {
  Statistics stats;
  StopReason stop;
  double wall = 0;
};

struct Row {
  std::string name;
  std::function<Figures(const ExploreOptions&)> run;
};

template <class M>
Figures timed(const M& model, const ExploreOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = slush::checker::explore(model, o);
  const auto t1 = std::chrono::steady_clock::now();
  return {r.stats, r.stop, std::chrono::duration<double>(t1 - t0).count()};
}

// One run in a child process; its figures come back through a pipe as bytes. They are plain
// values (the store's layout is a pointer to a literal, the same in parent and child after fork),
// and this process has started no thread when it forks.
static_assert(std::is_trivially_copyable_v<Figures>);
Figures in_child(const Row& row, const ExploreOptions& o) {
  int fd[2];
  if (pipe(fd) != 0) {
    std::perror("explore_bench: pipe");
    std::exit(1);
  }
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("explore_bench: fork");
    std::exit(1);
  }
  if (pid == 0) {
    close(fd[0]);
    const Figures f = row.run(o);
    const char* p = reinterpret_cast<const char*>(&f);
    for (std::size_t left = sizeof f; left > 0;) {
      const ssize_t n = write(fd[1], p, left);
      if (n <= 0) _exit(1);
      p += n, left -= std::size_t(n);
    }
    _exit(0);
  }
  close(fd[1]);
  Figures f;
  char* p = reinterpret_cast<char*>(&f);
  std::size_t got = 0;
  for (ssize_t n; got < sizeof f && (n = read(fd[0], p + got, sizeof f - got)) > 0;)
    got += std::size_t(n);
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (got != sizeof f || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "explore_bench: the run of %s with %u thread(s) failed (%s %d)\n",
                 row.name.c_str(), o.threads, WIFSIGNALED(status) ? "signal" : "exit status",
                 WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    std::exit(1);
  }
  return f;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::string only;
  bool examples = true, by_part = true, print_walls = false, in_process = false;
  unsigned only_threads = 0;  // 0: 1 and 2
  int only_store = -1;        // -1: both; 0 full states; 1 hash compaction
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc)
      only = argv[++i];
    else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc &&
             (only_threads = unsigned(std::atoi(argv[++i]))) >= 1)
      continue;
    else if (!std::strcmp(argv[i], "--store") && i + 1 < argc &&
             (!std::strcmp(argv[i + 1], "full") || !std::strcmp(argv[i + 1], "compaction")))
      only_store = !std::strcmp(argv[++i], "compaction");
    else if (!std::strcmp(argv[i], "--no-examples"))
      examples = false;
    else if (!std::strcmp(argv[i], "--by-state"))
      by_part = false;
    else if (!std::strcmp(argv[i], "--walls"))
      print_walls = true;
    else if (!std::strcmp(argv[i], "--in-process"))
      in_process = true;
    else {
      std::fprintf(stderr,
                   "usage: explore_bench [--runs N] [--only NAME] [--threads T] "
                   "[--store full|compaction] [--no-examples] [--by-state] [--walls] "
                   "[--in-process]\n");
      return 2;
    }
  }
  std::vector<Row> rows;
  const unsigned lk[][3] = {{1, 1, 1}, {2, 2, 1}, {3, 3, 1}, {2, 4, 2}, {3, 4, 1}, {4, 4, 1}};
  for (const auto& p : lk) {
    const slush::bridge_lite::Params params{p[0], p[1], p[2], false};
    rows.push_back({"bridge-lite L" + std::to_string(p[0]) + "K" + std::to_string(p[1]) + "B" +
                        std::to_string(p[2]),
                    [params](const ExploreOptions& o) {
                      return timed(slush::bridge_lite::BridgeLite(params), o);
                    }});
  }
  if (examples)
    for (const char* file : {"r1-bridging.toml", "r2-withholding.toml", "r2-sharing.toml",
                             "r3-fork.toml", "r4-amm.toml"}) {
      const std::string path = std::string(SLUSH_EXAMPLES_DIR) + "/" + file;
      rows.push_back({file, [path](const ExploreOptions& o) {
                        const auto cfg = slush::config::load_configuration(path);
                        const slush::properties::CheckedSlush checked(cfg.model);
                        return timed(checked, o);
                      }});
    }

  std::printf("machine: %s, %u hardware threads; median of %d runs, %s; lookups %s\n",
              cpu_model().c_str(), std::thread::hardware_concurrency(), runs,
              in_process ? "all in this process" : "each in a process of its own",
              by_part ? "by part" : "by state");
  std::printf("%-22s %-7s %-19s %12s %13s %6s %9s %12s %5s %9s %9s\n", "model", "threads",
              "store", "states", "transitions", "depth", "wall s", "states/s", "x1", "B/state",
              "peak MiB");
  for (const auto& row : rows) {
    if (!only.empty() && row.name.find(only) == std::string::npos) continue;
    struct Config {
      ExploreOptions options;
      std::vector<double> walls;
      Figures last;
    };
    std::vector<Config> configs;
    for (const unsigned threads : {1u, 2u})
      for (const bool hc : {false, true}) {
        if ((only_threads && threads != only_threads) || (only_store >= 0 && hc != bool(only_store)))
          continue;
        Config c;
        c.options.hash_compaction = hc;
        c.options.threads = threads;
        c.options.lookups_by_part = by_part;
        configs.push_back(c);
      }
    for (int k = 0; k < runs; ++k)
      for (auto& c : configs) {
        c.last = in_process ? row.run(c.options) : in_child(row, c.options);
        c.walls.push_back(c.last.wall);
      }
    double one_thread[2] = {0, 0};  // rates with one thread, per store
    std::string one_thread_store[2];
    for (const auto& c : configs) {
      const Figures& f = c.last;
      const bool hc = c.options.hash_compaction;
      const unsigned threads = c.options.threads;
      const double wall = median(c.walls), rate = double(f.stats.states) / wall;
      if (threads == 1) one_thread[hc] = rate, one_thread_store[hc] = f.stats.store_layout;
      // x1 compares like with like: one worker fills compact fingerprints, two share 8-byte ones.
      char x1[16] = "-";
      if (one_thread_store[hc] == f.stats.store_layout)
        std::snprintf(x1, sizeof x1, "%.2f", rate / one_thread[hc]);
      std::printf("%-22s %-7u %-19s %12llu %13llu %6llu %9.3f %12.0f %5s %9.2f %9.1f%s\n",
                  row.name.c_str(), threads, f.stats.store_layout,
                  (unsigned long long)f.stats.states, (unsigned long long)f.stats.transitions,
                  (unsigned long long)f.stats.depth, wall, rate, x1, f.stats.bytes_per_state(),
                  double(f.stats.peak_bytes) / (1024.0 * 1024.0),
                  f.stop == StopReason::Complete ? "" : "  (incomplete)");
      if (print_walls) {
        std::printf("  walls:");
        for (const double w : c.walls) std::printf(" %.3f", w);
        std::printf("\n");
      }
      std::fflush(stdout);
    }
  }
  return 0;
}
