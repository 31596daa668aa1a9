package notice

import (
	"net/mail"
	"strings"
	"testing"

	"planverk/i18n"
)

// Every notice reads in each language, says what happened and what is
// waited for, and ends with its link; no message is missing.
func TestNoticeTexts(t *testing.T) {
	link := "https://planverk.example.no/programmes/p/plans/2026/steps/council?organisation=tokke-kommune"
	want := map[i18n.Lang]map[Event][]string{
		i18n.Bokmal: {
			Proposed:            {"lagt fram for politisk forankring", "formannskapet og kommunestyret i Tokke kommune"},
			ProposedForApproval: {"venter på godkjenning", "godkjenning fra Tokke kommune"},
			Anchored:            {"politisk forankret", "Kommunestyret i hver kommune har vedtatt"},
			Approved:            {"er godkjent", "Tokke kommune har godkjent"},
		},
		i18n.Nynorsk: {
			Proposed:            {"lagd fram for politisk forankring", "formannskapet og kommunestyret i Tokke kommune"},
			ProposedForApproval: {"ventar på godkjenning", "godkjenning frå Tokke kommune"},
			Anchored:            {"politisk forankra", "Kommunestyret i kvar kommune har vedteke"},
			Approved:            {"er godkjend", "Tokke kommune har godkjent"},
		},
		i18n.English: {
			Proposed:            {"proposed for political anchoring", "municipal council of Tokke kommune"},
			ProposedForApproval: {"waits for approval", "approval of Tokke kommune"},
			Anchored:            {"politically anchored", "The council of every municipality has adopted"},
			Approved:            {"is approved", "Tokke kommune has approved"},
		},
	}
	for lang, events := range want {
		for e, words := range events {
			n := Notice{Event: e, Lang: lang, To: mail.Address{Name: "Åse", Address: "ase@example.no"},
				Programme: "Bygdevekstavtale for Vest-Telemark", Plan: "Handlingsplan 2026", Organisation: "Tokke kommune", Link: link}
			text := n.Subject() + "\n" + n.Body()
			for _, w := range append(words, "Handlingsplan 2026", "Bygdevekstavtale for Vest-Telemark", "Åse,", link+"\n") {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s lacks %q:\n%s", lang, e, w, text)
				}
			}
			if strings.Contains(text, "notice.") {
				t.Errorf("%s %s has a message missing:\n%s", lang, e, text)
			}
		}
	}
}
