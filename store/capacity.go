package store

import (
	"context"

	"planverk/capacity"
)

// Capacity keeps the development-capacity survey (utviklingsevne): each
// programme's survey rounds, one a year, their respondent groups with the
// hash of each group's secret link, and the answers. An answer is stored
// with its group and the day it was given, and nothing else about who gave
// it.
type Capacity interface {
	// OpenSurveyRound starts a programme's round for a year with its
	// groups, open for answers. r.SetSource must be a set
	// capacity.ParseSet reads, and each group needs a name and a token
	// hash. A round already there for the year is plan.EConflict; an
	// unknown programme plan.ENotFound.
	OpenSurveyRound(ctx context.Context, r SurveyRound) (SurveyRound, error)
	// SurveyRounds lists a programme's rounds, newest year first.
	SurveyRounds(ctx context.Context, programmeID string) ([]SurveyRound, error)
	// SurveyRound returns a programme's round for a year; plan.ENotFound
	// where there is none.
	SurveyRound(ctx context.Context, programmeID string, year int) (SurveyRound, error)
	// SetSurveyRoundOpen opens a round for answers, or closes it.
	SetSurveyRoundOpen(ctx context.Context, programmeID string, year int, open bool) error
	// ReplaceSurveyLinks gives each of a round's groups the link hash at
	// its position in hashes, so that the old links no longer answer.
	ReplaceSurveyLinks(ctx context.Context, programmeID string, year int, hashes []string) error
	// SurveyLink finds the round and group a link's hash opens;
	// plan.ENotFound where none does.
	SurveyLink(ctx context.Context, hash string) (SurveyRound, int, error)
	// AddSurveyAnswer stores an answer through a link's hash, dated day
	// (YYYY-MM-DD). A closed round is plan.EConflict. An answer whose
	// submission was stored before stores nothing, so that a form sent
	// twice counts once.
	AddSurveyAnswer(ctx context.Context, hash, submission, day string, resp capacity.Response) error
	// SurveyAnswers returns a round's answers, with the position of the
	// group each came through, in no meaningful order.
	SurveyAnswers(ctx context.Context, programmeID string, year int) ([]capacity.Answer, error)
}

// SurveyRound is one year's survey of a programme.
type SurveyRound struct {
	ProgrammeID string
	Year        int
	// SetSource is the indicator-set document the round asks by, a copy
	// kept with the round so that a later set changes none of its answers.
	SetSource []byte
	Groups    []SurveyGroup
	Open      bool
	// PublicResults opens the round's results to everyone, not only the
	// programme's members.
	PublicResults bool
	// OpenedOn is the day the round was opened (YYYY-MM-DD).
	OpenedOn string
	// Answers counts the answers; a page may show it only to the
	// programme's administrators while the round runs, and never as a
	// result (capacity.MinRespondents).
	Answers int
}

// SurveyGroup is a group of respondents (the businesses, the
// municipality), with the hash of its link. The hash is set when storing
// and never read back.
type SurveyGroup struct {
	Name      string
	TokenHash string
}

// Set returns the round's indicator set.
func (r SurveyRound) Set() (*capacity.Set, error) { return capacity.ParseSet(r.SetSource) }
