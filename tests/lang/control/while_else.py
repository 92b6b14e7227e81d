# while/else runs else only when the loop ends without break.
i = 0
while i < 3:
    i += 1
else:
    print("else after normal end", i)
i = 0
while i < 10:
    if i == 4:
        print("breaking at", i)
        break
    i += 1
else:
    print("unreached")
while False:
    pass
else:
    print("else of never-run loop")
