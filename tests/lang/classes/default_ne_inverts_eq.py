# Without __ne__, != inverts the result of __eq__.
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return isinstance(o, P) and self.v == o.v
print(P(1) != P(1))
print(P(1) != P(2))
print(P(1) != 5)
