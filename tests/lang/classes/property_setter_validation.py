# A property setter can validate and raise.
class Account:
    def __init__(self, balance):
        self.balance = balance
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("balance cannot be negative")
        self._balance = v
a = Account(10)
a.balance = 5
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print("rejected:", e)
print(a.balance)
