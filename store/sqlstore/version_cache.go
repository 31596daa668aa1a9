package sqlstore

import (
	"time"

	"planverk/lru"
	"planverk/plan"
)

// versionCacheSize is how many plan versions the store keeps in memory:
// the plans being worked on, not every plan of a national database.
const versionCacheSize = 64

// versionKey names a plan version's content, which never changes once
// saved: a new version has a new number and time. The row id is left out
// on purpose, since the latest version's row becomes the next version.
type versionKey struct {
	programme     int64
	year, version int
	savedAt       time.Time
}

// versionContent is what a version says of its own: the programme and the
// organisation records are shared and read anew, as they may change
// without a new version.
type versionContent struct {
	format int
	plan   *plan.Plan
	orgs   []string
}

// versionCache keeps the content of recently read plan versions, least
// recently used out first, each entry counted as one. Several copies of
// planverk may share one database: the key is read from the database on
// every load, so a copy never serves a version another copy has
// superseded.
type versionCache = lru.Cache[versionKey, versionContent]

func newVersionCache() *versionCache { return lru.New[versionKey, versionContent](versionCacheSize) }

func keyOf(row planRow) versionKey {
	return versionKey{programme: row.programmeID, year: row.version.Year, version: row.version.Version,
		savedAt: row.version.SavedAt}
}

// keepVersion puts a version just committed in the cache: a copy, since
// the caller's file may yet change.
func (s *Store) keepVersion(k versionKey, f *plan.File) {
	c := f.Clone()
	orgs := make([]string, len(c.Organisations))
	for i, o := range c.Organisations {
		orgs[i] = o.ID
	}
	s.versions.Put(k, versionContent{format: c.Format, plan: &c.Plan, orgs: orgs}, 1)
}
