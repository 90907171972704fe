package modules

import (
	"math"
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// datetime.timedelta: construction from mixed units (floats rounded
// half to even, as CPython's accum), normalization, arithmetic through
// exact microsecond counts, comparison, hashing, repr and str.

var deltaSpec = interp.TypeSpec{
	Name:         "timedelta",
	Module:       "datetime",
	Doc:          "Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or negative.",
	Subclassable: true,
	New:          deltaNew,
	Repr:         deltaRepr,
	Str:          deltaStr,
	Hash:         func(in *interp.Interp, v Value) (int64, error) { return deltaHash(deltaOf(v)), nil },
	Compare:      deltaCompare,
	Bool: func(in *interp.Interp, v Value) (bool, error) {
		o := deltaOf(v)
		return o.days != 0 || o.seconds != 0 || o.us != 0, nil
	},
	Number: &interp.NumberSpec{
		Binary: map[interp.BinaryOp]func(in *interp.Interp, a, b Value) (Value, error){
			interp.OpAdd:       func(in *interp.Interp, a, b Value) (Value, error) { return deltaAddSub(in, a, b, 1) },
			interp.OpSub:       func(in *interp.Interp, a, b Value) (Value, error) { return deltaAddSub(in, a, b, -1) },
			interp.OpMul:       deltaMul,
			interp.OpTrueDiv:   deltaTrueDiv,
			interp.OpFloorDiv:  deltaFloorDiv,
			interp.OpRemainder: deltaMod,
		},
		Neg: func(in *interp.Interp, v Value) (Value, error) {
			o := deltaOf(v)
			return newDelta(in, deltaType, -o.days, -o.seconds, -o.us, true)
		},
		Pos: func(in *interp.Interp, v Value) (Value, error) {
			o := deltaOf(v)
			return newDelta(in, deltaType, o.days, o.seconds, o.us, false)
		},
		Abs: func(in *interp.Interp, v Value) (Value, error) {
			o := deltaOf(v)
			if o.days < 0 {
				return newDelta(in, deltaType, -o.days, -o.seconds, -o.us, true)
			}
			return newDelta(in, deltaType, o.days, o.seconds, o.us, false)
		},
	},
}

// deltaUnits are the constructor's keywords in their order, with the
// microseconds each stands for; they are accumulated in deltaUnitOrder.
var (
	deltaUnits     = []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
	deltaFactors   = []int64{86400 * 1000000, 1000000, 1, 1000, 60 * 1000000, 3600 * 1000000, 7 * 86400 * 1000000}
	deltaUnitOrder = []int{2, 3, 1, 4, 5, 0, 6}
	deltaFormat    = dtFormat{fname: "__new__", names: deltaUnits, maxPos: 7}
)

func initDeltaType() {
	t := deltaType
	t.AddGetSet("days", deltaField(func(o *deltaObject) int { return o.days }), deltaReadonly)
	t.AddGetSet("seconds", deltaField(func(o *deltaObject) int { return o.seconds }), deltaReadonly)
	t.AddGetSet("microseconds", deltaField(func(o *deltaObject) int { return o.us }), deltaReadonly)
	t.AddMethod("total_seconds", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("timedelta.total_seconds", args, kwnames); err != nil {
			return Value{}, err
		}
		return deltaTotalSeconds(in, deltaOf(args[0]))
	})
	t.AddMethod("__reduce__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("timedelta.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		o := deltaOf(args[0])
		state, err := in.NewTuple(interp.Int(int64(o.days)), interp.Int(int64(o.seconds)), interp.Int(int64(o.us)))
		if err != nil {
			return Value{}, err
		}
		cls := interp.TypeValue(args[0].Type())
		interp.IncRef(cls)
		return newTupleOwned(in, []Value{cls, state})
	})
	t.SetDivmod(deltaDivmod)
	t.AddAttr("min", immortalDelta(-dtMaxDeltaDays, 0, 0))
	t.AddAttr("max", immortalDelta(dtMaxDeltaDays, 86399, 999999))
	t.AddAttr("resolution", immortalDelta(0, 0, 1))
	dtOneSecond = immortalDelta(0, 1, 0)
}

func deltaField(f func(o *deltaObject) int) func(in *interp.Interp, v Value) (Value, error) {
	return func(in *interp.Interp, v Value) (Value, error) { return interp.Int(int64(f(deltaOf(v)))), nil }
}

// deltaReadonly is the setter of the T_INT members, which are read-only.
func deltaReadonly(in *interp.Interp, v, value Value) error {
	return in.Raise(interp.AttributeError, "readonly attribute")
}

