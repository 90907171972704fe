# Prints, for every top-level function and class of the file named by
# argv[1], one JSON object per line: {"name": ..., "instrs": [...]} where
# instrs lists the instructions of its code and of its nested code objects
# (depth first, each introduced by "-- name"), each as
# "LINE OPNAME ARG": ARG is the oparg, except for jumps ("->N", N the
# target's index among the instructions without CACHE and EXTENDED_ARG)
# and constants (their repr; code objects as "<code NAME>"). CACHE and
# EXTENDED_ARG are left out. Run by TestMatchInstructions.
import dis, json, sys, types

src = open(sys.argv[1]).read()
mod = compile(src, sys.argv[1], "exec")


def instrs(code):
    ins = [i for i in dis.get_instructions(code) if i.opname not in ("CACHE", "EXTENDED_ARG")]
    index = {i.offset: n for n, i in enumerate(ins)}
    out = []
    for i in ins:
        line = i.positions.lineno if i.positions.lineno is not None else -1
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            arg = "->%d" % index[i.argval]
        elif i.opcode in dis.hasconst:
            arg = "<code %s>" % i.argval.co_name if isinstance(i.argval, types.CodeType) else repr(i.argval)
        elif i.arg is None:
            arg = ""
        else:
            arg = str(i.arg)
        out.append(("%d %s %s" % (line, i.opname, arg)).rstrip())
    for k in code.co_consts:
        if isinstance(k, types.CodeType):
            out += ["-- " + k.co_name] + instrs(k)
    return out


for k in mod.co_consts:
    if isinstance(k, types.CodeType):
        print(json.dumps({"name": k.co_name, "instrs": instrs(k)}))
