# Keyword-only parameters without defaults are required.
def resize(img, *, width, height=None):
    return img, width, height if height is not None else width
print(resize("pic", width=3), resize("pic", height=2, width=5))
