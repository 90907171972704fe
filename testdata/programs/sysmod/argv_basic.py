import sys
print(sys.argv[0], len(sys.argv))
for i, a in enumerate(sys.argv[1:], 1):
    print(i, repr(a))
nums = [int(a) for a in sys.argv[1:] if a.lstrip('-').isdigit()]
print('sum of numeric args:', sum(nums))
