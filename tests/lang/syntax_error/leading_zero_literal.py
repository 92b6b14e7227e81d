# Leading zeros in a decimal literal.
x = 012
