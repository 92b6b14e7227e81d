"""collections -- container datatypes (CPython's collections module).

deque       list-like container with fast appends and pops on either end
defaultdict dict subclass that calls a factory function to supply missing values
Counter     dict subclass for counting hashable objects
namedtuple  factory function for creating tuple subclasses with named fields
OrderedDict dict subclass with move_to_end() and order-sensitive equality
ChainMap    dict-like class for creating a single view of multiple mappings

Counter and the namedtuple API follow CPython's pure-Python code; deque and
defaultdict reproduce the behaviour and messages of CPython's C versions.
namedtuple builds its class with type() instead of exec().
"""

import sys as _sys
from operator import index as _index
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']


def _same(a, b):
    """a == b with CPython's identity shortcut (PyObject_RichCompareBool)."""
    return a is b or a == b


# Objects whose repr is being computed, for the "[...]" recursion guard.
_repr_running = set()


def _is_mapping(obj):
    return isinstance(obj, (dict, ChainMap))


################################################################################
### deque
################################################################################

class deque:
    """A list-like sequence optimized for data accesses near its endpoints.

    The items are split between two lists meeting in the middle: _left holds
    the left part reversed (the leftmost item is _left[-1]) and _right the
    right part in order, so both ends grow and shrink with list.append and
    list.pop.  When one side runs dry, half of the other side moves over,
    which keeps every end operation amortized O(1).  _state counts changes
    of size so that iterators notice a mutated deque, as CPython's do.
    """

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._left = []
        self._right = []
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    # -- Storage ------------------------------------------------------------------

    def _refill_left(self):
        """Moves the left half of _right (at least one item) to _left."""
        right = self._right
        half = (len(right) + 1) // 2
        moved = right[:half]
        moved.reverse()
        self._left = moved
        self._right = right[half:]

    def _refill_right(self):
        """Moves the right half of _left (at least one item) to _right."""
        left = self._left
        half = (len(left) + 1) // 2
        moved = left[:half]
        moved.reverse()
        self._right = moved
        self._left = left[half:]

    def _set_items(self, items):
        self._left = []
        self._right = items
        self._state += 1

    def _locate(self, i):
        """(list, index in it) of item i, which may be negative; IndexError
        when out of range."""
        if not isinstance(i, int):
            i = _index_for_sequence(i)
        left = self._left
        size = len(left) + len(self._right)
        if i < 0:
            i += size
        if not 0 <= i < size:
            raise IndexError('deque index out of range')
        if i < len(left):
            return left, len(left) - 1 - i
        return self._right, i - len(left)

    # -- Adding and removing ----------------------------------------------------------

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._right.append(x)
        self._state += 1
        if self._maxlen is not None and len(self._left) + len(self._right) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._left.append(x)
        self._state += 1
        if self._maxlen is not None and len(self._left) + len(self._right) > self._maxlen:
            self.pop()

    def pop(self):
        """Remove and return the rightmost element."""
        if not self._right:
            if not self._left:
                raise IndexError('pop from an empty deque')
            self._refill_right()
        self._state += 1
        return self._right.pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        if not self._left:
            if not self._right:
                raise IndexError('pop from an empty deque')
            self._refill_left()
        self._state += 1
        return self._left.pop()

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def insert(self, i, x):
        """Insert value before index."""
        i = _index(i)
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = list(self)
        items.insert(i, x)
        self._set_items(items)

    def remove(self, value):
        """Remove first occurrence of value."""
        del self[self.index(value)]

    def clear(self):
        """Remove all elements from the deque."""
        self._set_items([])

    # -- Reordering ----------------------------------------------------------------------

    def rotate(self, n=1):
        """Rotate the deque n steps to the right.  If n is negative, rotates left."""
        n = _index(n)
        size = len(self)
        if size <= 1:
            return
        n %= size
        if n > size // 2:
            for _ in range(size - n):       # rotate left: leftmost item to the right end
                if not self._left:
                    self._refill_left()
                self._right.append(self._left.pop())
        else:
            for _ in range(n):              # rotate right: rightmost item to the left end
                if not self._right:
                    self._refill_right()
                self._left.append(self._right.pop())
        self._state += 1

    def reverse(self):
        """Reverse *IN PLACE*."""
        self._left, self._right = self._right, self._left

    # -- Searching -------------------------------------------------------------------------

    def count(self, value):
        """Return number of occurrences of value."""
        n = 0
        for item in self:
            if _same(item, value):
                n += 1
        return n

    def index(self, value, start=0, stop=_sys.maxsize):
        """Return first index of value.

        Raises ValueError if the value is not present.
        """
        start, stop = _index(start), _index(stop)
        size = len(self)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        state = self._state
        for i in range(start, min(stop, size)):
            if _same(self[i], value):
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{value!r} is not in deque')

    def __contains__(self, value):
        for item in self:
            if _same(item, value):
                return True
        return False

    # -- Sequence protocol ---------------------------------------------------------------------

    def __len__(self):
        return len(self._left) + len(self._right)

    def __bool__(self):
        return bool(self._left or self._right)

    def __getitem__(self, i):
        items, j = self._locate(i)
        return items[j]

    def __setitem__(self, i, x):
        items, j = self._locate(i)
        items[j] = x

    def __delitem__(self, i):
        items, j = self._locate(i)
        del items[j]
        self._state += 1

    def __iter__(self):
        state = self._state
        left, right = self._left, self._right
        for i in range(len(left) - 1, -1, -1):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield left[i]
        for i in range(len(right)):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield right[i]
        if state != self._state:
            raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        state = self._state
        left, right = self._left, self._right
        for i in range(len(right) - 1, -1, -1):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield right[i]
        for i in range(len(left)):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield left[i]
        if state != self._state:
            raise RuntimeError('deque mutated during iteration')

    def copy(self):
        """Return a shallow copy of a deque."""
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (list(self), self._maxlen)

    # -- Operators ---------------------------------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.copy()
        result *= n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if n <= 0:
            self.clear()
            return self
        items = list(self)
        for _ in range(n - 1):
            self.extend(items)
        return self

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) != list(other)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) < list(other)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) <= list(other)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) > list(other)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) >= list(other)

    __hash__ = None

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            items = repr(list(self))
        finally:
            _repr_running.discard(key)
        name = type(self).__name__
        if self._maxlen is None:
            return f'{name}({items})'
        return f'{name}({items}, maxlen={self._maxlen})'


