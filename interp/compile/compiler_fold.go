package compile

import (
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp/syntax"
)

// Constant folding, a subset of CPython 3.12's Python/ast_opt.c: unary and
// binary operators on numeric constants (and str/bytes concatenation and
// repetition within CPython's size limits), tuples of constants, "not" of
// a single is/in comparison, __debug__, and lists and sets iterated by for
// or tested by in. Folding never changes the tree: it returns new nodes.

// foldedTuple and foldedFrozenSet are the values of Constant nodes made
// by folding; constValue turns them into ConstTuple and ConstFrozenSet.
type (
	foldedTuple     []Const
	foldedFrozenSet []Const
)

const (
	maxIntBits    = 128  // CPython's MAX_INT_SIZE
	maxCollection = 256  // MAX_COLLECTION_SIZE
	maxStr        = 4096 // MAX_STR_SIZE
)

func (c *compiler) fold(e syntax.Expr) syntax.Expr {
	switch e := e.(type) {
	case *syntax.Name:
		if e.ID == "__debug__" && e.Ctx == syntax.Load {
			return &syntax.Constant{Loc: e.Loc, Value: c.debugValue()}
		}
	case *syntax.UnaryOp:
		op := c.fold(e.Operand)
		if k, ok := op.(*syntax.Constant); ok {
			if v, ok := foldUnary(e.Op, k.Value); ok {
				return &syntax.Constant{Loc: e.Loc, Value: v}
			}
		}
		if e.Op == syntax.Not {
			if cmp, ok := op.(*syntax.Compare); ok && len(cmp.Ops) == 1 {
				inv := map[syntax.CmpOperator]syntax.CmpOperator{
					syntax.Is: syntax.IsNot, syntax.IsNot: syntax.Is,
					syntax.In: syntax.NotIn, syntax.NotIn: syntax.In,
				}
				if o, ok := inv[cmp.Ops[0]]; ok {
					// The comparison keeps its own location, as
					// CPython copies it over the "not".
					n := *cmp
					n.Ops = []syntax.CmpOperator{o}
					return &n
				}
			}
		}
		if op != e.Operand {
			n := *e
			n.Operand = op
			return &n
		}
	case *syntax.BinOp:
		l, r := c.fold(e.Left), c.fold(e.Right)
		lk, ok1 := l.(*syntax.Constant)
		rk, ok2 := r.(*syntax.Constant)
		if ok1 && ok2 {
			if v, ok := foldBinary(e.Op, lk.Value, rk.Value); ok {
				return &syntax.Constant{Loc: e.Loc, Value: v}
			}
		}
		if l != e.Left || r != e.Right {
			n := *e
			n.Left, n.Right = l, r
			return &n
		}
	case *syntax.Tuple:
		if e.Ctx != syntax.Load {
			return e
		}
		vals := make(foldedTuple, 0, len(e.Elts))
		var elts []syntax.Expr
		changed := false
		for _, x := range e.Elts {
			f := c.fold(x)
			elts = append(elts, f)
			changed = changed || f != x
			if k, ok := f.(*syntax.Constant); ok && vals != nil {
				vals = append(vals, c.constValue(k))
			} else {
				vals = nil
			}
		}
		if vals != nil {
			return &syntax.Constant{Loc: e.Loc, Value: vals}
		}
		if changed {
			n := *e
			n.Elts = elts
			return &n
		}
	case *syntax.Compare:
		last := len(e.Comparators) - 1
		if op := e.Ops[last]; op == syntax.In || op == syntax.NotIn {
			if f := c.foldIter(e.Comparators[last]); f != e.Comparators[last] {
				n := *e
				n.Comparators = append(append([]syntax.Expr(nil), e.Comparators[:last]...), f)
				return &n
			}
		}
	}
	return e
}

