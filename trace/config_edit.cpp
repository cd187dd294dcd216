#include "trace/config_edit.hpp"

#include <toml++/toml.h>

#include <sstream>

#include "trace/trace_file.hpp"

namespace slush::trace {

std::string without_message(std::string_view text, std::size_t index) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    throw TraceError("#meta.configuration.text", "not valid TOML: " + std::string(e.description()));
  }
  toml::array* messages = root["message"].as_array();
  if (!messages || index >= messages->size())
    throw TraceError("#meta.configuration.text", "no message " + std::to_string(index));
  for (std::size_t i = 0; i < messages->size(); ++i)  // the default name is "m" + its position
    if (auto* t = (*messages)[i].as_table(); t && !t->contains("name"))
      t->insert("name", "m" + std::to_string(i));
  messages->erase(messages->begin() + std::ptrdiff_t(index));
  if (messages->empty()) root.erase("message");
  std::ostringstream out;
  out << toml::toml_formatter(root) << "\n";
  return out.str();
}

}  // namespace slush::trace
