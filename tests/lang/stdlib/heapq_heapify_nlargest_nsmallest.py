# heapify, nlargest and nsmallest.
import heapq
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], sorted(data) == [1, 2, 4, 7, 8, 9])
nums = [15, 3, 99, 42, 7, 3]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.nsmallest(10, [2, 1]))
words = ["kiwi", "fig", "banana", "apple"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(1, words, key=len))
