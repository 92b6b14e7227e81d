# break inside finally discards the in-flight exception.
for i in range(3):
    try:
        print("iteration", i)
        raise KeyError(i)
    finally:
        break
print("after loop", i)
