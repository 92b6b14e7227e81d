# Single inheritance, overriding and super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return "I am " + self.name + ": " + self.speak()
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return self.name + " barks"
d = Dog("Rex", "lab")
print(d.describe(), d.breed)
print(isinstance(d, Animal), isinstance(d, Dog), issubclass(Dog, Animal))
print([c.__name__ for c in Dog.__mro__])
