# len() works up to sys.maxsize, well beyond small ints.
import sys
print(len(range(2 ** 50)), len(range(-2 ** 47, 2 ** 47 - 1)), len(range(0, 10 ** 20, 10 ** 20 // 3)))
print(len(range(-sys.maxsize, sys.maxsize, 2)), len(range(sys.maxsize)))
print(range(2 ** 63 - 1, -2 ** 63, -1)[-1], range(-2 ** 63, 2 ** 63 - 1)[2 ** 64 - 2])
