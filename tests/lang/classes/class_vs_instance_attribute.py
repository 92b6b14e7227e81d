# Assigning through an instance shadows the class attribute.
class Config:
    color = "blue"
    size = 1
a = Config()
b = Config()
a.color = "red"
print(a.color, b.color, Config.color)
Config.color = "green"
print(a.color, b.color)
Config.size = 2
print(a.size, b.size)
