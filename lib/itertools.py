"""itertools -- iterator building blocks (CPython's itertools, in Python).

Each type checks its arguments and calls iter() when it is created, as
CPython's constructors do (so `cycle(3)` fails where it is written), and
then hands the work to a private generator that follows the "roughly
equivalent" code of CPython's documentation, refined where the C code
consumes its input differently.  count and repeat also mirror their
state in attributes for their repr; groupby keeps its state in attributes
because its groups expire.
"""

from operator import index as _index

__all__ = [
    'accumulate', 'chain', 'combinations', 'combinations_with_replacement',
    'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
    'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
    'takewhile', 'tee', 'zip_longest',
]

_MISSING = object()     # "no value yet" marker (None is a valid value)


class _Iterator:
    """Base of the types whose items come from a private generator, self._it.

    iter() hands out that generator itself, so for loops, list() and zip()
    resume it directly; next() on the object delegates to it.  Either way
    there is one stream of items.
    """

    def __iter__(self):
        return self._it

    def __next__(self):
        return next(self._it)


def _is_number(x):
    """CPython's PyNumber_Check: int, float, or anything convertible."""
    if isinstance(x, (int, float)):
        return True
    cls = type(x)
    return (hasattr(cls, '__index__') or hasattr(cls, '__int__')
            or hasattr(cls, '__float__') or hasattr(cls, '__complex__'))


# -- Infinite iterators ---------------------------------------------------------

class count(_Iterator):
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._next = start          # what repr() shows; _count keeps it current
        self._step = step
        self._it = _count(self)

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if isinstance(step, int) and step == 1:
            return f'{name}({self._next!r})'
        return f'{name}({self._next!r}, {step!r})'


def _count(counter):
    value = counter._next
    step = counter._step
    while True:
        following = value + step
        counter._next = following
        yield value
        value = following


class cycle(_Iterator):
    """cycle(p) --> p0, p1, ... plast, p0, p1, ..."""

    def __init__(self, iterable):
        self._it = _cycle(iter(iterable))


def _cycle(iterator):
    saved = []
    for element in iterator:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class repeat(_Iterator):
    """repeat(object [,times]) --> object, object, ... (forever or times times)"""

    def __init__(self, object, times=None):
        self._object = object
        if times is None:
            self._left = -1         # forever
            self._it = _forever(object)
        else:
            self._left = max(_index(times), 0)
            self._it = _repeat(self)

    def __repr__(self):
        if self._left < 0:
            return f'{type(self).__name__}({self._object!r})'
        return f'{type(self).__name__}({self._object!r}, {self._left})'


def _forever(obj):
    while True:
        yield obj


def _repeat(repeater):
    obj = repeater._object
    left = repeater._left
    while left > 0:
        left -= 1
        repeater._left = left       # what repr() shows
        yield obj


# -- Iterators terminating on the shortest input ---------------------------------

class accumulate(_Iterator):
    """accumulate([1, 2, 3, 4, 5]) --> 1 3 6 10 15"""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = _accumulate(iter(iterable), func, initial)


def _accumulate(iterator, func, total):
    if total is None:
        total = next(iterator, _MISSING)
        if total is _MISSING:
            return
    yield total
    for element in iterator:
        total = total + element if func is None else func(total, element)
        yield total


class chain(_Iterator):
    """chain('ABC', 'DEF') --> A B C D E F"""

    def __init__(self, *iterables):
        self._it = _chain(iter(iterables))

    @classmethod
    def from_iterable(cls, iterables):
        """chain.from_iterable(['ABC', 'DEF']) --> A B C D E F"""
        result = cls.__new__(cls)
        result._it = _chain(iter(iterables))
        return result


def _chain(iterables):
    for iterable in iterables:
        yield from iterable


class compress(_Iterator):
    """compress('ABCDEF', [1,0,1,0,1,1]) --> A C E F"""

    def __init__(self, data, selectors):
        self._it = _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for datum, selector in zip(data, selectors):
        if selector:
            yield datum


class dropwhile(_Iterator):
    """dropwhile(lambda x: x<5, [1,4,6,4,1]) --> 6 4 1"""

    def __init__(self, predicate, iterable):
        self._it = _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, iterator):
    for x in iterator:
        if not predicate(x):
            yield x
            break
    for x in iterator:
        yield x


class takewhile(_Iterator):
    """takewhile(lambda x: x<5, [1,4,6,4,1]) --> 1 4"""

    def __init__(self, predicate, iterable):
        self._it = _takewhile(predicate, iter(iterable))


def _takewhile(predicate, iterator):
    for x in iterator:
        if not predicate(x):
            return
        yield x


class filterfalse(_Iterator):
    """filterfalse(lambda x: x%2, range(10)) --> 0 2 4 6 8"""

    def __init__(self, predicate, iterable):
        self._it = _filterfalse(bool if predicate is None else predicate, iter(iterable))


def _filterfalse(predicate, iterator):
    for x in iterator:
        if not predicate(x):
            yield x


class starmap(_Iterator):
    """starmap(pow, [(2,5), (3,2), (10,3)]) --> 32 9 1000"""

    def __init__(self, function, iterable):
        self._it = _starmap(function, iter(iterable))


def _starmap(function, iterator):
    for args in iterator:
        if type(args) is not tuple:
            args = tuple(args)      # "'int' object is not iterable", as CPython
        yield function(*args)


class pairwise(_Iterator):
    """pairwise('ABCDEFG') --> AB BC CD DE EF FG"""

    def __init__(self, iterable):
        self._it = _pairwise(iter(iterable))


