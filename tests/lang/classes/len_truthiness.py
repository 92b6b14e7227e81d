# Without __bool__, truthiness uses __len__.
class Queue:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
q = Queue([])
print(len(q), bool(q), "empty" if not q else "non-empty")
q.items.append(1)
print(len(q), bool(q))
class Nothing:
    pass
print(bool(Nothing()))
