# Calling with keyword arguments in any order.
def describe(name, age, city="nowhere"):
    return name + " " + str(age) + " " + city
print(describe("Ann", 30))
print(describe(age=40, name="Bob"))
print(describe("Cy", city="Paris", age=5))
print(describe(city="Rome", age=1, name="Di"))
print(sorted([3, 1, 2], reverse=True))
print("a", "b", sep="-", end="!\n")
