package describe

import (
	"strconv"
	"strings"

	"planverk/plan"
)

// Line is one change in words: where in the plan, what, and the value
// before and after. Read together: "Measure 1.2 «Title»: Status: Planned
// → Ongoing", "Measure 1.2 «Title»: Lead added: Husbanken".
type Line struct {
	// Place is where the change is, from the outside in: "Budget «…»",
	// "Line «…»". Empty for a change to the plan itself.
	Place []Text
	// Subject is what changed: a field's label, an item of a list
	// ("Measure 2.3"), an entry of a map ("Amount 2026").
	Subject Text
	// Kind is plan.ChangeAdded, ChangeRemoved or ChangeChanged, or
	// KindOrder for items that now stand in another order.
	Kind string
	// Before and After are the values in words; empty where absent.
	Before, After Text
}

// KindOrder is the kind of a change to the order of a list's items.
const KindOrder = "order"

// numbers are the goal and measure a change is inside, as plan.Change
// records them: the numbers they had then.
type numbers struct{ goal, measure int }

// Change writes a recorded change in words.
func (b *Book) Change(c plan.Change) Line {
	steps := b.walk(c.Path, false)
	nums := numbers{c.Goal, c.Measure}
	l := Line{Kind: c.Kind}
	if len(steps) == 0 {
		l.Subject = Text{{Text: b.t("words.field.plan")}}
		l.Before, l.After = b.value(nil, "", nil, c.Before), b.value(nil, "", nil, c.After)
		return l
	}
	l.Place = b.place(steps[:len(steps)-1], nums, false)
	last := steps[len(steps)-1]
	switch {
	case last.order:
		l.Kind = KindOrder
		l.Subject = Text{{Text: b.t("words.order", "List", b.label(last.owner, last.field))}}
		l.Before, l.After = b.order(last, c.Before, nums), b.order(last, c.After, nums)
		return l
	case last.keyed && !last.isMap():
		l.Subject = b.head(steps, len(steps)-1, nums, false, false)
		l.Before, l.After = b.item(last.owner, last.field, last.typ, c.Before), b.item(last.owner, last.field, last.typ, c.After)
		return l
	default:
		l.Subject = b.head(steps, len(steps)-1, nums, false, true)
	}
	owner, field, t := last.owner, last.field, last.typ
	l.Before, l.After = b.value(owner, field, t, c.Before), b.value(owner, field, t, c.After)
	return l
}

// place writes the steps of a path that lead to what it names. The plan
// itself is no place (every page is about one plan), and a goal is named
// by the measure inside it, "Measure 2.3".
func (b *Book) place(steps []step, nums numbers, byIndex bool) []Text {
	var out []Text
	for i, s := range steps {
		if i == 0 && s.field == "plan" && !s.keyed {
			continue
		}
		if b.isGoal(s) && s.keyed && i+1 < len(steps) && b.isMeasure(steps[i+1]) && steps[i+1].keyed {
			continue
		}
		out = append(out, b.head(steps, i, nums, byIndex, true))
	}
	return out
}

// isGoal and isMeasure recognise an item of a plan's goals and of their
// measures, which are named by their numbers.
func (b *Book) isGoal(s step) bool {
	if s.owner != nil {
		return deref(elem(s.ftype)) == goalType
	}
	return s.field == "goals"
}

func (b *Book) isMeasure(s step) bool {
	if s.owner != nil {
		return deref(elem(s.ftype)) == measureType
	}
	return s.field == "measures"
}

// head names step i of a path: a field by its label, an entry of a map by
// the map's label and its key, an item of a list by its label, its number
// and (withName) its name.
func (b *Book) head(steps []step, i int, nums numbers, byIndex, withName bool) Text {
	s := steps[i]
	if !s.keyed {
		return Text{{Text: b.label(s.owner, s.field)}}
	}
	if s.isMap() {
		return append(Text{{Text: b.label(s.owner, s.field) + " "}}, b.key(s.field, s.key)...)
	}
	var out Text
	switch {
	case b.isMeasure(s):
		goal := nums.goal
		if goal == 0 && i > 0 {
			goal = b.number(steps[i-1], 0, byIndex)
		}
		out = Text{{Text: b.t("measure.ref", "Goal", goal, "Number", b.number(s, nums.measure, byIndex))}}
	case b.isGoal(s):
		out = Text{{Text: b.t("goal.heading", "Number", b.number(s, nums.goal, byIndex))}}
	default:
		label := b.itemLabel(s.owner, s.field)
		if n := scalar(member(s.node, "number")); n != "" {
			label += " " + n
		}
		out = Text{{Text: label}}
		if _, isObj := s.node.(map[string]any); !isObj && withName && s.node != nil {
			// An item of a list of values: the value names it.
			return append(out, append(Text{{Text: " "}}, b.scalar(s.owner, s.field, s.typ, scalar(s.node))...)...)
		}
	}
	if !withName {
		return out
	}
	if obj, ok := s.node.(map[string]any); ok {
		if name, f := b.name(structType(s.typ), obj); name != nil && f != "year" {
			if len(name) == 1 {
				return append(out, b.quotedIn(name[0].Text, name[0].Lang)...)
			}
			return append(append(out, Part{Text: " "}), name...)
		}
	}
	return out
}

// number returns the number of a goal or measure: the one the change
// recorded, else the item's own, else its key.
func (b *Book) number(s step, recorded int, byIndex bool) int {
	if recorded != 0 {
		return recorded
	}
	if n, err := strconv.Atoi(scalar(member(s.node, "number"))); err == nil {
		return n
	}
	if n, err := strconv.Atoi(s.key); err == nil && !byIndex {
		return n
	}
	return 0
}

// order writes the keys of a list's items, comma-separated as plan.Diff
// records a new order, as the items' numbers or names.
func (b *Book) order(s step, keys string, nums numbers) Text {
	var out Text
	for i, k := range strings.Split(keys, ",") {
		if k == "" {
			continue
		}
		if i > 0 {
			out = append(out, Part{Text: ", "})
		}
		it := s
		it.keyed, it.key = true, k
		it.typ = elem(s.ftype)
		it.node = item(s.fnode, k, false)
		switch {
		case b.isMeasure(it):
			out = append(out, Part{Text: strconv.Itoa(nums.goal) + "." + strconv.Itoa(b.number(it, 0, false))})
		case b.isGoal(it):
			out = append(out, Part{Text: strconv.Itoa(b.number(it, 0, false))})
		default:
			if obj, ok := it.node.(map[string]any); ok {
				if name, _ := b.name(structType(it.typ), obj); name != nil {
					out = append(out, name...)
					continue
				}
			}
			out = append(out, Part{Text: k})
		}
	}
	return out
}
