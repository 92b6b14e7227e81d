# except Exception does not catch BaseException-only exceptions.
for exc in [ValueError("v"), KeyboardInterrupt(), SystemExit(2), GeneratorExit()]:
    try:
        try:
            raise exc
        except Exception as e:
            print("Exception caught", type(e).__name__)
    except BaseException as e:
        print("only BaseException caught", type(e).__name__)
