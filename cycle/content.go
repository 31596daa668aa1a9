package cycle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"planverk/plan"
)

// Encode writes a release's content as the JSON the store keeps: the whole
// plan file, programme and organisations included, so that a release reads
// the same however the shared records change later.
func Encode(f *plan.File) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		// Only a defect in the plan types can make a plan file unencodable.
		panic(fmt.Sprintf("cycle: encoding a plan file: %v", err))
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Decode reads a release's content.
func Decode(b []byte) (*plan.File, error) {
	var f plan.File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("decode release: %w", err)
	}
	return &f, nil
}

// Digest is the SHA-256 of encoded content, hex.
func Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Copy returns a deep copy of a plan file.
func Copy(f *plan.File) *plan.File { return f.Clone() }

// SameContent reports whether two plan files say the same, whatever their
// status: a draft that nobody has changed since its release.
func SameContent(a, b *plan.File) bool {
	x, y := *a, *b
	x.Plan.Status, y.Plan.Status = "", ""
	return bytes.Equal(Encode(&x), Encode(&y))
}
