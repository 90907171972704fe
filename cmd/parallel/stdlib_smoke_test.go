package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// smokeModules are the standard-library modules the standard-library
// issue names: each must be imported by at least one corpus program that
// parallel reproduces exactly (listed in PASSING, compared with CPython
// by TestProgramCorpus).
var smokeModules = strings.Fields(`re json collections collections.abc functools itertools operator
dataclasses enum typing abc contextlib copy pickle decimal fractions statistics numbers datetime time
calendar textwrap string argparse logging pprint heapq bisect random struct array io os os.path pathlib
tempfile shutil glob fnmatch difflib hashlib base64 binascii zlib weakref types traceback warnings
inspect dis ast tokenize unittest doctest csv timeit`)

func TestStdlibSmokeCoverage(t *testing.T) {
	passing, err := readPassing()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../testdata/programs/*/*.py")
	if err != nil {
		t.Fatal(err)
	}
	importers := map[string][]string{}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(f), "../../testdata/programs/"), ".py")
		if strings.HasPrefix(filepath.Base(f), "_") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range smokeModules {
			if importsModule(string(src), m) {
				importers[m] = append(importers[m], name)
			}
		}
	}
	var missing []string
	for _, m := range smokeModules {
		ok := false
		for _, p := range importers[m] {
			if passing[p] {
				ok = true
				break
			}
		}
		if !ok {
			missing = append(missing, m+" "+strings.Join(importers[m], ","))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d modules have no passing corpus program importing them:\n%s", len(missing), len(smokeModules), strings.Join(missing, "\n"))
	}
}

// importsModule reports whether src imports module m (import m, import
// m as x, from m import y, or import m.sub for a package).
func importsModule(src, m string) bool {
	q := regexp.QuoteMeta(m)
	re := regexp.MustCompile(`(?m)^\s*(import\s+([\w.]+\s*(as\s+\w+)?\s*,\s*)*` + q + `(\s|,|$|\.)|from\s+` + q + `\s+import\s)`)
	return re.MatchString(src)
}
