package auth

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// commonPasswordList is the bundled list of words common and breached
// passwords are made of; see the file for its source.
//
//go:embed common_passwords.txt
var commonPasswordList string

// breachedPasswordList is Openwall's list of the passwords most often seen
// in breaches and on real systems, in the public domain (see the file's
// header), of which planverk's own list above holds the Norwegian words.
//
//go:embed openwall_passwords.txt
var breachedPasswordList string

// commonWords is both lists as a set, read on first use.
var commonWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(commonPasswordList + "\n" + breachedPasswordList))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		words[norm.NFKC.String(strings.ToLower(w))] = true
	}
	return words
})

// sequences are runs of characters that sequential passwords walk along:
// the alphabet (with the Norwegian letters), digits and the rows of a
// Norwegian and an English keyboard. Each is also walked backwards.
var sequences = []string{
	"abcdefghijklmnopqrstuvwxyzæøå",
	"01234567890",
	"qwertyuiopå", "asdfghjkløæ", "zxcvbnm",
	"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
	"qazwsxedcrfvtgbyhnujmikolp",
	"1q2w3e4r5t6y7u8i9o0p",
}

// IsCommonPassword reports whether pw is a common or breached password, or
// made like one, which an attacker tries first (NIST SP 800-63B, 5.1.1.2):
//
//   - a word of the bundled list, whatever its case, alone or with digits
//     and punctuation before or after it ("Sommer2025", "password12",
//     "!Qwerty123"), or repeated ("passordpassord");
//   - one character or a short group repeated ("aaaaaaaaaa", "abcabcabca");
//   - a run along the alphabet, the digits or the keyboard ("1234567890",
//     "qwertyuiop", "abcdefghij"), possibly with digits after it.
func IsCommonPassword(pw string) bool {
	p := norm.NFKC.String(strings.ToLower(pw))
	core := strings.TrimFunc(p, notLetter)
	if core == "" || repeated(p) || sequential(p) || sequential(core) {
		return true
	}
	words := commonWords()
	if words[p] || words[core] {
		return true
	}
	// A list entry with digits in it ("trustno1"), with digits and
	// punctuation after it: cut the tail back one character at a time.
	lead := strings.TrimLeftFunc(p, notLetter)
	for cut := lead; cut != "" && len(cut) > len(core); {
		_, size := utf8.DecodeLastRuneInString(cut)
		cut = cut[:len(cut)-size]
		if words[cut] {
			return true
		}
	}
	// A list word repeated, such as "sommersommer".
	for n := 1; n <= len(core)/2; n++ {
		if len(core)%n == 0 && words[core[:n]] && strings.Repeat(core[:n], len(core)/n) == core {
			return true
		}
	}
	return false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// repeated reports whether s is one group of at most four characters
// repeated: "1111111111", "abababab".
func repeated(s string) bool {
	r := []rune(s)
	for n := 1; n <= 4 && n < len(r); n++ {
		ok := true
		for i := n; i < len(r) && ok; i++ {
			ok = r[i] == r[i-n]
		}
		if ok {
			return true
		}
	}
	return false
}

// sequential reports whether s is a run along one of the sequences,
// forwards or backwards, followed by nothing but digits.
func sequential(s string) bool {
	run := strings.TrimRightFunc(s, unicode.IsDigit)
	if len([]rune(run)) < 4 {
		// Digits only: the run is the digits themselves.
		run = s
	}
	for _, seq := range sequences {
		if strings.Contains(seq, run) || strings.Contains(reverse(seq), run) {
			return true
		}
	}
	return false
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
