package lru

import "testing"

// A cache holds no more than its bound, dropping what was used least
// lately, also as the size of a kept entry grows.
func TestBound(t *testing.T) {
	c := New[string, int](100)
	c.Put("a", 1, 40)
	c.Put("b", 2, 40)
	c.Get("a") // b is now the least lately used
	c.Put("c", 3, 40)
	if _, ok := c.Get("b"); ok {
		t.Error("b is kept beyond the cache's bytes")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.Get(k); !ok {
			t.Errorf("%s, used lately, is dropped", k)
		}
	}
	c.Charge("c", 50) // c's parts grow: a, used least lately, goes
	if _, ok := c.Get("a"); ok {
		t.Error("a is kept after c grew beyond the cache's bytes")
	}
	if n := c.Size(); n > 100 {
		t.Errorf("the cache holds %d bytes, more than its 100", n)
	}
	if v := c.Put("big", 4, 101); v != 4 {
		t.Errorf("put of an entry larger than the cache returns %v, not the entry", v)
	}
	if _, ok := c.Get("big"); ok {
		t.Error("an entry larger than the whole cache is kept")
	}
	if New[string, int](-1).On() {
		t.Error("a cache of -1 bytes is on")
	}
	var none *Cache[string, int]
	if v := none.Put("a", 1, 1); v != 1 {
		t.Errorf("put in no cache returns %v, not the entry", v)
	}
	if _, ok := none.Get("a"); ok || none.On() {
		t.Error("no cache keeps something")
	}
}
