import re
from collections import Counter

TEXT = """It was the best of times, it was the worst of times, it was the age
of wisdom, it was the age of foolishness, it was the epoch of belief, it
was the epoch of incredulity, it was the season of Light, it was the
season of Darkness."""

words = re.findall(r"[a-z']+", TEXT.lower())
counts = Counter(words)
print(len(words), len(counts))
for word, n in counts.most_common(6):
    print(f"{word:>8} {n:2} {'#' * n}")
letters = Counter(ch for ch in TEXT.lower() if ch.isalpha())
print(sorted(letters.most_common(5), key=lambda kv: (-kv[1], kv[0])))
lengths = Counter(map(len, words))
print(sorted(lengths.items()))
first = Counter(w[0] for w in words)
second = Counter(w[-1] for w in words)
print(sorted((first - second).items()))
print(sum(counts.values()) == counts.total())
