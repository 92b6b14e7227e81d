# Zero-argument super() calls the parent __init__.
class Animal:
    def __init__(self, name):
        print("Animal init")
        self.name = name
class Pet(Animal):
    def __init__(self, name, owner):
        print("Pet init")
        super().__init__(name)
        self.owner = owner
class Dog(Pet):
    def __init__(self, name, owner):
        print("Dog init")
        super().__init__(name, owner)
        self.sound = "woof"
d = Dog("rex", "ann")
print(d.name, d.owner, d.sound)