// foldIter turns a list display that is only iterated into a tuple, and a
// set display of constants into a frozenset constant.
func (c *compiler) foldIter(e syntax.Expr) syntax.Expr {
	switch x := e.(type) {
	case *syntax.List:
		for _, el := range x.Elts {
			if _, ok := el.(*syntax.Starred); ok {
				return e
			}
		}
		t := &syntax.Tuple{Loc: x.Loc, Elts: x.Elts, Ctx: syntax.Load}
		return c.fold(t)
	case *syntax.Set:
		var vals []Const
		for _, el := range x.Elts {
			k, ok := c.fold(el).(*syntax.Constant)
			if !ok {
				return e
			}
			vals = append(vals, c.constValue(k))
		}
		return &syntax.Constant{Loc: x.Loc, Value: foldedFrozenSet(dedupConsts(vals))}
	}
	return e
}

func toBig(v any) (*big.Int, bool) {
	switch v := v.(type) {
	case int64:
		return big.NewInt(v), true
	case *big.Int:
		return v, true
	case bool:
		if v {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	}
	return nil, false
}

func normInt(x *big.Int) any {
	if x.IsInt64() {
		return x.Int64()
	}
	return x
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		return f, !math.IsInf(f, 0)
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func foldUnary(op syntax.UnaryOperator, v any) (any, bool) {
	if _, ok := v.(bool); ok && op != syntax.Not {
		return nil, false // ~True warns in 3.12; -True is rare
	}
	switch op {
	case syntax.Not:
		if t, ok := truthOf(v); ok {
			return !t, true
		}
	case syntax.UAdd:
		switch v.(type) {
		case int64, *big.Int, float64, complex128:
			return v, true
		}
	case syntax.USub:
		switch v := v.(type) {
		case int64, *big.Int:
			x, _ := toBig(v)
			return normInt(new(big.Int).Neg(x)), true
		case float64:
			return -v, true
		case complex128:
			return -v, true
		}
	case syntax.Invert:
		switch v := v.(type) {
		case int64, *big.Int:
			x, _ := toBig(v)
			return normInt(new(big.Int).Not(x)), true
		}
	}
	return nil, false
}

// truthOf returns the truth value of a constant.
func truthOf(v any) (bool, bool) {
	switch v := v.(type) {
	case nil:
		return false, true
	case bool:
		return v, true
	case int64:
		return v != 0, true
	case *big.Int:
		return v.Sign() != 0, true
	case float64:
		return v != 0, true
	case complex128:
		return v != 0, true
	case string:
		return v != "", true
	case syntax.Bytes:
		return v != "", true
	case syntax.EllipsisType:
		return true, true
	case foldedTuple:
		return len(v) > 0, true
	case ConstTuple:
		return len(v) > 0, true
	case foldedFrozenSet:
		return len(v) > 0, true
	case ConstFrozenSet:
		return len(v) > 0, true
	}
	return false, false
}

func isInt(v any) bool {
	switch v.(type) {
	case int64, *big.Int:
		return true
	}
	return false
}

func foldBinary(op syntax.Operator, a, b any) (any, bool) {
	if _, ok := a.(bool); ok {
		return nil, false
	}
	if _, ok := b.(bool); ok {
		return nil, false
	}
	if isInt(a) && isInt(b) {
		x, _ := toBig(a)
		y, _ := toBig(b)
		r := new(big.Int)
		switch op {
		case syntax.Add:
			r.Add(x, y)
		case syntax.Sub:
			r.Sub(x, y)
		case syntax.Mult:
			if x.BitLen()+y.BitLen() > maxIntBits {
				return nil, false
			}
			r.Mul(x, y)
		case syntax.FloorDiv, syntax.Modulo:
			if y.Sign() == 0 {
				return nil, false
			}
			q, m := new(big.Int).DivMod(x, y, new(big.Int)) // Euclidean
			// Euclidean m is never negative; Python's remainder takes the
			// divisor's sign, so for a negative divisor step one down.
			if m.Sign() != 0 && y.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
				m.Add(m, y)
			}
			if op == syntax.FloorDiv {
				r = q
			} else {
				r = m
			}
		case syntax.Div:
			fx, ok1 := toFloat(x)
			fy, ok2 := toFloat(y)
			if !ok1 || !ok2 || fy == 0 || x.BitLen() > 53 || y.BitLen() > 53 {
				return nil, false
			}
			return fx / fy, true
		case syntax.Pow:
			if y.Sign() < 0 || !y.IsInt64() {
				return nil, false
			}
			if x.BitLen() > 0 && int64(x.BitLen())*y.Int64() > maxIntBits {
				return nil, false
			}
			r.Exp(x, y, nil)
		case syntax.LShift:
			if y.Sign() < 0 || !y.IsInt64() || int64(x.BitLen())+y.Int64() > maxIntBits {
				return nil, false
			}
			r.Lsh(x, uint(y.Int64()))
		case syntax.RShift:
			if y.Sign() < 0 {
				return nil, false
			}
			if !y.IsInt64() || y.Int64() > 1<<20 {
				if x.Sign() < 0 {
					return int64(-1), true
				}
				return int64(0), true
			}
			r.Rsh(x, uint(y.Int64()))
		case syntax.BitAnd:
			r.And(x, y)
		case syntax.BitOr:
			r.Or(x, y)
		case syntax.BitXor:
			r.Xor(x, y)
		default:
			return nil, false
		}
		return normInt(r), true
	}
	if fa, ok := a.(float64); ok || isInt(a) {
		if !ok {
			fa, ok = toFloat(a)
		}
		fb, ok2 := toFloat(b)
		_, bIsFloat := b.(float64)
		if ok && ok2 && (isInt(b) || bIsFloat) {
			switch op {
			case syntax.Add:
				return fa + fb, true
			case syntax.Sub:
				return fa - fb, true
			case syntax.Mult:
				return fa * fb, true
			case syntax.Div:
				if fb == 0 {
					return nil, false
				}
				return fa / fb, true
			}
			return nil, false
		}
	}
	if ca, cb, ok := complexOperands(a, b); ok {
		// Python converts both operands to complex and computes each part
		// separately (the products are rounded one by one: no fused
		// multiply-add).
		ar, ai, br, bi := real(ca), imag(ca), real(cb), imag(cb)
		switch op {
		case syntax.Add:
			return complex(ar+br, ai+bi), true
		case syntax.Sub:
			return complex(ar-br, ai-bi), true
		case syntax.Mult:
			return complex(float64(ar*br)-float64(ai*bi), float64(ar*bi)+float64(ai*br)), true
		}
		return nil, false
	}
	switch x := a.(type) {
	case string:
		switch op {
		case syntax.Add:
			if y, ok := b.(string); ok && len(x)+len(y) <= maxStr {
				return x + y, true
			}
		case syntax.Mult:
			if n, ok := b.(int64); ok && n >= 0 && (len(x) == 0 || n <= maxStr/int64(len(x))) {
				return repeat(x, n), true
			}
		}
	case syntax.Bytes:
		switch op {
		case syntax.Add:
			if y, ok := b.(syntax.Bytes); ok && len(x)+len(y) <= maxStr {
				return x + y, true
			}
		case syntax.Mult:
			if n, ok := b.(int64); ok && n >= 0 && (len(x) == 0 || n <= maxStr/int64(len(x))) {
				return syntax.Bytes(repeat(string(x), n)), true
			}
		}
	}
	return nil, false
}

func repeat(s string, n int64) string {
	out := make([]byte, 0, int64(len(s))*n)
	for i := int64(0); i < n; i++ {
		out = append(out, s...)
	}
	return string(out)
}

// complexOperands converts the operands of a binary operator to complex
// when one is complex and the other a number (an int too large for a
// float fails, as OverflowError would).
func complexOperands(a, b any) (complex128, complex128, bool) {
	_, ac := a.(complex128)
	_, bc := b.(complex128)
	if !ac && !bc {
		return 0, 0, false
	}
	conv := func(v any) (complex128, bool) {
		switch v := v.(type) {
		case complex128:
			return v, true
		case float64:
			return complex(v, 0), true
		case int64, *big.Int:
			f, ok := toFloat(v)
			return complex(f, 0), ok
		}
		return 0, false
	}
	x, ok1 := conv(a)
	y, ok2 := conv(b)
	return x, y, ok1 && ok2
}
