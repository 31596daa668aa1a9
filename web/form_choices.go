package web

import "slices"

// Groups of check boxes and radio buttons send a name once for every box
// ticked; these read such a group back for the "choices" sub-template.

// Has reports whether a group's value is chosen. The empty value of a
// radio group ("none of these") is chosen when nothing else is.
func (f *form) Has(name, value string) bool {
	if value == "" {
		return f.Get(name) == ""
	}
	return slices.Contains(f.Values[name], value)
}

// Extra lists the values a group was sent that are not among its options:
// a hand-made request, or a value the choices no longer have. The form
// shows them ticked, so that nothing sent is silently dropped and the
// message that explains them has something to stand beside.
func (f *form) Extra(name string, options []option) []string {
	var out []string
	for _, v := range f.Values[name] {
		if v != "" && !slices.ContainsFunc(options, func(o option) bool { return o.Value == v }) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
