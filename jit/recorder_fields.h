// jit/recorder_fields.h -- What the recorder's files share about heap
// objects: the byte offsets of the fields traces load and store, and exact
// class tests on concrete values. Private to jit/recorder*.cpp.
// Invariant: heap objects derive from Obj and have no virtual functions, so
// their field offsets are fixed (GCC and Clang lay them out like
// standard-layout types).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_tuple.h"
#include "runtime/vm.h"

namespace contrail::jit::fields {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
inline constexpr int64_t kListSize = offsetof(runtime::List, size);
inline constexpr int64_t kListArray = offsetof(runtime::List, array);
inline constexpr int64_t kListAux = offsetof(runtime::List, aux);
inline constexpr int64_t kRawData = offsetof(runtime::RawArray, data);
inline constexpr int64_t kArrayItems = offsetof(runtime::ValueArray, items);
inline constexpr int64_t kTupleSize = offsetof(runtime::Tuple, size);
inline constexpr int64_t kTupleItems = offsetof(runtime::Tuple, items);
inline constexpr int64_t kIterSeq = offsetof(runtime::SeqIter, seq);
inline constexpr int64_t kIterIndex = offsetof(runtime::SeqIter, index);
inline constexpr int64_t kRangeStart = offsetof(runtime::Range, start);
inline constexpr int64_t kRangeStep = offsetof(runtime::Range, step);
inline constexpr int64_t kRangeLength = offsetof(runtime::Range, length);
inline constexpr int64_t kDictVersion = offsetof(runtime::Dict, version);
inline constexpr int64_t kDictUsed = offsetof(runtime::Dict, used);
inline constexpr int64_t kDictTable = offsetof(runtime::Dict, table);
inline constexpr int64_t kTableEntries = offsetof(runtime::DictTable, nentries);
inline constexpr int64_t kEntryValue = offsetof(runtime::DictEntry, value);
inline constexpr int64_t kInstShape = offsetof(runtime::Instance, shape);
inline constexpr int64_t kInstSlots = offsetof(runtime::Instance, slots);
inline constexpr int64_t kCellValue = offsetof(runtime::Cell, value);
#pragma GCC diagnostic pop

// The object [v] if it is an instance of exactly [k].
inline bool has_klass(runtime::Value v, runtime::Klass* k) { return v.is_obj() && v.as_obj()->klass == k; }

// Data descriptors shadow instance attributes (only property exists).
inline bool is_property(runtime::Vm& vm, runtime::Value v) { return has_klass(v, vm.types.property); }

}  // namespace contrail::jit::fields
