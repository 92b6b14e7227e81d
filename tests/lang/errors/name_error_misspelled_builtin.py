# A misspelled builtin name.
prnt("hello")
