# Values held only by closure cells survive a collection.
import gc
def make_store():
    items = []
    def add(v):
        items.append([v] * 3)
        return len(items)
    def get():
        return items
    return add, get
add, get = make_store()
for i in range(200):
    add(i)
    if i % 50 == 0:
        gc.collect()
gc.collect()
print(len(get()), get()[0], get()[199])
