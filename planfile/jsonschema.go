package planfile

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/invopop/jsonschema"

	"planverk/plan"
)

// SchemaID is the $id of the plan-file JSON Schema.
const SchemaID = "https://planverk.no/schema/plan-file-1.json"

// Schema returns the JSON Schema of the plan-file format, generated from the
// plan types so that it cannot drift from what Read accepts.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{
		FieldNameTag:              "yaml",
		AllowAdditionalProperties: false,
		DoNotReference:            false,
		Mapper:                    mapType,
	}
	s := r.Reflect(&plan.File{})
	// Where an amount has a kind beside it, the words plans print before
	// it ("inntil 150 000") are read as the kind: see amount_kind.go.
	if d, ok := s.Definitions["FinancingCell"]; ok {
		d.Properties.Set("amount", qualifiedAmountSchema())
	}
	if d, ok := s.Definitions["BudgetLine"]; ok {
		d.Properties.Set("amounts", &jsonschema.Schema{Type: "object", Description: "An amount per year",
			PropertyNames:        &jsonschema.Schema{Type: "string", Pattern: `^\d{4}$`},
			AdditionalProperties: qualifiedAmountSchema()})
	}
	s.ID = SchemaID
	s.Title = "planverk plan file"
	s.Description = "One action plan of a regional-development programme, with its programme and the organisations they name. See docs/plan-file.md."
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("plan-file schema: %w", err)
	}
	return append(b, '\n'), nil
}

func amountSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Description: "An amount in whole kroner: 10800000, or grouped \"10 800 000\"",
		OneOf: []*jsonschema.Schema{
			{Type: "integer"},
			// The no-break spaces stand in the pattern as characters, not
			// escapes, so that both ECMA and Go regular expressions read it.
			{Type: "string", Pattern: "^-?\\d{1,3}([ \u00a0\u202f.]\\d{3})*(,-)?$|^-?\\d+$"},
		},
	}
}

// qualifiedAmountSchema is an amount, or one with the word before it that
// makes it a ceiling, an estimate or a minimum.
func qualifiedAmountSchema() *jsonschema.Schema {
	a := amountSchema()
	a.Description = "An amount in whole kroner, or one with a word before it: \"inntil 150 000\" (a ceiling), \"ca. 150 000\" (an estimate), \"min. 150 000\" (a minimum); written back as the amount with kind beside it"
	var words []string
	for _, w := range plan.AmountQualifierWords() {
		// ECMA patterns have no (?i): the first letter may be a capital.
		first := w[:1]
		words = append(words, "["+first+strings.ToUpper(first)+"]"+regexp.QuoteMeta(w[1:]))
	}
	a.OneOf = append(a.OneOf, &jsonschema.Schema{Type: "string",
		Pattern: "^(" + strings.Join(words, "|") + ") ?-?(\\d{1,3}([ \u00a0\u202f.]\\d{3})*(,-)?|\\d+)$"})
	return a
}

var yearAmounts = reflect.TypeFor[map[int]plan.Amount]()

// mapType gives the schema of the value types that YAML writes as text.
func mapType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case amountType:
		return amountSchema()
	case shareType:
		return &jsonschema.Schema{Type: "string", Description: "A share as written: \"60 %\" or \"4/6\"",
			Pattern: `^\s*(\d+([.,]\d+)?\s*%|\d+\s*/\s*\d+)\s*$`}
	case dateType:
		// A year alone may be written unquoted, as a YAML number.
		return &jsonschema.Schema{Description: "A date: 2025-06-19 or 19.06.2025; a month: 2025-06 or 06.2025; a year: 2025",
			OneOf: []*jsonschema.Schema{
				{Type: "string", Pattern: `^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}|\d{1,2}\.\d{4}|\d{4})$`},
				{Type: "integer", Minimum: "1000", Maximum: "9999"},
			}}
	case yearAmounts:
		return &jsonschema.Schema{Type: "object", Description: "An amount per year",
			PropertyNames:        &jsonschema.Schema{Type: "string", Pattern: `^\d{4}$`},
			AdditionalProperties: amountSchema()}
	}
	return nil
}
