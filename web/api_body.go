package web

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"planverk/auth"
	"planverk/i18n"
	"planverk/inputlimit"
	"planverk/plan"
	"planverk/store"
)

// What every write of the API checks before it changes anything: who is
// asking, what they sent, and whether it has the shape the Go type has.
// Whatever it refuses is an *apiRefusal, which apiFail writes as a problem
// document in the client's language.

// apiBodyLimit is the largest body a write takes: 1 MiB. The largest plan
// file so far is a tenth of that as JSON; a body much larger is a mistake
// or an attack, and is refused before it is read whole.
const apiBodyLimit = 1 << 20

// apiBodyDepth is how deep a body may nest: a plan is a few levels deep
// (plan, goals, measures, budget, rows, cells), and no body needs more.
const apiBodyDepth = 32

// apiRefusal is an API error the plan's error codes have no word for (a
// missing precondition, a media type, a body too large) or that carries
// more than a message: the field errors of a 422, the current ETag of a
// 412. Its message is a catalogue ID, written in the client's language when
// the answer is.
type apiRefusal struct {
	status int
	msg    string
	args   map[string]any
	fields []bodyIssue
	// etag is the resource's current ETag, sent with a 412 so that the
	// client knows what it is now.
	etag string
	// header holds further headers the answer needs, such as Accept-Patch.
	header map[string]string
}

func (e *apiRefusal) Error() string { return i18n.T(i18n.English, e.msg, e.args) }

// bodyIssue is one thing wrong at one place of a body.
type bodyIssue struct {
	// pointer is where, as an RFC 6901 JSON pointer into the body.
	pointer string
	detail  func(i18n.Lang) string
}

// issue is a bodyIssue with a catalogue message.
func issue(pointer, msg string, args map[string]any) bodyIssue {
	return bodyIssue{pointer: pointer, detail: func(l i18n.Lang) string { return i18n.T(l, msg, args) }}
}

// findingIssue is a finding of the plan's rules, as an issue at pointer.
func findingIssue(pointer string, f plan.Finding) bodyIssue {
	return bodyIssue{pointer: pointer, detail: func(l i18n.Lang) string { return i18n.Finding(l, f) }}
}

// invalid is the 422 for issues of a body that has the right shape but
// values that do not pass.
func invalid(issues ...bodyIssue) error {
	return &apiRefusal{status: http.StatusUnprocessableEntity, msg: "api.invalid", fields: issues}
}

