package modules

import (
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/bytecode"
)

// The _opcode module of CPython 3.12, which Lib/opcode.py and Lib/dis.py
// import: stack_effect, answered from our opcode table (package bytecode)
// for CPython's opcode numbers, and get_specialization_stats.

var opcodeTable moduleTable

func initOpcode(in *interp.Interp, m *interp.Module) error { return opcodeTable.fill(in, m) }

// opcodeZeroEffect are CPython opcodes our table leaves out (inline
// caches and EXTENDED_ARG are not instructions here) that move nothing.
var opcodeZeroEffect = map[string]bool{"CACHE": true, "EXTENDED_ARG": true, "RESERVED": true}

var opcodeStackEffectParams = &interp.Params{
	Func: "stack_effect", Names: []string{"opcode", "oparg", "jump"}, PosOnly: 2, KwOnly: 1, Required: 1,
}

func init() {
	interp.RegisterModule("_opcode", initOpcode)
	opcodeTable.set("__doc__", interp.ImmortalStr("Opcode support module."))
	opcodeTable.fn("stack_effect", opcodeStackEffect)
	opcodeTable.fn("get_specialization_stats", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("get_specialization_stats", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		// Built without specialization statistics, as release CPythons are.
		return interp.None, nil
	})
}

// opcodeCInt converts v as CPython's C long converter does (through
// __index__, OverflowError beyond 64 bits) and then truncates to a C
// int, as _opcode.stack_effect's oparg handling does.
func opcodeCInt(in *interp.Interp, v Value, long bool) (int, error) {
	if v.Type() == interp.FloatType {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := interp.IntValue(i)
	switch {
	case !ok && long:
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	case !ok || !long && n != int64(int32(n)):
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return int(int32(n)), nil
}

// opcodeStackEffect is stack_effect(opcode, oparg=None, /, *, jump=None).
func opcodeStackEffect(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var opV, argV, jumpV Value
	if err := in.Unpack(opcodeStackEffectParams, args, kwnames, &opV, &argV, &jumpV); err != nil {
		return Value{}, err
	}
	num, err := opcodeCInt(in, opV, false)
	if err != nil {
		return Value{}, err
	}
	oparg := 0
	hasArg := !argV.IsNil() && !argV.IsNone()
	if bytecode.CPythonHasArg(num) {
		if !hasArg {
			return Value{}, in.Raise(interp.ValueError, "stack_effect: opcode requires oparg but oparg was not specified")
		}
		if oparg, err = opcodeCInt(in, argV, true); err != nil {
			return Value{}, err
		}
	} else if hasArg {
		return Value{}, in.Raise(interp.ValueError, "stack_effect: opcode does not permit oparg but oparg was specified")
	}
	// jump must be one of the three singletons, not merely equal to one.
	var edges []bool
	switch {
	case jumpV.IsNil() || jumpV.IsNone():
		edges = []bool{false, true}
	case jumpV == interp.True:
		edges = []bool{true}
	case jumpV == interp.False:
		edges = []bool{false}
	default:
		return Value{}, in.Raise(interp.ValueError, "stack_effect: jump must be False, True or None")
	}
	name, ok := bytecode.CPythonOpcodeName(num)
	if !ok {
		return Value{}, in.Raise(interp.ValueError, "invalid opcode or oparg")
	}
	if opcodeZeroEffect[name] {
		return interp.Int(0), nil
	}
	op, ok := bytecode.Lookup(name)
	if !ok {
		return Value{}, in.Raise(interp.NotImplementedError, "stack_effect of %s is not implemented yet", name)
	}
	effect := 0
	for i, jump := range edges {
		// CPython counts in C ints, which wrap (BUILD_MAP 2**31 pops
		// 2*oparg = 0 values there).
		pop, push := op.Effect(oparg, jump)
		pop, push = int(int32(pop)), int(int32(push))
		if pop < 0 || push < 0 {
			return Value{}, in.Raise(interp.ValueError, "invalid opcode or oparg")
		}
		if e := int(int32(push - pop)); i == 0 || e > effect {
			effect = e
		}
	}
	return interp.Int(int64(effect)), nil
}
