import sys
loads = getattr(sys, '_counted_loads', 0) + 1
sys._counted_loads = loads
print('executing counted, load number', loads)
value = 'counted value'
