package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"planverk/evaluation"
	"planverk/store"
)

// evaluationTemplateUpload stores a template sent as a file or pasted in
// the form, in place of the one of its name. A document planverk cannot
// read comes back with what is wrong and on which line.
func (s *Server) evaluationTemplateUpload(w http.ResponseWriter, r *http.Request) {
	if !canKeepTemplates(r) {
		s.deny(w, r)
		return
	}
	src, fm, ok := s.templateSource(w, r)
	if !ok {
		return
	}
	if _, err := evaluation.ParseTemplate(src); err != nil {
		var te *evaluation.TemplateError
		if !errors.As(err, &te) {
			s.fail(w, r, err)
			return
		}
		args := []any{"Line", te.Line, "Detail", te.Detail}
		for k, v := range te.Args {
			args = append(args, k, v)
		}
		fm.Fail("source", te.Key, args...)
		s.renderEvaluationTemplates(w, r, http.StatusUnprocessableEntity, fm)
		return
	}
	t, err := s.store.SaveEvaluationTemplate(r.Context(), store.EvaluationTemplate{Source: src, UploadedBy: whoOf(r).Subject.UserID})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/evaluation-templates?saved="+url.QueryEscape(t.Name), http.StatusSeeOther)
}

// templateSource reads the template from the form: the file chosen, or
// else the text pasted.
func (s *Server) templateSource(w http.ResponseWriter, r *http.Request) ([]byte, *form, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
			return nil, nil, false
		}
		fm := newForm(url.Values(r.MultipartForm.Value))
		if file, _, err := r.FormFile("file"); err == nil {
			defer file.Close()
			b, err := io.ReadAll(file)
			if err != nil {
				s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
				return nil, nil, false
			}
			if len(strings.TrimSpace(string(b))) > 0 {
				fm.Values.Set("source", string(b))
				return b, fm, true
			}
		}
		return []byte(fm.Raw("source")), fm, true
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return nil, nil, false
	}
	fm := newForm(r.PostForm)
	return []byte(fm.Raw("source")), fm, true
}
