package web

import "testing"

// The draft cache holds no more than its bytes, dropping what was used
// least lately, also as the parts of a kept version grow.
func TestDraftCacheBound(t *testing.T) {
	c := newDraftCache(100)
	c.put("a", 1, 40)
	c.put("b", 2, 40)
	c.get("a") // b is now the least lately used
	c.put("c", 3, 40)
	if _, ok := c.get("b"); ok {
		t.Error("b is kept beyond the cache's bytes")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s, used lately, is dropped", k)
		}
	}
	c.charge("c", 50) // c's parts grow: a, used least lately, goes
	if _, ok := c.get("a"); ok {
		t.Error("a is kept after c grew beyond the cache's bytes")
	}
	if n := c.bytes(); n > 100 {
		t.Errorf("the cache holds %d bytes, more than its 100", n)
	}
	if v := c.put("big", 4, 101); v != 4 {
		t.Errorf("put of an entry larger than the cache returns %v, not the entry", v)
	}
	if _, ok := c.get("big"); ok {
		t.Error("an entry larger than the whole cache is kept")
	}
	if newDraftCache(-1).on() {
		t.Error("a cache of -1 bytes is on")
	}
}
