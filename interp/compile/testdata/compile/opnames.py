# Prints, for every top-level function of the file named by argv[1], the
# opnames of its code and of its nested code objects (depth first), one
# JSON object per line: {"name": ..., "ops": [...], "stacksize": [...]}.
# CACHE, EXTENDED_ARG and NOP are left out. Run by TestOpnames.
import dis, json, sys, types

src = open(sys.argv[1]).read()
mod = compile(src, sys.argv[1], "exec")

def ops(code):
    out = [i.opname for i in dis.get_instructions(code) if i.opname not in ("CACHE", "EXTENDED_ARG", "NOP")]
    sizes = [code.co_stacksize]
    for k in code.co_consts:
        if isinstance(k, types.CodeType):
            o, s = ops(k)
            out += ["--", k.co_name] + o
            sizes += s
    return out, sizes

for k in mod.co_consts:
    if isinstance(k, types.CodeType):
        o, s = ops(k)
        print(json.dumps({"name": k.co_name, "ops": o, "stacksize": s}))
