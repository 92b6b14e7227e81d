# A user-defined exception hierarchy caught at different levels.
class AppError(Exception): pass
class DbError(AppError): pass
class ConnError(DbError): pass
class UiError(AppError): pass
for exc in [ConnError("no route"), DbError("locked"), UiError("bad click")]:
    try:
        raise exc
    except ConnError as e:
        print("connection:", e)
    except DbError as e:
        print("database:", e)
    except AppError as e:
        print("app:", type(e).__name__, e)
print([c.__name__ for c in ConnError.__mro__])
