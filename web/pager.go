package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// pager is one page of a long list: which rows it shows, of how many, and
// the addresses of the pages before and after it. Lists read one page from
// the store, so that a page costs the same with two programmes as with
// five hundred.
type pager struct {
	Page, Pages     int
	From, To, Total int
	Prev, Next      string // "" where there is none
	First, Last     string
}

// pageOf reads ?page= (counted from 1; anything else is the first page)
// and returns the offset of that page.
func pageOf(r *http.Request, size int) (page, offset int) {
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	return page, (page - 1) * size
}

// newPager describes page of total rows, size to a page, at the request's
// address with ?page= set.
func newPager(r *http.Request, page, size, total int) pager {
	p := pager{Page: page, Total: total, Pages: max((total+size-1)/size, 1)}
	at := func(n int) string {
		q := r.URL.Query()
		if n == 1 {
			q.Del("page")
		} else {
			q.Set("page", strconv.Itoa(n))
		}
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		return u.String()
	}
	if total > 0 && page <= p.Pages {
		p.From = (page-1)*size + 1
		p.To = min(page*size, total)
	}
	if page > 1 {
		p.Prev = at(min(page-1, p.Pages))
		p.First = at(1)
	}
	if page < p.Pages {
		p.Next = at(page + 1)
		p.Last = at(p.Pages)
	}
	return p
}
