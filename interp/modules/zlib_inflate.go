package modules

import (
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"math/bits"
)

// The decompressor under the zlib module: a push-style inflater (RFC
// 1950, 1951 and 1952) that takes input in pieces, stops when the
// caller's output limit is reached, reports the input it did not use,
// can be copied, and fails with zlib's own messages. Go's
// compress/flate reader cannot serve here: it pulls its input, cannot
// resume once the input runs out, reads ahead, and has one error for
// every kind of corrupt data. Compression does use compress/flate (see
// zlib_deflate.go).
//
// Each decoding step (a block header, a dynamic code description, a
// symbol with its extra bits and distance, a container header or
// trailer) is a transaction: when the input ends inside one, the bit
// position goes back to its start and the bytes wait for more input,
// as zlib keeps them in its bit accumulator.

// zlib's return codes, which its messages carry ("Error -3 while ...").
const (
	zNeedDict    = 2
	zStreamError = -2
	zDataError   = -3
	zBufError    = -5
)

// zlibErr is a failure of the zlib layer: zlib's code and its message
// (empty when zlib has none).
type zlibErr struct {
	code int
	msg  string
}

// inflateStop says why inflate returned.
type inflateStop int

const (
	stopNeedInput  inflateStop = iota // every input byte is used; more is needed
	stopOutputFull                    // the output limit was reached
	stopStreamEnd                     // the end of the stream (and its trailer)
	stopNeedDict                      // a zlib stream asks for its preset dictionary
	stopFailed                        // the data is invalid (see err)
)

// inflateMode is where the decoder is in the stream.
type inflateMode uint8

const (
	infHeader    inflateMode = iota // the zlib or gzip header
	infDict                         // waiting for the preset dictionary
	infBlock                        // a block header
	infStoredLen                    // the lengths of a stored block
	infStored                       // the bytes of a stored block
	infTable                        // the code description of a dynamic block
	infCodes                        // the symbols of a compressed block
	infTrailer                      // the zlib or gzip trailer
	infDone                         // the end of the stream
	infBad                          // a data error (sticky, as in zlib)
)

// Container bits, as zlib's state->wrap: 1 zlib, 2 gzip.
const (
	wrapZlib = 1
	wrapGzip = 2
)

// inflater is one decompression stream.
type inflater struct {
	mode  inflateMode
	wrap  int  // the containers accepted
	wbits int  // window bits; 0 until a zlib header gives them
	gzip  bool // the stream turned out to be gzip
	last  bool // the current block is the final one

	// src holds the input not yet used, bp the bit position in it. It
	// is the caller's buffer during a call and an owned copy between
	// calls.
	src     []byte
	bp      int
	starved bool // the last call stopped for want of input

	win    []byte // the last window's worth of earlier calls' output
	out    []byte // this call's output
	limit  int    // the most bytes out may hold; -1 for no limit
	lit    *huffTable
	dist   *huffTable
	stored int // bytes left in the stored block

	// A literal (pendLit >= 0) or a match (copyLen > 0) decoded but not
	// yet written, for want of room.
	pendLit  int
	copyLen  int
	copyDist int

	check   uint32 // the running Adler-32 or CRC-32 of the output
	total   uint32 // the output size modulo 2**32 (gzip's ISIZE)
	checked int    // bytes of out already folded into check and total
	dictID  uint32 // the Adler-32 a zlib header asks of the dictionary
	err     zlibErr
}

// newInflater makes a decompressor for wbits as zlib's inflateInit2
// reads them (negative: raw; 16+: gzip; 32+: either); ok is false when
// zlib would refuse them.
func newInflater(wbits int) (z *inflater, ok bool) {
	z = &inflater{pendLit: -1}
	switch {
	case wbits < 0:
		if wbits < -15 {
			return nil, false
		}
		wbits = -wbits
	default:
		z.wrap = wbits>>4 + 1
		if wbits < 48 {
			wbits &= 15
		}
	}
	if wbits != 0 && (wbits < 8 || wbits > 15) {
		return nil, false
	}
	z.wbits = wbits
	if z.wrap == 0 {
		z.mode = infBlock
		if z.wbits == 0 {
			z.wbits = 15
		}
	}
	return z, true
}

