"""Regular expressions: compiled patterns doing search, findall, finditer, sub with callbacks and split over generated text."""

import re

LINES = 3000
ROUNDS = 12

WORDS = ["alpha", "beta", "gamma", "delta", "error", "warning", "info", "debug", "user", "host",
         "request", "timeout", "retry", "cache", "miss", "hit"]


def make_text(n):
    # A deterministic log-like text from a linear congruential generator.
    seed = 12345
    lines = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        a = seed % 256
        b = (seed >> 8) % 256
        word = WORDS[seed % len(WORDS)]
        other = WORDS[(seed >> 5) % len(WORDS)]
        lines.append(
            "2024-%02d-%02d %02d:%02d:%02d [%s] %s from 10.%d.%d.%d: %s=%d mail %s.%s@example.org took %d.%03dms"
            % (seed % 12 + 1, seed % 28 + 1, seed % 24, seed % 60, (seed >> 3) % 60, word.upper(), other,
               a, b, (a * b) % 256, word, seed % 10000, other, word, seed % 500, seed % 1000)
        )
    return "\n".join(lines)


DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})")
LEVEL = re.compile(r"\[(ERROR|WARNING)\]")
IP = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
EMAIL = re.compile(r"([\w.+-]+)@([\w-]+\.)+([a-z]{2,})", re.IGNORECASE)
PAIR = re.compile(r"(?P<key>[a-z]+)=(?P<value>\d+)")
DURATION = re.compile(r"took (\d+)\.(\d+)ms$", re.MULTILINE)
VOWELS = re.compile(r"[aeiou]+")


def analyse(text):
    result = {}
    result["dates"] = sum(int(m.group(2)) + int(m.group(6)) for m in DATE.finditer(text))
    result["levels"] = len(LEVEL.findall(text))
    result["ips"] = len(set(IP.findall(text)))
    result["emails"] = sum(len(m.group(1)) for m in EMAIL.finditer(text))
    pairs = {}
    for m in PAIR.finditer(text):
        pairs[m.group("key")] = pairs.get(m.group("key"), 0) + int(m.group("value"))
    result["pairs"] = sorted(pairs.items())[:3]
    result["slow"] = sum(1 for m in DURATION.finditer(text) if int(m.group(1)) > 250)
    masked = IP.sub(lambda m: "x.x.x." + m.group(0).rsplit(".", 1)[1], text)
    result["masked"] = len(masked)
    squeezed = VOWELS.sub("*", text)
    result["squeezed"] = len(squeezed)
    result["fields"] = len(re.split(r"[\s:=@]+", text))
    result["upper"] = len(re.sub(r"\b([a-z])([a-z]*)\b", lambda m: m.group(1).upper() + m.group(2), text[:20000]))
    return result


def main():
    text = make_text(LINES)
    for _ in range(ROUNDS):
        result = analyse(text)
    for key in sorted(result):
        print(key, result[key])


main()
