package modules

import (
	crand "crypto/rand"
	"encoding/binary"
	"math/big"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _random module of CPython 3.12: the Random type, a Mersenne
// Twister (MT19937) that Lib/random.py's Random class derives from. The
// generator, its seeding and the order in which getrandbits and random
// consume its words follow CPython's, so that random.seed(x) yields the
// same numbers as CPython for every int seed.

var randomTable moduleTable

func initRandom(in *interp.Interp, m *interp.Module) error { return randomTable.fill(in, m) }

func init() { interp.RegisterModule("_random", initRandom) }

// The MT19937 parameters (Matsumoto and Nishimura's reference).
const (
	mtN         = 624
	mtM         = 397
	mtMatrixA   = 0x9908b0df
	mtUpperMask = 0x80000000
	mtLowerMask = 0x7fffffff
)

// randomObject is a _random.Random instance. A new instance has a zero
// state and index 0, as CPython's zero-filled allocation leaves it until
// a seed.
type randomObject struct {
	alloc.Header
	state [mtN]uint32
	index int
}

// initGenrand fills the state from one 32-bit seed.
func (r *randomObject) initGenrand(s uint32) {
	mt := &r.state
	mt[0] = s
	for i := 1; i < mtN; i++ {
		mt[i] = 1812433253*(mt[i-1]^(mt[i-1]>>30)) + uint32(i)
	}
	r.index = mtN
}

// initByArray fills the state from a key of 32-bit words, mixing every
// word in (the reference's init_by_array, which CPython seeds with).
func (r *randomObject) initByArray(key []uint32) {
	r.initGenrand(19650218)
	mt := &r.state
	i, j := 1, 0
	for k := max(mtN, len(key)); k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000 // the most significant bit is 1: a non-zero state
}

// next32 returns the next tempered 32-bit word, regenerating the whole
// state every mtN words.
func (r *randomObject) next32() uint32 {
	mt := &r.state
	if r.index >= mtN {
		twist := func(a, b, c uint32) uint32 {
			y := a&mtUpperMask | b&mtLowerMask
			return c ^ y>>1 ^ (y&1)*mtMatrixA
		}
		k := 0
		for ; k < mtN-mtM; k++ {
			mt[k] = twist(mt[k], mt[k+1], mt[k+mtM])
		}
		for ; k < mtN-1; k++ {
			mt[k] = twist(mt[k], mt[k+1], mt[k+mtM-mtN])
		}
		mt[mtN-1] = twist(mt[mtN-1], mt[0], mt[mtM-1])
		r.index = 0
	}
	y := mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// random is a float in [0, 1) with 53 random bits: 27 from one word and
// 26 from the next.
func (r *randomObject) random() float64 {
	a, b := r.next32()>>5, r.next32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// seedFromInt seeds with the absolute value of n, cut into 32-bit words
// least significant first (at least one word, for zero).
func (r *randomObject) seedFromInt(n *big.Int) {
	n.Abs(n)
	words := make([]uint32, 0, (n.BitLen()+31)/32+1)
	b := n.Bytes() // big-endian
	for end := len(b); end > 0; end -= 4 {
		var w uint32
		for i := max(0, end-4); i < end; i++ {
			w = w<<8 | uint32(b[i])
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		words = append(words, 0)
	}
	r.initByArray(words)
}

// seedFromEntropy seeds from the operating system's random source, with
// a whole state's worth of words.
func (r *randomObject) seedFromEntropy() {
	var buf [mtN * 4]byte
	_, _ = crand.Read(buf[:]) // crypto/rand.Read never fails on supported systems
	key := make([]uint32, mtN)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.initByArray(key)
}

// seed is random_seed: None draws from the OS, an int (a subclass's
// __abs__ is not consulted) seeds with its absolute value, anything else
// with its hash taken as an unsigned 64-bit number.
func (r *randomObject) seed(in *interp.Interp, arg Value) error {
	switch {
	case arg.IsNil() || arg.IsNone():
		r.seedFromEntropy()
	case interp.IsInt(arg):
		r.seedFromInt(interp.BigIntOf(arg))
	default:
		h, err := in.Hash(arg)
		if err != nil {
			return err
		}
		r.seedFromInt(new(big.Int).SetUint64(uint64(h)))
	}
	return nil
}

var randomType *interp.Type

func init() {
	randomType = interp.NewType[randomObject](interp.TypeSpec{
		Name: "Random", Module: "_random",
		Doc:          "Random() -> create a random number generator with its own internal state.",
		Subclassable: true,
		New: func(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
			r, err := interp.NewObject[randomObject](in, t)
			if err != nil {
				return Value{}, err
			}
			return interp.ValueOf(r), nil
		},
		Init: randomInit,
	})
	randomType.AddMethod("random", randomRandom)
	randomType.AddMethod("seed", randomSeed)
	randomType.AddMethod("getstate", randomGetState)
	randomType.AddMethod("setstate", randomSetState)
	randomType.AddMethod("getrandbits", randomGetRandBits)
	randomTable.set("__doc__", interp.ImmortalStr("Module implements the Mersenne Twister random number generator."))
	randomTable.typ("Random", randomType)
}

// randomInit is Random.__init__: at most one positional seed; keywords
// are refused unless a class replaced __init__ (and then calls this one
// through super() with whatever it likes, as CPython allows).
func randomInit(in *interp.Interp, self Value, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 && !in.Overrides(self.Type(), "__init__") {
		return in.Raise(interp.TypeError, "Random() takes no keyword arguments")
	}
	npos := len(args) - len(kwnames)
	if npos > 1 {
		return in.Raise(interp.TypeError, "Random() requires 0 or 1 argument")
	}
	var arg Value
	if npos == 1 {
		arg = args[0]
	}
	return interp.ObjectOf[randomObject](self).seed(in, arg)
}

func randomRandom(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("Random.random", args, kwnames); err != nil {
		return Value{}, err
	}
	return interp.Float(interp.ObjectOf[randomObject](args[0]).random()), nil
}

func randomSeed(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("Random.seed", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("seed", args[1:], nil, 0, 1); err != nil {
		return Value{}, err
	}
	var arg Value
	if len(args) == 2 {
		arg = args[1]
	}
	if err := interp.ObjectOf[randomObject](args[0]).seed(in, arg); err != nil {
		return Value{}, err
	}
	return interp.None, nil
}

// randomGetState returns the 624 state words and the index, a tuple.
func randomGetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("Random.getstate", args, kwnames); err != nil {
		return Value{}, err
	}
	r := interp.ObjectOf[randomObject](args[0])
	items := make([]Value, mtN+1)
	for i, w := range r.state {
		items[i] = interp.Int(int64(w))
	}
	items[mtN] = interp.Int(int64(r.index))
	return in.NewTuple(items...)
}

// randomSetState restores getstate's tuple. The words are read as C
// unsigned longs (truncated to 32 bits), the index as a C long that must
// lie in [0, 624]; nothing changes unless all of it is valid.
func randomSetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("Random.setstate", args, kwnames); err != nil {
		return Value{}, err
	}
	items, ok := interp.TupleItems(args[1])
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "state vector must be a tuple")
	}
	if len(items) != mtN+1 {
		return Value{}, in.Raise(interp.ValueError, "state vector is the wrong size")
	}
	var state [mtN]uint32
	for i, v := range items[:mtN] {
		if !interp.IsInt(v) {
			return Value{}, in.Raise(interp.TypeError, "an integer is required")
		}
		n := interp.BigIntOf(v)
		switch {
		case n.Sign() < 0:
			return Value{}, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
		case n.BitLen() > 64:
			return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C unsigned long")
		}
		state[i] = uint32(n.Uint64())
	}
	iv, err := in.Index(items[mtN])
	if err != nil {
		return Value{}, err
	}
	n := interp.BigIntOf(iv)
	in.DecRef(iv)
	if !n.IsInt64() {
		return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	}
	index := n.Int64()
	if index < 0 || index > mtN {
		return Value{}, in.Raise(interp.ValueError, "invalid state")
	}
	r := interp.ObjectOf[randomObject](args[0])
	r.state = state
	r.index = int(index)
	return interp.None, nil
}

// maxRandBits bounds getrandbits' k by the interpreter's largest int
// (interp's maxIntBits), so that a huge k raises MemoryError before
// the words are drawn.
const maxRandBits = 1 << 26

// randomGetRandBits is getrandbits(k): k random bits as an int, drawn
// 32 at a time least significant word first, the last word's surplus
// low bits dropped.
func randomGetRandBits(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("Random.getrandbits", args, kwnames); err != nil {
		return Value{}, err
	}
	kv, err := in.Index(args[1])
	if err != nil {
		return Value{}, err
	}
	kb := interp.BigIntOf(kv)
	in.DecRef(kv)
	if !kb.IsInt64() || kb.Int64() > 1<<31-1 || kb.Int64() < -1<<31 {
		return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	k := int(kb.Int64())
	r := interp.ObjectOf[randomObject](args[0])
	switch {
	case k < 0:
		return Value{}, in.Raise(interp.ValueError, "number of bits must be non-negative")
	case k == 0:
		return interp.Int(0), nil
	case k <= 32:
		return interp.Int(int64(r.next32() >> (32 - k))), nil
	case k > maxRandBits:
		return Value{}, in.NoMemory()
	}
	words := (k-1)/32 + 1
	buf := make([]byte, 4*words) // big-endian for SetBytes: the last word first
	for i := 0; i < words; i, k = i+1, k-32 {
		w := r.next32()
		if k < 32 {
			w >>= 32 - k
		}
		binary.BigEndian.PutUint32(buf[4*(words-1-i):], w)
	}
	return in.NewInt(new(big.Int).SetBytes(buf))
}
