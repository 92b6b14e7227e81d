# Conway's game of life on a small torus, using sets of coordinates.
def step(live, w, h):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % w, (y + dy) % h)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def show(live, w, h):
    for y in range(h):
        print("".join("#" if (x, y) in live else "." for x in range(w)))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
board = glider
for gen in range(4):
    board = step(board, 6, 6)
show(board, 6, 6)
print(sorted(board), len(board))
