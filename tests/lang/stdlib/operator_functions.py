# Function versions of operators.
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 8), op.neg(5), op.abs(-3), op.not_(0), op.truth([]), op.inv(5))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(16, 2))
print(op.getitem([5, 6], 1), op.contains("abc", "b"), op.concat([1], [2]), op.index(7))
