# A sieve of Eratosthenes with nested loops.
n = 200
is_prime = [True] * (n + 1)
is_prime[0] = is_prime[1] = False
i = 2
while i * i <= n:
    if is_prime[i]:
        for j in range(i * i, n + 1, i):
            is_prime[j] = False
    i += 1
primes = [k for k in range(n + 1) if is_prime[k]]
print(len(primes))
print(primes)
