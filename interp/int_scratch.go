package interp

import (
	"math/big"
	"math/bits"
	"sync"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Big-int results are computed into recycled word arrays and then moved,
// not copied, into the int object: pidigits spent a third of its time in
// math/big's nat.make, zeroing fresh arrays for results and again for
// the copy newInt made of each. A dead big int's array goes back to
// bigWords for the next result of about its size; math/big never needs
// a receiver's old contents zeroed.

// maxWordClass bounds the recycled arrays: 1<<16 words (512 KiB).
const maxWordClass = 16

// bigWords holds word arrays by size class: class k holds arrays whose
// capacity is at least 1<<k. Like the recyclers of recycle.go it is
// process-wide; a word array holds no pointers, and nothing of its old
// value is ever read (math/big writes a result before reading it).
var bigWords [maxWordClass + 1]sync.Pool

// bigScratch returns a zero big.Int whose array can hold need words
// without allocating (when a recycled one was at hand).
func bigScratch(need int) big.Int {
	var z big.Int
	if alloc.Debug || need <= 0 {
		return z
	}
	k := bits.Len(uint(need - 1)) // least k with 1<<k >= need
	if k > maxWordClass {
		return z
	}
	if p, ok := bigWords[k].Get().(*big.Word); ok {
		z.SetBits(unsafe.Slice(p, 1<<k)[:0])
	} else {
		// A power-of-two capacity lands in class k again when recycled
		// (math/big's own arrays have n+4 words, one class short).
		z.SetBits(make([]big.Word, 0, 1<<k))
	}
	return z
}

// recycleBig gives z's array to bigWords; z must not be used again, and
// no other big.Int may share its array.
func recycleBig(z *big.Int) {
	if alloc.Debug {
		return
	}
	w := z.Bits()
	c := cap(w)
	if c == 0 {
		return
	}
	k := min(bits.Len(uint(c))-1, maxWordClass) // greatest k with 1<<k <= c
	bigWords[k].Put(unsafe.SliceData(w[:c]))
	z.SetBits(nil)
}

// newIntMoved returns the int z as a new reference: unboxed when it fits
// in int64 (z's array is then recycled), otherwise an int object that
// takes over z's array. z must not be used again.
func (in *Interp) newIntMoved(z *big.Int) (Value, error) {
	if z.IsInt64() {
		r := Int(z.Int64())
		recycleBig(z)
		return r, nil
	}
	if z.BitLen() > maxIntBits {
		return Value{}, in.memoryError()
	}
	o := in.bigs.Get()
	size := bigIntSize + uintptr(len(z.Bits()))*unsafe.Sizeof(big.Word(0))
	if err := in.account(&o.Header, intType, size); err != nil {
		in.bigs.Put(o)
		return Value{}, err
	}
	neg := z.Sign() < 0
	o.v.SetBits(z.Bits())
	if neg {
		o.v.Neg(&o.v)
	}
	z.SetBits(nil)
	return valueOf(o), nil
}

// wordsOf is how many words x's magnitude takes.
func wordsOf(x *big.Int) int { return len(x.Bits()) }