// immortalDelta makes a timedelta class constant.
func immortalDelta(d, s, us int) Value {
	o := interp.NewConstantObject[deltaObject](deltaType)
	o.days, o.seconds, o.us = d, s, us
	return interp.ValueOf(o)
}

// newDelta makes a timedelta of class t, normalizing the fields first
// when asked (CPython's new_delta_ex).
func newDelta(in *interp.Interp, t *interp.Type, d, s, us int, normalize bool) (Value, error) {
	if normalize {
		dtNormPair(&s, &us, dtUsPerSecond)
		dtNormPair(&d, &s, 86400)
	}
	if d < -dtMaxDeltaDays || d > dtMaxDeltaDays {
		return Value{}, in.Raise(interp.OverflowError, "days=%d; must have magnitude <= %d", d, dtMaxDeltaDays)
	}
	o, err := interp.NewObject[deltaObject](in, t)
	if err != nil {
		return Value{}, err
	}
	o.days, o.seconds, o.us = d, s, us
	return interp.ValueOf(o), nil
}

// deltaMicros is the timedelta as a count of microseconds.
func deltaMicros(o *deltaObject) *big.Int {
	x := big.NewInt(int64(o.days))
	x.Mul(x, big.NewInt(86400))
	x.Add(x, big.NewInt(int64(o.seconds)))
	x.Mul(x, big.NewInt(dtUsPerSecond))
	return x.Add(x, big.NewInt(int64(o.us)))
}

var (
	dtBigUsPerSecond = big.NewInt(dtUsPerSecond)
	dtBigSecsPerDay  = big.NewInt(86400)
)

// dtBigDivmod is Python's divmod on big ints (b != 0).
func dtBigDivmod(a, b *big.Int) (q, r *big.Int) {
	q, r = new(big.Int), new(big.Int)
	q.QuoRem(a, b, r)
	if r.Sign() != 0 && (r.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		r.Add(r, b)
	}
	return q, r
}

// microsToDelta makes the timedelta of us microseconds (CPython's
// microseconds_to_delta_ex): days past a C int are OverflowError.
func microsToDelta(in *interp.Interp, t *interp.Type, us *big.Int) (Value, error) {
	secs, rest := dtBigDivmod(us, dtBigUsPerSecond)
	days, s := dtBigDivmod(secs, dtBigSecsPerDay)
	if !days.IsInt64() || days.Int64() > math.MaxInt32 || days.Int64() < math.MinInt32 {
		return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return newDelta(in, t, int(days.Int64()), int(s.Int64()), int(rest.Int64()), false)
}

// deltaNew is timedelta(days, seconds, microseconds, milliseconds,
// minutes, hours, weeks).
func deltaNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var vals [7]Value
	if err := deltaFormat.parse(in, args, kwnames, func(i int, v Value) error { vals[i] = v; return nil }); err != nil {
		return Value{}, err
	}
	x := new(big.Int)
	leftover := 0.0
	for _, i := range deltaUnitOrder {
		if vals[i].IsNil() {
			continue
		}
		if err := deltaAccum(in, deltaUnits[i], x, vals[i], deltaFactors[i], &leftover); err != nil {
			return Value{}, err
		}
	}
	if leftover != 0 {
		whole := math.Round(leftover)
		if math.Abs(whole-leftover) == 0.5 {
			odd := float64(x.Bit(0))
			whole = 2*math.Round((leftover+odd)*0.5) - odd
		}
		x.Add(x, big.NewInt(int64(whole)))
	}
	return microsToDelta(in, t, x)
}

// deltaAccum adds num units of factor microseconds to sofar; a float's
// fraction of a microsecond goes to leftover.
func deltaAccum(in *interp.Interp, tag string, sofar *big.Int, num Value, factor int64, leftover *float64) error {
	f := big.NewInt(factor)
	switch {
	case interp.IsInt(num):
		sofar.Add(sofar, new(big.Int).Mul(dtBig(num), f))
		return nil
	case num.IsFloat() || interp.IsInstance(num, interp.FloatType):
		d, err := in.ToFloat(num)
		if err != nil {
			return err
		}
		ip, frac := math.Modf(d)
		if math.IsInf(d, 0) {
			frac = 0
		}
		iv, err := in.FloatToInt(ip)
		if err != nil {
			return err
		}
		sofar.Add(sofar, new(big.Int).Mul(dtBig(iv), f))
		in.DecRef(iv)
		if frac == 0 {
			return nil
		}
		ip, frac = math.Modf(float64(factor) * frac)
		sofar.Add(sofar, big.NewInt(int64(ip)))
		*leftover += frac
		return nil
	}
	return in.Raise(interp.TypeError, "unsupported type for timedelta %s component: %s", tag, dtTypeName(num))
}

