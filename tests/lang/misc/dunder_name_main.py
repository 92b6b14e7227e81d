# __name__ is "__main__" in the script being run.
print(__name__)
if __name__ == "__main__":
    print("running as main")
