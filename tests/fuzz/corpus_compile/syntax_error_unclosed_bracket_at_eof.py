# A list literal still open at end of file.
values = [1, 2,
          3, 4
