import argparse
import sys


def cmd_add(args):
    print(f"adding {args.a} + {args.b} = {args.a + args.b}")


def cmd_greet(args):
    for _ in range(args.times):
        print(("Hello" if not args.shout else "HELLO"), args.name)


parser = argparse.ArgumentParser(prog="tool")
parser.add_argument("--version", action="version", version="%(prog)s 1.2.3")
sub = parser.add_subparsers(dest="command", required=True, title="commands")
p_add = sub.add_parser("add", help="add two numbers")
p_add.add_argument("a", type=int)
p_add.add_argument("b", type=int)
p_add.set_defaults(func=cmd_add)
p_greet = sub.add_parser("greet", aliases=["hi"], help="greet someone")
p_greet.add_argument("name")
p_greet.add_argument("--times", type=int, default=1)
group = p_greet.add_mutually_exclusive_group()
group.add_argument("--shout", action="store_true")
group.add_argument("--quiet", action="store_true")
p_greet.set_defaults(func=cmd_greet)

for argv in (["add", "2", "40"], ["greet", "Ann", "--times", "2"], ["hi", "Bob", "--shout"]):
    ns = parser.parse_args(argv)
    print(ns.command, sorted(k for k in vars(ns) if k != "func"))
    ns.func(ns)
parser.print_help()
p_greet.print_usage()
try:
    parser.parse_args(["--version"])
except SystemExit as e:
    print("version exit code", e.code)
sys.stdout.flush()
parser.parse_args(["greet", "Cy", "--shout", "--quiet"])
