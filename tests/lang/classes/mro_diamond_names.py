# The C3 MRO of a diamond lists each class once, object last.
class Base: pass
class Left(Base): pass
class Right(Base): pass
class Bottom(Left, Right): pass
print([c.__name__ for c in Bottom.__mro__])
print([c.__name__ for c in Bottom.mro()])
print([c.__name__ for c in Bottom.__bases__])
