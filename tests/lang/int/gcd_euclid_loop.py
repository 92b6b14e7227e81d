# A Euclid gcd loop over big and small ints.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18))
print(gcd(2 ** 100, 6 ** 50))
print(gcd(12345678901234567890, 9876543210))
print(gcd(-12, 18))
print(gcd(0, 5))
