package modules

import (
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp"
)

// The math module's integer functions: factorial, comb, perm, isqrt,
// gcd and lcm, exact for ints of any size.

// maxResultBits bounds the results computed here, as interp bounds its
// ints: beyond it the answer is MemoryError rather than an attempt that
// would exhaust the machine.
const maxResultBits = 1 << 26

// indexBig converts an argument with __index__ to a big.Int.
func indexBig(in *interp.Interp, v interp.Value) (*big.Int, error) {
	i, err := in.Index(v)
	if err != nil {
		return nil, err
	}
	defer in.DecRef(i)
	return interp.BigIntOf(i), nil
}

func newIntResult(in *interp.Interp, x *big.Int) (interp.Value, error) {
	if x.BitLen() > maxResultBits {
		return interp.Value{}, in.NoMemory()
	}
	return in.NewInt(x)
}

// tooBig reports whether the product of count factors, each at most
// 2**bits, may pass maxResultBits.
func tooBig(count *big.Int, bits int) bool {
	if !count.IsInt64() {
		return true
	}
	return float64(count.Int64())*float64(bits) > 2*maxResultBits
}

func init() {
	defMath("factorial", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "factorial", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		n, err := indexBig(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		switch {
		case n.Sign() < 0:
			return interp.Value{}, in.Raise(interp.ValueError, "factorial() not defined for negative values")
		case !n.IsInt64():
			return interp.Value{}, in.Raise(interp.OverflowError, "factorial() argument should not exceed %d", int64(math.MaxInt64))
		case tooBig(n, n.BitLen()):
			return interp.Value{}, in.NoMemory()
		}
		return newIntResult(in, new(big.Int).MulRange(1, n.Int64()))
	})
	defMath("comb", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posArgs(in, "comb", args, kwnames, 2, 2); err != nil {
			return interp.Value{}, err
		}
		n, k, err := combArgs(in, args[0], args[1])
		if err != nil {
			return interp.Value{}, err
		}
		if k.Cmp(n) > 0 {
			return interp.Int(0), nil
		}
		// comb(n, k) == comb(n, n-k): use the smaller.
		if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
			k = nk
		}
		if !k.IsInt64() {
			return interp.Value{}, in.Raise(interp.OverflowError, "min(n - k, k) must not exceed %d", int64(math.MaxInt64))
		}
		if tooBig(k, n.BitLen()) {
			return interp.Value{}, in.NoMemory()
		}
		if n.IsInt64() {
			return newIntResult(in, new(big.Int).Binomial(n.Int64(), k.Int64()))
		}
		// Multiply by n-k+i and divide by i in turn: each partial
		// result is comb(n-k+i, i), an integer.
		r := big.NewInt(1)
		f := new(big.Int).Sub(n, k)
		for i := int64(1); i <= k.Int64(); i++ {
			f.Add(f, big.NewInt(1))
			r.Mul(r, f)
			r.Quo(r, big.NewInt(i))
		}
		return newIntResult(in, r)
	})
	defMath("perm", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posArgs(in, "perm", args, kwnames, 1, 2); err != nil {
			return interp.Value{}, err
		}
		var n, k *big.Int
		var err error
		if len(args) == 1 || args[1].IsNone() {
			if n, err = indexBig(in, args[0]); err != nil {
				return interp.Value{}, err
			}
			if n.Sign() < 0 {
				return interp.Value{}, in.Raise(interp.ValueError, "n must be a non-negative integer")
			}
			k = n
		} else if n, k, err = combArgs(in, args[0], args[1]); err != nil {
			return interp.Value{}, err
		}
		if k.Cmp(n) > 0 {
			return interp.Int(0), nil
		}
		if !k.IsInt64() {
			return interp.Value{}, in.Raise(interp.OverflowError, "k must not exceed %d", int64(math.MaxInt64))
		}
		if tooBig(k, n.BitLen()) {
			return interp.Value{}, in.NoMemory()
		}
		if n.IsInt64() {
			return newIntResult(in, new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64()))
		}
		r := big.NewInt(1)
		f := new(big.Int).Set(n)
		for i := int64(0); i < k.Int64(); i++ {
			r.Mul(r, f)
			f.Sub(f, big.NewInt(1))
		}
		return newIntResult(in, r)
	})
	defMath("isqrt", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "isqrt", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		n, err := indexBig(in, args[0])
		if err != nil {
			return interp.Value{}, err
		}
		if n.Sign() < 0 {
			return interp.Value{}, in.Raise(interp.ValueError, "isqrt() argument must be nonnegative")
		}
		return in.NewInt(new(big.Int).Sqrt(n))
	})
	defMath("gcd", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		return gcdLcm(in, "gcd", args, kwnames, 0, func(a, b *big.Int) *big.Int {
			return new(big.Int).GCD(nil, nil, a, b)
		})
	})
	defMath("lcm", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		return gcdLcm(in, "lcm", args, kwnames, 1, func(a, b *big.Int) *big.Int {
			if a.Sign() == 0 || b.Sign() == 0 {
				return new(big.Int)
			}
			g := new(big.Int).GCD(nil, nil, a, b)
			r := new(big.Int).Quo(a, g)
			r.Mul(r, b)
			return r.Abs(r)
		})
	})
}

// combArgs converts comb's and perm's n and k, checking their signs.
func combArgs(in *interp.Interp, nv, kv interp.Value) (n, k *big.Int, err error) {
	if n, err = indexBig(in, nv); err != nil {
		return nil, nil, err
	}
	if k, err = indexBig(in, kv); err != nil {
		return nil, nil, err
	}
	switch {
	case n.Sign() < 0:
		return nil, nil, in.Raise(interp.ValueError, "n must be a non-negative integer")
	case k.Sign() < 0:
		return nil, nil, in.Raise(interp.ValueError, "k must be a non-negative integer")
	}
	return n, k, nil
}

// gcdLcm folds op over the arguments (all converted by __index__ even
// once the result is settled, as CPython checks them).
func gcdLcm(in *interp.Interp, name string, args, kwnames []interp.Value, empty int64, op func(a, b *big.Int) *big.Int) (interp.Value, error) {
	if len(kwnames) > 0 {
		return interp.Value{}, in.Raise(interp.TypeError, "math.%s() takes no keyword arguments", name)
	}
	if len(args) == 0 {
		return interp.Int(empty), nil
	}
	r, err := indexBig(in, args[0])
	if err != nil {
		return interp.Value{}, err
	}
	r.Abs(r)
	for _, a := range args[1:] {
		x, err := indexBig(in, a)
		if err != nil {
			return interp.Value{}, err
		}
		r = op(r, x)
		if r.BitLen() > maxResultBits {
			return interp.Value{}, in.NoMemory()
		}
	}
	return in.NewInt(r)
}
