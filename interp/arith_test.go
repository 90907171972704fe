package interp

import (
	"bufio"
	"flag"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"

	"github.com/parallel-py/parallel/interp/syntax"
)

// testdata/arith.golden holds CPython 3.12's result for each expression
// of testdata/arith.txt (repr of the value, or "!Type: message"). Regenerate:
//
//	go test ./interp -run TestArithmetic -update-arith
var updateArith = flag.Bool("update-arith", false, "regenerate testdata/arith.golden with CPython 3.12")

const arithOracle = `
import sys
for line in open(sys.argv[1]):
    expr = line.rstrip("\n")
    if not expr:
        continue
    try:
        r = repr(eval(expr))
    except Exception as e:
        r = "!" + type(e).__name__ + ": " + str(e)
    print(expr + "\t" + r)
`

func TestArithmetic(t *testing.T) {
	if *updateArith {
		cmd := pyoracle.Command("-c", arithOracle, "testdata/arith.txt")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("running CPython: %v", err)
		}
		if err := os.WriteFile("testdata/arith.golden", out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open("testdata/arith.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := New(Options{})
	base := in.Heap().Baseline()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		expr, want, _ := strings.Cut(sc.Text(), "\t")
		t.Run(expr, func(t *testing.T) {
			if got := evalForTest(t, in, expr); got != want {
				t.Errorf("%s\n got  %s\n want %s", expr, got, want)
			}
		})
	}
	if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
		t.Errorf("objects left alive after every result was released: %+v", leaks)
	}
	// With -tags rcdebug, any use after free or count below zero is here.
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

// evalForTest evaluates the arithmetic subset of Python used by the table
// (constants, unary and binary operators, one comparison, hash, bool) and
// returns the result's repr or "!Type: message".
func evalForTest(t *testing.T, in *Interp, expr string) string {
	mod, err := syntax.Parse("<test>", []byte(expr), syntax.ModeEval)
	if err != nil {
		t.Fatalf("parse %q: %v", expr, err)
	}
	v, err := evalNode(in, mod.(*syntax.Expression).Body)
	if err != nil {
		e := err.(*Exception)
		s, serr := in.Str(valueOf(e))
		if serr != nil {
			t.Fatalf("str of exception: %v", serr)
		}
		defer in.decRef(s)
		defer in.decRef(valueOf(e))
		return "!" + valueOf(e).Type().Name + ": " + s.GoString()
	}
	defer in.decRef(v)
	r, err := in.Repr(v)
	if err != nil {
		t.Fatalf("repr: %v", err)
	}
	defer in.decRef(r)
	return r.GoString()
}

var testBinaryOps = map[syntax.Operator]BinaryOp{
	syntax.Add: OpAdd, syntax.Sub: OpSub, syntax.Mult: OpMul, syntax.Div: OpTrueDiv,
	syntax.FloorDiv: OpFloorDiv, syntax.Modulo: OpRemainder, syntax.Pow: OpPow,
	syntax.LShift: OpLShift, syntax.RShift: OpRShift, syntax.BitAnd: OpAnd,
	syntax.BitOr: OpOr, syntax.BitXor: OpXor, syntax.MatMult: OpMatMul,
}

var testCompareOps = map[syntax.CmpOperator]CompareOp{
	syntax.Lt: CmpLT, syntax.LtE: CmpLE, syntax.Eq: CmpEQ, syntax.NotEq: CmpNE, syntax.Gt: CmpGT, syntax.GtE: CmpGE,
}

func evalNode(in *Interp, n syntax.Expr) (Value, error) {
	switch n := n.(type) {
	case *syntax.Constant:
		switch c := n.Value.(type) {
		case nil:
			return None, nil
		case bool:
			return Bool(c), nil
		case int64:
			return Int(c), nil
		case *big.Int:
			return in.newInt(c)
		case float64:
			return Float(c), nil
		}
	case *syntax.UnaryOp:
		v, err := evalNode(in, n.Operand)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(v)
		num := v.Type().number
		switch {
		case num == nil:
		case n.Op == syntax.USub:
			return num.neg(in, v)
		case n.Op == syntax.UAdd:
			return num.pos(in, v)
		case n.Op == syntax.Invert && num.invert != nil:
			return num.invert(in, v)
		}
	case *syntax.BinOp:
		a, err := evalNode(in, n.Left)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(a)
		b, err := evalNode(in, n.Right)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(b)
		return in.BinaryOp(testBinaryOps[n.Op], a, b)
	case *syntax.Compare:
		a, err := evalNode(in, n.Left)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(a)
		b, err := evalNode(in, n.Comparators[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(b)
		return in.RichCompare(a, b, testCompareOps[n.Ops[0]])
	case *syntax.Call:
		v, err := evalNode(in, n.Args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(v)
		switch n.Func.(*syntax.Name).ID {
		case "hash":
			h, err := in.Hash(v)
			return Int(h), err
		case "bool":
			b, err := in.Truth(v)
			return Bool(b), err
		}
	}
	panic(fmt.Sprintf("evalNode: %T not in the test subset", n))
}
