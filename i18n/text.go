package i18n

// Text is a text written in each of planverk's languages by whoever wrote a
// document of data (a capacity survey's indicator set, an assessment's, an
// evaluation template), as it is read from YAML.
type Text struct {
	NB string `yaml:"nb"`
	NN string `yaml:"nn"`
	EN string `yaml:"en"`
}

// In returns the text in a language ("nb", "nn", "en"), falling back to
// bokmål, then nynorsk, then English, where it is left out.
func (t Text) In(lang string) string {
	var s string
	switch lang {
	case "nn":
		s = t.NN
	case "en":
		s = t.EN
	default:
		s = t.NB
	}
	for _, x := range []string{s, t.NB, t.NN, t.EN} {
		if x != "" {
			return x
		}
	}
	return ""
}
