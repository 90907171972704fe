package cycles

import (
	"fmt"

	"github.com/parallel-py/parallel/alloc"
)

// Validate checks the collector's lists: links that agree both ways, no
// object in two lists, only live containers, no marks and empty working
// lists between collections.
func (c *Collector) Validate() error {
	seen := make(map[*alloc.Header]string)
	check := func(name string, l *list) error {
		prev := l.end()
		for h := l.GCNext; h != l.end(); h = alloc.Link(h).GCNext {
			if h == nil {
				return fmt.Errorf("%s: nil link after %p", name, prev)
			}
			lk := alloc.Link(h)
			if lk.GCPrev != prev {
				return fmt.Errorf("%s: %p's prev is %p, want %p", name, h, lk.GCPrev, prev)
			}
			if other, ok := seen[h]; ok {
				return fmt.Errorf("%p is in %s and %s", h, other, name)
			}
			seen[h] = name
			if h.Flags()&alloc.FlagContainer == 0 {
				return fmt.Errorf("%s: %p is not a container", name, h)
			}
			if h.Flags()&alloc.FlagFreed != 0 {
				return fmt.Errorf("%s: %p was freed", name, h)
			}
			if !c.collecting && lk.GCBits != 0 {
				return fmt.Errorf("%s: %p has marks %b between collections", name, h, lk.GCBits)
			}
			prev = h
		}
		if l.GCPrev != prev {
			return fmt.Errorf("%s: head's prev is %p, want %p", name, l.GCPrev, prev)
		}
		return nil
	}
	for i := range c.gens {
		if err := check(fmt.Sprint("generation ", i), &c.gens[i]); err != nil {
			return err
		}
	}
	if err := check("permanent", &c.permanent); err != nil {
		return err
	}
	work := map[string]*list{"work": &c.work, "unreach": &c.unreach, "final": &c.final, "pending": &c.pending}
	for name, l := range work {
		if err := check(name, l); err != nil {
			return err
		}
		if !c.collecting && !l.empty() {
			return fmt.Errorf("working list %s not empty between collections", name)
		}
	}
	return nil
}

// Orphans returns the number of references held for the next collection.
func (c *Collector) Orphans() int { return len(c.orphans) }
