// Rendering traces: the timeline speaks the protocol's words, the Graphviz graphs show every
// state, and the SVG that `dot` makes is well-formed XML.
#include <gtest/gtest.h>

#include <regex>

#include "tests/trace_support.hpp"
#include "trace/render.hpp"

namespace slush::testing {
namespace {

/// A small well-formedness check: tags nest and close, comments and declarations end.
bool well_formed_xml(const std::string& s) {
  std::vector<std::string> open;
  std::size_t i = 0;
  bool root_seen = false;
  while ((i = s.find('<', i)) != std::string::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      i = s.find("-->", i);
      if (i == std::string::npos) return false;
      continue;
    }
    const std::size_t end = s.find('>', i);
    if (end == std::string::npos) return false;
    const std::string tag = s.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty() || tag[0] == '?' || tag[0] == '!') continue;
    if (tag[0] == '/') {
      const std::string name = tag.substr(1, tag.find_first_of(" \t\n") - 1);
      if (open.empty() || open.back() != name) return false;
      open.pop_back();
      continue;
    }
    if (tag.back() == '/') continue;
    open.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
    root_seen = true;
  }
  return root_seen && open.empty();
}

const trace::TraceModel& model() {
  static const auto m = example_trace_model("r1-bridging.toml", "unchecked-receipt");
  return m;
}

const trace::TraceFile& found() {
  static const auto t = *shortest_trace(model());
  return t;
}

TEST(TraceRender, TextIsATimelineInTheProtocolsWords) {
  const auto text = trace::render_text(model(), found());
  EXPECT_NE(text.find("variant unchecked-receipt; 8 steps"), std::string::npos);
  EXPECT_NE(text.find("  0. initial state"), std::string::npos);
  EXPECT_NE(text.find("8. a relayer brings the receipt of 'transfer' to VM 3"), std::string::npos);
  EXPECT_NE(text.find("(frozen on 'call')"), std::string::npos);
}

TEST(TraceRender, TextShowsRecordedStatesTheModelDoesNotReproduce) {
  auto t = found();
  for (auto& v : t.states[8].variables)
    if (v.name == "balance") v.values[3] = 9;
  const auto text = trace::render_text(model(), t);
  EXPECT_NE(text.find("(recorded; the model does not reproduce it)"), std::string::npos);
}

TEST(TraceRender, DotHasOneGraphPerStateWithTheTreeAndMessages) {
  const auto dot = trace::render_dot(model(), found());
  const std::regex graph("digraph \"step [0-9]+\"");
  EXPECT_EQ(std::distance(std::sregex_iterator(dot.begin(), dot.end(), graph), std::sregex_iterator()),
            9);
  const auto last = trace::render_dot_state(model(), found(), 7);
  EXPECT_NE(last.find("n1 -> n3;"), std::string::npos);                       // the tree
  EXPECT_NE(last.find("fillcolor=\"lightblue\""), std::string::npos);         // VM 3 frozen
  EXPECT_NE(last.find("m0 -> n3 [style=dashed"), std::string::npos);          // 'call' burned at VM 3
  EXPECT_NE(last.find("label=\"burn_pos\""), std::string::npos);
}

TEST(TraceRender, SvgFromGraphvizIsWellFormedXml) {
  const auto svg = trace::render_svg(model(), found());
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_TRUE(well_formed_xml(svg));
  EXPECT_NE(svg.find("VM 3"), std::string::npos);
  EXPECT_FALSE(well_formed_xml(svg.substr(0, svg.size() / 2)));  // the check has teeth
}

TEST(TraceRender, HtmlEmbedsEveryStepAndASlider) {
  const auto html = trace::render_html(model(), found());
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++svgs;
  EXPECT_EQ(svgs, 9u);
  EXPECT_NE(html.find("type=\"range\""), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);  // self-contained
}

}  // namespace
}  // namespace slush::testing
