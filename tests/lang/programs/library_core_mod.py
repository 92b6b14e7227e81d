# Helper module for two_module_program.py; not a test itself.
loaded_count = 0
loaded_count += 1

class LibraryError(Exception):
    pass

class NotAvailable(LibraryError):
    pass

class UnknownBook(LibraryError):
    pass

class Book:
    def __init__(self, title, author, year):
        self.title = title
        self.author = author
        self.year = year
        self.out = False

class Library:
    def __init__(self, name):
        self.name = name
        self.books = []
    def add(self, book):
        self.books.append(book)
    def find(self, title):
        for b in self.books:
            if b.title == title:
                return b
        raise UnknownBook(title)
    def checkout(self, title):
        b = self.find(title)
        if b.out:
            raise NotAvailable(f"{title} is already checked out")
        b.out = True
    def give_back(self, title):
        self.find(title).out = False
    def by_author(self, author):
        return sorted((b for b in self.books if b.author == author), key=lambda b: b.year)
    def available(self):
        return sorted(b.title for b in self.books if not b.out)
    def __str__(self):
        return f"{self.name} library with {len(self.books)} books"

def oldest(books):
    return min(books, key=lambda b: b.year)
