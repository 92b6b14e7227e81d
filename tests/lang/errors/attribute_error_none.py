# An attribute of None returned by list.sort.
lst = [3, 1, 2]
lst = lst.sort()
lst.append(4)
