package interp

import "math"

// The informational struct sequences of sys (float_info, int_info,
// hash_info, flags) and the int/str conversion limit.

var (
	floatInfoType = newStructSeqType("sys.float_info", []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"})
	intInfoType   = newStructSeqType("sys.int_info", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"})
	hashInfoType  = newStructSeqType("sys.hash_info", []string{"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"})
	flagsType     = newStructSeqType("sys.flags", []string{"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"})
)

// sysInfoSeq is one informational struct sequence of sys.
type sysInfoSeq struct {
	name  string
	t     *Type
	items []Value
}

// sysInfoSeqs are the struct sequences every interpreter's sys shares
// (float_info, int_info, hash_info), in their order in sys.
func sysInfoSeqs() []sysInfoSeq {
	return []sysInfoSeq{
		{"float_info", floatInfoType, []Value{Float(math.MaxFloat64), Int(1024), Int(308), Float(2.2250738585072014e-308), Int(-1021), Int(-307), Int(15), Int(53), Float(2.220446049250313e-16), Int(2), Int(1)}},
		{"int_info", intInfoType, []Value{Int(30), Int(4), Int(maxStrDigits), Int(640)}},
		{"hash_info", hashInfoType, []Value{Int(64), Int(hashModulus), Int(314159), Int(0), Int(1000003), internName("siphash13"), Int(64), Int(128), Int(0)}},
	}
}

// sysFlagsItems are the items of sys.flags for the command-line options
// fl and the int/str conversion limit digits.
func sysFlagsItems(fl Flags, digits int) []Value {
	// dont_write_bytecode is always set: no .pyc files are written.
	return []Value{Int(int64(fl.Debug)), Int(int64(fl.Inspect)), Int(int64(fl.Interactive)), Int(int64(fl.Optimize)), Int(1),
		Int(int64(fl.NoUserSite)), Int(int64(fl.NoSite)), Int(int64(fl.IgnoreEnvironment)), Int(int64(fl.Verbose)),
		Int(int64(fl.BytesWarning)), Int(int64(fl.Quiet)), Int(hashRandomization()), Int(int64(fl.Isolated)), Bool(fl.DevMode),
		Int(int64(fl.UTF8Mode)), Int(int64(fl.WarnDefaultEncoding)), Bool(fl.SafePath), Int(int64(digits))}
}

// intMaxStrDigitsFuncs are sys.get_int_max_str_digits and
// sys.set_int_max_str_digits, which follow flags in sys. They are set
// by an init function: they reach the whole call machinery, which
// package initialization depends on.
var intMaxStrDigitsFuncs []Value

func init() {
	intMaxStrDigitsFuncs = []Value{
		newBuiltin("get_int_max_str_digits", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("get_int_max_str_digits", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return Int(int64(in.maxStrDigits)), nil
		}),
		newBuiltin("set_int_max_str_digits", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			var arg Value
			if err := in.parseArgs("set_int_max_str_digits", args, kwnames, []string{"maxdigits"}, 1, &arg); err != nil {
				return Value{}, err
			}
			n, err := in.Index(arg)
			if err != nil {
				return Value{}, err
			}
			v, ok := IntValue(n)
			in.decRef(n)
			if !ok || v < 0 || (v > 0 && v < 640) || v > math.MaxInt32 {
				return Value{}, in.raise(valueErrorType, "maxdigits must be 0 or larger than 640")
			}
			in.maxStrDigits = int(v)
			return None, nil
		}),
	}
}
