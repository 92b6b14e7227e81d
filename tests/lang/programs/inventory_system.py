# A small inventory system using dicts, sets and classes.
from collections import defaultdict

class OutOfStock(Exception):
    pass

class Item:
    def __init__(self, sku, name, price, tags=()):
        self.sku = sku
        self.name = name
        self.price = price
        self.tags = set(tags)
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price})"

class Inventory:
    def __init__(self):
        self.items = {}
        self.stock = defaultdict(int)
        self.by_tag = defaultdict(set)
    def add(self, item, qty):
        self.items[item.sku] = item
        self.stock[item.sku] += qty
        for t in item.tags:
            self.by_tag[t].add(item.sku)
    def remove(self, sku, qty):
        if self.stock.get(sku, 0) < qty:
            raise OutOfStock(f"{sku}: wanted {qty}, have {self.stock.get(sku, 0)}")
        self.stock[sku] -= qty
        if self.stock[sku] == 0:
            del self.stock[sku]
    def tagged(self, *tags):
        sets = [self.by_tag.get(t, set()) for t in tags]
        common = set.intersection(*sets) if sets else set()
        return sorted(common)
    def value(self):
        return sum(self.items[s].price * q for s, q in self.stock.items())
    def report(self):
        for sku in sorted(self.stock):
            item = self.items[sku]
            print(f"  {sku:<5} {item.name:<10} {self.stock[sku]:>3} x {item.price:>6.2f}")

inv = Inventory()
inv.add(Item("A1", "hammer", 12.5, ["tool", "metal"]), 10)
inv.add(Item("B2", "nails", 0.05, ["metal", "bulk"]), 500)
inv.add(Item("C3", "glue", 3.2, ["bulk"]), 4)
inv.add(Item("D4", "saw", 25.0, ["tool"]), 2)
inv.add(Item("A1", "hammer", 12.5, ["tool", "metal"]), 5)
orders = [("A1", 3), ("C3", 5), ("B2", 250), ("D4", 2), ("Z9", 1)]
for sku, qty in orders:
    try:
        inv.remove(sku, qty)
        print("shipped", qty, sku)
    except OutOfStock as e:
        print("backorder:", e)
inv.report()
print("value:", round(inv.value(), 2))
print("tools:", inv.tagged("tool"), "metal tools:", inv.tagged("tool", "metal"), "none:", inv.tagged())
print("in stock:", sorted(inv.stock), "known:", sorted(inv.items), "sold out:", sorted(set(inv.items) - set(inv.stock)))
print(sorted(inv.by_tag["bulk"]), inv.items["B2"])
