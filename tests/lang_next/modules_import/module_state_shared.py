# Every importer sees the same module object and its state.
import counter_mod
import reader_mod
counter_mod.bump()
counter_mod.bump(5)
print(counter_mod.count, reader_mod.current(), counter_mod.log)
from counter_mod import count
counter_mod.bump()
print(count, counter_mod.count, reader_mod.current())
