package inputlimit

import (
	"errors"
	"strings"
	"testing"
)

func TestUnmarshalYAMLNeitherPanicsNorGoesDeep(t *testing.T) {
	var list []map[string]any
	if err := UnmarshalYAML([]byte("!!str 0\n"), &list, Default); err == nil {
		t.Error("a tagged scalar decoded into a list")
	}
	var le *Error
	if err := UnmarshalYAML([]byte(strings.Repeat("- ", 100_000)+"x\n"), &list, Default); !errors.As(err, &le) || le.Limit != LimitDepth {
		t.Errorf("deep YAML: %v", err)
	}
	if err := UnmarshalYAML([]byte("- terms: []\n"), &list, Default); err != nil || len(list) != 1 {
		t.Errorf("a plain list: %v, %v", list, err)
	}
}
