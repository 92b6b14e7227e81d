// src/interp/traceback.cpp -- Uncaught exception rendering (CPython 3.11 layout).
// Source lines are read from the files named in the code objects, once per
// file, when a traceback is printed (never on the hot path).
#include "src/interp/traceback.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "runtime/obj_exception.h"
#include "runtime/obj_func.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_instance.h"
#include "runtime/ops.h"
#include "runtime/suggest.h"

#include <algorithm>

namespace contrail::interp {

using namespace runtime;

namespace {

class SourceCache {
 public:
  std::string line(const std::string& file, int n) {
    auto it = files_.find(file);
    if (it == files_.end()) it = files_.emplace(file, load(file)).first;
    if (n < 1 || static_cast<size_t>(n) > it->second.size()) return {};
    return strip(it->second[n - 1]);
  }

 private:
  static std::vector<std::string> load(const std::string& file) {
    std::vector<std::string> lines;
    if (file.empty() || file[0] == '<') return lines;
    std::ifstream in(file, std::ios::binary);
    std::string l;
    while (std::getline(in, l)) lines.push_back(l);
    return lines;
  }
  static std::string strip(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\f\r\n");
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(" \t\f\r\n");
    return s.substr(b, e - b + 1);
  }
  std::map<std::string, std::vector<std::string>> files_;
};

struct Entry {
  std::string file, name;
  int line;
  bool operator==(const Entry&) const = default;
};

void format_frames(Traceback* tb, SourceCache& src, std::string& out) {
  std::vector<Entry> entries;
  for (; tb != nullptr; tb = tb->next)
    entries.push_back({std::string(tb->code->filename->view()), std::string(tb->code->name->view()), tb->line});
  out += "Traceback (most recent call last):\n";
  size_t repeats = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i] == entries[i - 1]) {
      if (++repeats >= 3) continue;
    } else {
      if (repeats >= 3)
        out += "  [Previous line repeated " + std::to_string(repeats - 2) + " more time" + (repeats - 2 == 1 ? "" : "s") + "]\n";
      repeats = 0;
    }
    const Entry& e = entries[i];
    out += "  File \"" + e.file + "\", line " + std::to_string(e.line) + ", in " + e.name + "\n";
    std::string line = src.line(e.file, e.line);
    if (!line.empty()) out += "    " + line + "\n";
  }
  if (repeats >= 3)
    out += "  [Previous line repeated " + std::to_string(repeats - 2) + " more time" + (repeats - 2 == 1 ? "" : "s") + "]\n";
}

// Names an object offers as attributes, in dir() order (sorted).
std::vector<std::string> attribute_names(Vm& vm, Value obj) {
  std::vector<std::string> names;
  auto add_dict = [&](Dict* d) {
    uint64_t pos = 0;
    DictEntry* e;
    while (d != nullptr && dict_next(d, &pos, &e))
      if (e->key.is_obj() && e->key.as_obj()->klass == vm.types.str) names.emplace_back(e->key.as<Str>()->view());
  };
  Klass* k = type_of(vm, obj);
  if (k == vm.types.module) add_dict(obj.as<Module>()->dict);
  if (k->kind == TypeKind::INSTANCE) {
    Instance* inst = obj.as<Instance>();
    add_dict(inst->shape != nullptr ? inst->shape->index : inst->dict);
  }
  Klass* lookup = k == vm.types.type ? obj.as<Klass>() : k;
  for (uint64_t i = 0; lookup->mro != nullptr && i < lookup->mro->size; ++i)
    add_dict(lookup->mro->items[i].as<Klass>()->dict);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string suggestion(Vm& vm, Value exc) {
  Exception* e = exc.as<Exception>();
  if (e->hint.is_obj()) return std::string(e->hint.as<Str>()->view());
  if (!e->attr_name.is_obj() || !klass_is_subclass(e->klass, vm.types.AttributeError)) return {};
  std::vector<std::string> names = attribute_names(vm, e->attr_obj);
  std::vector<std::string_view> views(names.begin(), names.end());
  return suggest_name(e->attr_name.as<Str>()->view(), views);
}

std::string final_line(Vm& vm, Value exc) {
  Klass* k = type_of(vm, exc);
  std::string s(k->name->view());
  Value msg = exception_str(vm, exc);
  if (msg.is_exception()) {
    vm.pending = Value::null();
    return s + ": <exception str() failed>";
  }
  std::string_view text = msg.as<Str>()->view();
  if (!text.empty()) {
    s += ": ";
    s += text;
  }
  std::string hint = suggestion(vm, exc);
  if (!hint.empty()) s += ". Did you mean: '" + hint + "'?";
  return s;
}

void format_chain(Vm& vm, Value exc, SourceCache& src, std::set<Obj*>& seen, std::string& out) {
  seen.insert(exc.as_obj());
  Exception* e = exc.as<Exception>();
  if (e->cause.is_obj() && !seen.count(e->cause.as_obj())) {
    format_chain(vm, e->cause, src, seen, out);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e->context.is_obj() && !e->suppress_context && !seen.count(e->context.as_obj())) {
    format_chain(vm, e->context, src, seen, out);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (e->traceback != nullptr) format_frames(e->traceback, src, out);
  out += final_line(vm, exc) + "\n";
}

}  // namespace

std::string format_exception(Vm& vm, Value exc) {
  SourceCache src;
  std::set<Obj*> seen;
  std::string out;
  RootValue r(vm, exc);
  format_chain(vm, exc, src, seen, out);
  return out;
}

}  // namespace contrail::interp
