import argparse
import sys

parser = argparse.ArgumentParser(prog="calc", exit_on_error=True)
parser.add_argument("x", type=int)
parser.add_argument("--op", choices=["add", "mul"], required=True)
parser.add_argument("--scale", type=float, default=1.0)

attempts = [
    ["3", "--op", "add"],
    ["three", "--op", "add"],
    ["3"],
    ["3", "--op", "div"],
    ["3", "--op", "mul", "--scale", "x"],
    ["3", "4", "--op", "add"],
    ["3", "--op"],
]
for argv in attempts:
    try:
        print(argv, "->", parser.parse_args(argv))
    except SystemExit as e:
        print(argv, "-> exit", e.code)

p2 = argparse.ArgumentParser(prog="nothrow", exit_on_error=False)
p2.add_argument("--n", type=int)
try:
    p2.parse_args(["--n", "zz"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e, "| argument:", e.argument_name)


def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{s} is not positive")
    return v


p3 = argparse.ArgumentParser(prog="pos")
p3.add_argument("n", type=positive)
print(p3.parse_args(["5"]))
sys.stdout.flush()
p3.parse_args(sys.argv[1:])
