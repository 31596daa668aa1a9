package capacity

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Response is one respondent's answer: a score for each indicator, by its
// key, and what they wrote, if anything. It carries nothing about who
// answered.
type Response struct {
	Scores  map[string]int
	Comment string
}

// MaxComment bounds a comment, in characters.
const MaxComment = 4000

// Problem is what is wrong with one field of an answer. Field is the form
// field (ScoreField of the indicator, or "comment"); Key and Args name the
// message in the catalogues.
type Problem struct {
	Field string
	Key   string
	Args  []any
}

// ScoreField is the name of the form field that holds an indicator's score.
func ScoreField(indicator string) string { return "score-" + indicator }

// ReadResponse reads an answer from a form, through get: every indicator
// of the set needs a whole number on its scale. A problem names the
// indicator by its key; the page puts it in words.
func ReadResponse(s *Set, get func(field string) string) (Response, []Problem) {
	resp := Response{Scores: map[string]int{}, Comment: strings.TrimSpace(get("comment"))}
	var problems []Problem
	for _, ind := range s.Indicators() {
		f := ScoreField(ind.Key)
		raw := strings.TrimSpace(get(f))
		if raw == "" {
			problems = append(problems, Problem{Field: f, Key: "capacity.answer.missing", Args: []any{"Indicator", ind.Key}})
			continue
		}
		v, err := strconv.Atoi(raw)
		if err != nil || v < s.Scale.Min || v > s.Scale.Max {
			problems = append(problems, Problem{Field: f, Key: "capacity.answer.off-scale",
				Args: []any{"Indicator", ind.Key, "Min", s.Scale.Min, "Max", s.Scale.Max}})
			continue
		}
		resp.Scores[ind.Key] = v
	}
	if n := utf8.RuneCountInString(resp.Comment); n > MaxComment {
		problems = append(problems, Problem{Field: "comment", Key: "capacity.answer.comment-long", Args: []any{"Max", MaxComment}})
	}
	return resp, problems
}
