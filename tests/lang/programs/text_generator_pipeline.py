# A generator pipeline over a text: tokenize, normalize, filter, count.
TEXT = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away!
A quick fox, a lazy dog, and the end of the story."""
STOP = {"the", "a", "and", "of", "over"}

def lines(text):
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line

def words(numbered):
    for number, line in numbered:
        word = ""
        for ch in line + " ":
            if ch.isalpha():
                word += ch
            elif word:
                yield number, word
                word = ""

def lowered(pairs):
    return ((n, w.lower()) for n, w in pairs)

def without_stopwords(pairs):
    return ((n, w) for n, w in pairs if w not in STOP)

def count(pairs):
    counts, first_seen = {}, {}
    for n, w in pairs:
        counts[w] = counts.get(w, 0) + 1
        first_seen.setdefault(w, n)
    return counts, first_seen

pipeline = without_stopwords(lowered(words(lines(TEXT))))
print(type(pipeline).__name__)
counts, first = count(pipeline)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:5]:
    print(f"{word:<6}{n:>3}  first on line {first[word]}")
print(sum(counts.values()), len(counts))
longest = max((w for _, w in words(lines(TEXT))), key=len)
print("longest word:", longest)
def running_lengths(pairs):
    total = 0
    for _, w in pairs:
        total += len(w)
        yield total
print(list(running_lengths(words(lines("ab cde f")))))