// clone returns an independent copy of the stream (between calls).
func (z *inflater) clone() *inflater {
	c := *z
	c.src = append([]byte(nil), z.src...)
	c.win = append([]byte(nil), z.win...)
	c.out = nil
	return &c
}

// setWindow presets the window with a dictionary (its last window's
// worth), as inflateSetDictionary does.
func (z *inflater) setWindow(dict []byte) {
	wsize := 1 << z.wbits
	if len(dict) > wsize {
		dict = dict[len(dict)-wsize:]
	}
	z.win = append(z.win[:0], dict...)
}

// setDict answers stopNeedDict (or presets a raw stream's window); it
// reports false, changing nothing, when the dictionary is not the one
// the zlib header names.
func (z *inflater) setDict(dict []byte) bool {
	if z.mode == infDict {
		if adler32.Checksum(dict) != z.dictID {
			return false
		}
		z.mode = infBlock
	}
	z.setWindow(dict)
	return true
}

// inflate decodes data (borrowed: it is copied if kept) after the input
// held from earlier calls, writing at most limit bytes (-1: no limit;
// 0 only queues the input, as CPython then does not call zlib).
func (z *inflater) inflate(data []byte, limit int) ([]byte, inflateStop) {
	z.src = z.src[z.bp>>3:]
	z.bp &= 7
	owned := true
	switch {
	case len(z.src) == 0:
		z.src, owned = data, false
	case len(data) > 0:
		z.src = append(z.src, data...)
	}
	z.out, z.limit, z.checked = nil, limit, 0
	stop := stopOutputFull
	if limit != 0 {
		stop = z.run()
		z.starved = stop == stopNeedInput
	} else if len(data) > 0 {
		z.starved = false
	}
	z.fold()
	z.keepWindow()
	z.src = z.src[z.bp>>3:]
	z.bp &= 7
	if !owned {
		z.src = append([]byte(nil), z.src...)
	}
	return z.out, stop
}

// takeUnused removes and returns the whole input bytes not used (the
// input after an output-limited stop, or the data after the stream).
func (z *inflater) takeUnused() []byte {
	i := (z.bp + 7) >> 3
	if i >= len(z.src) {
		return nil
	}
	rest := z.src[i:]
	// Limit the capacity so that appending more input cannot write
	// over the bytes handed out.
	z.src = z.src[:i:i]
	return rest
}

// pendingInput reports whether input waits that the decoder has not
// taken in: whole bytes after a stop for output room. (After a stop for
// input, the bytes held are an incomplete step, which zlib would hold in
// its state as taken.)
func (z *inflater) pendingInput() bool { return !z.starved && (z.bp+7)>>3 < len(z.src) }

// fold adds the output not yet counted to the check value and total.
func (z *inflater) fold() {
	fresh := z.out[z.checked:]
	z.checked = len(z.out)
	if len(fresh) == 0 || z.wrap == 0 {
		return
	}
	z.total += uint32(len(fresh))
	if z.gzip {
		z.check = crc32.Update(z.check, crc32.IEEETable, fresh)
	} else {
		z.check = adler32Update(z.check, fresh)
	}
}

// keepWindow makes win the last window's worth of all output so far.
func (z *inflater) keepWindow() {
	wsize := 1 << z.wbits
	if z.wbits == 0 || len(z.out) == 0 {
		return
	}
	if len(z.out) >= wsize {
		z.win = append(z.win[:0], z.out[len(z.out)-wsize:]...)
		return
	}
	z.win = append(z.win, z.out...)
	if len(z.win) > wsize {
		n := copy(z.win, z.win[len(z.win)-wsize:])
		z.win = z.win[:n]
	}
}

// fail makes the stream bad with zlib's message.
func (z *inflater) fail(msg string) inflateStop {
	z.mode = infBad
	z.err = zlibErr{zDataError, msg}
	return stopFailed
}

