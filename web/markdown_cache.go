package web

import (
	"bytes"
	"html/template"
	"sync"

	"planverk/plan"
)

// markdownCache keeps the HTML of each Markdown text once converted: the
// texts of a plan change seldom, and a draft's page converts dozens of
// them. It is keyed by the text itself, so an edited text is simply a new
// entry; it is emptied when it holds more than its bytes.
type markdownCache struct {
	mu    sync.Mutex
	max   int
	size  int
	texts map[plan.Markdown]template.HTML
}

var markdownHTML = &markdownCache{max: 16 << 20, texts: map[plan.Markdown]template.HTML{}}

// html converts a text, or returns its conversion from before.
func (c *markdownCache) html(s plan.Markdown) template.HTML {
	c.mu.Lock()
	h, ok := c.texts[s]
	c.mu.Unlock()
	if ok {
		return h
	}
	var b bytes.Buffer
	if err := markdown.Convert([]byte(s), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(string(s)))
	}
	h = template.HTML(b.String())
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size+len(s)+len(h) > c.max {
		clear(c.texts)
		c.size = 0
	}
	c.texts[s] = h
	c.size += len(s) + len(h)
	return h
}
