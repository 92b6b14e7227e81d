class A(B, metaclass=M):
    @dec
    def f(self): yield from g()
