package modules

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"math/rand"
	"testing"
)

// The inflater against Go's own compressors: every stream they make,
// fed in random pieces with random output limits, must come back whole,
// and corrupt or cut streams must fail or stop without a panic.

// sampleData makes compressible data of n bytes.
func sampleData(r *rand.Rand, n int) []byte {
	words := [][]byte{[]byte("alpha "), []byte("beta "), []byte("gamma\n"), {0, 1, 2, 3}, []byte("zlib")}
	var b bytes.Buffer
	for b.Len() < n {
		switch r.Intn(4) {
		case 0:
			b.WriteByte(byte(r.Intn(256)))
		default:
			b.Write(words[r.Intn(len(words))])
		}
	}
	return b.Bytes()[:n]
}

// inflatePieces runs z over data in random pieces with random limits,
// as a Decompress object does (the unused input is handed back); rest
// is the input after the stream's end.
func inflatePieces(r *rand.Rand, z *inflater, data []byte) (out []byte, stop inflateStop, rest []byte) {
	for {
		n := min(len(data), r.Intn(40))
		if r.Intn(8) == 0 {
			n = len(data)
		}
		limit := -1
		if r.Intn(2) == 0 {
			limit = 1 + r.Intn(100)
		}
		piece := data[:n]
		data = data[n:]
		var o []byte
		o, stop = z.inflate(piece, limit)
		out = append(out, o...)
		if stop == stopOutputFull {
			data = append(z.takeUnused(), data...)
		}
		if stop == stopStreamEnd {
			return out, stop, append(z.takeUnused(), data...)
		}
		if stop == stopFailed || len(data) == 0 && stop == stopNeedInput {
			return out, stop, nil
		}
	}
}

func TestZlibInflateRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	// Under -short (CI's race run), a sample: compressing 300 inputs of
	// up to 70 KB took 50 s with the race detector on.
	rounds := 300
	if testing.Short() {
		rounds = 45
	}
	for i := 0; i < rounds; i++ {
		data := sampleData(r, r.Intn(70000))
		level := r.Intn(11) - 2
		var buf bytes.Buffer
		var wbits int
		switch i % 3 {
		case 0:
			w, _ := flate.NewWriter(&buf, level)
			w.Write(data)
			w.Close()
			wbits = -15
		case 1:
			w, _ := zlib.NewWriterLevel(&buf, level)
			w.Write(data)
			w.Close()
			wbits = 15 + 32*r.Intn(2)
		default:
			w, _ := gzip.NewWriterLevel(&buf, level)
			w.Name = "name.txt"
			w.Comment = "a comment"
			w.Extra = []byte("extra")
			w.Write(data)
			w.Close()
			wbits = 31 + 16*r.Intn(2)
		}
		z, ok := newInflater(wbits)
		if !ok {
			t.Fatalf("wbits %d refused", wbits)
		}
		stream := append(buf.Bytes(), "trailing"...)
		out, stop, rest := inflatePieces(r, z, stream)
		if stop != stopStreamEnd || !bytes.Equal(out, data) {
			t.Fatalf("case %d (wbits %d, level %d): stop %d, %d bytes out of %d (%q)", i, wbits, level, stop, len(out), len(data), z.err.msg)
		}
		if string(rest) != "trailing" {
			t.Fatalf("case %d: unused %q", i, rest)
		}
	}
}

func TestZlibInflateCorrupt(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	rounds := 500
	if testing.Short() {
		rounds = 120
	}
	for i := 0; i < rounds; i++ {
		data := sampleData(r, r.Intn(3000))
		var buf bytes.Buffer
		w, _ := zlib.NewWriterLevel(&buf, r.Intn(10))
		w.Write(data)
		w.Close()
		stream := buf.Bytes()
		for k := 0; k < 1+r.Intn(4); k++ {
			stream[r.Intn(len(stream))] ^= byte(1 << r.Intn(8))
		}
		if r.Intn(3) == 0 {
			stream = stream[:r.Intn(len(stream))]
		}
		z, _ := newInflater(15)
		out, stop, _ := inflatePieces(r, z, stream)
		if stop == stopStreamEnd && !bytes.Equal(out, data) {
			// A flip the checks cannot see is possible but rare; the
			// Adler-32 catches nearly all of them.
			t.Logf("case %d: corrupt stream decoded to different data", i)
		}
	}
}

func TestZlibDeflateRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	rounds := 100
	if testing.Short() {
		rounds = 20 // 100 took two minutes under -race on a loaded machine
	}
	for i := 0; i < rounds; i++ {
		data := sampleData(r, r.Intn(100000))
		wbits := []int{15, -15, 31}[i%3]
		d, ok, unsupported := newDeflater(r.Intn(11)-1, 8, wbits, 8, r.Intn(5), nil)
		if !ok || unsupported {
			t.Fatal("parameters refused")
		}
		var stream []byte
		for rest := data; len(rest) > 0; {
			n := min(len(rest), r.Intn(20000))
			stream = append(stream, d.compress(rest[:n])...)
			rest = rest[n:]
			if r.Intn(4) == 0 {
				stream = append(stream, d.flush([]int{zSyncFlush, zFullFlush, zPartialFlush, zBlock}[r.Intn(4)])...)
			}
		}
		if r.Intn(3) == 0 {
			c, ok := d.clone()
			if !ok {
				t.Fatal("clone refused")
			}
			d = c
		}
		stream = append(stream, d.flush(zFinish)...)
		z, _ := newInflater(wbits)
		out, stop := z.inflate(stream, -1)
		if stop != stopStreamEnd || !bytes.Equal(out, data) {
			t.Fatalf("case %d: stop %d, %d of %d bytes", i, stop, len(out), len(data))
		}
	}
}
