package document

import (
	"errors"
	"os"
	"os/exec"
)

// EnvChromium names the Chromium or Chrome binary to print with, as a path
// or a name on PATH. The browser tests read the same variable.
const EnvChromium = "PLANVERK_CHROMIUM"

// ErrNoChromium is returned where no Chromium is installed.
var ErrNoChromium = errors.New("document: no Chromium found: install chromium or name it with --chromium or " + EnvChromium)

// FindChromium returns the path of the browser to print with, or "" where
// none is found. A path given (the --chromium flag) wins, then env
// PLANVERK_CHROMIUM, then /usr/bin/chromium, chromium and chromium-browser
// on PATH.
func FindChromium(given string) string {
	if given == "" {
		given = os.Getenv(EnvChromium)
	}
	if given != "" {
		if found, err := exec.LookPath(given); err == nil {
			return found
		}
		return ""
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	return ""
}
