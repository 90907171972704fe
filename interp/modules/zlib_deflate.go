package modules

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
)

// The compressor under the zlib module: Go's compress/flate makes the
// deflate data, and this file wraps it in zlib's containers (RFC 1950
// header and Adler-32, RFC 1952 gzip header and trailer, as zlib writes
// them) and maps zlib's flush modes onto it. Go's deflate is not zlib's,
// so the compressed bytes differ from CPython's (headers aside); they
// are valid streams that any inflater, CPython's zlib included, reads
// back to the same data. What compress/flate cannot do:
//   - windows under 32 KiB: its matches reach back 32 KiB, which a
//     decoder with a smaller window would reject, so wbits other than
//     15 (and 8..14 with their signs) raise NotImplementedError;
//   - Z_FILTERED, Z_RLE and Z_FIXED, memLevel: they tune zlib's search
//     and coding, not the format, so they are accepted and the output
//     is a plain (valid) deflate stream; Z_HUFFMAN_ONLY maps to
//     flate.HuffmanOnly;
//   - Z_PARTIAL_FLUSH and Z_BLOCK: made a sync flush, which ends on a
//     byte boundary and so gives at least what they promise;
//   - copying a compressor: flate.Writer has no copy, so the copy
//     replays the input since the stream (or last full flush) began;
//     past deflateHistoryMax bytes of it the history is dropped and
//     copy() raises NotImplementedError.

// Flush modes and strategies (zlib.h).
const (
	zNoFlush      = 0
	zPartialFlush = 1
	zSyncFlush    = 2
	zFullFlush    = 3
	zFinish       = 4
	zBlock        = 5
	zTrees        = 6

	zFiltered    = 1
	zHuffmanOnly = 2
	zRLE         = 3
	zFixed       = 4
)

// deflateHistoryMax is the most input a compressor remembers for copy().
const deflateHistoryMax = 1 << 20

// deflateOp is one step of a compressor's history: data written, or a
// sync flush.
type deflateOp struct {
	data  []byte
	flush bool
}

// deflater is one compression stream.
type deflater struct {
	level    int // flate's level
	wrap     int // 0 raw, wrapZlib or wrapGzip
	zlibLvl  int // the level the header describes
	strategy int
	dict     []byte

	w        *flate.Writer
	out      bytes.Buffer
	started  bool // the header is written
	dirty    bool // input or nothing since the last sync flush
	finished bool
	check    uint32
	total    uint32

	fresh    bool // w began at a full flush: no dictionary
	hist     []deflateOp
	histSize int
	histLost bool
}

// newDeflater checks the parameters as deflateInit2 does (ok false:
// zlib's Z_STREAM_ERROR); unsupported reports a window size flate
// cannot honour.
func newDeflater(level, method, wbits, memLevel, strategy int, dict []byte) (d *deflater, ok, unsupported bool) {
	wrap := wrapZlib
	switch {
	case wbits < 0:
		if wbits < -15 {
			return nil, false, false
		}
		wrap, wbits = 0, -wbits
	case wbits > 15:
		wrap, wbits = wrapGzip, wbits-16
	}
	if level == -1 {
		level = 6
	}
	if memLevel < 1 || memLevel > 9 || method != 8 || wbits < 8 || wbits > 15 ||
		level < 0 || level > 9 || strategy < 0 || strategy > zFixed || wbits == 8 && wrap != wrapZlib {
		return nil, false, false
	}
	if wbits != 15 {
		return nil, true, true
	}
	d = &deflater{level: level, wrap: wrap, zlibLvl: level, strategy: strategy, dirty: true}
	if strategy == zHuffmanOnly {
		d.level = flate.HuffmanOnly
	}
	if len(dict) > 0 {
		// zlib marks the header for a dictionary only when it has bytes.
		d.dict = bytes.Clone(dict)
	}
	d.w = d.newWriter()
	if wrap == wrapZlib {
		d.check = 1
	}
	return d, true, false
}

