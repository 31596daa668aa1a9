package plan

// ValidOrgNumber reports whether s is a nine-digit Norwegian organisation
// number whose last digit is the right mod-11 control digit.
func ValidOrgNumber(s string) bool {
	if len(s) != 9 {
		return false
	}
	weights := [8]int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		if i < 8 {
			sum += int(r-'0') * weights[i]
		}
	}
	control := 11 - sum%11
	if control == 11 {
		control = 0
	}
	// A remainder that gives 10 has no control digit: no such number is issued.
	return control != 10 && control == int(s[8]-'0')
}