func deltaRepr(in *interp.Interp, v Value) (Value, error) {
	o := deltaOf(v)
	var parts []string
	if o.days != 0 {
		parts = append(parts, "days="+dtItoa(o.days))
	}
	if o.seconds != 0 {
		parts = append(parts, "seconds="+dtItoa(o.seconds))
	}
	if o.us != 0 {
		parts = append(parts, "microseconds="+dtItoa(o.us))
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	return in.NewStr(dtTypeName(v) + "(" + strings.Join(parts, ", ") + ")")
}

func deltaStr(in *interp.Interp, v Value) (Value, error) {
	o := deltaOf(v)
	var b strings.Builder
	if o.days != 0 {
		b.WriteString(dtItoa(o.days) + " day")
		if o.days != 1 && o.days != -1 {
			b.WriteByte('s')
		}
		b.WriteString(", ")
	}
	b.WriteString(dtItoa(o.seconds / 3600))
	b.WriteByte(':')
	dtPad(&b, o.seconds/60%60, 2)
	b.WriteByte(':')
	dtPad(&b, o.seconds%60, 2)
	if o.us != 0 {
		b.WriteByte('.')
		dtPad(&b, o.us, 6)
	}
	return in.NewStr(b.String())
}

func deltaHash(o *deltaObject) int64 {
	var b [24]byte
	for i, x := range []int{o.days, o.seconds, o.us} {
		u := uint64(x)
		for j := 0; j < 8; j++ {
			b[i*8+j] = byte(u >> (8 * j))
		}
	}
	return dtHashBytes(b[:])
}

// deltaCmp orders two timedeltas.
func deltaCmp(a, b *deltaObject) int {
	switch {
	case a.days != b.days:
		return dtCmpInts(a.days, b.days)
	case a.seconds != b.seconds:
		return dtCmpInts(a.seconds, b.seconds)
	}
	return dtCmpInts(a.us, b.us)
}

func dtCmpInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dtCmpResult is diff_to_bool: the truth of op for an ordering.
func dtCmpResult(c int, op interp.CompareOp) Value {
	var r bool
	switch op {
	case interp.CmpLT:
		r = c < 0
	case interp.CmpLE:
		r = c <= 0
	case interp.CmpEQ:
		r = c == 0
	case interp.CmpNE:
		r = c != 0
	case interp.CmpGT:
		r = c > 0
	default:
		r = c >= 0
	}
	return interp.Bool(r)
}

func deltaCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	if !isDelta(b) {
		return interp.NotImplemented, nil
	}
	return dtCmpResult(deltaCmp(deltaOf(a), deltaOf(b)), op), nil
}

func deltaAddSub(in *interp.Interp, a, b Value, sign int) (Value, error) {
	if !isDelta(a) || !isDelta(b) {
		return interp.NotImplemented, nil
	}
	x, y := deltaOf(a), deltaOf(b)
	return newDelta(in, deltaType, x.days+sign*y.days, x.seconds+sign*y.seconds, x.us+sign*y.us, true)
}

// dtFloatRatio is float.as_integer_ratio.
func dtFloatRatio(in *interp.Interp, v Value) (num, den *big.Int, err error) {
	f, err := in.ToFloat(v)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case math.IsNaN(f):
		return nil, nil, in.Raise(interp.ValueError, "cannot convert NaN to integer ratio")
	case math.IsInf(f, 0):
		return nil, nil, in.Raise(interp.OverflowError, "cannot convert Infinity to integer ratio")
	}
	r := new(big.Rat).SetFloat64(f)
	return new(big.Int).Set(r.Num()), new(big.Int).Set(r.Denom()), nil
}

// dtDivideNearest is a / b rounded half to even (CPython's
// _PyLong_DivmodNear); b == 0 raises ZeroDivisionError.
func dtDivideNearest(in *interp.Interp, a, b *big.Int) (*big.Int, error) {
	if b.Sign() == 0 {
		return nil, in.Raise(interp.ZeroDivisionError, "integer division or modulo by zero")
	}
	q, r := dtBigDivmod(a, b)
	// Compare 2r with b: r has b's sign and |r| < |b|.
	twice := new(big.Int).Lsh(r, 1)
	c := twice.CmpAbs(b)
	if c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return q, nil
}

func dtIsFloat(v Value) bool { return v.IsFloat() || interp.IsInstance(v, interp.FloatType) }

