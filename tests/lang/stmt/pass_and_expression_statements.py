# Expression statements are evaluated and their values discarded.
1 + 1
"just a string"
[1, 2, 3]
def noisy():
    print("called")
    return 5
noisy()
noisy
pass
print("end")
