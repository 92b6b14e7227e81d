# Generators chained into a processing pipeline.
lines = ["# header", "alpha 3", "", "beta 5", "# note", "gamma 2"]
def non_blank(it):
    for s in it:
        if s.strip():
            yield s
def non_comment(it):
    return (s for s in it if not s.startswith("#"))
def parse(it):
    for s in it:
        name, n = s.split()
        yield name, int(n)
pipeline = parse(non_comment(non_blank(lines)))
print(type(pipeline).__name__)
for name, n in pipeline:
    print(name, "*" * n)
