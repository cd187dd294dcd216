#include "catalogue/catalogue.hpp"

#include <algorithm>
#include <memory>

namespace slush::catalogue {

namespace {

bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

/// The words of a text made of name characters ("no-double-spend", "or", ...).
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !name_char(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && name_char(text[i])) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

const std::vector<properties::SlushProperty>& property_catalogue() {
  // Properties do not depend on the configuration's content: a one-node model declares them all.
  static const auto checked = [] {
    model::ModelConfig one;
    one.parents = {model::kL1};
    return std::make_unique<const properties::CheckedSlush>(one);
  }();
  return checked->properties();
}

const properties::SlushProperty* property_by_name(std::string_view name) {
  for (const auto& p : property_catalogue())
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<std::string> named_properties(std::string_view text,
                                          const std::vector<properties::SlushProperty>& list) {
  const auto ws = words(text);
  std::vector<std::string> out;
  for (const auto& p : list)
    if (std::find(ws.begin(), ws.end(), p.name) != ws.end()) out.push_back(p.name);
  return out;
}

std::vector<std::string> must_violate(const model::VariantInfo& variant) {
  return named_properties(variant.breaks, property_catalogue());
}

std::vector<const model::VariantInfo*> variants_breaking(std::string_view property) {
  std::vector<const model::VariantInfo*> out;
  for (const auto& v : model::variant_catalogue()) {
    const auto names = must_violate(v);
    if (std::find(names.begin(), names.end(), property) != names.end()) out.push_back(&v);
  }
  return out;
}

std::vector<std::string> seed_sections(std::string_view reference) {
  std::vector<std::string> out;
  while (!reference.empty()) {
    const auto cut = reference.find(';');
    const auto part = trim(reference.substr(0, cut));
    if (!part.empty()) out.emplace_back(part);
    if (cut == std::string_view::npos) break;
    reference.remove_prefix(cut + 1);
  }
  return out;
}

bool share_seed_section(std::string_view a, std::string_view b) {
  const auto sa = seed_sections(a), sb = seed_sections(b);
  for (const auto& s : sa)
    if (std::find(sb.begin(), sb.end(), s) != sb.end()) return true;
  return false;
}

std::vector<const properties::SlushProperty*> properties_of(const model::MechanismInfo& m) {
  std::vector<const properties::SlushProperty*> out;
  for (const auto& p : property_catalogue())
    if (share_seed_section(p.reference, m.seed)) out.push_back(&p);
  return out;
}

std::vector<const model::MechanismInfo*> mechanisms_of(const properties::SlushProperty& p) {
  std::vector<const model::MechanismInfo*> out;
  for (const auto& m : model::mechanism_catalogue())
    if (share_seed_section(p.reference, m.seed)) out.push_back(&m);
  return out;
}

std::vector<model::ActionKind> actions_of(const model::MechanismInfo& m) {
  std::vector<model::ActionKind> out;
  for (const auto k : model::action_kinds())
    for (const auto id : model::mechanisms_of(k))
      if (id == m.id) out.push_back(k);
  return out;
}

}  // namespace slush::catalogue
