# Helper module reached by putting modules/ on sys.path.
WHO = "plain_helper from modules/"
def where():
    return __name__