// writeRefusal writes a refusal as a problem document.
func (s *Server) writeRefusal(w http.ResponseWriter, r *http.Request, e *apiRefusal) {
	lang := apiLang(r)
	p := apiProblem{Type: "about:blank", Title: http.StatusText(e.status), Status: e.status, Detail: i18n.T(lang, e.msg, e.args)}
	for _, f := range e.fields {
		p.Errors = append(p.Errors, apiFieldError{Pointer: f.pointer, Detail: f.detail(lang)})
	}
	h := w.Header()
	for k, v := range e.header {
		h.Set(k, v)
	}
	if e.etag != "" {
		h.Set("ETag", e.etag)
	}
	if e.status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="planverk"`)
	}
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Language", string(lang))
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(p)
}

// apiUser is the account a write is made by. Every write needs one: an
// anonymous request is told to authenticate (401) before anything else, so
// that it learns nothing about what exists.
func apiUser(r *http.Request) (*store.User, error) {
	if u := whoOf(r).User; u != nil {
		return u, nil
	}
	return nil, &apiRefusal{status: http.StatusUnauthorized, msg: "api.unauthorized"}
}

// apiPlanFor loads the plan a request's path names, for a person who may
// do a to it, checked in this order: an account, a year, a plan they may
// see, the right. Otherwise it answers the request and returns false.
func (s *Server) apiPlanFor(w http.ResponseWriter, r *http.Request, a auth.Action) (*store.User, *plan.File, store.PlanVersion, bool) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return nil, nil, store.PlanVersion{}, false
	}
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		s.apiFail(w, r, plan.Errorf(plan.EInvalid, "year must be a year such as 2025, not %q", r.PathValue("year")))
		return nil, nil, store.PlanVersion{}, false
	}
	f, v, err := s.loadVisiblePlan(r, r.PathValue("programme"), year, 0)
	if err != nil {
		s.apiFail(w, r, err)
		return nil, nil, store.PlanVersion{}, false
	}
	if !can(r, a, planResource(v)) {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return nil, nil, store.PlanVersion{}, false
	}
	return u, f, v, true
}

// apiForbidden is the 403 for a known user without the right; msg says
// which right it takes.
func apiForbidden(msg string, args map[string]any) error {
	return &apiRefusal{status: http.StatusForbidden, msg: msg, args: args}
}

// apiKeyLimit caps an Idempotency-Key; a UUID is 36 characters.
const apiKeyLimit = 200

// apiSubmission is the store's submission key for a write: the request's
// Idempotency-Key, "" without one. The store keeps submissions in one
// namespace with the browser's forms, so the key is scoped to the user and
// the resource: another user's key, or the same key sent to another
// resource, never returns somebody else's result.
func apiSubmission(r *http.Request, userID int64, resource string) (string, error) {
	key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	// The draft standard writes the key as a structured-field string, in
	// quotes; most clients send it bare. Both mean the same key.
	if len(key) >= 2 && key[0] == '"' && key[len(key)-1] == '"' {
		key = key[1 : len(key)-1]
	}
	if key == "" {
		return "", nil
	}
	if len(key) > apiKeyLimit {
		return "", &apiRefusal{status: http.StatusBadRequest, msg: "api.idempotency-key", args: map[string]any{"Max": apiKeyLimit}}
	}
	return fmt.Sprintf("api:%d:%s %s:%s", userID, r.Method, resource, key), nil
}

// errNotRepeated stops a probe for an earlier submission before it
// changes anything.
var errNotRepeated = errors.New("no earlier request with this Idempotency-Key")

// apiRepeated reports the version an earlier request with the same
// submission made, if one did. A write checks the plan as it is now, and a
// retry of a write that succeeded fails those checks: the measure has moved
// on, or is gone. Before such a failure is answered, this finds whether the
// request is such a retry, so that it gets the first answer instead.
func (s *Server) apiRepeated(r *http.Request, programme string, year int, submission string) (store.PlanVersion, bool, error) {
	if submission == "" {
		return store.PlanVersion{}, false, nil
	}
	v, err := s.store.EditPlan(r.Context(), programme, year, store.Edit{Submission: submission},
		func(*plan.File) error { return errNotRepeated })
	if errors.Is(err, errNotRepeated) {
		return store.PlanVersion{}, false, nil
	}
	if err != nil {
		return store.PlanVersion{}, false, err
	}
	return v, v.Repeated, nil
}

// apiFailOrRepeat answers a write that failed against the plan as it is
// now, unless it is the retry of one that succeeded: that gets the first
// answer again, from again.
func (s *Server) apiFailOrRepeat(w http.ResponseWriter, r *http.Request, v store.PlanVersion, submission string,
	err error, again func(store.PlanVersion)) {
	first, repeated, perr := s.apiRepeated(r, v.ProgrammeID, v.Year, submission)
	switch {
	case perr != nil:
		s.apiFail(w, r, perr)
	case repeated:
		again(first)
	default:
		s.apiFail(w, r, err)
	}
}

// checkMediaType refuses a body that is not of the media type (415). A
// charset, if given, must be UTF-8, the only one JSON has.
func checkMediaType(r *http.Request, want string) error {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err == nil && mt == want && (params["charset"] == "" || strings.EqualFold(params["charset"], "utf-8")) {
		return nil
	}
	e := &apiRefusal{status: http.StatusUnsupportedMediaType, msg: "api.media-type", args: map[string]any{"Type": want}}
	if r.Method == http.MethodPatch {
		e.header = map[string]string{"Accept-Patch": want}
	}
	return e
}

// readDocument reads a JSON body of the media type: at most apiBodyLimit
// bytes, exactly one JSON value. It returns the value as plain JSON (maps,
// lists, json.Number) so that its shape can be checked before it is
// decoded into a Go type.
func readDocument(w http.ResponseWriter, r *http.Request, mediaType string) (any, error) {
	if err := checkMediaType(r, mediaType); err != nil {
		return nil, err
	}
	tooLarge := &apiRefusal{status: http.StatusRequestEntityTooLarge, msg: "api.too-large", args: map[string]any{"Limit": "1 MiB"}}
	if r.ContentLength > apiBodyLimit {
		return nil, tooLarge
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, apiBodyLimit))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, tooLarge
	}
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &apiRefusal{status: http.StatusBadRequest, msg: "api.empty-body"}
	}
	// encoding/json would silently turn invalid UTF-8 into U+FFFD and
	// recurse a level for each "[": both are refused first.
	if !utf8.Valid(b) {
		return nil, &apiRefusal{status: http.StatusBadRequest, msg: "input.not-utf8"}
	}
	var le *inputlimit.Error
	if errors.As(inputlimit.JSON(b, inputlimit.Limits{Bytes: apiBodyLimit, Depth: apiBodyDepth}), &le) {
		return nil, &apiRefusal{status: http.StatusBadRequest, msg: "limit." + le.Limit, args: map[string]any{"Max": le.MaxText()}}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		offset := int64(len(b))
		var se *json.SyntaxError
		if errors.As(err, &se) {
			offset = se.Offset
		}
		return nil, &apiRefusal{status: http.StatusBadRequest, msg: "api.syntax", args: map[string]any{"Offset": offset}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &apiRefusal{status: http.StatusBadRequest, msg: "api.trailing"}
	}
	return doc, nil
}

// readJSON reads an application/json body into v, a pointer.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	doc, err := readDocument(w, r, "application/json")
	if err != nil {
		return err
	}
	return decodeDocument(doc, v)
}

// decodeDocument checks a document against the Go type v points to and
// decodes it. A member the type does not have is a 400 that names it (and
// every other), so that a misspelt field is never silently dropped; a value
// of the wrong kind is a 422 that points at it.
func decodeDocument(doc any, v any) error {
	if err := checkShape(doc, reflect.TypeOf(v).Elem()); err != nil {
		return err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("encode checked body: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		// checkShape lets through only what decodes; this is a defect.
		return fmt.Errorf("decode checked body: %w", err)
	}
	return nil
}

// checkShape checks a document's shape against a Go type.
func checkShape(doc any, t reflect.Type) error {
	var c shapeChecker
	c.walk(doc, t, "")
	if len(c.unknown) > 0 {
		return &apiRefusal{status: http.StatusBadRequest, msg: "api.unknown-fields",
			args: map[string]any{"Fields": strings.Join(c.names, ", ")}, fields: c.unknown}
	}
	if len(c.wrong) > 0 {
		return invalid(c.wrong...)
	}
	return nil
}

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// shapeChecker walks a JSON document alongside the Go type it is to become,
// the way encoding/json will decode it, but strictly: member names must
// match exactly (encoding/json ignores case), and every problem is noted
// with its place rather than the first one only.
type shapeChecker struct {
	unknown, wrong []bodyIssue
	names          []string
}

func (c *shapeChecker) walk(v any, t reflect.Type, ptr string) {
	if v == nil {
		// null leaves a value as it is (and removes it, in a merge patch).
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if pt := reflect.PointerTo(t); pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType) {
		// Amounts, dates and shares read themselves: ask them.
		b, _ := json.Marshal(v)
		if err := json.Unmarshal(b, reflect.New(t).Interface()); err != nil {
			c.expected(ptr, t)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			c.expected(ptr, t)
			return
		}
		fields := jsonFields(t)
		for _, k := range sortedMembers(obj) {
			p := ptr + "/" + pointerToken(k)
			ft, ok := fields[k]
			if !ok {
				c.unknown = append(c.unknown, issue(p, "api.unknown-field", map[string]any{"Field": k}))
				c.names = append(c.names, k)
				continue
			}
			c.walk(obj[k], ft, p)
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			c.expected(ptr, t)
			return
		}
		for _, k := range sortedMembers(obj) {
			p := ptr + "/" + pointerToken(k)
			if isInt(t.Key().Kind()) {
				if _, err := strconv.ParseInt(k, 10, 64); err != nil {
					c.wrong = append(c.wrong, issue(p, "api.key-integer", map[string]any{"Key": k}))
					continue
				}
			}
			c.walk(obj[k], t.Elem(), p)
		}
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			c.expected(ptr, t)
			return
		}
		for i, e := range list {
			c.walk(e, t.Elem(), ptr+"/"+strconv.Itoa(i))
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			c.expected(ptr, t)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			c.expected(ptr, t)
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			c.expected(ptr, t)
		}
	default:
		if !isInt(t.Kind()) {
			return // an interface takes anything
		}
		n, ok := v.(json.Number)
		var err error
		if ok {
			_, err = strconv.ParseInt(string(n), 10, t.Bits())
		}
		if !ok || err != nil {
			c.expected(ptr, t)
		}
	}
}

func isInt(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

// expected notes a value of the wrong kind: the message names the kind
// the place takes.
func (c *shapeChecker) expected(ptr string, t reflect.Type) {
	kind := "value"
	switch t {
	case reflect.TypeFor[plan.Date]():
		kind = "date"
	case reflect.TypeFor[plan.Share]():
		kind = "share"
	case reflect.TypeFor[plan.Amount]():
		kind = "amount"
	default:
		switch k := t.Kind(); {
		case k == reflect.String:
			kind = "string"
		case k == reflect.Bool:
			kind = "boolean"
		case isInt(k):
			kind = "integer"
		case k == reflect.Float32 || k == reflect.Float64:
			kind = "number"
		case k == reflect.Struct || k == reflect.Map:
			kind = "object"
		case k == reflect.Slice || k == reflect.Array:
			kind = "array"
		}
	}
	c.wrong = append(c.wrong, bodyIssue{pointer: ptr, detail: func(l i18n.Lang) string {
		return i18n.T(l, "api.expected", map[string]any{"Expected": i18n.T(l, "api.expected-"+kind, nil)})
	}})
}

// jsonFields maps the JSON member names of a struct to their types, as
// encoding/json names them.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" && !strings.HasPrefix(tag, "-,") {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for n, et := range jsonFields(ft) {
					if _, shadowed := out[n]; !shadowed {
						out[n] = et
					}
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func sortedMembers(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// pointerToken escapes a member name for a JSON pointer (RFC 6901).
func pointerToken(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// findingPointer turns the path of a finding, in the plan file's field
// names, into a JSON pointer: plan.goals[0].measures[1].title becomes
// /plan/goals/0/measures/1/title.
func findingPointer(path string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == '[' || r == ']' }) {
		b.WriteString("/" + pointerToken(part))
	}
	return b.String()
}

// findingKey identifies a finding by what it says and where, so that the
// findings of two versions can be compared.
func findingKey(path string, f plan.Finding) string {
	return fmt.Sprint(f.Rule, "\x00", path, "\x00", f.Message, "\x00", f.Args)
}

// newErrors returns the errors among after's findings that are not among
// before's. A write answers for the errors it brings in, not for those the
// plan had already: the person fixing a date should not be stopped by an old
// finding about the budget. relBefore and relAfter turn a finding's path
// into the path compared (and pointed at), or "" to leave it out.
func newErrors(before, after []plan.Finding, relBefore, relAfter func(string) string) []bodyIssue {
	had := map[string]bool{}
	for _, f := range before {
		if p := relBefore(f.Path); p != "" && f.Severity == plan.SeverityError {
			had[findingKey(p, f)] = true
		}
	}
	var out []bodyIssue
	for _, f := range after {
		p := relAfter(f.Path)
		if p == "" || f.Severity != plan.SeverityError || had[findingKey(p, f)] {
			continue
		}
		out = append(out, findingIssue(findingPointer(p), f))
	}
	return out
}