def _pairwise(iterator):
    a = next(iterator, _MISSING)
    if a is _MISSING:
        return
    for b in iterator:
        yield a, b
        a = b


class zip_longest(_Iterator):
    """zip_longest('ABCD', 'xy', fillvalue='-') --> Ax By C- D-"""

    def __init__(self, *iterables, fillvalue=None):
        self._it = _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, iterator in enumerate(iterators):
            value = fillvalue
            if iterator is not None:
                value = next(iterator, _MISSING)
                if value is _MISSING:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = None
                    value = fillvalue
            values.append(value)
        yield tuple(values)


# -- islice ------------------------------------------------------------------------

_MAXSIZE = 2 ** 63 - 1
_STOP_ERROR = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_INDEX_ERROR = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_STEP_ERROR = 'Step for islice() must be a positive integer or None.'


def _ssize(x, default):
    """x as CPython's PyNumber_AsSsize_t sees it, -1 when it is no index."""
    if x is None:
        return default
    try:
        n = _index(x)
    except TypeError:
        return -1
    return n if -_MAXSIZE - 1 <= n <= _MAXSIZE else -1


class islice(_Iterator):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])"""

    def __init__(self, iterable, *args):
        start, stop, step = _islice_bounds(args)
        self._it = _islice(iter(iterable), start, stop, step)


def _islice_bounds(args):
    """(start, stop, step) of islice's arguments; stop None means no limit."""
    if not 1 <= len(args) <= 3:
        n = len(args) + 1
        if n < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {n}')
        raise TypeError(f'islice expected at most 4 arguments, got {n}')
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop, step = args + (None,) * (3 - len(args))
    stop_n = _ssize(stop, None)
    if stop_n == -1:
        raise ValueError(_STOP_ERROR)
    start_n = _ssize(start, 0)
    if start_n < 0 or (stop_n is not None and stop_n < 0):
        raise ValueError(_INDEX_ERROR)
    step_n = _ssize(step, 1)
    if step_n < 1:
        raise ValueError(_STEP_ERROR)
    return start_n, stop_n, step_n


def _islice(iterator, start, stop, step):
    # Mirrors islice_next(): skip to the next wanted index, stop at [stop]
    # without consuming more of the shared iterator than CPython does.
    seen = 0
    wanted = start
    while True:
        while seen < wanted:
            if next(iterator, _MISSING) is _MISSING:
                return
            seen += 1
        if stop is not None and seen >= stop:
            return
        item = next(iterator, _MISSING)
        if item is _MISSING:
            return
        seen += 1
        yield item
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop


# -- Combinatoric iterators ------------------------------------------------------------

def _nonnegative_r(r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class product(_Iterator):
    """product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)"""

    def __init__(self, *iterables, repeat=1):
        repeat = _index(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        self._it = _product([tuple(pool) for pool in iterables] * repeat)


def _product(pools):
    # An odometer over the pools: the rightmost index turns fastest.
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    current = [pool[0] for pool in pools]
    yield tuple(current)
    while True:
        for i in reversed(range(n)):
            indices[i] += 1
            if indices[i] < len(pools[i]):
                current[i] = pools[i][indices[i]]
                break
            indices[i] = 0
            current[i] = pools[i][0]
        else:
            return
        yield tuple(current)


class permutations(_Iterator):
    """permutations(range(3), 2) --> (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)"""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        elif not isinstance(r, int):
            raise TypeError('Expected int as r')
        self._it = _permutations(pool, _nonnegative_r(r))


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


class combinations(_Iterator):
    """combinations(range(4), 3) --> (0,1,2) (0,1,3) (0,2,3) (1,2,3)"""

    def __init__(self, iterable, r):
        r = _index(r)
        self._it = _combinations(tuple(iterable), _nonnegative_r(r))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


class combinations_with_replacement(_Iterator):
    """combinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC"""

    def __init__(self, iterable, r):
        r = _index(r)
        self._it = _combinations_with_replacement(tuple(iterable), _nonnegative_r(r))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])


# -- groupby and tee -------------------------------------------------------------------

class groupby:
    """groupby(iterable, key=None) --> (key, group) pairs of consecutive equal keys.

    A group is valid only until the groupby advances, as in CPython.
    """

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._current = None        # marker of the live group

    def __iter__(self):
        return self

    def __next__(self):
        # Skip what is left of the current group (CPython compares tgtkey == currkey).
        while self._currkey is _MISSING or (
                self._tgtkey is not _MISSING and _same(self._tgtkey, self._currkey)):
            self._step()
        self._tgtkey = self._currkey
        self._current = marker = object()
        return self._currkey, self._grouper(self._tgtkey, marker)

    def _step(self):
        value = next(self._it)      # StopIteration ends the groupby
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value

    def _grouper(self, tgtkey, marker):
        while self._current is marker:
            if self._currvalue is _MISSING:
                try:
                    self._step()
                except StopIteration:
                    return
            if not _same(tgtkey, self._currkey):
                return
            value = self._currvalue
            self._currvalue = _MISSING
            yield value


def _same(a, b):
    """a == b with CPython's identity shortcut (PyObject_RichCompareBool)."""
    return a is b or a == b


def tee(iterable, n=2):
    """tee(iterable, n=2) --> tuple of n independent iterators."""
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    iterator = iter(iterable)
    shared_link = [None, None]      # [value, next link]; the tail has next None
    return tuple(_tee(iterator, shared_link) for _ in range(n))


def _tee(iterator, link):
    while True:
        if link[1] is None:
            value = next(iterator, _MISSING)
            if value is _MISSING:
                return
            link[0] = value
            link[1] = [None, None]
        value, link = link
        yield value