// deltaScaleFloat is delta * f, or delta / f when divide, rounding
// the microseconds half to even.
func deltaScaleFloat(in *interp.Interp, d *deltaObject, f Value, divide bool) (Value, error) {
	num, den, err := dtFloatRatio(in, f)
	if err != nil {
		return Value{}, err
	}
	if divide {
		num, den = den, num
	}
	q, err := dtDivideNearest(in, new(big.Int).Mul(deltaMicros(d), num), den)
	if err != nil {
		return Value{}, err
	}
	return microsToDelta(in, deltaType, q)
}

func deltaMul(in *interp.Interp, a, b Value) (Value, error) {
	if !isDelta(a) {
		a, b = b, a
	}
	d := deltaOf(a)
	switch {
	case interp.IsInt(b):
		return microsToDelta(in, deltaType, new(big.Int).Mul(deltaMicros(d), dtBig(b)))
	case dtIsFloat(b):
		return deltaScaleFloat(in, d, b, false)
	}
	return interp.NotImplemented, nil
}

func deltaTrueDiv(in *interp.Interp, a, b Value) (Value, error) {
	if !isDelta(a) {
		return interp.NotImplemented, nil
	}
	d := deltaOf(a)
	switch {
	case isDelta(b):
		den := deltaMicros(deltaOf(b))
		if den.Sign() == 0 {
			return Value{}, in.Raise(interp.ZeroDivisionError, "division by zero")
		}
		return dtBigTrueDiv(in, deltaMicros(d), den)
	case dtIsFloat(b):
		return deltaScaleFloat(in, d, b, true)
	case interp.IsInt(b):
		q, err := dtDivideNearest(in, deltaMicros(d), dtBig(b))
		if err != nil {
			return Value{}, err
		}
		return microsToDelta(in, deltaType, q)
	}
	return interp.NotImplemented, nil
}

// dtBigTrueDiv is int / int, correctly rounded.
func dtBigTrueDiv(in *interp.Interp, a, b *big.Int) (Value, error) {
	f, _ := new(big.Rat).SetFrac(a, b).Float64()
	if math.IsInf(f, 0) {
		return Value{}, in.Raise(interp.OverflowError, "integer division result too large for a float")
	}
	return interp.Float(f), nil
}

func deltaFloorDiv(in *interp.Interp, a, b Value) (Value, error) {
	if !isDelta(a) {
		return interp.NotImplemented, nil
	}
	switch {
	case isDelta(b):
		den := deltaMicros(deltaOf(b))
		if den.Sign() == 0 {
			return Value{}, in.Raise(interp.ZeroDivisionError, "integer division or modulo by zero")
		}
		q, _ := dtBigDivmod(deltaMicros(deltaOf(a)), den)
		return in.NewInt(q)
	case interp.IsInt(b):
		den := dtBig(b)
		if den.Sign() == 0 {
			return Value{}, in.Raise(interp.ZeroDivisionError, "integer division or modulo by zero")
		}
		q, _ := dtBigDivmod(deltaMicros(deltaOf(a)), den)
		return microsToDelta(in, deltaType, q)
	}
	return interp.NotImplemented, nil
}

func deltaMod(in *interp.Interp, a, b Value) (Value, error) {
	if !isDelta(a) || !isDelta(b) {
		return interp.NotImplemented, nil
	}
	den := deltaMicros(deltaOf(b))
	if den.Sign() == 0 {
		return Value{}, in.Raise(interp.ZeroDivisionError, "integer modulo by zero")
	}
	_, r := dtBigDivmod(deltaMicros(deltaOf(a)), den)
	return microsToDelta(in, deltaType, r)
}

func deltaDivmod(in *interp.Interp, a, b Value) (Value, error) {
	if !isDelta(a) || !isDelta(b) {
		return interp.NotImplemented, nil
	}
	den := deltaMicros(deltaOf(b))
	if den.Sign() == 0 {
		return Value{}, in.Raise(interp.ZeroDivisionError, "integer division or modulo by zero")
	}
	q, r := dtBigDivmod(deltaMicros(deltaOf(a)), den)
	qv, err := in.NewInt(q)
	if err != nil {
		return Value{}, err
	}
	rv, err := microsToDelta(in, deltaType, r)
	if err != nil {
		in.DecRef(qv)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{qv, rv})
}

// deltaTotalSeconds is the microseconds over 10**6, correctly rounded.
func deltaTotalSeconds(in *interp.Interp, o *deltaObject) (Value, error) {
	return dtBigTrueDiv(in, deltaMicros(o), dtBigUsPerSecond)
}
