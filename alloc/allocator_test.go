package alloc_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

func TestAccountLimit(t *testing.T) {
	tests := []struct {
		name    string
		limit   int64
		sizes   []uintptr
		wantErr []bool
		bytes   int64
	}{
		{"no limit", 0, []uintptr{1 << 20, 1 << 30, 1 << 40}, []bool{false, false, false}, 1<<20 + 1<<30 + 1<<40},
		{"under", 100, []uintptr{40, 40}, []bool{false, false}, 80},
		{"exactly", 100, []uintptr{40, 60}, []bool{false, false}, 100},
		{"over", 100, []uintptr{40, 61, 60}, []bool{false, true, false}, 100},
		{"first too big", 10, []uintptr{11, 10}, []bool{true, false}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := alloc.New(alloc.Options{Limit: tt.limit})
			c := a.RegisterClass("thing")
			accepted := int64(0)
			for i, size := range tt.sizes {
				o := &object{}
				err := a.Account(&o.Header, c, size)
				if (err != nil) != tt.wantErr[i] {
					t.Fatalf("Account #%d (%d bytes): err %v", i, size, err)
				}
				if err != nil {
					if !errors.Is(err, alloc.ErrMemoryLimit) {
						t.Errorf("err %v, want ErrMemoryLimit", err)
					}
					if o.Refs() != 0 || o.Class() != 0 {
						t.Errorf("refused Account changed the header: %+v", o.Header)
					}
					continue
				}
				accepted++
				if o.Refs() != 1 || o.Class() != c {
					t.Errorf("header after Account: refs %d class %d", o.Refs(), o.Class())
				}
			}
			s := a.Stats()
			if s.Bytes != tt.bytes || a.Bytes() != tt.bytes || s.Live != accepted || s.Classes[c].Live != accepted {
				t.Errorf("stats %+v, want %d bytes, %d live", s, tt.bytes, accepted)
			}
			if s.Limit != tt.limit {
				t.Errorf("Limit %d, want %d", s.Limit, tt.limit)
			}
		})
	}
}

func TestResize(t *testing.T) {
	a := alloc.New(alloc.Options{Limit: 1000})
	c := a.RegisterClass("list")
	var o object
	if err := a.Account(&o.Header, c, 100); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		from, to uintptr
		wantErr  bool
		bytes    int64
	}{
		{100, 500, false, 500},
		{500, 1001, true, 500},
		{500, 1000, false, 1000},
		{1000, 200, false, 200},
	}
	for _, st := range steps {
		err := a.Resize(&o.Header, st.from, st.to)
		if (err != nil) != st.wantErr || a.Bytes() != st.bytes {
			t.Fatalf("Resize %d->%d: err %v bytes %d, want err %v bytes %d",
				st.from, st.to, err, a.Bytes(), st.wantErr, st.bytes)
		}
	}
	if s := a.Stats(); s.Peak != 1000 || s.Classes[c].Bytes != 200 {
		t.Errorf("peak %d class bytes %d", s.Peak, s.Classes[c].Bytes)
	}
	a.Free(&o.Header, 200)
	if a.Bytes() != 0 {
		t.Errorf("bytes %d after Free", a.Bytes())
	}
}

func TestSetLimit(t *testing.T) {
	a := alloc.New(alloc.Options{})
	var o1, o2 object
	if err := a.Account(&o1.Header, alloc.ClassOther, 100); err != nil {
		t.Fatal(err)
	}
	a.SetLimit(50)
	if err := a.Account(&o2.Header, alloc.ClassOther, 1); err != alloc.ErrMemoryLimit {
		t.Fatalf("err %v past a lowered limit", err)
	}
	a.Free(&o1.Header, 100)
	if err := a.Account(&o2.Header, alloc.ClassOther, 50); err != nil {
		t.Fatal(err)
	}
	a.SetLimit(0)
	if err := a.Account(&o1.Header, alloc.ClassOther, 1<<40); err != nil {
		t.Fatal(err)
	}
}

func TestStats(t *testing.T) {
	a := alloc.New(alloc.Options{})
	str := a.RegisterClass("str")
	list := a.RegisterClass("list")
	if again := a.RegisterClass("str"); again != str {
		t.Errorf("second RegisterClass(str) = %d, want %d", again, str)
	}
	if a.ClassName(list) != "list" || a.ClassName(alloc.ClassOther) != "(other)" {
		t.Errorf("names %q %q", a.ClassName(list), a.ClassName(alloc.ClassOther))
	}
	objs := make([]object, 5)
	for i := range objs {
		c := str
		if i%2 == 1 {
			c = list
		}
		if err := a.Account(&objs[i].Header, c, uintptr(10*(i+1))); err != nil {
			t.Fatal(err)
		}
	}
	a.Free(&objs[0].Header, 10) // str
	a.Free(&objs[1].Header, 20) // list
	s := a.Stats()
	want := alloc.Stats{Live: 3, Bytes: 120, Peak: 150, Allocs: 5, Frees: 2}
	if s.Live != want.Live || s.Bytes != want.Bytes || s.Peak != want.Peak ||
		s.Allocs != want.Allocs || s.Frees != want.Frees {
		t.Errorf("totals %+v, want %+v", s, want)
	}
	wantClasses := []alloc.ClassStats{
		{Name: "(other)"},
		{Name: "str", Live: 2, Bytes: 80, Allocs: 3, Frees: 1},
		{Name: "list", Live: 1, Bytes: 40, Allocs: 2, Frees: 1},
	}
	if fmt.Sprint(s.Classes) != fmt.Sprint(wantClasses) {
		t.Errorf("classes %v, want %v", s.Classes, wantClasses)
	}
}