// Bit input. Deflate packs bits from the least significant end.

func (z *inflater) avail() int { return len(z.src)*8 - z.bp }

// peek returns the next 57 or more bits (zeros past the input's end).
func (z *inflater) peek() uint64 {
	i := z.bp >> 3
	var v uint64
	if i+8 <= len(z.src) {
		v = binary.LittleEndian.Uint64(z.src[i:])
	} else {
		for k := len(z.src) - 1; k >= i; k-- {
			v = v<<8 | uint64(z.src[k])
		}
	}
	return v >> (z.bp & 7)
}

// bits takes n (at most 32) bits; ok is false, taking none, when the
// input has fewer.
func (z *inflater) bits(n int) (v uint32, ok bool) {
	if z.avail() < n {
		return 0, false
	}
	v = uint32(z.peek() & (1<<n - 1))
	z.bp += n
	return v, true
}

// alignByte skips to the next byte boundary.
func (z *inflater) alignByte() { z.bp = (z.bp + 7) &^ 7 }

// decode takes one symbol of table t: ok false when the input ends
// first, bad true for a code the table does not assign.
func (z *inflater) decode(t *huffTable) (sym int, ok, bad bool) {
	e := t.entries[z.peek()&(1<<t.bits-1)]
	n := int(e & 15)
	if n > z.avail() {
		return 0, false, false
	}
	z.bp += n
	if e&huffInvalid != 0 {
		return 0, true, true
	}
	return int(e>>4) & 0x1ff, true, false
}

// run decodes until the input ends, the output is full, the stream
// ends or fails.
func (z *inflater) run() inflateStop {
	for {
		switch z.mode {
		case infHeader:
			if stop, ok := z.header(); !ok {
				return stop
			}
		case infDict:
			return stopNeedDict
		case infBlock:
			if z.last {
				z.alignByte()
				z.mode = infTrailer
				if z.wrap == 0 {
					z.mode = infDone
				}
				continue
			}
			v, ok := z.bits(3)
			if !ok {
				return stopNeedInput
			}
			z.last = v&1 != 0
			switch v >> 1 {
			case 0:
				z.alignByte()
				z.mode = infStoredLen
			case 1:
				z.lit, z.dist = fixedLitTable, fixedDistTable
				z.mode = infCodes
			case 2:
				z.mode = infTable
			default:
				return z.fail("invalid block type")
			}
		case infStoredLen:
			v, ok := z.bits(32)
			if !ok {
				return stopNeedInput
			}
			if v&0xffff != (v>>16)^0xffff {
				return z.fail("invalid stored block lengths")
			}
			z.stored = int(v & 0xffff)
			z.mode = infStored
		case infStored:
			if z.stored == 0 {
				z.mode = infBlock
				continue
			}
			have := z.avail() >> 3
			if have == 0 {
				return stopNeedInput
			}
			n := min(z.stored, have, z.room())
			if n == 0 {
				return stopOutputFull
			}
			i := z.bp >> 3
			z.out = append(z.out, z.src[i:i+n]...)
			z.bp += n * 8
			z.stored -= n
		case infTable:
			if stop, ok := z.dynamicTables(); !ok {
				return stop
			}
		case infCodes:
			if stop, ok := z.codes(); !ok {
				return stop
			}
		case infTrailer:
			if stop, ok := z.trailer(); !ok {
				return stop
			}
		case infDone:
			return stopStreamEnd
		default:
			return stopFailed
		}
	}
}

// room is how many more bytes this call may output.
func (z *inflater) room() int {
	if z.limit < 0 {
		return int(^uint(0) >> 1)
	}
	return z.limit - len(z.out)
}

