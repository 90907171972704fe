from .ops import add, mul
