# Helper: code under the __name__ guard only runs when executed directly.
def main():
    return "guarded main ran"
print("guarded_mod top level runs, __name__ =", __name__)
if __name__ == "__main__":
    print("this must not print when imported")
