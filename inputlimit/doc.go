// Package inputlimit bounds what a reader of YAML, JSON or CSV will take
// before it builds anything from it: the size of the document, how deep it
// nests, and how many aliases (YAML's references to a value written once)
// it holds and how far they expand. The checks run on the text or on a
// token stream, so that a hostile file is refused in the time it takes to
// read a few of its levels, before a decoder allocates a level per byte.
//
// A refusal is an *Error that names the limit; readers turn it into their
// own error type and the user's language.
package inputlimit
