# continue inside finally keeps looping after each exception.
count = 0
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
        print("ok", i)
    finally:
        count += 1
        continue
print("count", count)