// header reads a zlib or gzip header as one transaction.
func (z *inflater) header() (inflateStop, bool) {
	if z.avail() < 16 {
		return stopNeedInput, false
	}
	i := z.bp >> 3
	b0, b1 := z.src[i], z.src[i+1]
	if z.wrap&wrapGzip != 0 && b0 == 0x1f && b1 == 0x8b {
		return z.gzipHeader()
	}
	if z.wrap&wrapZlib == 0 || (int(b0)<<8|int(b1))%31 != 0 {
		return z.fail("incorrect header check"), false
	}
	if b0&15 != 8 {
		return z.fail("unknown compression method"), false
	}
	n := int(b0>>4) + 8
	if z.wbits == 0 {
		z.wbits = n
	}
	if n > 15 || n > z.wbits {
		return z.fail("invalid window size"), false
	}
	if b1&0x20 != 0 {
		if z.avail() < 48 {
			return stopNeedInput, false
		}
		z.dictID = binary.BigEndian.Uint32(z.src[i+2:])
		z.bp += 48
		z.mode = infDict
	} else {
		z.bp += 16
		z.mode = infBlock
	}
	z.check = 1
	return 0, true
}

// gzipHeader reads a gzip member header (RFC 1952) as one transaction.
func (z *inflater) gzipHeader() (inflateStop, bool) {
	start := z.bp >> 3
	p := z.src[start:]
	need := func(n int) bool { return len(p) >= n }
	if !need(4) {
		return stopNeedInput, false
	}
	flags := p[3]
	if p[2] != 8 {
		return z.fail("unknown compression method"), false
	}
	if flags&0xe0 != 0 {
		return z.fail("unknown header flags set"), false
	}
	n := 10
	if !need(n) {
		return stopNeedInput, false
	}
	if flags&0x04 != 0 { // FEXTRA
		if !need(n + 2) {
			return stopNeedInput, false
		}
		n += 2 + int(binary.LittleEndian.Uint16(p[n:]))
		if !need(n) {
			return stopNeedInput, false
		}
	}
	for _, f := range []byte{0x08, 0x10} { // FNAME, FCOMMENT: zero-terminated
		if flags&f == 0 {
			continue
		}
		for {
			if !need(n + 1) {
				return stopNeedInput, false
			}
			n++
			if p[n-1] == 0 {
				break
			}
		}
	}
	if flags&0x02 != 0 { // FHCRC
		if !need(n + 2) {
			return stopNeedInput, false
		}
		if uint32(binary.LittleEndian.Uint16(p[n:])) != crc32.ChecksumIEEE(p[:n])&0xffff {
			return z.fail("header crc mismatch"), false
		}
		n += 2
	}
	if z.wbits == 0 {
		z.wbits = 15
	}
	z.gzip = true
	z.bp += n * 8
	z.check = 0
	z.mode = infBlock
	return 0, true
}

// trailer checks the zlib Adler-32 or the gzip CRC-32 and size.
func (z *inflater) trailer() (inflateStop, bool) {
	z.fold()
	i := z.bp >> 3
	if len(z.src)-i < 4 {
		return stopNeedInput, false
	}
	if z.gzip {
		if binary.LittleEndian.Uint32(z.src[i:]) != z.check {
			return z.fail("incorrect data check"), false
		}
		if len(z.src)-i < 8 {
			return stopNeedInput, false
		}
		if binary.LittleEndian.Uint32(z.src[i+4:]) != z.total {
			return z.fail("incorrect length check"), false
		}
		z.bp += 64
	} else {
		if binary.BigEndian.Uint32(z.src[i:]) != z.check {
			return z.fail("incorrect data check"), false
		}
		z.bp += 32
	}
	z.mode = infDone
	return 0, true
}

