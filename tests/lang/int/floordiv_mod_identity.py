# a == (a // b) * b + a % b for many pairs, including big ints.
vals = [0, 1, -1, 7, -7, 13, -13, 2 ** 70, -(2 ** 70), 3 ** 50, -(3 ** 50)]
ok = 0
for a in vals:
    for b in vals:
        if b != 0:
            q = a // b
            r = a % b
            if q * b + r == a and (r == 0 or (r > 0) == (b > 0)):
                ok += 1
            else:
                print("bad", a, b, q, r)
print(ok)
print((2 ** 70) // 3, (2 ** 70) % 3)
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
print((2 ** 70) // -3, (2 ** 70) % -3)
