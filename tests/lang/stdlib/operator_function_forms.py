# The operator module's functions behave as the operators they name.
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.not_(0), op.truth([]), op.index(True))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 2))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.is_(None, None))
items = [1, 2, 3]
op.setitem(items, 0, 9)
op.delitem(items, 1)
print(items, op.getitem(items, -1), op.contains(items, 9), op.concat([1], [2]), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
try:
    op.concat(1, 2)
except TypeError as e:
    print(e)
