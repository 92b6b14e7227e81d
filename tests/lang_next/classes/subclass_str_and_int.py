# Subclasses of str and int keep the builtin behaviour.
class Name(str):
    def shout(self):
        return self.upper() + "!"
class Score(int):
    def grade(self):
        return "pass" if self >= 50 else "fail"
n = Name("ann")
print(n.shout(), n + "x", len(n), n == "ann", type(n + "x").__name__)
s = Score(70)
print(s.grade(), s + 1, Score(10).grade(), type(s + 1).__name__)
