package auth

import (
	"errors"
	"testing"
)

func TestCommonPasswords(t *testing.T) {
	for _, pw := range []string{
		"password12", "Password123!", "Sommer2025", "sommer2025!", "Vinter2026", "haust2024..",
		"Januar2025", "desember24!", "qwertyuiop", "Qwerty12345", "1234567890", "0987654321",
		"aaaaaaaaaa", "abcabcabca", "abcdefghij", "passordpassord", "Velkommen1", "planverk2025",
		"!Passord123", "1q2w3e4r5t", "Høst202512",
		// from the breached list: words the Norwegian list does not hold
		"Trustno1!!", "Starwars2024", "michelle1234", "Sunshine!!99",
	} {
		if !IsCommonPassword(pw) {
			t.Errorf("IsCommonPassword(%q) = false, want true", pw)
		}
		if err := ValidatePassword(pw); !errors.Is(err, ErrPasswordCommon) {
			t.Errorf("ValidatePassword(%q) = %v, want ErrPasswordCommon", pw, err)
		}
	}
	for _, pw := range []string{
		"a long test password", "korrekt hest batteri stift", "Sommerfugl i vinterland",
		"evas lange passord", "tre blå biler og en rød", "Kviteseid-2025-budsjett",
	} {
		if IsCommonPassword(pw) {
			t.Errorf("IsCommonPassword(%q) = true, want false", pw)
		}
	}
}
