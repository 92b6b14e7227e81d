# return at module level.
print("unreached")
return 5
