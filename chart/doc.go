// Package chart draws the dashboards' charts as SVG that a screen reader
// can name: each chart is an image (role="img") with a title and a
// description, its bars labelled with their values in words, so that no
// figure is told by colour alone. Pages put the same figures in a table
// beside each chart; the chart is for the eye, the table for everyone.
package chart
