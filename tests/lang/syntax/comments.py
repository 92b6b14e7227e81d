# Comments everywhere a comment may appear.
x = 1  # trailing comment
# full line comment
    # indented comment line
if x:  # after colon
    # inside block
    print("in block")  # after call
# comment before else
else:
    print("never")
print("# not a comment")
print('#' * 3)
lst = [1,  # item comment
       2]
print(lst)
