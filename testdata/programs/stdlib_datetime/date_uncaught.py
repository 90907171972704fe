from datetime import date


def parse_dates(lines):
    out = []
    for lineno, line in enumerate(lines, 1):
        y, m, d = map(int, line.split("-"))
        try:
            out.append(date(y, m, d))
        except ValueError as e:
            raise ValueError(f"line {lineno}: {line!r}: {e}") from None
    return out


good = parse_dates(["2024-01-31", "2024-02-29"])
print([d.strftime("%b %d") for d in good])
parse_dates(["2023-01-31", "2023-02-29"])
