package plan

import (
	"encoding/json"
	"fmt"
)

// Clone returns a deep copy of the file, through its JSON encoding: every
// field of the plan types is encoded, so a field added later is copied too.
func (f *File) Clone() *File {
	b, err := json.Marshal(f)
	if err != nil {
		panic(fmt.Sprintf("plan: encoding a plan file: %v", err))
	}
	var c File
	if err := json.Unmarshal(b, &c); err != nil {
		panic(fmt.Sprintf("plan: decoding a plan file: %v", err))
	}
	return &c
}
