package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseJobs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		bad  bool
	}{
		{"", 8, false}, {"4", 4, false}, {" 4 ", 4, false}, {"0", 0, false},
		{"+2", 10, false}, {"-2", 6, false}, {"-20", 1, false},
		{"50%", 4, false}, {"1%", 1, false}, {"250%", 20, false}, {"12.5%", 1, false},
		{"x", 0, true}, {"-", 0, true}, {"%", 0, true}, {"-1%", 0, true}, {"4.5", 0, true}, {"+-1", 0, true},
	} {
		got, err := parseJobs(tc.in, 8)
		if (err != nil) != tc.bad || !tc.bad && got != tc.want {
			t.Errorf("parseJobs(%q) = %d, %v; want %d, bad %v", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestParseHalt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want haltSpec
		bad  bool
	}{
		{"", haltSpec{when: "never"}, false},
		{"never", haltSpec{when: "never"}, false},
		{"0", haltSpec{when: "never"}, false},
		{"1", haltSpec{when: "soon", why: "fail", count: 1}, false},
		{"2", haltSpec{when: "now", why: "fail", count: 1}, false},
		{"-1", haltSpec{when: "soon", why: "success", count: 1}, false},
		{"-2", haltSpec{when: "now", why: "success", count: 1}, false},
		{"now,fail=1", haltSpec{when: "now", why: "fail", count: 1}, false},
		{"soon,fail=3", haltSpec{when: "soon", why: "fail", count: 3}, false},
		{"soon,done=2", haltSpec{when: "soon", why: "done", count: 2}, false},
		{"now,success=30%", haltSpec{when: "now", why: "success", percent: 30, isPct: true}, false},
		{"20%", haltSpec{when: "soon", why: "fail", percent: 20, isPct: true}, false},
		{"later,fail=1", haltSpec{}, true},
		{"now", haltSpec{}, true},
		{"now,fail", haltSpec{}, true},
		{"now,fail=0", haltSpec{}, true},
		{"now,fail=x", haltSpec{}, true},
		{"now,oops=1", haltSpec{}, true},
		{"now,fail=0%", haltSpec{}, true},
		{"now,fail=101%", haltSpec{}, true},
		{"3", haltSpec{}, true},
	} {
		got, err := parseHalt(tc.in)
		if (err != nil) != tc.bad || !tc.bad && got != tc.want {
			t.Errorf("parseHalt(%q) = %+v, %v; want %+v, bad %v", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestParseTimeout(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		bad  bool
	}{
		{"1.5", 1500 * time.Millisecond, false},
		{"30s", 30 * time.Second, false},
		{"2m", 2 * time.Minute, false},
		{"1h", time.Hour, false},
		{"1d", 24 * time.Hour, false},
		{"0.5d", 12 * time.Hour, false},
		{"500ms", 500 * time.Millisecond, false},
		{"1m30s", 90 * time.Second, false},
		{"0", 0, true}, {"-1", 0, true}, {"-1s", 0, true}, {"", 0, true}, {"x", 0, true},
		{"200%", 0, true}, {"1e300d", 0, true}, {"inf", 0, true},
	} {
		got, err := parseTimeout(tc.in)
		if (err != nil) != tc.bad || !tc.bad && got != tc.want {
			t.Errorf("parseTimeout(%q) = %v, %v; want %v, bad %v", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestReplacementStrings(t *testing.T) {
	for _, tc := range []struct {
		v                           string
		noExt, base, dir, baseNoExt string
	}{
		{"dir/sub.d/file.tar.gz", "dir/sub.d/file.tar", "file.tar.gz", "dir/sub.d", "file.tar"},
		{"sub.dir/bar", "sub.dir/bar", "bar", "sub.dir", "bar"},
		{"foo.jpg", "foo", "foo.jpg", ".", "foo"},
		{"foo.", "foo.", "foo.", ".", "foo."},
		{"/abs", "/abs", "abs", "/", "abs"},
		{"a/b/", "a/b/", "", "a", ""},
		{"///", "///", "", "/", ""},
		{"", "", "", ".", ""},
	} {
		got := []string{modify(tc.v, "."), modify(tc.v, "/"), modify(tc.v, "//"), modify(tc.v, "/.")}
		want := []string{tc.noExt, tc.base, tc.dir, tc.baseNoExt}
		if !slices.Equal(got, want) {
			t.Errorf("{.} {/} {//} {/.} of %q = %q, want %q", tc.v, got, want)
		}
	}

	tmpl, err := newArgTemplate([]string{"{}", "x{1}y{2.}", "{#}", "{", "{x}", "{{}}"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	got := tmpl.expand([]string{"a b", "c.d"}, 7)
	want := []string{"a b c.d", "xa byc", "7", "{", "{x}", "{a b c.d}"}
	if !slices.Equal(got, want) {
		t.Errorf("expand = %q, want %q", got, want)
	}
	plain, _ := newArgTemplate([]string{"-v"}, 2)
	if got := plain.expand([]string{"a", "b"}, 1); !slices.Equal(got, []string{"-v", "a", "b"}) {
		t.Errorf("appended: %q", got)
	}
	for _, bad := range []string{"{0}", "{3}", "{3.}"} {
		if _, err := newArgTemplate([]string{bad}, 2); err == nil {
			t.Errorf("%s with 2 sources: no error", bad)
		}
	}
}

func TestJobInputs(t *testing.T) {
	in, err := newJobInputs([][]string{{"1", "2"}, {"a", "b", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range in.total {
		got = append(got, strings.Join(in.args(i), ""))
	}
	if want := []string{"1a", "1b", "1c", "2a", "2b", "2c"}; !slices.Equal(got, want) {
		t.Errorf("jobs %q, want %q", got, want)
	}
	if in, _ := newJobInputs([][]string{{"1"}, {}}); in.total != 0 {
		t.Errorf("an empty source makes %d jobs", in.total)
	}
	big := make([]string, 1<<16)
	if _, err := newJobInputs([][]string{big, big, big}); err == nil {
		t.Error("2^48 jobs: no error")
	}
}

func TestSplitInputSources(t *testing.T) {
	tmpl, sources, err := splitInputSources([]string{"-v", "{}", ":::", "a", "b", "::::", "-", ":::", "c"}, strings.NewReader("x\n\ny"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tmpl, []string{"-v", "{}"}) || len(sources) != 3 ||
		!slices.Equal(sources[0], []string{"a", "b"}) || !slices.Equal(sources[1], []string{"x", "", "y"}) || !slices.Equal(sources[2], []string{"c"}) {
		t.Errorf("got %q %q", tmpl, sources)
	}
	for _, bad := range [][]string{{":::"}, {":::", "a", ":::"}, {"::::"}, {"::::", "/nonexistent/file"}} {
		if _, _, err := splitInputSources(bad, strings.NewReader("")); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestSplitJobsShorthand(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"parallel run -j4 x.py", "parallel run -j 4 x.py"},
		{"parallel run -k -j+1 -j-1 -j50% x.py -j4", "parallel run -k -j +1 -j -1 -j 50% x.py -j4"},
		{"parallel run -- -j4", "parallel run -- -j4"},
		{"parallel run -jx x.py", "parallel run -jx x.py"},
		{"parallel ast x.py", "parallel ast x.py"},
	} {
		got := strings.Join(splitJobsShorthand(strings.Fields(tc.in)), " ")
		if got != tc.want {
			t.Errorf("%q -> %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJobsQuoting(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain-1.py", "plain-1.py"}, {"a b", "'a b'"}, {"it's", `'it'\''s'`}, {"", "''"}, {"$x", "'$x'"},
	} {
		if got := shellQuote(tc.in); got != tc.want {
			t.Errorf("shellQuote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"a/b", `a\_b`}, {`a\b`, `a\\b`}, {"", `\`}, {".", `\.`}, {"..", `\..`}, {"...", "..."}, {"x", "x"},
	} {
		if got := resultsDirName(tc.in); got != tc.want {
			t.Errorf("resultsDirName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"a"}, true}, {[]string{":::", "-"}, false}, {[]string{"::::", "f", "-"}, true}, {[]string{"::::", "f", ":::", "-"}, false},
	} {
		if got := readsStdin(tc.args); got != tc.want {
			t.Errorf("readsStdin(%q) = %v", tc.args, got)
		}
	}
}