// codeLengthOrder is the order of the code length code's lengths.
var codeLengthOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamicTables reads a dynamic block's code description as one
// transaction, with zlib's checks in zlib's order.
func (z *inflater) dynamicTables() (inflateStop, bool) {
	save := z.bp
	short := func() (inflateStop, bool) {
		z.bp = save
		return stopNeedInput, false
	}
	v, ok := z.bits(14)
	if !ok {
		return short()
	}
	nlen, ndist, ncode := int(v&31)+257, int(v>>5&31)+1, int(v>>10)+4
	if nlen > 286 || ndist > 30 {
		return z.fail("too many length or distance symbols"), false
	}
	var clens [19]uint8
	for i := 0; i < ncode; i++ {
		l, ok := z.bits(3)
		if !ok {
			return short()
		}
		clens[codeLengthOrder[i]] = uint8(l)
	}
	ctab, ok := buildHuffman(clens[:], huffCodes)
	if !ok {
		return z.fail("invalid code lengths set"), false
	}
	var lens [286 + 30]uint8
	for have := 0; have < nlen+ndist; {
		sym, ok, _ := z.decode(ctab)
		if !ok {
			return short()
		}
		if sym < 16 {
			lens[have] = uint8(sym)
			have++
			continue
		}
		var rep int
		var val uint8
		switch sym {
		case 16:
			x, ok := z.bits(2)
			if !ok {
				return short()
			}
			if have == 0 {
				return z.fail("invalid bit length repeat"), false
			}
			val, rep = lens[have-1], 3+int(x)
		case 17:
			x, ok := z.bits(3)
			if !ok {
				return short()
			}
			rep = 3 + int(x)
		default:
			x, ok := z.bits(7)
			if !ok {
				return short()
			}
			rep = 11 + int(x)
		}
		if have+rep > nlen+ndist {
			return z.fail("invalid bit length repeat"), false
		}
		for ; rep > 0; rep-- {
			lens[have] = val
			have++
		}
	}
	if lens[256] == 0 {
		return z.fail("invalid code -- missing end-of-block"), false
	}
	if z.lit, ok = buildHuffman(lens[:nlen], huffLens); !ok {
		return z.fail("invalid literal/lengths set"), false
	}
	if z.dist, ok = buildHuffman(lens[nlen:nlen+ndist], huffDists); !ok {
		return z.fail("invalid distances set"), false
	}
	z.mode = infCodes
	return 0, true
}

// Length and distance bases and extra bits (RFC 1951, 3.2.5).
var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// codes decodes a compressed block's symbols until its end.
func (z *inflater) codes() (inflateStop, bool) {
	for {
		// Write what an earlier step decoded first.
		if z.pendLit >= 0 {
			if z.room() == 0 {
				return stopOutputFull, false
			}
			z.out = append(z.out, byte(z.pendLit))
			z.pendLit = -1
		}
		if z.copyLen > 0 {
			if z.room() == 0 {
				return stopOutputFull, false
			}
			z.copyMatch()
			continue
		}
		save := z.bp
		sym, ok, bad := z.decode(z.lit)
		if !ok {
			return stopNeedInput, false
		}
		if bad {
			return z.fail("invalid literal/length code"), false
		}
		if sym < 256 {
			z.pendLit = sym
			continue
		}
		if sym == 256 {
			z.mode = infBlock
			return 0, true
		}
		sym -= 257
		if sym >= len(lengthBase) {
			return z.fail("invalid literal/length code"), false
		}
		extra, ok := z.bits(int(lengthExtra[sym]))
		if !ok {
			z.bp = save
			return stopNeedInput, false
		}
		length := int(lengthBase[sym]) + int(extra)
		dsym, ok, bad := z.decode(z.dist)
		if !ok {
			z.bp = save
			return stopNeedInput, false
		}
		if bad || dsym >= len(distBase) {
			return z.fail("invalid distance code"), false
		}
		dextra, ok := z.bits(int(distExtra[dsym]))
		if !ok {
			z.bp = save
			return stopNeedInput, false
		}
		d := int(distBase[dsym]) + int(dextra)
		// zlib's test: the distance must fall within this call's output
		// and the window kept from earlier calls (which a small wbits
		// shortens).
		if d > len(z.out)+len(z.win) {
			return z.fail("invalid distance too far back"), false
		}
		z.copyLen, z.copyDist = length, d
	}
}

