# pass in every kind of block.
def f():
    pass
print(f())
if True:
    pass
for i in range(3):
    pass
print(i)
while False:
    pass
else:
    pass
print("done")
