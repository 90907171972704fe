import argparse

parser = argparse.ArgumentParser(
    prog="report",
    description="Generate a report from the collected measurements and print it in one of several formats.",
    formatter_class=argparse.ArgumentDefaultsHelpFormatter,
)
parser.add_argument("input", help="input file")
parser.add_argument("-o", "--output", default="-", help="where to write the report")
parser.add_argument("-f", "--format", choices=["text", "csv", "json"], default="text", help="output format")
parser.add_argument("--limit", type=int, default=10, help="maximum number of rows in the summary table")
grp = parser.add_argument_group("filters", "restrict which rows are reported")
grp.add_argument("--since", metavar="DATE", help="only rows after DATE")
grp.add_argument("--tag", dest="tags", action="append", help="keep rows with TAG")
parser.add_argument("--no-color", dest="color", action="store_false", help="disable colours")
parser.add_argument("--level", action=argparse.BooleanOptionalAction, default=True)
parser.print_help()
print(parser.format_usage(), end="")
print(parser.get_default("limit"), parser.parse_args(["in.csv", "--no-level"]).level)
parser.parse_args(["-h"])
print("not reached")
