package interp

import "testing"

// TestFrameRecordsPutGet checks the free list's Put within its grown
// capacity, past it (grow), and at its max, where a record is dropped,
// and that Get hands records back last in, first out, then new ones.
func TestFrameRecordsPutGet(t *testing.T) {
	var r frameRecords
	r.Init(3)
	recs := []*frame{new(frame), new(frame), new(frame), new(frame)}
	for _, f := range recs {
		r.Put(f)
	}
	if len(r.free) != 3 {
		t.Fatalf("%d records kept, want the max, 3", len(r.free))
	}
	for i := 2; i >= 0; i-- {
		if f := r.Get(); f != recs[i] {
			t.Fatalf("Get returned another record than the %dth put", i)
		}
	}
	// Within the capacity the list has reached: Put's fast path.
	r.Put(recs[3])
	r.Put(recs[0])
	if r.Get() != recs[0] || r.Get() != recs[3] {
		t.Fatal("Get after Put within the capacity: another record")
	}
	if f := r.Get(); f == nil || f == recs[0] || f == recs[1] || f == recs[2] || f == recs[3] {
		t.Fatal("Get on an empty list did not return a new record")
	}
	r.Discard()
	r.Put(recs[0])
	if len(r.free) != 0 {
		t.Fatal("a discarded list kept a record")
	}
}
