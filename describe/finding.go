package describe

import "strings"

// Place writes where a finding's path points, in the plan's terms:
// "Budget «Budget for the period», Line «More suitable homes», Amount
// 2026". A finding names list items by their position, as the rules write
// paths. Empty for the plan itself.
func (b *Book) Place(path string) Text {
	steps := b.walk(path, true)
	if len(steps) > 0 && steps[len(steps)-1].order {
		steps[len(steps)-1].order = false
	}
	var out Text
	for i, t := range b.place(steps, numbers{}, true) {
		if i > 0 {
			out = append(out, Part{Text: ", "})
		}
		out = append(out, t...)
	}
	return out
}

// Label returns the label of the field a path ends at, as the reader
// calls it: "Title" for plan.goals[0].measures[2].title. A finding that
// names a field by its name in the file names it so on a page.
func (b *Book) Label(path string) string {
	steps := b.walk(path, true)
	if len(steps) == 0 {
		return ""
	}
	s := steps[len(steps)-1]
	if s.keyed && !s.isMap() {
		return b.itemLabel(s.owner, s.field)
	}
	return b.label(s.owner, s.field)
}

// Value writes a value of the field a path ends at, as a page shows it:
// an enum value translated ("Ongoing" for "ongoing").
func (b *Book) Value(path, v string) Text {
	steps := b.walk(path, true)
	if len(steps) == 0 {
		return Text{{Text: v}}
	}
	s := steps[len(steps)-1]
	return b.scalar(s.owner, s.field, s.typ, strings.TrimSpace(v))
}
