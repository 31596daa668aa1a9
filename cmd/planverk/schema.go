package main

import (
	"fmt"

	"planverk/planfile"
)

func (e *env) schema(args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(e.stderr, "usage: planverk schema")
		return exitUnusable
	}
	b, err := planfile.Schema()
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	_, _ = e.stdout.Write(b)
	return exitOK
}
