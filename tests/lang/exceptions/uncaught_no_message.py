# An uncaught exception without a message prints only its name.
print("before")
raise NotImplementedError