// copyMatch writes as much of the pending match as there is room for.
func (z *inflater) copyMatch() {
	n := min(z.copyLen, z.room())
	z.copyLen -= n
	d := z.copyDist
	for n > 0 {
		if d > len(z.out) { // from the earlier calls' window
			from := z.win[len(z.win)-(d-len(z.out)):]
			k := min(n, len(from))
			z.out = append(z.out, from[:k]...)
			n -= k
			continue
		}
		// Within this call's output; overlapping copies repeat the
		// last d bytes, so copy at most d at a time.
		start := len(z.out) - d
		k := min(n, d)
		z.out = append(z.out, z.out[start:start+k]...)
		n -= k
	}
}

// Huffman decoding tables: one entry per value of the table's bits
// (the longest code's length), indexed by the next bits of input.
// An entry holds the symbol (bits 4-12) and the code's length (bits
// 0-3), or huffInvalid for input no code starts with.

const huffInvalid = 1 << 15

type huffTable struct {
	bits    int
	entries []uint16
}

// The kinds of code zlib's inflate_table builds, which differ in the
// incomplete codes they allow.
const (
	huffCodes = iota
	huffLens
	huffDists
)

// buildHuffman makes the table of a canonical code from its lengths;
// ok is false for an over-subscribed code, or an incomplete one other
// than a single code of one bit for lengths or distances (zlib's
// rules).
func buildHuffman(lengths []uint8, kind int) (*huffTable, bool) {
	var count [16]int
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	maxLen := 15
	for maxLen > 0 && count[maxLen] == 0 {
		maxLen--
	}
	if maxLen == 0 {
		// No codes: zlib decodes a code length code as symbol 0 of one
		// bit, and reports other codes invalid.
		e := uint16(huffInvalid | 1)
		if kind == huffCodes {
			e = 1
		}
		return &huffTable{bits: 1, entries: []uint16{e, e}}, true
	}
	left := 1
	for l := 1; l <= 15; l++ {
		left = left<<1 - count[l]
		if left < 0 {
			return nil, false
		}
	}
	if left > 0 && (kind == huffCodes || maxLen != 1) {
		return nil, false
	}
	var next [16]int
	code := 0
	for l := 1; l <= 15; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	t := &huffTable{bits: maxLen, entries: make([]uint16, 1<<maxLen)}
	for i := range t.entries {
		t.entries[i] = huffInvalid | uint16(maxLen)
	}
	for sym, l := range lengths {
		if l == 0 {
			continue
		}
		c := next[l]
		next[l]++
		r := int(bits.Reverse16(uint16(c)) >> (16 - l))
		for i := r; i < len(t.entries); i += 1 << l {
			t.entries[i] = uint16(sym)<<4 | uint16(l)
		}
	}
	return t, true
}

// The fixed codes of block type 1, with symbols 286, 287 and distances
// 30, 31 invalid as zlib has them.
var fixedLitTable, fixedDistTable = fixedTables()

func fixedTables() (*huffTable, *huffTable) {
	var lens [288]uint8
	for i := range lens {
		switch {
		case i < 144:
			lens[i] = 8
		case i < 256:
			lens[i] = 9
		case i < 280:
			lens[i] = 7
		default:
			lens[i] = 8
		}
	}
	lit, _ := buildHuffman(lens[:], huffLens)
	var dlens [32]uint8
	for i := range dlens {
		dlens[i] = 5
	}
	dist, _ := buildHuffman(dlens[:], huffDists)
	for _, t := range []struct {
		tab   *huffTable
		first int
	}{{lit, 286}, {dist, 30}} {
		for i, e := range t.tab.entries {
			if int(e>>4)&0x1ff >= t.first {
				t.tab.entries[i] = huffInvalid | e&15
			}
		}
	}
	return lit, dist
}

// adler32Update continues an Adler-32 from value adler (hash/adler32
// starts only from 1).
func adler32Update(adler uint32, p []byte) uint32 {
	const mod = 65521
	s1, s2 := adler&0xffff, adler>>16
	for len(p) > 0 {
		// 5552 bytes is the most that cannot overflow 32 bits.
		n := min(len(p), 5552)
		for _, b := range p[:n] {
			s1 += uint32(b)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		p = p[n:]
	}
	return s2<<16 | s1
}
