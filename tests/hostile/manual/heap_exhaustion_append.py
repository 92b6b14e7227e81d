# hostile: timeout=60 flags=--max-heap=256M
# Heap exhaustion under a heap limit: MemoryError and exit status 1, never a
# crash or the OOM killer. CPython has no --max-heap, so this test's
# expectation is hand-written (see tests/hostile/README.md), and
# tools/gen_expected must never be run on this folder.
x = []
while True:
    x.append([0] * 10**6)
