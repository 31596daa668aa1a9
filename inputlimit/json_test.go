package inputlimit

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDeepJSONIsRefused(t *testing.T) {
	doc := strings.Repeat(`{"a":[`, 50_000)
	start := time.Now()
	err := JSON([]byte(doc), Limits{})
	var le *Error
	if !errors.As(err, &le) || le.Limit != LimitDepth {
		t.Fatalf("JSON(deep) = %v, want the depth limit", err)
	}
	if took := time.Since(start); took > 20*time.Millisecond {
		t.Errorf("took %v", took)
	}
}

func TestBracketsInStringsDoNotCount(t *testing.T) {
	doc := `{"text": "` + strings.Repeat(`[{\"`, 200) + `", "n": [1, [2]]}`
	if err := JSON([]byte(doc), Limits{Depth: 3}); err != nil {
		t.Errorf("brackets in a string counted: %v", err)
	}
}
