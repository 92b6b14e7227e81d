# Dicts of dicts and lists.
db = {"users": {"ann": {"age": 30, "tags": ["a", "b"]}}}
db["users"]["bob"] = {"age": 25, "tags": []}
db["users"]["bob"]["tags"].append("new")
print(db)
print(db["users"]["ann"]["tags"][1])
for name in db["users"]:
    print(name, db["users"][name]["age"])
