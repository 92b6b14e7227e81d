# Single- and double-quoted strings and quotes inside each other.
print('single')
print("double")
print('it"s')
print("it's")
print('')
print("")
print(len(''))
print('a' == "a")
