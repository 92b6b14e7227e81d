# Functions added to a class later become methods of existing instances.
class Dog:
    def __init__(self, name):
        self.name = name
d = Dog("rex")
def bark(self, times=1):
    return " ".join([self.name + " woof"] * times)
Dog.bark = bark
print(d.bark(), d.bark(2))
d.speak = lambda: "instance function, no self"
print(d.speak())
