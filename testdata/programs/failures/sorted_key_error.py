records = [{'n': 'b', 'age': 3}, {'n': 'a'}]
print(sorted(records, key=lambda r: r['age']))
