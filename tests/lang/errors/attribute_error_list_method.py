# A method that lists do not have.
lst = [1, 2]
lst.push(3)