def _index_for_sequence(i):
    try:
        return _index(i)
    except TypeError:
        raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'") from None


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    The default factory is called without arguments to produce
    a new value when a key is not present, in __getitem__ only.
    A defaultdict compares equal to a dict with the same items.
    All remaining arguments are treated the same as if they were
    passed to the dict constructor, including keyword arguments.
    """

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __repr__(self):
        head = f'{type(self).__name__}({self.default_factory!r}, '
        key = id(self)
        if key in _repr_running:
            return head + '{...})'
        _repr_running.add(key)
        try:
            items = ', '.join(f'{k!r}: {v!r}' for k, v in self.items())
        finally:
            _repr_running.discard(key)
        return head + '{' + items + '})'

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result


################################################################################
### namedtuple
################################################################################

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
    'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
])


def _field(index, doc):
    """The read-only property of a namedtuple field: instance[index]."""
    def get(self):
        return self[index]

    def refuse_set(self, value):
        raise AttributeError("can't set attribute")

    def refuse_delete(self):
        raise AttributeError("can't delete attribute")

    return property(get, refuse_set, refuse_delete, doc)


def _plural(n, word):
    return f'{n} {word}' if n == 1 else f'{n} {word}s'


def _names_list(names):
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def _validate_field_names(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    return tuple(field_names)


def _bind_fields(typename, fields, defaults, args, kwargs):
    """The values of a new namedtuple, bound as a generated
    `def __new__(_cls, f1, f2=default, ...)` would bind them."""
    for name in kwargs:
        if name not in fields:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
        if fields.index(name) < len(args):
            raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
    n = len(fields)
    if len(args) > n:
        if defaults:
            takes = f'from {n - len(defaults) + 1} to {n + 1} positional arguments'
        else:
            takes = _plural(n + 1, 'positional argument')
        raise TypeError(f'{typename}.__new__() takes {takes} but {len(args) + 1} were given')
    values = list(args)
    missing = []
    for i in range(len(args), n):
        name = fields[i]
        if name in kwargs:
            values.append(kwargs[name])
        elif name in defaults:
            values.append(defaults[name])
        else:
            missing.append(name)
    if missing:
        count = _plural(len(missing), 'required positional argument')
        raise TypeError(f'{typename}.__new__() missing {count}: {_names_list(missing)}')
    return values


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point.__doc__                   # docstring for the new class
    'Point(x, y)'
    >>> p = Point(11, y=22)             # instantiate with positional args or keywords
    >>> p[0] + p[1]                     # indexable like a plain tuple
    33
    >>> p                               # readable __repr__ with a name=value style
    Point(x=11, y=22)
    """
    typename = _sys.intern(str(typename))
    fields = _validate_field_names(typename, field_names, rename)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    arg_list = ', '.join(fields)
    if len(fields) == 1:
        arg_list += ','

    def __new__(_cls, *args, **kwargs):
        if len(args) == len(fields) and not kwargs:     # the common case
            return tuple.__new__(_cls, args)
        return tuple.__new__(_cls, _bind_fields(typename, fields, field_defaults, args, kwargs))

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(fields):
            raise TypeError(f'Expected {len(fields)} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else value
                             for name, value in zip(fields, self)])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        body = ', '.join(f'{name}={value!r}' for name, value in zip(fields, self))
        return f'{type(self).__name__}({body})'

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'
    _make.__func__.__doc__ = f'Make a new {typename} object from a sequence or iterable'
    _replace.__doc__ = f'Return a new {typename} object replacing specified fields with new values'
    __repr__.__doc__ = 'Return a nicely formatted representation string'

    namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _field(index, f'Alias for field number {index}')
    result = type(typename, (tuple,), namespace)

    # The class belongs to the caller's module, as pickle expects.
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    result.__module__ = module
    return result


