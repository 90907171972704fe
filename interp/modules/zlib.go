package modules

import (
	"hash/crc32"
	"strconv"

	"github.com/parallel-py/parallel/interp"
)

// The zlib module of CPython 3.12 (as built with zlib 1.2.13), which
// gzip, zipfile, tarfile and shutil import: the one-shot functions, the
// checksums, the constants and zlib.error here; the Compress,
// Decompress and _ZlibDecompressor types in zlib_objects.go. The
// streams themselves are zlib_deflate.go (Go's compress/flate inside
// zlib's containers) and zlib_inflate.go.

var zlibTable moduleTable

const zlibDoc = "The functions in this module allow compression and decompression using the\n" +
	"zlib library, which is based on GNU zip.\n\n" +
	"adler32(string[, start]) -- Compute an Adler-32 checksum.\n" +
	"compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n" +
	"compressobj([level[, ...]]) -- Return a compressor object.\n" +
	"crc32(string[, start]) -- Compute a CRC-32 checksum.\n" +
	"decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n" +
	"decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n" +
	"'wbits' is window buffer size and container format.\n" +
	"Compressor objects support compress() and flush() methods; decompressor\n" +
	"objects support decompress() and flush()."

// zlib's version: the one CPython 3.12.1 reports, whose messages and
// stream formats this module follows.
const zlibVersion = "1.2.13"

const (
	zlibMaxWbits   = 15
	zlibDefBufSize = 16384
	zlibDefMemLvl  = 8
)

func init() {
	interp.RegisterModule("zlib", initZlib)
	t := &zlibTable
	t.set("__doc__", interp.ImmortalStr(zlibDoc))
	t.set("__version__", interp.ImmortalStr("1.0"))
	t.set("ZLIB_VERSION", interp.ImmortalStr(zlibVersion))
	t.set("ZLIB_RUNTIME_VERSION", interp.ImmortalStr(zlibVersion))
	for _, c := range []struct {
		name string
		v    int64
	}{
		{"MAX_WBITS", zlibMaxWbits}, {"DEFLATED", 8}, {"DEF_MEM_LEVEL", zlibDefMemLvl}, {"DEF_BUF_SIZE", zlibDefBufSize},
		{"Z_NO_COMPRESSION", 0}, {"Z_BEST_SPEED", 1}, {"Z_BEST_COMPRESSION", 9}, {"Z_DEFAULT_COMPRESSION", -1},
		{"Z_FILTERED", zFiltered}, {"Z_HUFFMAN_ONLY", zHuffmanOnly}, {"Z_RLE", zRLE}, {"Z_FIXED", zFixed},
		{"Z_DEFAULT_STRATEGY", 0}, {"Z_NO_FLUSH", zNoFlush}, {"Z_PARTIAL_FLUSH", zPartialFlush},
		{"Z_SYNC_FLUSH", zSyncFlush}, {"Z_FULL_FLUSH", zFullFlush}, {"Z_FINISH", zFinish}, {"Z_BLOCK", zBlock},
		{"Z_TREES", zTrees},
	} {
		t.set(c.name, interp.Int(c.v))
	}
	t.fn("compress", zlibCompress)
	t.fn("decompress", zlibDecompress)
	t.fn("compressobj", zlibCompressobj)
	t.fn("decompressobj", zlibDecompressobj)
	t.fn("crc32", zlibChecksum("crc32", 0, func(v uint32, b []byte) uint32 { return crc32.Update(v, crc32.IEEETable, b) }))
	t.fn("adler32", zlibChecksum("adler32", 1, adler32Update))
	t.typ("_ZlibDecompressor", zlibDecompressorType)
}

// zlibState holds an interpreter's zlib.error.
type zlibState struct {
	errorClass Value // owned
}

var zlibStateKey byte

func getZlibState(in *interp.Interp) *zlibState {
	return in.ModuleState(&zlibStateKey, func() any { return &zlibState{} }).(*zlibState)
}

func initZlib(in *interp.Interp, m *interp.Module) error {
	if err := zlibTable.fill(in, m); err != nil {
		return err
	}
	st := getZlibState(in)
	if st.errorClass.IsNil() {
		cls, err := newModuleException(in, "zlib", "error", interp.ExcType("Exception"))
		if err != nil {
			return err
		}
		st.errorClass = cls
	}
	return m.Set(in, "error", st.errorClass)
}

