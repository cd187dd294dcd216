// Running the Graphviz `dot` program as a child process, through temporary files.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "trace/render.hpp"

extern char** environ;

namespace slush::trace {

namespace {

/// A temporary file removed when it goes out of scope.
class TempFile {
 public:
  explicit TempFile(const char* suffix) {
    std::string pattern = (std::filesystem::temp_directory_path() / "slush-XXXXXX").string() + suffix;
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = mkstemps(buf.data(), int(std::strlen(suffix)));
    if (fd < 0) throw RenderError(std::string("cannot create a temporary file: ") + std::strerror(errno));
    close(fd);
    path_ = buf.data();
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Runs `dot -Tsvg in > out` (standard output, so every graph of the input lands in `out`);
/// throws RenderError if it cannot run.
void run_dot(const std::string& in, const std::string& out) {
  std::string a0 = "dot", a1 = "-Tsvg", a2 = in;
  char* argv[] = {a0.data(), a1.data(), a2.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0)
    throw RenderError(std::string("cannot run Graphviz 'dot' (") + std::strerror(err) +
                      "); install graphviz (scripts/install-deps.sh does)");
  int status = 0;
  if (waitpid(pid, &status, 0) < 0)
    throw RenderError(std::string("waiting for Graphviz 'dot': ") + std::strerror(errno));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw RenderError(WIFEXITED(status) && WEXITSTATUS(status) == 127
                          ? "Graphviz 'dot' is not installed (scripts/install-deps.sh installs graphviz)"
                          : "Graphviz 'dot' failed on the generated graph");
}

}  // namespace

std::vector<std::string> run_graphviz(const std::string& dot_text) {
  TempFile in(".dot"), out(".svg");
  {
    std::ofstream f(in.path(), std::ios::binary);
    f << dot_text;
    if (!f) throw RenderError("cannot write the temporary graph file " + in.path());
  }
  run_dot(in.path(), out.path());
  std::ifstream f(out.path(), std::ios::binary);
  std::ostringstream text;
  text << f.rdbuf();
  const std::string all = text.str();
  // dot writes one document per graph of its input, each starting with an XML declaration.
  std::vector<std::string> docs;
  for (std::size_t at = all.find("<?xml"); at != std::string::npos;) {
    const std::size_t next = all.find("<?xml", at + 1);
    docs.push_back(all.substr(at, next == std::string::npos ? std::string::npos : next - at));
    at = next;
  }
  if (docs.empty()) throw RenderError("Graphviz 'dot' produced no SVG");
  return docs;
}

std::string render_svg(const TraceModel& model, const TraceFile& trace,
                       std::optional<std::size_t> step) {
  const std::size_t k = step.value_or(trace.states.size() - 1);
  return run_graphviz(render_dot_state(model, trace, k)).front();
}

}  // namespace slush::trace
