# Subclassing list adds methods while keeping list behaviour.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek())
print(s.pop(), s)
print(isinstance(s, list), type(s).__name__, s + [9], type(s + [9]).__name__)
print(sorted(Stack([3, 1, 2])), Stack("ab"))
