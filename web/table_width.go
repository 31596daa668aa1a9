package web

// wideColumns is the most columns of amounts and labels a table prints
// across a portrait A4 page; a wider one is printed on a landscape page
// of its own (style.css, @page wide), never cut or shrunk to unreadable.
const wideColumns = 7

// Wide reports whether the budget table is printed landscape: number,
// line and total, and a column a year.
func (b *budgetView) Wide() bool { return 3+len(b.Years) > wideColumns }

// Wide reports whether the financing table is printed landscape: a grid
// has number, line and total, and a column a source; a table laid out
// source by source has four columns.
func (f *financingView) Wide() bool { return f.ByLine && 3+len(f.Sources) > wideColumns }
