"""Annotations become strings: their names are in no scope."""
from __future__ import annotations

x: Alias1 = 1


def f(a: Alias2, *b: Alias3, **c: Alias4) -> Alias5:
    y: Alias6 = [z for z in Alias7]
    return y


class C:
    attr: Alias8
    other: Alias9 = 2