################################################################################
### OrderedDict
################################################################################

class OrderedDict(dict):
    """Dictionary that remembers insertion order.

    A dict keeps insertion order too; OrderedDict adds move_to_end(),
    popitem(last=False) and equality that respects order.
    """

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.
        """
        if key not in self:
            raise KeyError(key)
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(self.items())
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.
        """
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (), None, None, iter(self.items())

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        if isinstance(other, OrderedDict):
            return dict(self) == dict(other) and all(map(_same, self, other))
        return dict(self) == other

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return f'{type(self).__name__}({list(self.items())!r})'
        finally:
            _repr_running.discard(key)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        result = cls()
        for key in iterable:
            result[key] = value
        return result


################################################################################
### Counter
################################################################################

def _count_elements(mapping, iterable):
    """Tally elements from the iterable."""
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


def _count_of(item):
    return item[1]


class Counter(dict):
    """Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.

    >>> c = Counter('abcdeabcdabcaba')  # count elements from a string
    >>> c.most_common(3)                # three most common elements
    [('a', 5), ('b', 4), ('c', 3)]
    """

    def __init__(self, iterable=None, /, **kwds):
        """Create a new, empty Counter object.  And if given, count elements
        from an input iterable.  Or, initialize the count from another mapping
        of elements to their counts.
        """
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.

        >>> Counter('abracadabra').most_common(3)
        [('a', 5), ('b', 2), ('r', 2)]
        """
        if n is None:
            return sorted(self.items(), key=_count_of, reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_count_of)

    def elements(self):
        """Iterator over elements repeating each as many times as its count.

        >>> sorted(Counter('ABCABC').elements())
        ['A', 'A', 'B', 'B', 'C', 'C']
        """
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them.

        Source can be an iterable, a dictionary, or another Counter instance.
        """
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    super().update(iterable)    # fast path when counter is empty
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero.  Both the inputs and outputs are
        allowed to contain zero and negative counts.
        """
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing values."""
        if elem in self:
            super().pop(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # dict() preserves the ordering returned by most_common()
            d = dict(self.most_common())
        except TypeError:
            # handle case where values are not orderable
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # -- Multiset comparisons: missing counts are treated as zero --------------------

    def __eq__(self, other):
        """True if all counts agree. Missing counts are treated as zero."""
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        """True if any counts disagree. Missing counts are treated as zero."""
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        """True if all counts in self are a subset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        """True if all counts in self are a proper subset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        """True if all counts in self are a superset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        """True if all counts in self are a proper superset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # -- Multiset arithmetic: results keep only positive counts -----------------------

    def __add__(self, other):
        """Add counts from two counters.

        >>> Counter('abbb') + Counter('bcc')
        Counter({'b': 4, 'c': 2, 'a': 1})
        """
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        """Subtract count, but keep only results with positive counts.

        >>> Counter('abbbc') - Counter('bccd')
        Counter({'b': 2, 'a': 1})
        """
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        """Union is the maximum of value in either of the input counters.

        >>> Counter('abbb') | Counter('bcc')
        Counter({'b': 3, 'c': 2, 'a': 1})
        """
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        """Intersection is the minimum of corresponding counts.

        >>> Counter('abbb') & Counter('bcc')
        Counter({'b': 1})
        """
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        """Adds an empty counter, effectively stripping negative and zero counts"""
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        """Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts.
        """
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        """Internal method to strip elements with a negative or zero count"""
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        """Inplace add from another counter, keeping only positive counts."""
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        """Inplace subtract counter, but keep only results with positive counts."""
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        """Inplace union is the maximum of value from either counter."""
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        """Inplace intersection is the minimum of corresponding counts."""
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


################################################################################
### ChainMap
################################################################################

class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    Lookups search the underlying mappings successively until a key is found.
    Writes, updates, and deletions only operate on the first mapping.
    """

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(self._flat())

    def __iter__(self):
        return iter(self._flat())

    def _flat(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return d

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    def keys(self):
        return self._flat().keys()

    def items(self):
        return [(key, self[key]) for key in self]

    def values(self):
        return [self[key] for key in self]

    def __eq__(self, other):
        if isinstance(other, (dict, ChainMap)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        """
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value.

        Raise KeyError if *key* not in maps[0].
        """
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def update(self, other=(), /, **kwds):
        self.maps[0].update(other, **kwds)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def __or__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self
