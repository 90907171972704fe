def parse(s):
    try:
        return int(s)
    except ValueError as e:
        e.add_note(f'input was {s!r}')
        e.add_note('second note')
        raise
parse('12')
parse('twelve')