func TestLeaksSince(t *testing.T) {
	a := alloc.New(alloc.Options{})
	str := a.RegisterClass("str")
	var kept, temp, late object
	if err := a.Account(&kept.Header, str, 8); err != nil {
		t.Fatal(err)
	}
	b := a.Baseline()
	if err := a.Account(&temp.Header, str, 8); err != nil {
		t.Fatal(err)
	}
	dict := a.RegisterClass("dict") // registered after the baseline
	if err := a.Account(&late.Header, dict, 8); err != nil {
		t.Fatal(err)
	}
	leaks := a.LeaksSince(b)
	if got := fmt.Sprint(leaks); got != "[str: 2 live, 1 at baseline dict: 1 live, 0 at baseline]" {
		t.Errorf("leaks %s", got)
	}
	a.Free(&temp.Header, 8)
	a.Free(&late.Header, 8)
	if leaks := a.LeaksSince(b); len(leaks) != 0 {
		t.Errorf("leaks after freeing: %v", leaks)
	}
	a.Free(&kept.Header, 8) // fewer than at the baseline is no leak
	if leaks := a.LeaksSince(b); len(leaks) != 0 {
		t.Errorf("leaks below the baseline: %v", leaks)
	}
}

func TestClassTableFull(t *testing.T) {
	a := alloc.New(alloc.Options{})
	var last alloc.Class
	for i := 1; i < 1<<16; i++ {
		last = a.RegisterClass(fmt.Sprint("c", i))
	}
	if last != 1<<16-1 {
		t.Fatalf("last class %d", last)
	}
	if c := a.RegisterClass("one too many"); c != alloc.ClassOther {
		t.Errorf("full table gave class %d, want ClassOther", c)
	}
	if c := a.RegisterClass("c7"); c != 7 {
		t.Errorf("existing class gave %d, want 7", c)
	}
}

func TestAllocatorAllocs(t *testing.T) {
	a := alloc.New(alloc.Options{Limit: 1 << 30})
	c := a.RegisterClass("x")
	var o object
	n := testing.AllocsPerRun(100, func() {
		if err := a.Account(&o.Header, c, 32); err != nil {
			t.Fatal(err)
		}
		alloc.IncRef(&o.Header)
		alloc.DecRef(&o.Header)
		if alloc.DecRef(&o.Header) {
			a.Free(&o.Header, 32)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per object life", n)
	}
}

// TestTryAccount checks Account's inlined common case: it accounts as
// Account does, and leaves everything unchanged (for Account to handle)
// past the limit, for a class not counted before, and in rcdebug builds.
func TestTryAccount(t *testing.T) {
	a := alloc.New(alloc.Options{Limit: 100})
	c := a.RegisterClass("thing")
	d := a.RegisterClass("other")
	first := &object{}
	if a.TryAccount(&first.Header, c, 10) {
		t.Fatal("TryAccount of a class never counted: true")
	}
	if a.Bytes() != 0 || first.Refs() != 0 {
		t.Fatalf("a refused TryAccount changed something: %d bytes, count %d", a.Bytes(), first.Refs())
	}
	if err := a.Account(&first.Header, c, 10); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		class alloc.Class
		size  uintptr
		want  bool
	}{
		{"counted class", c, 20, !alloc.Debug},
		{"other class, counters grown", d, 20, !alloc.Debug},
		{"past the limit", c, 80, false},
	}
	for _, tt := range tests {
		o := &object{}
		before := a.Bytes()
		got := a.TryAccount(&o.Header, tt.class, tt.size)
		if got != tt.want {
			t.Errorf("%s: TryAccount %v, want %v", tt.name, got, tt.want)
		}
		wantBytes, wantRefs := before, int32(0)
		if got {
			wantBytes, wantRefs = before+int64(tt.size), 1
		}
		if a.Bytes() != wantBytes || o.Refs() != wantRefs || (got && o.Class() != tt.class) {
			t.Errorf("%s: %d bytes, count %d, class %d; want %d bytes, count %d", tt.name, a.Bytes(), o.Refs(), o.Class(), wantBytes, wantRefs)
		}
	}
	if s := a.Stats(); s.Peak != a.Bytes() {
		t.Errorf("peak %d, want %d", s.Peak, a.Bytes())
	}
}