// zlibError raises zlib.error as CPython's zlib_error formats it:
// "Error -3 while decompressing data: invalid block type", with zlib's
// default text for codes that carry no message.
func zlibError(in *interp.Interp, e zlibErr, while string) error {
	msg := e.msg
	if msg == "" {
		switch e.code {
		case zBufError:
			msg = "incomplete or truncated stream"
		case zStreamError:
			msg = "inconsistent stream state"
		case zDataError:
			msg = "invalid input data"
		}
	}
	text := "Error " + strconv.Itoa(e.code) + " " + while
	if msg != "" {
		text += ": " + msg
	}
	return raiseModuleException(in, getZlibState(in).errorClass, interp.ExcType("Exception"), text)
}

// windowNotImplemented is the error for a compression window flate
// cannot keep to.
func windowNotImplemented(in *interp.Interp) error {
	return in.Raise(interp.NotImplementedError, "zlib compression with a window smaller than 32 KiB (wbits other than 15, -15 or 31) is not implemented yet")
}

var zlibCompressParams = interp.Params{Func: "compress", Names: []string{"data", "level", "wbits"}, PosOnly: 1, Required: 1}

func zlibCompress(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, levelArg, wbitsArg Value
	if err := in.Unpack(&zlibCompressParams, args, kwnames, &dataArg, &levelArg, &wbitsArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	ints, err := intArgs(in, []Value{levelArg, wbitsArg}, []int{-1, zlibMaxWbits})
	if err != nil {
		return Value{}, err
	}
	d, ok, unsupported := newDeflater(ints[0], 8, ints[1], zlibDefMemLvl, 0, nil)
	switch {
	case !ok:
		return Value{}, raiseModuleException(in, getZlibState(in).errorClass, interp.ExcType("Exception"), "Bad compression level")
	case unsupported:
		return Value{}, windowNotImplemented(in)
	}
	d.histLost = true // no copy() of a one-shot stream: keep no history
	out := d.compress(data)
	out = append(out, d.flush(zFinish)...)
	return in.NewBytes(out)
}

// intArgs converts optional C int arguments, defs giving the defaults.
func intArgs(in *interp.Interp, vs []Value, defs []int) ([]int, error) {
	out := make([]int, len(vs))
	for i, v := range vs {
		out[i] = defs[i]
		if v.IsNil() {
			continue
		}
		n, err := cIntArg(in, v)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

var zlibDecompressParams = interp.Params{Func: "decompress", Names: []string{"data", "wbits", "bufsize"}, PosOnly: 1, Required: 1}

func zlibDecompress(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, wbitsArg, bufArg Value
	if err := in.Unpack(&zlibDecompressParams, args, kwnames, &dataArg, &wbitsArg, &bufArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	wbits := zlibMaxWbits
	if !wbitsArg.IsNil() {
		if wbits, err = cIntArg(in, wbitsArg); err != nil {
			return Value{}, err
		}
	}
	if !bufArg.IsNil() {
		n, err := in.AsSsize(bufArg)
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return Value{}, in.Raise(interp.ValueError, "bufsize must be non-negative")
		}
	}
	z, ok := newInflater(wbits)
	if !ok {
		return Value{}, zlibError(in, zlibErr{code: zStreamError}, "while preparing to decompress data")
	}
	out, stop := z.inflate(data, -1)
	switch stop {
	case stopStreamEnd:
		return in.NewBytes(out)
	case stopFailed:
		return Value{}, zlibError(in, z.err, "while decompressing data")
	case stopNeedDict:
		return Value{}, zlibError(in, zlibErr{code: zNeedDict}, "while decompressing data")
	}
	return Value{}, zlibError(in, zlibErr{code: zBufError}, "while decompressing data")
}

// zlibChecksum makes crc32 or adler32: (data, value=start, /).
func zlibChecksum(name string, start uint32, update func(uint32, []byte) uint32) interp.BuiltinFunc {
	qual := "zlib." + name
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords(qual, kwnames); err != nil {
			return Value{}, err
		}
		if err := in.CheckArgCount(name, args, nil, 1, 2); err != nil {
			return Value{}, err
		}
		data, err := bytesLikeArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		v := start
		if len(args) > 1 {
			if v, err = uint32MaskArg(in, args[1]); err != nil {
				return Value{}, err
			}
		}
		return interp.Int(int64(update(v, data))), nil
	}
}
