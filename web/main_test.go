package web

import (
	"testing"

	"planverk/store/testdb"
)

// TestMain drops the template databases the fixtures were copied from.
func TestMain(m *testing.M) { testdb.Main(m) }
