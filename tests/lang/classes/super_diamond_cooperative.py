# Cooperative super() in a diamond visits every class once in MRO order.
class Root:
    def __init__(self):
        print("Root")
class A(Root):
    def __init__(self):
        print("A before")
        super().__init__()
        print("A after")
class B(Root):
    def __init__(self):
        print("B before")
        super().__init__()
        print("B after")
class C(A, B):
    def __init__(self):
        print("C before")
        super().__init__()
        print("C after")
C()
