package storetest

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestRichFileFillsEveryField keeps RichFile honest: a field added to the
// plan types fails here until RichFile sets it, and so until the round trip
// proves the store keeps it.
func TestRichFileFillsEveryField(t *testing.T) {
	set := map[reflect.Type]map[int]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		case reflect.Struct:
			fields := set[v.Type()]
			if fields == nil {
				fields = map[int]bool{}
				set[v.Type()] = fields
			}
			for i := range v.NumField() {
				if !v.Field(i).IsZero() {
					fields[i] = true
				}
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(RichFile()))
	var missing []string
	for typ, fields := range set {
		for i := range typ.NumField() {
			if !fields[i] {
				missing = append(missing, typ.Name()+"."+typ.Field(i).Name)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("RichFile never sets %s", strings.Join(missing, ", "))
	}
}
