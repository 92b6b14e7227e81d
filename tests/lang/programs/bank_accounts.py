# A bank with account classes, custom exceptions and a transaction log.
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.shortfall = amount - account.balance

class AccountNotFound(BankError, KeyError):
    pass

class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def month_end(self):
        pass
    def __repr__(self):
        return f"{type(self).__name__}#{self.id}({self.owner}, {self.balance})"

class Savings(Account):
    rate = 0.02
    def month_end(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)

class Checking(Account):
    overdraft = 50
    def withdraw(self, amount):
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, kind, owner, balance=0):
        acct = kind(owner, balance)
        self.accounts[acct.id] = acct
        return acct
    def get(self, acct_id):
        try:
            return self.accounts[acct_id]
        except KeyError:
            raise AccountNotFound(acct_id) from None
    def transfer(self, src, dst, amount):
        a, b = self.get(src), self.get(dst)
        a.withdraw(amount)
        b.deposit(amount)
    def __iter__(self):
        return iter(sorted(self.accounts.values(), key=lambda a: a.owner))

bank = Bank()
alice = bank.open(Savings, "alice", 1000)
bob = bank.open(Checking, "bob", 20)
carol = bank.open(Account, "carol")
operations = [(1, 2, 300), (2, 3, 360), (2, 3, 100), (3, 9, 5), (3, 1, 10)]
for src, dst, amount in operations:
    try:
        bank.transfer(src, dst, amount)
        print("ok", src, "->", dst, amount)
    except InsufficientFunds as e:
        print("refused:", e, "| short by", e.shortfall)
    except AccountNotFound as e:
        print("no such account:", e, isinstance(e, KeyError))
try:
    carol.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for acct in bank:
    acct.month_end()
    print(acct, acct.history)
print(sum(a.balance for a in bank))
