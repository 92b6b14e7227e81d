# finally runs on every exit from a while loop body.
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
        if n % 2:
            continue
        print("body", n)
    finally:
        print("finally", n)
print("end", n)
