package inputlimit

import (
	"fmt"

	"github.com/goccy/go-yaml"
)

// UnmarshalYAML decodes a YAML document into v, as yaml.UnmarshalWithOptions
// does, once it has passed l (an *Error otherwise). A panic of the decoder
// is returned as an error: goccy/go-yaml dereferences nil on a tagged scalar
// where a list belongs ("!!str 0"), which the fuzzer found. For a reader
// that only peeks at a document, such as one telling a plan file from a
// catalogue, before the real reader reads it.
func UnmarshalYAML(data []byte, v any, l Limits, opts ...yaml.DecodeOption) (err error) {
	if err := YAML(data, l); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document cannot be decoded (%v); is a value tagged with ! where a list or mapping belongs?", r)
		}
	}()
	return yaml.UnmarshalWithOptions(data, v, opts...)
}