// newWriter makes the flate writer for a new stream or after a full
// flush (which forgets the dictionary along with everything else).
func (d *deflater) newWriter() *flate.Writer {
	var w *flate.Writer
	if d.dict != nil && !d.fresh {
		w, _ = flate.NewWriterDict(&d.out, d.level, d.dict)
	} else {
		w, _ = flate.NewWriter(&d.out, d.level)
	}
	return w
}

// header writes the container header, as zlib does before any data.
func (d *deflater) header() {
	if d.started {
		return
	}
	d.started = true
	switch d.wrap {
	case wrapZlib:
		var flevel byte
		switch {
		case d.strategy >= zHuffmanOnly || d.zlibLvl < 2:
			flevel = 0
		case d.zlibLvl < 6:
			flevel = 1
		case d.zlibLvl == 6:
			flevel = 2
		default:
			flevel = 3
		}
		cmf, flg := byte(0x78), flevel<<6
		if d.dict != nil {
			flg |= 0x20
		}
		flg += byte(31 - (uint(cmf)<<8|uint(flg))%31)
		d.out.Write([]byte{cmf, flg})
		if d.dict != nil {
			d.out.Write(binary.BigEndian.AppendUint32(nil, adler32.Checksum(d.dict)))
		}
	case wrapGzip:
		var xfl byte
		switch {
		case d.zlibLvl == 9:
			xfl = 2
		case d.strategy >= zHuffmanOnly || d.zlibLvl < 2:
			xfl = 4
		}
		// No name, time 0, operating system 3 (Unix), as zlib writes it.
		d.out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
	}
}

// take returns the output so far and empties the buffer.
func (d *deflater) take() []byte {
	b := bytes.Clone(d.out.Bytes())
	d.out.Reset()
	return b
}

// record adds a step to the history copy() replays.
func (d *deflater) record(op deflateOp) {
	if d.histLost {
		return
	}
	d.histSize += len(op.data)
	if d.histSize > deflateHistoryMax {
		d.hist, d.histLost = nil, true
		return
	}
	d.hist = append(d.hist, op)
}

// compress feeds data and returns the output it completes.
func (d *deflater) compress(data []byte) []byte {
	d.header()
	if len(data) > 0 {
		d.w.Write(data)
		d.sum(data)
		d.dirty = true
		d.record(deflateOp{data: bytes.Clone(data)})
	}
	return d.take()
}

// sum adds data to the check value and the size.
func (d *deflater) sum(data []byte) {
	d.total += uint32(len(data))
	switch d.wrap {
	case wrapZlib:
		d.check = adler32Update(d.check, data)
	case wrapGzip:
		d.check = crc32.Update(d.check, crc32.IEEETable, data)
	}
}

// flush ends the data so far as mode asks (a valid mode other than
// zNoFlush) and returns the output.
func (d *deflater) flush(mode int) []byte {
	d.header()
	switch mode {
	case zFinish:
		d.w.Close()
		switch d.wrap {
		case wrapZlib:
			d.out.Write(binary.BigEndian.AppendUint32(nil, d.check))
		case wrapGzip:
			d.out.Write(binary.LittleEndian.AppendUint32(nil, d.check))
			d.out.Write(binary.LittleEndian.AppendUint32(nil, d.total))
		}
		d.finished = true
		d.hist = nil
	case zFullFlush:
		d.w.Flush()
		d.fresh = true
		d.w = d.newWriter()
		d.hist, d.histSize, d.histLost = nil, 0, false
		d.dirty = false
	default:
		if d.dirty {
			d.w.Flush()
			d.record(deflateOp{flush: true})
			d.dirty = false
		}
	}
	return d.take()
}

// clone copies the stream by replaying its history into a new writer;
// ok is false when the history was dropped.
func (d *deflater) clone() (*deflater, bool) {
	if d.histLost {
		return nil, false
	}
	c := *d
	c.out = bytes.Buffer{}
	c.dict = bytes.Clone(d.dict)
	c.hist = append([]deflateOp(nil), d.hist...)
	c.w = c.newWriter()
	for _, op := range c.hist {
		if op.flush {
			c.w.Flush()
		} else {
			c.w.Write(op.data)
		}
	}
	c.out.Reset()
	return &c, true
}
