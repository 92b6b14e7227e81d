# Tokenizer plus recursive-descent parser and evaluator with its own errors.
class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos

class EvalError(Exception):
    pass

class Token:
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"{self.kind}:{self.value}"

def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            try:
                value = float(text) if "." in text else int(text)
            except ValueError:
                raise ParseError(f"bad number {text!r}", start) from None
            yield Token("num", value, start)
        elif c.isalpha():
            start = i
            while i < len(src) and src[i].isalnum():
                i += 1
            yield Token("name", src[start:i], start)
        elif c in "+-*/%^()":
            yield Token("op", c, i)
            i += 1
        else:
            raise ParseError(f"unexpected character {c!r}", i)
    yield Token("end", None, len(src))

class Parser:
    def __init__(self, src, env):
        self.tokens = list(tokenize(src))
        self.i = 0
        self.env = env
    def peek(self):
        return self.tokens[self.i]
    def take(self, value=None):
        tok = self.tokens[self.i]
        if value is not None and tok.value != value:
            raise ParseError(f"expected {value!r}, found {tok.value!r}", tok.pos)
        self.i += 1
        return tok
    def parse(self):
        v = self.expr()
        if self.peek().kind != "end":
            raise ParseError(f"trailing {self.peek().value!r}", self.peek().pos)
        return v
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            r = self.factor()
            if op != "*" and r == 0:
                raise EvalError("division by zero")
            v = v * r if op == "*" else (v / r if op == "/" else v % r)
        return v
    def factor(self):
        if self.peek().value == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return tok.value
        if tok.kind == "name":
            if tok.value not in self.env:
                raise EvalError(f"unknown variable {tok.value!r}")
            return self.env[tok.value]
        if tok.value == "(":
            v = self.expr()
            self.take(")")
            return v
        raise ParseError(f"unexpected {tok.value!r}", tok.pos)

env = {"x": 3, "y": 4, "half": 0.5}
print(list(tokenize("2*(x+1)")))
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "x*x + y*y",
            "10 / 4", "17 % 5 - half", "2 * (3 + 4", "4 / (y - 4)", "3 $ 4",
            "z + 1", "1.2.3", "(1))", ""]:
    try:
        print(f"{src!r:16} = {Parser(src, env).parse()}")
    except ParseError as e:
        print(f"{src!r:16} ! syntax: {e}")
    except EvalError as e:
        print(f"{src!r:16} ! eval: {e}")
