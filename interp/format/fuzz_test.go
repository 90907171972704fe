package format

import (
	"math"
	"math/big"
	"testing"
)

// FuzzEngines checks that no input makes an engine panic or break its
// contract (an error or a result, never both).
func FuzzEngines(f *testing.F) {
	for _, s := range []string{"", ">10,.3f", "%5.2f %s %(a)d", "{0:{1}} {x!r}", "0=+#20_x", "{:{:{}}}", "%*.*d", "\xed\xa0\x80^9"} {
		f.Add(s, int64(12345), 1.5)
	}
	f.Fuzz(func(t *testing.T, s string, i int64, x float64) {
		MaxLen = 1 << 16
		defer func() { MaxLen = 1 << 28 }()
		check := func(out string, err error) {
			if err != nil && out != "" {
				t.Fatalf("%q: result %q with error %v", s, out, err)
			}
		}
		check(Int(big.NewInt(i), s, "int"))
		check(Float(x, s, "float"))
		check(Float(math.Float64frombits(uint64(i)), s, "float"))
		check(Str(s, s, "str"))
		args := []Arg{pInt(i), pFloat(x), pStr(s), pInt(3), pInt(-2)}
		check(Percent(s, args))
		check(PercentValue(s, pDict("a", pInt(i), "b", pFloat(x))))
		check(RenderTemplate(s, testFields([]*pv{pInt(i), pFloat(x), pStr(s), pInt(5)}, pDict("x", pInt(i)))))
		_, _ = ParseTemplate(s)
		_, _, _, _ = SplitFieldName(s)
	})
}
