# A program split across two modules: a library module and this script.
import library_core_mod as lib
from library_core_mod import Book, Library

shelf = Library("City")
for title, author, year in [("Dune", "Herbert", 1965), ("Emma", "Austen", 1815),
                            ("Ubik", "Dick", 1969), ("Persuasion", "Austen", 1817)]:
    shelf.add(Book(title, author, year))
print(shelf)
print([b.title for b in shelf.by_author("Austen")])
for title in ["Dune", "Dune", "Nope"]:
    try:
        shelf.checkout(title)
        print("checked out", title)
    except lib.LibraryError as e:
        print(type(e).__name__ + ":", e)
shelf.give_back("Dune")
print(shelf.available(), lib.oldest(shelf.books).title, lib.__name__)
print(lib.loaded_count, Book.__module__)
