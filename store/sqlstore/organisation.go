package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"planverk/plan"
)

// saveOrganisations adds the file's organisations, or updates those already
// stored under the same id: an organisation is one record, whichever plan
// named it last. Members are saved after all records, since a group may name
// a member that comes later in the file.
func (s *saver) saveOrganisations() error {
	ids := make([]int64, len(s.f.Organisations))
	for i, o := range s.f.Organisations {
		if o.ID == "" {
			return invalid(s.f, "organisations[%d] has no id", i)
		}
		if _, dup := s.orgs[o.ID]; dup {
			return invalid(s.f, "organisation %q is in the file twice", o.ID)
		}
		id, _, err := s.queryID(`
			INSERT INTO organisations (key, name, kind, number, municipality_number, website)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET
				name = excluded.name, kind = excluded.kind, number = excluded.number,
				municipality_number = excluded.municipality_number, website = excluded.website
			RETURNING id`,
			o.ID, o.Name, string(o.Kind), o.Number, o.MunicipalityNumber, o.Website)
		if err != nil {
			return fmt.Errorf("organisation %s: %w", o.ID, err)
		}
		s.orgs[o.ID] = id
		ids[i] = id
	}
	for i, o := range s.f.Organisations {
		if err := s.exec(`DELETE FROM organisation_members WHERE organisation_id = ?`, ids[i]); err != nil {
			return fmt.Errorf("organisation %s: %w", o.ID, err)
		}
		for j, m := range o.Members {
			mid, err := s.org(m, fmt.Sprintf("organisations[%d].members[%d]", i, j))
			if err != nil {
				return err
			}
			if err := s.exec(`INSERT INTO organisation_members (organisation_id, position, member_id) VALUES (?, ?, ?)`,
				ids[i], j, mid); err != nil {
				return fmt.Errorf("organisation %s: %w", o.ID, err)
			}
		}
	}
	return nil
}

// org returns the row id of the organisation a plan names, for a foreign key:
// one in the file, or one stored by an earlier save. An empty id is NULL.
func (s *saver) org(key, path string) (any, error) {
	if key == "" {
		return nil, nil
	}
	if id, ok := s.orgs[key]; ok {
		return id, nil
	}
	id, ok, err := s.queryID(`SELECT id FROM organisations WHERE key = ?`, key)
	if err != nil {
		return nil, fmt.Errorf("organisation %s: %w", key, err)
	}
	if !ok {
		return nil, invalid(s.f, "%s names organisation %q, which is neither in the file nor stored", path, key)
	}
	s.orgs[key] = id
	return id, nil
}

// savePlanOrganisations records which organisation records the file carried.
func (s *saver) savePlanOrganisations(planID int64) error {
	for i, o := range s.f.Organisations {
		if err := s.exec(`INSERT INTO plan_organisations (plan_id, position, organisation_id) VALUES (?, ?, ?)`,
			planID, i, s.orgs[o.ID]); err != nil {
			return fmt.Errorf("organisation %s: %w", o.ID, err)
		}
	}
	return nil
}

const organisationColumns = `o.id, o.key, o.name, o.kind, o.number, o.municipality_number, o.website`

func scanOrganisation(rows *sql.Rows) (int64, plan.Organisation, error) {
	var id int64
	var o plan.Organisation
	err := rows.Scan(&id, &o.ID, &o.Name, &o.Kind, &o.Number, &o.MunicipalityNumber, &o.Website)
	return id, o, err
}

// loadOrganisations runs a query selecting organisationColumns and adds
// each organisation's members.
func (r *reader) loadOrganisations(query string, args ...any) ([]plan.Organisation, error) {
	var out []plan.Organisation
	index := map[int64]int{}
	err := r.each(query, args, func(rows *sql.Rows) error {
		id, o, err := scanOrganisation(rows)
		index[id] = len(out)
		out = append(out, o)
		return err
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]any, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	// Members of the organisations just read, whatever selected them.
	err = r.each(`
		SELECT m.organisation_id, coalesce(o.key, '')
		FROM organisation_members m LEFT JOIN organisations o ON o.id = m.member_id
		WHERE m.organisation_id IN (`+placeholders(len(ids))+`)
		ORDER BY m.organisation_id, m.position`, ids,
		func(rows *sql.Rows) error {
			var owner int64
			var member string
			if err := rows.Scan(&owner, &member); err != nil {
				return err
			}
			o := &out[index[owner]]
			o.Members = append(o.Members, member)
			return nil
		})
	return out, err
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// loadPlanOrganisations returns the organisation records a plan file carried,
// as they are stored now.
func (r *reader) loadPlanOrganisations(planID int64) ([]plan.Organisation, error) {
	return r.loadOrganisations(`
		SELECT `+organisationColumns+`
		FROM plan_organisations po JOIN organisations o ON o.id = po.organisation_id
		WHERE po.plan_id = ? ORDER BY po.position`, planID)
}

// Organisations lists every stored organisation, ordered by name.
func (s *Store) Organisations(ctx context.Context) ([]plan.Organisation, error) {
	var out []plan.Organisation
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.loadOrganisations(`SELECT ` + organisationColumns + ` FROM organisations o`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	sortByName(out, func(o plan.Organisation) string { return o.Name }, func(o plan.Organisation) string { return o.ID })
	return out, nil
}

// Organisation returns one organisation by its id. An unknown id is a
// plan.ENotFound error.
func (s *Store) Organisation(ctx context.Context, id string) (plan.Organisation, error) {
	var out []plan.Organisation
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.loadOrganisations(`SELECT `+organisationColumns+` FROM organisations o WHERE o.key = ?`, id)
		return err
	})
	if err != nil {
		return plan.Organisation{}, fmt.Errorf("load organisation %s: %w", id, err)
	}
	if len(out) == 0 {
		return plan.Organisation{}, plan.Errorf(plan.ENotFound, "no organisation %q", id)
	}
	return out[0], nil
}
