# Mixed indentation widths across blocks are fine when consistent per block.
if True:
  print("two spaces")
  if True:
        print("eight more")
if True:
    print("four spaces")
for i in range(2):
 print("one space", i)
