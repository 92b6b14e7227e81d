# super() in a mixin calls the next class in the instance's MRO.
class Logger:
    def log(self):
        return ["Logger"]
class Mixin(Logger):
    def log(self):
        return ["Mixin"] + super().log()
class Other(Logger):
    def log(self):
        return ["Other"] + super().log()
class App(Mixin, Other):
    def log(self):
        return ["App"] + super().log()
print(App().log())
print(Mixin().log())
