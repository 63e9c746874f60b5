"""Sets of whole numbers kept as sorted, disjoint closed intervals, for the attacker
(attacker.py). An upper end may be INF (a count with no known upper bound). Sums and
differences are exact Minkowski sums, so a tree of sums can be solved exactly: the set of
values a sum of independent parts can take is the sum of their sets. Standard library only.
"""

INF = float('inf')


def _normal(pairs):
    out = []
    for lo, hi in sorted(p for p in pairs if p[0] <= p[1]):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1][1] = hi
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out)


class ISet:
    """An immutable set of integers: a union of intervals [lo, hi], hi may be INF."""
    __slots__ = ('iv',)

    def __init__(self, pairs=()):
        self.iv = _normal(pairs)

    @staticmethod
    def point(v):
        return ISet([(v, v)])

    @staticmethod
    def range(lo, hi=INF):
        return ISet([(lo, hi)])

    def empty(self):
        return not self.iv

    def lo(self):
        return self.iv[0][0]

    def hi(self):
        return self.iv[-1][1]

    def __add__(self, other):
        return ISet([(a + c, b + d) for a, b in self.iv for c, d in other.iv])

    def __neg__(self):
        return ISet([(-b, -a) for a, b in self.iv])

    def __sub__(self, other):
        return self + (-other)

    def __and__(self, other):
        out, i, j = [], 0, 0
        while i < len(self.iv) and j < len(other.iv):
            lo = max(self.iv[i][0], other.iv[j][0])
            hi = min(self.iv[i][1], other.iv[j][1])
            if lo <= hi:
                out.append((lo, hi))
            if self.iv[i][1] < other.iv[j][1]:
                i += 1
            else:
                j += 1
        return ISet(out)

    def __or__(self, other):
        return ISet(self.iv + other.iv)

    def __eq__(self, other):
        return self.iv == other.iv

    def __hash__(self):
        return hash(self.iv)

    def __repr__(self):
        return ' u '.join('[%s,%s]' % (lo, 'inf' if hi == INF else hi) for lo, hi in self.iv) or '{}'


def width(lo, hi):
    """How many whole numbers [lo, hi] holds (INF when unbounded)."""
    return INF if hi == INF else hi - lo + 1
