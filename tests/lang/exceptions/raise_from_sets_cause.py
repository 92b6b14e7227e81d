# raise X from Y sets __cause__ and __suppress_context__.
try:
    try:
        {}["missing"]
    except KeyError as ke:
        raise LookupError("config incomplete") from ke
except LookupError as e:
    print(e, "|", repr(e.__cause__), e.__suppress_context__, e.__context__ is e.__cause__)
