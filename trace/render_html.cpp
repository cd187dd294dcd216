// One self-contained HTML page for a trace: the SVG picture of every step and a slider.
#include <sstream>

#include "trace/render.hpp"

namespace slush::trace {

namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

/// The <svg> element of an SVG document, without its XML declaration and doctype.
std::string inline_svg(const std::string& doc) {
  const std::size_t at = doc.find("<svg");
  return at == std::string::npos ? doc : doc.substr(at);
}

constexpr const char* kScript = R"(
<script>
(function () {
  var slider = document.getElementById('step');
  var steps = document.querySelectorAll('.step');
  var shown = document.getElementById('shown');
  function show(k) {
    for (var i = 0; i < steps.length; ++i) steps[i].style.display = i == k ? 'block' : 'none';
    shown.textContent = k + ' / ' + (steps.length - 1);
  }
  slider.addEventListener('input', function () { show(+slider.value); });
  document.addEventListener('keydown', function (e) {
    if (e.key == 'ArrowRight' && +slider.value < steps.length - 1) slider.value = +slider.value + 1;
    else if (e.key == 'ArrowLeft' && +slider.value > 0) slider.value = +slider.value - 1;
    else return;
    show(+slider.value);
  });
  show(+slider.value);
})();
</script>
)";

}  // namespace

std::string render_html(const TraceModel& model, const TraceFile& trace) {
  const auto svgs = run_graphviz(render_dot(model, trace));
  const auto& m = trace.meta;
  std::string props;
  for (const auto& p : m.properties) props += (props.empty() ? "" : ", ") + p;
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
    << escaped("Slush trace: " + m.variant + " on " + m.config_name) << "</title>\n"
    << "<style>body{font-family:sans-serif;margin:1em}"
       ".step svg{max-width:100%;height:auto}#bar{position:sticky;top:0;background:#fff;"
       "padding:.5em 0}input[type=range]{width:60%}</style>\n</head>\n<body>\n"
    << "<h1>" << escaped(m.config_name.empty() ? m.config_file : m.config_name) << "</h1>\n"
    << "<p>variant <b>" << escaped(m.variant) << "</b>; " << trace.steps() << " steps"
    << (props.empty() ? "" : "; violates <b>" + escaped(props) + "</b>") << "</p>\n"
    << "<div id=\"bar\"><input type=\"range\" id=\"step\" min=\"0\" max=\""
    << trace.states.size() - 1 << "\" value=\"" << trace.states.size() - 1
    << "\"> step <span id=\"shown\"></span></div>\n";
  for (std::size_t k = 0; k < trace.states.size(); ++k)
    o << "<div class=\"step\"><p>" << k << ". " << escaped(step_caption(model, trace, k))
      << "</p>\n" << (k < svgs.size() ? inline_svg(svgs[k]) : "") << "</div>\n";
  o << kScript << "</body>\n</html>\n";
  return o.str();
}

}  // namespace slush::trace
