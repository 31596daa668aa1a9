package plan

import (
	"fmt"
	"math/big"
	"strings"
)

// Share is a weight or share as the plan wrote it: a percentage ("60 %",
// "75%", "12,5 %") or a fraction ("4/6"). The text is kept so that it is shown
// the way it was written; Rat gives the exact value to compute with.
type Share string

// Rat returns the share as an exact fraction of one: "60 %" is 3/5, "4/6" is 2/3.
func (s Share) Rat() (*big.Rat, error) {
	t := strings.TrimSpace(string(s))
	if t == "" {
		return nil, fmt.Errorf("empty share")
	}
	if strings.HasSuffix(t, "%") {
		num := strings.TrimSpace(strings.TrimSuffix(t, "%"))
		num = strings.Replace(num, ",", ".", 1)
		// An exponent is refused before it is read: big.Rat would compute
		// "1e999999999" in full.
		if strings.ContainsAny(num, "/eE") {
			return nil, fmt.Errorf("%q is not a percentage such as \"60 %%\"", string(s))
		}
		r, ok := new(big.Rat).SetString(num)
		if !ok || r.Sign() < 0 {
			return nil, fmt.Errorf("%q is not a percentage such as \"60 %%\"", string(s))
		}
		return r.Quo(r, big.NewRat(100, 1)), nil
	}
	if p, q, ok := strings.Cut(t, "/"); ok {
		n, ok1 := new(big.Int).SetString(strings.TrimSpace(p), 10)
		d, ok2 := new(big.Int).SetString(strings.TrimSpace(q), 10)
		if !ok1 || !ok2 || d.Sign() <= 0 || n.Sign() < 0 {
			return nil, fmt.Errorf("%q is not a fraction such as \"4/6\"", string(s))
		}
		return new(big.Rat).SetFrac(n, d), nil
	}
	return nil, fmt.Errorf("%q is not a share: write a percentage such as \"60 %%\" or a fraction such as \"4/6\"", string(s))
}

// UnmarshalText checks that the text is a share before keeping it as written.
func (s *Share) UnmarshalText(b []byte) error {
	v := Share(strings.TrimSpace(string(b)))
	if v != "" {
		if _, err := v.Rat(); err != nil {
			return err
		}
	}
	*s = v
	return nil
}

// MarshalText writes the share as it was written.
func (s Share) MarshalText() ([]byte, error) { return []byte(s), nil }

// Percent returns the share in percent, for messages and pages.
func Percent(r *big.Rat) *big.Rat { return new(big.Rat).Mul(r, big.NewRat(100, 1)) }
