package notice

import (
	"net/mail"
	"strings"

	"planverk/i18n"
)

// Event is what happened, seen from the recipient: what the plan now
// waits for from them.
type Event string

// The events.
const (
	// Proposed: the plan was proposed; the recipient's municipality is to
	// anchor it (executive committee, then council).
	Proposed Event = "proposed"
	// ProposedForApproval: the plan was proposed where no municipality
	// anchors it; the recipient's funder is to approve it.
	ProposedForApproval Event = "proposed-approval"
	// Anchored: every municipality adopted the plan; the recipient's
	// funder is to approve it.
	Anchored Event = "anchored"
	// Approved: a funder approved the plan; the recipient administers the
	// programme.
	Approved Event = "approved"
)

// Notice is one mail to be written: to whom, in which language, about
// which plan.
type Notice struct {
	Event Event
	Lang  i18n.Lang
	To    mail.Address
	// Programme is the programme's name and Plan the plan's title
	// ("Handlingsplan 2026").
	Programme, Plan string
	// Organisation names the municipality that is to anchor the plan, the
	// funder that is to approve it, or the funder that approved it.
	Organisation string
	// Link is the full address of the page to go on from: the form that
	// records the step waited for, or the plan's cycle.
	Link string
}

// Subject is the mail's subject line in the recipient's language.
func (n Notice) Subject() string {
	return i18n.T(n.Lang, "notice."+string(n.Event)+".subject", n.args())
}

// Body is the mail's text in the recipient's language: what happened,
// what is waited for from the recipient, and where to do it.
func (n Notice) Body() string {
	a := n.args()
	var b strings.Builder
	if n.To.Name != "" {
		b.WriteString(i18n.T(n.Lang, "notice.greeting", a) + "\n\n")
	}
	b.WriteString(i18n.T(n.Lang, "notice."+string(n.Event)+".happened", a) + "\n\n")
	b.WriteString(i18n.T(n.Lang, "notice."+string(n.Event)+".wanted", a) + "\n\n")
	b.WriteString(i18n.T(n.Lang, "notice."+string(n.Event)+".link", a) + "\n")
	b.WriteString(n.Link + "\n\n")
	b.WriteString("-- \n" + i18n.T(n.Lang, "notice.footer", a) + "\n")
	return b.String()
}

// Message is the notice as a mail from the sender.
func (n Notice) Message(from mail.Address) Message {
	return Message{From: from, To: n.To, Subject: n.Subject(), Body: n.Body()}
}

func (n Notice) args() map[string]any {
	return map[string]any{"Name": n.To.Name, "Programme": n.Programme, "Plan": n.Plan, "Org": n.Organisation}
}
