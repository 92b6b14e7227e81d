// runtime/obj_exception.h -- Exception objects and the built-in exception hierarchy.
// The hierarchy is one table (CT_EXCEPTIONS: name, base); Vm::types holds one
// Klass per row. Raising never uses C++ exceptions: raise_* stores the
// exception in Vm::pending and returns Value::exception() for CT_TRY-style
// propagation.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace contrail::runtime {

struct Traceback;

// ORDER EXC: a base always precedes its subclasses.
#define CT_EXCEPTIONS(_)                                   \
  _(BaseException, BaseException)                          \
  _(SystemExit, BaseException)                             \
  _(KeyboardInterrupt, BaseException)                      \
  _(GeneratorExit, BaseException)                          \
  _(Exception, BaseException)                              \
  _(StopIteration, Exception)                              \
  _(StopAsyncIteration, Exception)                         \
  _(BufferError, Exception)                                \
  _(ArithmeticError, Exception)                            \
  _(FloatingPointError, ArithmeticError)                   \
  _(OverflowError, ArithmeticError)                        \
  _(ZeroDivisionError, ArithmeticError)                    \
  _(AssertionError, Exception)                             \
  _(AttributeError, Exception)                             \
  _(EOFError, Exception)                                   \
  _(ImportError, Exception)                                \
  _(ModuleNotFoundError, ImportError)                      \
  _(LookupError, Exception)                                \
  _(IndexError, LookupError)                               \
  _(KeyError, LookupError)                                 \
  _(MemoryError, Exception)                                \
  _(NameError, Exception)                                  \
  _(UnboundLocalError, NameError)                          \
  _(OSError, Exception)                                    \
  _(BlockingIOError, OSError)                              \
  _(ChildProcessError, OSError)                            \
  _(ConnectionError, OSError)                              \
  _(BrokenPipeError, ConnectionError)                      \
  _(ConnectionAbortedError, ConnectionError)               \
  _(ConnectionRefusedError, ConnectionError)               \
  _(ConnectionResetError, ConnectionError)                 \
  _(FileExistsError, OSError)                              \
  _(FileNotFoundError, OSError)                            \
  _(InterruptedError, OSError)                             \
  _(IsADirectoryError, OSError)                            \
  _(NotADirectoryError, OSError)                           \
  _(PermissionError, OSError)                              \
  _(ProcessLookupError, OSError)                           \
  _(TimeoutError, OSError)                                 \
  _(ReferenceError, Exception)                             \
  _(RuntimeError, Exception)                               \
  _(NotImplementedError, RuntimeError)                     \
  _(RecursionError, RuntimeError)                          \
  _(SyntaxError, Exception)                                \
  _(IndentationError, SyntaxError)                         \
  _(TabError, IndentationError)                            \
  _(SystemError, Exception)                                \
  _(TypeError, Exception)                                  \
  _(ValueError, Exception)                                 \
  _(UnicodeError, ValueError)                              \
  _(UnicodeDecodeError, UnicodeError)                      \
  _(UnicodeEncodeError, UnicodeError)                      \
  _(UnicodeTranslateError, UnicodeError)                   \
  _(Warning, Exception)                                    \
  _(DeprecationWarning, Warning)                           \
  _(PendingDeprecationWarning, Warning)                    \
  _(RuntimeWarning, Warning)                               \
  _(SyntaxWarning, Warning)                                \
  _(UserWarning, Warning)                                  \
  _(FutureWarning, Warning)                                \
  _(ImportWarning, Warning)                                \
  _(UnicodeWarning, Warning)                               \
  _(BytesWarning, Warning)                                 \
  _(ResourceWarning, Warning)                              \
  _(EncodingWarning, Warning)

struct Exception : Obj {
  Tuple* args;
  Traceback* traceback;
  Value cause;     // __cause__ (None when unset)
  Value context;   // __context__ (None when unset)
  uint8_t suppress_context;
  Dict* dict;      // instance attributes (user exception classes), or null
  Value hint;      // NameError: "did you mean" name (str) computed at raise time, or None
  Value attr_obj;  // AttributeError: the object and the missing name, for the
  Value attr_name; // suggestion computed when the traceback is printed (None when unset)
};

// Creates an exception of [type] with args = (message,).
Value exception_new(Vm& vm, Klass* type, std::string_view message);
// Creates an exception of [type] with the given args tuple.
Value exception_with_args(Vm& vm, Klass* type, Value args_tuple);
// Sets [exc] pending and returns EXCEPTION.
Value raise_value(Vm& vm, Value exc);
// Raises [type](message). Returns EXCEPTION.
Value raise(Vm& vm, Klass* type, std::string_view message);
// Raises KeyError(key) (the key's repr is the message).
Value raise_key_error(Vm& vm, Value key);
// str(exc) as CPython: '' for no args, str(arg) for one, repr(args) otherwise.
Value exception_str(Vm& vm, Value exc);

}  // namespace contrail::runtime
