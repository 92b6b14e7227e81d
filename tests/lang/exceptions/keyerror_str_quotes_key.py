# str(KeyError) shows the repr of the key.
try:
    {}["name"]
except KeyError as e:
    print(e, e.args, str(e), e.args[0])
try:
    {}[(1, 2)]
except KeyError as e:
    print(e)
