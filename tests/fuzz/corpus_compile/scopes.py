def f():
  global x
  nonlocal y
  del x, [y], (z,)
  return *a, *b
