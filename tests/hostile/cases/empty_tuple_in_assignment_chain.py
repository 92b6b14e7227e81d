# Regression: a chained assignment whose first target is the empty tuple
# crashed the parser with SIGSEGV (check_assign_targets took back() of the
# tuple's empty item list). Found by tests/fuzz/fuzz_compile.
print("never printed: the module does not compile")
() = 0 = v
