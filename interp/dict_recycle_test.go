package interp

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// TestEntryFreeList checks the interpreter's free list of dict entry
// arrays: an array comes back empty with its index size's capacity,
// zeroed and reused (except in rcdebug builds), arrays of another
// capacity are not kept, a size's list is bounded, and nothing is kept
// after discard.
func TestEntryFreeList(t *testing.T) {
	var l entryFreeList
	s := l.get(16)
	if len(s) != 0 || cap(s) != 16*2/3 {
		t.Fatalf("len %d cap %d, want 0 and %d", len(s), cap(s), 16*2/3)
	}
	s = append(s, dictEntry{hash: 42, key: Int(1), value: Int(2)})
	l.put(s, 16)
	r := l.get(16)
	if len(r) != 0 || cap(r) != 16*2/3 {
		t.Fatalf("reused: len %d cap %d", len(r), cap(r))
	}
	if r[:1][0] != (dictEntry{}) {
		t.Errorf("reused array not zeroed: %+v", r[:1][0])
	}
	if (&r[:1][0] == &s[0]) == alloc.Debug {
		t.Errorf("reused %v, want %v", &r[:1][0] == &s[0], !alloc.Debug)
	}
	for _, bad := range []struct {
		s []dictEntry
		n int
	}{{make([]dictEntry, 0, 6), 16}, {make([]dictEntry, 0, 4), 4}, {make([]dictEntry, 0, (1<<(maxRecycledClass+1))*2/3), 1 << (maxRecycledClass + 1)}} {
		l.put(bad.s, bad.n)
	}
	for k := range l.lists {
		if len(l.lists[k]) != 0 {
			t.Errorf("list %d keeps %d arrays, want 0", k, len(l.lists[k]))
		}
	}
	for i := 0; i < 10000; i++ {
		l.put(make([]dictEntry, 0, 8*2/3), 8)
	}
	if got, limit := len(l.lists[3]), maxFreeTableBytes/(8*2/3*40); !alloc.Debug && (got == 0 || got > limit) {
		t.Errorf("%d arrays kept, want 1 to %d", got, limit)
	}
	l.discard()
	l.put(make([]dictEntry, 0, 16*2/3), 16)
	if len(l.lists[4]) != 0 {
		t.Errorf("%d kept after discard, want 0", len(l.lists[4]))
	}
}

// TestDictRecycledTables runs dicts that grow, die and are made again
// (so that they take recycled structs and tables) and checks that each
// new dict sees only its own items.
func TestDictRecycledTables(t *testing.T) {
	in := New(Options{})
	base := in.Heap().Baseline()
	for round := 0; round < 3; round++ {
		var ds []Value
		for n := 0; n < 40; n++ {
			dv, err := in.NewDict()
			if err != nil {
				t.Fatal(err)
			}
			d := asObject[Dict](dv)
			for i := 0; i < n; i++ {
				if err := in.DictSet(d, Int(int64(i*1000+round)), Int(int64(n))); err != nil {
					t.Fatal(err)
				}
			}
			ds = append(ds, dv)
		}
		for n, dv := range ds {
			d := asObject[Dict](dv)
			if d.Len() != n {
				t.Fatalf("round %d: dict %d has %d items", round, n, d.Len())
			}
			for i := 0; i < n+2; i++ {
				v, ok, err := in.DictGet(d, Int(int64(i*1000+round)))
				if err != nil || ok != (i < n) || ok && v != Int(int64(n)) {
					t.Fatalf("round %d: dict %d [%d] = %v, %v, %v", round, n, i, v, ok, err)
				}
			}
			in.decRef(dv)
		}
	}
	if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
		t.Errorf("leaks: %+v", leaks)
	}
}

// TestStrRunes checks the code points StrRunes gives, for ASCII and
// mixed text around its eight-byte rounds, lone surrogates included.
func TestStrRunes(t *testing.T) {
	in := New(Options{})
	for _, want := range [][]rune{
		{}, []rune("a"), []rune("abcdefg"), []rune("abcdefgh"), []rune("abcdefghi"),
		[]rune("abcdefghijklmnopq"), []rune("caf\u00e9 \u2603 \"quoted\""), []rune("\U0001d11eabcdefghij\u00e9"),
		{'a', 0xd800, 'b', 0xdfff}, []rune("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"),
		// Mixed text whose ASCII runs are widened eight bytes at a time:
		// runs of exactly eight, a non-ASCII byte at each place of a
		// word, a text ending seven bytes after one.
		[]rune("\u00e9abcdefgh\u2603abcdefgh"), []rune("abcdefg\u00e9hijklmno"), []rune("\U0001d11e" + "abcdefgh"),
		[]rune("abcdefgh\u00e9abcdefg"), []rune("a\u00e9bcdefghijklmnopqrstuvwxyz0123456789\u00ff"),
		{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 0xd800, 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'},
	} {
		v, err := in.NewStrRunes(want)
		if err != nil {
			t.Fatal(err)
		}
		got := StrRunes(v)
		if string(got) != string(want) || len(got) != len(want) {
			t.Errorf("StrRunes(%q) = %q", string(want), string(got))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("StrRunes(%q)[%d] = %U, want %U", string(want), i, got[i], want[i])
			}
		}
		in.decRef(v)
	}
}
