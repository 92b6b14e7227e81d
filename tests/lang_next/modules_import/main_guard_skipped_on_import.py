# The __name__ == "__main__" block of an imported module does not run.
import guarded_mod
print(guarded_mod.main())
if __name__ == "__main__":
    print("the test's own guard runs")
