// Command planverk holds regional-development action plans as structured
// data: it checks their numbers, stores them and writes them out again.
//
// Usage:
//
//	planverk serve [--addr HOST:PORT] [--db PATH-or-URL] [--no-examples] [--sqlite-synchronous normal|full]
//	planverk check [--format text|json] [--lang nb|nn|en] FILE...
//	planverk import [--db PATH-or-URL] [--publish] FILE...
//	planverk publish [--db PATH-or-URL] PROGRAMME YEAR
//	planverk export [--db PATH-or-URL] [-o FILE] PROGRAMME YEAR
//	planverk roll [--db PATH-or-URL] [--lang nb|nn|en] PROGRAMME YEAR
//	planverk schemes export [--format json|csv] [-o FILE] [--db PATH-or-URL]
//	planverk schemes import [--db PATH-or-URL] FILE...
//	planverk user add --email E --name N [--org ORG] [--admin] [--db PATH-or-URL] < password
//	planverk token add --email E [--name N] [--db PATH-or-URL]
//	planverk backup --to FILE [--force] [--db PATH]
//	planverk restore --from FILE [--db PATH]
//	planverk schema
//	planverk demo generate [--db PATH-or-URL] [--seed N] [--programmes N] …
//	planverk version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes shared by the subcommands.
const (
	exitOK       = 0
	exitFailed   = 1 // the input has errors, or the command could not do its work
	exitUnusable = 2 // a file could not be read or parsed, or the command line is wrong
)

// run is main without the process: tests call it with their own streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUnusable
	}
	env := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "serve":
		return env.serve(ctx, args[1:])
	case "check":
		return env.check(args[1:])
	case "import":
		return env.importPlans(ctx, args[1:])
	case "export":
		return env.export(ctx, args[1:])
	case "roll":
		return env.roll(ctx, args[1:])
	case "publish":
		return env.publish(ctx, args[1:])
	case "schemes":
		return env.schemes(ctx, args[1:])
	case "user":
		return env.user(ctx, args[1:])
	case "token":
		return env.token(ctx, args[1:])
	case "backup":
		return env.backup(ctx, args[1:])
	case "restore":
		return env.restore(ctx, args[1:])
	case "schema":
		return env.schema(args[1:])
	case "demo":
		return env.demoCmd(ctx, args[1:])
	case "version", "--version":
		fmt.Fprintln(stdout, "planverk", version)
		return exitOK
	case "help", "-h", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "planverk: unknown command %q\n", args[0])
	usage(stderr)
	return exitUnusable
}

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: planverk COMMAND [options]

commands:
  serve                        start the web application
  check   FILE...              check plan files and print every finding
  import  FILE...              check plan files and store them in the database
  export  PROGRAMME YEAR       write a stored plan as a plan file
  roll    PROGRAMME YEAR       start the plan for YEAR from the plan for the year before
  publish PROGRAMME YEAR       open a stored plan to everyone
  schemes export|import        the support-scheme catalogue as JSON or CSV
  user    add                  add a user; the password is read from standard input
  token   add                  print a new API token for a user
  backup  --to FILE            copy the SQLite database while planverk runs
  restore --from FILE          check a backup and put it in the database's place
  schema                       print the JSON Schema of the plan-file format
  demo    generate             fill a new database with a synthetic national data set
  version                      print planverk's version

Run "planverk COMMAND -h" for a command's options.
`)
}
